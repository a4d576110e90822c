"use client";
import { useState } from "react";
import { postToAuth } from "@/components/auth/auth-request";

async function signOut(): Promise<void> {
  await postToAuth("signout", { callbackUrl: "/courses" });
  // A full page load on purpose: nothing rendered for the signed-in session (router cache, client state)
  // survives sign-out, which a client-side router.push would keep.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign("/courses");
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut().catch(() => setPending(false));
      }}
      className="rounded-md border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
