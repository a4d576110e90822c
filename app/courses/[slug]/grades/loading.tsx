export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse space-y-3">
      <span className="sr-only">Loading your grades…</span>
      <div className="h-7 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 rounded bg-slate-100 dark:bg-slate-900" />
      <div className="h-48 rounded bg-slate-100 dark:bg-slate-900" />
    </div>
  );
}
