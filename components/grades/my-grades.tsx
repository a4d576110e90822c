import Link from "next/link";
import type { MyGrades } from "@/lib/server/grading/grades";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { WhatIf } from "@/components/grades/what-if";
import { assignmentLabel } from "@/lib/domain/assignment-label";

const fmt = (x: number | null, digits = 2) => (x === null ? "–" : String(Math.round(x * 10 ** digits) / 10 ** digits));

/** A student's own released grades, feedback, category subtotals, standing and what-if. */
export function MyGradesView({ data }: { data: MyGrades }) {
  const { current, late } = data;
  const categoryName = new Map(data.categories.map((c) => [c.id, c.name]));
  const released = data.rows.filter((r) => r.released);
  const titles = Object.fromEntries(data.rows.map((r) => [r.id, r.title]));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">My grades</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {data.course.code} · {data.student.name}
        </p>
      </header>

      <section aria-labelledby="standing-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="standing-h" className="text-lg font-semibold">
          Current standing
        </h2>
        {current.percent === null ? (
          <p className="mt-2 text-sm">No grades have been released yet.</p>
        ) : (
          <p className="mt-2 text-3xl font-bold tabular-nums" data-testid="standing">
            {current.percent.toFixed(2)}% <span className="ml-1">{current.letter}</span>
          </p>
        )}
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          From released grades only: work that is not graded or not released yet is not counted.
        </p>
        {late.budgetHours !== null ? (
          <p className="mt-1 text-sm">
            Late hours used: <b className="tabular-nums">{late.hoursUsed}</b> of {late.budgetHours}
            {late.balance !== null
              ? late.balance < 0
                ? ` (${-late.balance} over the budget)`
                : ` (${late.balance} left)`
              : ""}
            .
          </p>
        ) : null}
      </section>

      <section aria-labelledby="cat-h">
        <h2 id="cat-h" className="text-lg font-semibold">
          By category
        </h2>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full min-w-[28rem] text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left dark:border-slate-700">
                <th scope="col" className="py-1 pr-2">
                  Category
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Weight
                </th>
                <th scope="col" className="py-1 pr-2 text-right">
                  Your score
                </th>
                <th scope="col" className="py-1">
                  Notes
                </th>
              </tr>
            </thead>
            <tbody>
              {current.categories.map((c) => {
                const meta = data.categories.find((x) => x.id === c.id);
                return (
                  <tr key={c.id} className="border-b border-slate-100 dark:border-slate-900">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      {c.name}
                      {meta?.trackName ? ` (${meta.trackName} track)` : ""}
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{c.weight}%</td>
                    <td className="py-1 pr-2 text-right tabular-nums">
                      {c.percent === null ? "–" : `${c.percent.toFixed(2)}%`}
                    </td>
                    <td className="py-1 text-slate-600 dark:text-slate-400">
                      {!c.counted && c.percent !== null ? "Not counted (other track)" : ""}
                      {c.allowedMisses > 0
                        ? `${c.missesUsed} of your ${c.allowedMisses} allowed misses used${c.missesOverAllowance ? `; ${c.missesOverAllowance} more missed, counted as zero` : ""}.`
                        : ""}
                      {c.droppedItemIds.length
                        ? `Dropped: ${c.droppedItemIds.map((id) => data.rows.find((r) => r.id === id)?.code ?? "").join(", ")}`
                        : meta && meta.dropLowest > 0
                          ? `Lowest ${meta.dropLowest} dropped`
                          : ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="grades-h">
        <h2 id="grades-h" className="text-lg font-semibold">
          Assignments
        </h2>
        {data.rows.length === 0 ? (
          <EmptyState title="No assignments yet" />
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
            {data.rows.map((r) => (
              <li key={r.id} className="py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-medium">{assignmentLabel(r)}</h3>
                  <span className="tabular-nums">
                    {!r.released ? (
                      <span className="text-slate-600 dark:text-slate-400">Not released yet</span>
                    ) : r.zeroed ? (
                      <b>0 / {r.points}</b>
                    ) : r.capped ? (
                      <span data-testid={`capped-${r.code}`}>
                        <b>
                          {r.capped.letter ? `${r.capped.letter}: ` : ""}
                          {fmt(r.capped.countedPoints)} / {r.points}
                        </b>
                        {r.score !== null ? (
                          <span className="text-slate-600 dark:text-slate-400"> (scored {fmt(r.score)})</span>
                        ) : null}
                      </span>
                    ) : r.excused ? (
                      <span>
                        Excused <span className="text-slate-600 dark:text-slate-400">(not counted)</span>
                      </span>
                    ) : r.score === null ? (
                      <span className="text-slate-600 dark:text-slate-400">No score</span>
                    ) : (
                      <b>
                        {fmt(r.score)} / {r.points}
                      </b>
                    )}
                  </span>
                </div>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {r.categoryId ? categoryName.get(r.categoryId) : "Not part of the final grade"}
                  {r.dueAt ? (
                    <>
                      {" "}
                      · due <LocalTime at={new Date(r.dueAt)} timeZone={data.course.timeZone} style="dateShort" />
                    </>
                  ) : null}
                  {r.lateHours ? ` · ${r.lateHours} late hour${r.lateHours === 1 ? "" : "s"}` : ""}
                </p>
                {r.lateNote ? (
                  <p className="mt-1 text-sm text-red-800 dark:text-red-300" data-testid={`late-note-${r.code}`}>
                    {r.lateNote}
                  </p>
                ) : null}
                {r.released && r.feedback ? (
                  <div className="mt-1 whitespace-pre-line rounded-md bg-slate-50 p-2 text-sm dark:bg-slate-900">
                    <span className="sr-only">Feedback: </span>
                    {r.feedback}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {released.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Grades appear here once staff release them.</p>
        ) : null}
      </section>

      <section aria-labelledby="whatif-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="whatif-h" className="text-lg font-semibold">
          What do I need?
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Works out the final grade from your released scores; it does not change anything.{" "}
          <Link href={`/courses/${data.course.slug}`}>Course home</Link>
        </p>
        <WhatIf
          scheme={data.scheme}
          items={data.items}
          scores={data.scores}
          excused={data.excused}
          trackId={data.trackId}
          consequences={data.consequences}
          missed={data.missed}
          titles={titles}
        />
      </section>
    </div>
  );
}
