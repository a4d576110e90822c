/** Loading state for a course page: the shape of a heading and a few cards. */
export function CoursePageSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="animate-pulse space-y-4">
      <p role="status" className="sr-only">Loading {label}…</p>
      <div className="h-8 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-72 max-w-full rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((i) => <div key={i} className="h-28 rounded-lg bg-slate-100 dark:bg-slate-900" />)}
    </div>
  );
}
