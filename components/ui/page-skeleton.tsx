// The loading state of a page: an announced "Loading …" and grey shapes in the page's layout.
// `bars` are heading/text lines, `blocks` the cards or tables below them (Tailwind size classes).
export function PageSkeleton({
  label,
  bars = ["h-7 w-40"],
  blocks,
}: {
  label: string;
  bars?: string[];
  blocks: string[];
}) {
  return (
    <div aria-busy="true" className="animate-pulse space-y-3">
      <p role="status" className="sr-only">
        {label}
      </p>
      {bars.map((size, i) => (
        <div key={`b${i}`} className={`${size} max-w-full rounded bg-slate-200 dark:bg-slate-800`} />
      ))}
      {blocks.map((size, i) => (
        <div key={i} className={`${size} rounded-lg bg-slate-100 dark:bg-slate-900`} />
      ))}
    </div>
  );
}
