"use client";
import { useState } from "react";
import { postToAuth } from "@/components/auth/auth-request";

async function signOut(): Promise<void> {
  await postToAuth("signout", { callbackUrl: "/courses" });
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
