"use client";

export default function GradebookError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="py-10 text-center">
      <h1 className="text-xl font-bold">The gradebook could not be loaded</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        {error.digest ? `Reference ${error.digest}. ` : ""}No grades were changed. Try again in a moment.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-700 px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
