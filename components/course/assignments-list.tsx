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
import { assignmentLabel } from "@/lib/domain/assignment-label";

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

type Props = { slug: string; timeZone: string; assignments: PublicAssignment[]; now: Date };

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Past assignments by the LOCAL month they were due in, newest month first. */
function pastByMonth(
  past: PublicAssignment[],
  timeZone: string,
): { key: string; label: string; items: PublicAssignment[] }[] {
  const months = new Map<string, PublicAssignment[]>();
  for (const a of [...past].sort((x, y) => y.dueAt!.getTime() - x.dueAt!.getTime())) {
    const key = localDateOf({ at: a.dueAt!, timeZone }).slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), a]);
  }
  return [...months].map(([key, items]) => ({
    key,
    label: `${MONTH_NAMES[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`,
    items,
  }));
}

/**
 * The class's deadlines: what is still to come first, soonest first (the page opens at the next
 * one), then past deadlines folded by month (a <details> each: no script, and a link to one
 * of them opens its month).
 */
export function AssignmentsList({ slug, timeZone, assignments, now }: Props) {
  if (assignments.length === 0)
    return <EmptyState title="No assignments posted yet" body="Assignments and their due dates will appear here." />;
  const isPast = (a: PublicAssignment) => a.dueAt !== null && a.dueAt.getTime() <= now.getTime();
  const upcoming = assignments
    .filter((a) => !isPast(a))
    .sort((x, y) => (x.dueAt?.getTime() ?? Infinity) - (y.dueAt?.getTime() ?? Infinity));
  const months = pastByMonth(assignments.filter(isPast), timeZone);
  const card = { slug, timeZone, now };
  return (
    <>
      <ScrollToHash />
      <section aria-labelledby="upcoming-h" className="mt-6">
        <h2 id="upcoming-h" className="text-xl font-semibold">
          Coming up
        </h2>
        {upcoming.length ? (
          <ol className="mt-3 space-y-4">
            {upcoming.map((a, i) => (
              <li key={a.id}>
                <AssignmentCard a={a} next={i === 0 && a.dueAt !== null} {...card} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Nothing is due any more: every deadline has passed.
          </p>
        )}
      </section>
      {months.length ? (
        <section aria-labelledby="past-h" className="mt-8">
          <h2 id="past-h" className="text-xl font-semibold">
            Past deadlines
          </h2>
          <div className="mt-3 space-y-2">
            {months.map((m) => (
              <details key={m.key} className="rounded-lg border border-slate-200 dark:border-slate-800">
                <summary className="cursor-pointer px-4 py-2 font-medium">
                  {m.label}{" "}
                  <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                    · {m.items.length} deadline{m.items.length === 1 ? "" : "s"}:{" "}
                    {m.items.map((a) => a.code).join(", ")}
                  </span>
                </summary>
                <ol className="space-y-4 px-4 pb-4">
                  {m.items.map((a) => (
                    <li key={a.id}>
                      <AssignmentCard a={a} next={false} {...card} />
                    </li>
                  ))}
                </ol>
              </details>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

function AssignmentCard({
  a,
  next,
  slug,
  timeZone,
  now,
}: {
  a: PublicAssignment;
  next: boolean;
  slug: string;
  timeZone: string;
  now: Date;
}) {
  const anchor = assignmentAnchor(a);
  const upcoming = a.dueAt !== null && a.dueAt.getTime() > now.getTime();
  const nowIso = now.toISOString();
  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-h`}
      className="scroll-mt-4 rounded-lg border border-slate-200 p-4 target:ring-2 target:ring-brand-600 dark:border-slate-800"
    >
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <h3 id={`${anchor}-h`} className="text-lg font-semibold">
          {assignmentLabel(a)}
        </h3>
        {next ? <Badge tone="brand">Next</Badge> : null}
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
  );
}
