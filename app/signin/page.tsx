import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { demoSignInHint } from "@/lib/server/people/demo";
import { oauthProviderIds } from "@/lib/server/people/auth";
import { SiteMain } from "@/components/layout/site-main";
import { SignInForm } from "@/components/auth/sign-in-form";
import { sameOriginPath } from "@/lib/validation/callback-url";
import { siteOrigin } from "@/lib/server/platform/origin";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  await connection();
  const { callbackUrl } = await searchParams;
  const hint = await demoSignInHint(db()).catch(() => null);
  const safeCallback = sameOriginPath(callbackUrl, await siteOrigin());
  return (
    <SiteMain>
      <div className="mx-auto max-w-sm">
        <h1 className="text-2xl font-bold">Sign in</h1>
        <SignInForm callbackUrl={safeCallback} oauth={oauthProviderIds()} />
        {hint ? (
          <aside
            aria-label="Demo accounts"
            className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            <p className="font-medium">Demo data is loaded</p>
            <p>
              Every demo account uses the password <code>{hint.password}</code>, e.g.:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {hint.examples.map((e) => (
                <li key={e.email}>
                  <code>{e.email}</code> ({e.label})
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
      </div>
    </SiteMain>
  );
}
