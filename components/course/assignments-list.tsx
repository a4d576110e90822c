import Link from "next/link";
import { KIND_LABELS, type PublicAssignment } from "@/lib/server/course/assignments";
import { formatPercent, type ItemWeight } from "@/lib/domain/assignment-weight";
import { assignmentAnchor, weekAnchor } from "@/lib/domain/schedule-weeks";
import { localDateOf } from "@/lib/domain/time";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/course/badge";
import { Countdown } from "@/components/course/countdown";
import { DueHistory } from "@/components/course/due-history";
import { ScrollToHash } from "@/components/course/scroll-to-hash";

export function weightText(w: ItemWeight | null): string {
  if (!w) return "Not part of the final grade";
  const parts = [`${w.category}: ${formatPercent(w.categoryPercent)} of the final grade`];
  if (w.itemsInCategory > 1) {
    const share = w.equalShare
      ? `1 of ${w.itemsInCategory} equal parts`
      : `${formatPercent(w.shareOfCategory * 100)} of the category`;
    parts.push(`this item ${share} (${formatPercent(w.percentOfGrade)} of the grade)`);
  }
  if (w.dropLowest > 0) parts.push(`lowest ${w.dropLowest} dropped`);
  if (w.track) parts.push(`counts on the ${w.track} track only`);
  return parts.join(" · ");
}

export function AssignmentsList({
  slug,
  timeZone,
  assignments,
  now,
}: {
  slug: string;
  timeZone: string;
  assignments: PublicAssignment[];
  now: Date;
}) {
  if (assignments.length === 0)
    return <EmptyState title="No assignments posted yet" body="Assignments and their due dates will appear here." />;
  const nowIso = now.toISOString();
  return (
    <>
      <ScrollToHash />
      <ol className="mt-6 space-y-4">
        {assignments.map((a) => {
          const anchor = assignmentAnchor(a);
          const upcoming = a.dueAt !== null && a.dueAt.getTime() > now.getTime();
          return (
            <li key={a.id}>
              <article
                id={anchor}
                aria-labelledby={`${anchor}-h`}
                className="scroll-mt-4 rounded-lg border border-slate-200 p-4 target:ring-2 target:ring-brand-600 dark:border-slate-800"
              >
                <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                  <h2 id={`${anchor}-h`} className="text-lg font-semibold">
                    {a.code === a.title ? (
                      a.title
                    ) : (
                      <>
                        <span className="font-mono">{a.code}</span> {a.title}
                      </>
                    )}
                  </h2>
                  <Badge>{KIND_LABELS[a.kind]}</Badge>
                  {a.changed ? <Badge tone="amber">Extended</Badge> : null}
                  {!a.acceptsLate ? <Badge tone="rose">No late submissions</Badge> : null}
                </header>
                <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
                  <dt className="font-medium text-slate-700 dark:text-slate-300">Weight</dt>
                  <dd>{weightText(a.weight)}</dd>
                  <dt className="font-medium text-slate-700 dark:text-slate-300">Released</dt>
                  <dd>{a.releasedAt ? <LocalTime at={a.releasedAt} timeZone={timeZone} /> : "Not announced"}</dd>
                  <dt className="font-medium text-slate-700 dark:text-slate-300">Due</dt>
                  <dd>
                    {a.dueAt ? (
                      <>
                        <span className="font-semibold">
                          <LocalTime at={a.dueAt} timeZone={timeZone} />
                        </span>{" "}
                        {upcoming ? <Countdown dueIso={a.dueAt.toISOString()} serverNowIso={nowIso} /> : null}{" "}
                        <Link
                          href={`/courses/${slug}/schedule#${weekAnchor({ date: localDateOf({ at: a.dueAt, timeZone }) })}`}
                          className="text-xs"
                        >
                          in the schedule<span className="sr-only"> ({a.code})</span>
                        </Link>
                      </>
                    ) : (
                      "No due date"
                    )}
                    {a.changed ? <DueHistory history={a.history} timeZone={timeZone} /> : null}
                  </dd>
                </dl>
                {a.description ? (
                  <p className="mt-3 max-w-3xl text-sm text-slate-700 dark:text-slate-300">{a.description}</p>
                ) : null}
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
