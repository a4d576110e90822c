/** Loading skeleton shared by the deadlines pages. */
export function DeadlinesSkeleton({ what }: { what: string }) {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse space-y-4 py-2">
      <span className="sr-only">Loading {what}…</span>
      <div className="h-7 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-3 w-full rounded-full bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 w-full rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 w-full rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
