import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getGradebookStats } from "@/lib/server/grading/grade-stats";
import { GradebookNav } from "@/components/gradebook/gradebook-nav";
import { LetterDistribution } from "@/components/gradebook/letter-distribution";
import { ReleaseButton } from "@/components/gradebook/release-button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

export const metadata = { title: "Assignments and release" };

const num = (x: number | null) => (x === null ? "–" : (Math.round(x * 10) / 10).toString());

export default async function GradebookAssignmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const returnTo = `/courses/${slug}/gradebook/assignments`;
  const stats = await guardPage(() => getGradebookStats({ db: db(), slug, viewer, now: serverNow() }), { returnTo });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Assignments, release and statistics</h1>
      <GradebookNav slug={slug} current="assignments" canImport={stats.canImport} />
      {stats.assignments.length === 0 ? (
        <EmptyState title="No assignments yet" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">Assignments with grading progress and release state</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left dark:border-slate-700">
                <th scope="col" className="py-2 pr-2">
                  Assignment
                </th>
                <th scope="col" className="py-2 pr-2 text-right">
                  Graded
                </th>
                <th scope="col" className="py-2 pr-2 text-right">
                  Submitted
                </th>
                <th scope="col" className="py-2 pr-2 text-right">
                  Late
                </th>
                <th scope="col" className="py-2 pr-2 text-right">
                  Mean
                </th>
                <th scope="col" className="py-2 pr-2 text-right">
                  Median
                </th>
                <th scope="col" className="py-2 pr-2">
                  Students see grades
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.assignments.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 align-top dark:border-slate-900">
                  <th scope="row" className="py-2 pr-2 text-left font-normal">
                    <Link href={`/courses/${slug}/gradebook/assignments/${a.id}`} className="font-medium">
                      {a.code}
                    </Link>{" "}
                    <span className="text-slate-600 dark:text-slate-400">{a.title}</span>
                    <div className="text-xs text-slate-600 dark:text-slate-400">
                      {a.categoryName ?? "Not graded into the final grade"} · {a.points} points
                    </div>
                  </th>
                  <td className="py-2 pr-2 text-right tabular-nums">
                    {a.graded} / {a.enrolled}
                  </td>
                  <td className="py-2 pr-2 text-right tabular-nums">{a.submissions}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{a.late}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{num(a.mean)}</td>
                  <td className="py-2 pr-2 text-right tabular-nums">{num(a.median)}</td>
                  <td className="py-2 pr-2">
                    <div className="mb-1">
                      {a.released && a.gradesReleasedAt ? (
                        <>
                          Released{" "}
                          <LocalTime
                            at={new Date(a.gradesReleasedAt)}
                            timeZone={stats.course.timeZone}
                            style="dateShort"
                          />
                        </>
                      ) : (
                        <span className="text-amber-800 dark:text-amber-300">Hidden</span>
                      )}
                    </div>
                    {stats.canRelease ? (
                      <ReleaseButton slug={slug} assignmentId={a.id} code={a.code} released={a.released} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="dist" className="space-y-2">
        <h2 id="dist" className="text-lg font-semibold">
          Current letter grades
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each student&apos;s standing from the grades entered so far (ungraded work not counted), late-policy
          consequences applied.
        </p>
        <LetterDistribution distribution={stats.distribution} caption="Students per current letter" />
      </section>
    </div>
  );
}
