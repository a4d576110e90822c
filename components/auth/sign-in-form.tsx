"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
// Neither next-auth/react nor zod: together they were 40 KB gzipped of this page's JavaScript.
import { checkSignIn, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/validation/sign-in";
import { postToAuth, redirectUrl } from "@/components/auth/auth-request";

/**
 * Signs in with email and password without leaving the page, as next-auth/react's
 * signIn("credentials", { redirect: false }) did. Null on success, else the `error` of the URL
 * next-auth would have redirected to: "CredentialsSignin", or the message authorize() threw.
 */
async function signInWithCredentials(fields: { email: string; password: string }): Promise<string | null> {
  const url = await redirectUrl(
    await postToAuth("callback/credentials", { ...fields, callbackUrl: window.location.href }),
  );
  return url ? new URL(url, window.location.href).searchParams.get("error") : "CredentialsSignin";
}

/** OAuth: next-auth answers with the provider's authorization page. */
async function signInWithProvider(providerId: string, callbackUrl: string): Promise<void> {
  const url = (await redirectUrl(await postToAuth(`signin/${providerId}`, { callbackUrl }))) ?? callbackUrl;
  window.location.href = url;
  if (url.includes("#")) window.location.reload();
}

export function SignInForm({
  callbackUrl,
  oauth = [],
}: {
  callbackUrl: string;
  oauth?: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = checkSignIn({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (!parsed.ok) {
      setFieldErrors(parsed.fieldErrors);
      return;
    }
    setFieldErrors({});
    startTransition(async () => {
      const failure = await signInWithCredentials(parsed.data);
      if (failure) {
        // Nothing but these two texts ever reaches the page, whatever the server said.
        setError(failure === TOO_MANY_ATTEMPTS ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mt-6 space-y-4"
      aria-describedby={error ? "signin-error" : undefined}
    >
      {error ? (
        <p
          id="signin-error"
          role="alert"
          className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={Boolean(fieldErrors.email)}
          aria-describedby={fieldErrors.email ? "email-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
        {fieldErrors.email ? (
          <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {fieldErrors.email[0]}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(fieldErrors.password)}
          aria-describedby={fieldErrors.password ? "password-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
        {fieldErrors.password ? (
          <p id="password-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {fieldErrors.password[0]}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {oauth.map((p) => (
        <button
          key={p.id}
          type="button"
          onClick={() => void signInWithProvider(p.id, callbackUrl)}
          className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Continue with {p.name}
        </button>
      ))}
    </form>
  );
}
