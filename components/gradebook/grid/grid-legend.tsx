/** What the marks inside the cells mean (issue 12: the feedback dot had no legend). */
export function GridLegend({ hasLatePolicy }: { hasLatePolicy: boolean }) {
  return (
    <ul
      aria-label="What the marks in the cells mean"
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
    >
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-1.5 w-1.5 rounded-full bg-brand-600" />
        has feedback
      </li>
      <li>
        <b>EX</b> excused (left out of the grade)
      </li>
      <li>
        <span className="text-slate-500">–</span> no score yet
      </li>
      {hasLatePolicy ? (
        <>
          <li>
            <span className="text-amber-800 dark:text-amber-300">+5h</span> late hours charged
          </li>
          <li>
            <span className="font-semibold text-red-700 dark:text-red-300">cutoff</span> after the final cutoff (scores
            zero)
          </li>
        </>
      ) : null}
      <li>
        <span className="text-amber-800 dark:text-amber-300">hidden</span> grades not yet released to students
      </li>
    </ul>
  );
}
