import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getAssignmentStats } from "@/lib/server/grading/grade-stats";
import { CountChart } from "@/components/gradebook/score-histogram";
import { ReleaseButton } from "@/components/gradebook/release-button";
import { LocalTime } from "@/components/ui/local-time";
import { assignmentLabel } from "@/lib/domain/assignment-label";

export const metadata = { title: "Assignment statistics" };

const num = (x: number | null) => (x === null ? "–" : (Math.round(x * 100) / 100).toString());

export default async function AssignmentStatsPage({
  params,
}: {
  params: Promise<{ slug: string; assignmentId: string }>;
}) {
  await connection();
  const { slug, assignmentId } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getAssignmentStats({ db: db(), slug, viewer, assignmentId, now: serverNow() }), {
    returnTo: `/courses/${slug}/gradebook/assignments/${assignmentId}`,
  });
  const { summary, stats } = data;
  const bins = stats.histogram.map((b) => ({ label: `${num(b.from)}–${num(b.to)}`, count: b.count }));
  const figures: [string, string][] = [
    ["Mean", num(summary.mean)],
    ["Median", num(summary.median)],
    ["Lowest", num(stats.min)],
    ["Highest", num(stats.max)],
    ["Graded", `${summary.graded} of ${summary.enrolled}`],
    ["Submissions received", String(summary.submissions)],
    ["Submitted late", String(summary.late)],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/courses/${slug}/gradebook/assignments`}>← All assignments</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{assignmentLabel(summary)}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {summary.points} points · {summary.categoryName ?? "not graded into the final grade"}
          {summary.dueAt ? (
            <>
              {" "}
              · due <LocalTime at={new Date(summary.dueAt)} timeZone={data.course.timeZone} />
            </>
          ) : null}
        </p>
      </header>
      <div className="flex flex-wrap items-center gap-3">
        <span>{summary.released ? "Students can see these grades." : "Grades are hidden from students."}</span>
        {data.canRelease ? (
          <ReleaseButton slug={slug} assignmentId={summary.id} code={summary.code} released={summary.released} />
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([k, v]) => (
          <div key={k} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="text-lg font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="hist" className="space-y-2">
        <h2 id="hist" className="text-lg font-semibold">
          Score distribution
        </h2>
        {stats.count === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No scores entered yet.</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
            <CountChart
              bins={bins}
              label={`Histogram of ${summary.code} scores (the table has the same numbers)`}
              xLabel="Points"
            />
            <table className="w-full text-sm">
              <caption className="text-left font-medium">Students per score band</caption>
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className="py-1 text-left">
                    Points
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
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
