"use client";

/** Error state inside a course page: the course navigation stays, the page offers a retry. */
export function CoursePageError({
  what,
  error,
  reset,
}: {
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 p-6 dark:border-red-900">
      <h1 className="text-xl font-semibold">The {what} could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        This is usually brief (the database may be restarting).{error.digest ? ` Reference ${error.digest}.` : ""}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </div>
  );
}
