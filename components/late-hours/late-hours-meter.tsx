/**
 * Late hours used against the budget, as an ARIA meter: screen readers hear
 * "19 of 144 late hours used, 125 left"; the bar turns amber past 75% and red
 * over the budget (the text says so too, colour is never the only signal).
 */
export function LateHoursMeter({
  id,
  label,
  budget,
  balance,
}: {
  id: string;
  label: string;
  budget: number | null;
  balance: number | null;
}) {
  if (budget === null || balance === null) {
    return <p className="text-sm text-slate-700 dark:text-slate-300">This course has no late-hour budget.</p>;
  }
  const used = budget - balance;
  const shown = Math.min(Math.max(used, 0), budget);
  const percent = budget > 0 ? (shown / budget) * 100 : 100;
  const over = balance < 0;
  const text = over
    ? `${used} of ${budget} late hours used, ${-balance} over the budget`
    : `${used} of ${budget} late hours used, ${balance} left`;
  const tone = over ? "bg-red-600" : percent > 75 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span id={`${id}-label`} className="font-medium">
          {label}
        </span>
        <span aria-hidden="true" className="tabular-nums">
          {used} / {budget} h
        </span>
      </div>
      <div
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={shown}
        aria-valuetext={text}
        className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className={`h-full ${tone}`} style={{ width: `${percent}%` }} />
      </div>
      <p
        className={`mt-1 text-sm ${over ? "font-medium text-red-800 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}`}
      >
        {text}.
      </p>
    </div>
  );
}
