import type { GradeDistribution } from "@/lib/domain/grading";
import { CountChart } from "@/components/gradebook/score-histogram";

/** Current letters across the class: a chart and, for everyone, the same numbers as a table. */
export function LetterDistribution({ distribution, caption }: { distribution: GradeDistribution; caption: string }) {
  const bins = distribution.counts.map((c) => ({ label: c.letter, count: c.count }));
  if (distribution.ungraded) bins.push({ label: "No grade", count: distribution.ungraded });
  return (
    <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
      <CountChart bins={bins} label={`${caption} (chart; the table has the same numbers)`} xLabel="Letter" />
      <table className="w-full text-sm">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="py-1 text-left">
              Letter
            </th>
            <th scope="col" className="py-1 text-right">
              Students
            </th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.label} className="border-b border-slate-100 dark:border-slate-900">
              <th scope="row" className="py-1 text-left font-normal">
                {b.label}
              </th>
              <td className="py-1 text-right tabular-nums">{b.count}</td>
            </tr>
          ))}
          {distribution.unknown ? (
            <tr>
              <th scope="row" className="py-1 text-left font-normal">
                Other letters
              </th>
              <td className="py-1 text-right tabular-nums">{distribution.unknown}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
