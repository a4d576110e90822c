import { connection } from "next/server";
import Link from "next/link";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { describeUnsubscribe } from "@/lib/server/notify/settings";
import { NOTIFICATION_LABELS } from "@/lib/server/notify/kinds";
import { SiteMain } from "@/components/layout/site-main";
import { UnsubscribeForm } from "@/components/notify/notification-settings-form";
import { unsubscribeAction } from "@/app/settings/notifications/actions";

export const metadata = { title: "Unsubscribe", robots: { index: false } };

// The link in every email. No sign-in: the signed token says who and what. Opening it changes
// nothing (mail scanners open links); the button does. Mail apps use the one-click route instead.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const viewer = await currentViewer();
  const link = await guardPage(() => describeUnsubscribe({ db: db(), token, viewer }), {
    returnTo: `/unsubscribe/${token}`,
  });
  const what =
    link.scope === "ALL" ? "any email" : `emails about ${NOTIFICATION_LABELS[link.scope].label.toLowerCase()}`;
  return (
    <SiteMain>
      <div className="max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">Unsubscribe</h1>
        {link.alreadyOff ? (
          <p role="status">
            {link.email} already gets no {what} from Lectern.
          </p>
        ) : (
          <>
            <p>
              Stop sending {what} to <strong>{link.email}</strong>?
            </p>
            <UnsubscribeForm token={token} label="Unsubscribe" action={unsubscribeAction} />
          </>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed in, you can choose each kind of email in your{" "}
          <Link href="/settings/notifications">email settings</Link>.
        </p>
      </div>
    </SiteMain>
  );
}
