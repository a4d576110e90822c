import Link from "next/link";
import type { SpeakerWithSessions } from "@/lib/server/course/schedule";
import { formatInZone, localToInstant } from "@/lib/domain/time";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

export function SpeakersList({
  slug,
  timeZone,
  speakers,
}: {
  slug: string;
  timeZone: string;
  speakers: SpeakerWithSessions[];
}) {
  if (speakers.length === 0)
    return (
      <EmptyState
        title="No guest speakers listed"
        body="Guest lectures will appear here once they are on the schedule."
      />
    );
  return (
    <ul className="mt-6 grid gap-4 sm:grid-cols-2">
      {speakers.map((s) => (
        <li key={s.id}>
          <article
            aria-labelledby={`sp-${s.id}`}
            className="h-full rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          >
            <h2 id={`sp-${s.id}`} className="text-lg font-semibold">
              {s.url ? <a href={s.url}>{s.name}</a> : s.name}
            </h2>
            {s.affiliation && s.affiliation !== s.name ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">{s.affiliation}</p>
            ) : null}
            {s.sessions.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No session scheduled yet.</p>
            ) : (
              <ul aria-label={`Sessions with ${s.name}`} className="mt-2 space-y-2 text-sm">
                {s.sessions.map((session) => {
                  return (
                    <li key={session.entryId}>
                      <span className="font-medium">
                        {session.startsAt ? (
                          <LocalTime at={session.startsAt} timeZone={timeZone} />
                        ) : (
                          <time dateTime={session.date}>
                            {formatInZone({
                              at: localToInstant({ date: session.date, time: "12:00", timeZone }),
                              timeZone,
                              style: "date",
                            })}
                          </time>
                        )}
                      </span>
                      <div>{session.title}</div>
                      <Link href={`/courses/${slug}/schedule#${session.weekAnchor}`}>
                        {session.weekLabel} in the schedule<span className="sr-only">: {session.title}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
