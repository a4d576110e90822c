import Link from "next/link";
import type { CourseLateHours } from "@/lib/server/deadlines/my-deadlines";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { FlagBadge } from "@/components/late-hours/flag-badges";
import { UsageChart } from "@/components/late-hours/usage-chart";

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

export function CourseLateHoursView({ data }: { data: CourseLateHours }) {
  const { course, policy } = data;
  const base = `/courses/${course.slug}/late-hours`;
  const covered = data.assignments.filter((a) => a.usesLateHours);
  const flagged = data.students.filter((s) => s.flags.length > 0);
  const bars = data.histogram.map((b) => ({ label: b.label, students: b.students, over: b.max === null }));
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Late hours</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {policy?.kind === "BUDGET"
              ? `Budget ${policy.budgetHours} h per student${policy.perAssignmentCapHours ? `, at most ${policy.perAssignmentCapHours} h per assignment` : ""}${policy.excludedWindow ? `; ${policy.excludedWindow.start}–${policy.excludedWindow.end} not counted` : ""}.`
              : policy
                ? "This course flags late work without a budget."
                : "This course has no late policy."}
            {policy?.finalCutoffAt ? (
              <>
                {" "}
                Final cutoff <LocalTime at={policy.finalCutoffAt} timeZone={course.timeZone} />.
              </>
            ) : null}
          </p>
        </div>
        {data.canGrant ? (
          <Link
            href={`${base}/extensions`}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm no-underline hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            Extensions
          </Link>
        ) : null}
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Stat label="Students" value={data.totals.students} />
        <Stat label="Hours used in total" value={data.totals.hoursUsed} />
        <Stat label="Over budget" value={data.totals.overBudget} />
        <Stat label="Over a cap" value={data.totals.overCap} />
        <Stat label="After the cutoff" value={data.totals.afterCutoff} />
      </dl>

      <section aria-labelledby="usage-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="usage-h" className="text-lg font-semibold">
          Usage across the course
        </h2>
        <div className="mt-3 grid gap-4 md:grid-cols-[2fr_1fr]">
          <UsageChart bars={bars} />
          <table className="text-left text-sm">
            <caption className="text-left text-sm font-medium">Students by late hours used</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Hours used
                </th>
                <th scope="col" className="py-1 text-right">
                  Students
                </th>
              </tr>
            </thead>
            <tbody>
              {data.histogram.map((b) => (
                <tr key={b.label} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {b.label}
                  </th>
                  <td className="py-1 text-right tabular-nums">{b.students}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {covered.length ? (
          <p className="mt-3 text-sm">
            Hours charged per assignment: {covered.map((a) => `${a.code} ${a.totalHours} h`).join(" · ")}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="flags-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="flags-h" className="text-lg font-semibold">
          Needs attention ({flagged.length})
        </h2>
        {flagged.length === 0 ? (
          <p className="mt-2 text-sm">No student is over the budget, over a cap or past the cutoff.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {flagged.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`${base}/students/${s.id}`}>{s.name}</Link>
                {s.teams.length > 0 ? (
                  <span className="text-xs text-slate-600 dark:text-slate-400">({s.teams.join(", ")})</span>
                ) : null}
                {s.flags.map((f) => (
                  <FlagBadge key={`${f.kind}-${f.code}`} kind={f.kind} code={f.code} />
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="students-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="students-h" className="text-lg font-semibold">
          Ledgers by student
        </h2>
        {data.students.length === 0 ? (
          <EmptyState title="No enrolled students" />
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">
                Late hours used, adjustments and balance per student; select a name for the full ledger
              </caption>
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-600 dark:border-slate-700 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Student
                  </th>
                  {covered.map((a) => (
                    <th key={a.id} scope="col" className="py-2 pr-3 text-right">
                      {a.code}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pr-3 text-right">
                    Adjusted
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    Used
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Left
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.students.map((s) => (
                  <tr key={s.id} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1.5 pr-3 font-normal">
                      <Link href={`${base}/students/${s.id}`}>{s.name}</Link>
                      {s.teams.length > 0 ? (
                        <span className="block text-xs text-slate-600 dark:text-slate-400">{s.teams.join(", ")}</span>
                      ) : null}
                    </th>
                    {covered.map((a) => (
                      <td key={a.id} className="py-1.5 pr-3 text-right tabular-nums">
                        {s.perAssignment[a.code] ?? 0}
                      </td>
                    ))}
                    <td className="py-1.5 pr-3 text-right tabular-nums">{s.adjustments}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{s.used + s.adjustments}</td>
                    <td
                      className={`py-1.5 text-right tabular-nums ${s.balance !== null && s.balance < 0 ? "font-semibold text-red-800 dark:text-red-300" : ""}`}
                    >
                      {s.balance ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
