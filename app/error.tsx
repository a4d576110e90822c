"use client";
import { SiteMain } from "@/components/layout/site-main";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SiteMain>
      <div role="alert" className="py-16 text-center">
        <h1 className="text-2xl font-bold">Something went wrong</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-300">
          {error.digest ? `Reference ${error.digest}. ` : ""}Nothing you entered was saved twice; you can try again.
        </p>
        <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-700 px-4 py-2 text-white">
          Try again
        </button>
      </div>
    </SiteMain>
  );
}
