const TONES = {
  neutral: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  brand: "bg-brand-100 text-brand-800 dark:bg-brand-800 dark:text-white",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-50",
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-50",
  rose: "bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-50",
  emerald: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50",
} as const;

export type BadgeTone = keyof typeof TONES;

/** A small label next to a heading ("No class", "Guest lecture", "Extended"). */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium print:border print:border-black print:bg-transparent print:text-black ${TONES[tone]}`}>
      {children}
    </span>
  );
}
