import Link from "next/link";
import type { CourseSchedule, ScheduleEntryDto, ScheduleEventDto, ScheduleWeekDto } from "@/lib/server/course/schedule";
import {
  assignmentAnchor,
  groupBySprint,
  SCHEDULE_FILTERS,
  weekRangeLabel,
  type ScheduleFilter,
} from "@/lib/domain/schedule-weeks";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/course/badge";
import { CourseTime } from "@/components/course/course-time";
import { ScheduleFilterShell } from "@/components/course/schedule-filter";
import styles from "@/components/course/course-pages.module.css";
import { assignmentLabel } from "@/lib/domain/assignment-label";

/** The filters a week or item shows under, as the wrapper's CSS reads them (course-pages.module.css). */
export function filterTags(tags: readonly ScheduleFilter[]): string {
  return tags.join(" ");
}

const KIND_LABEL: Record<ScheduleEntryDto["kind"], string> = {
  LECTURE: "Lecture",
  LAB: "Lab",
  NO_CLASS: "No class",
  PRESENTATION: "Presentations",
  MILESTONE: "Milestone",
};

type Heading = "h2" | "h3";
const lower = (h: Heading): "h3" | "h4" => (h === "h2" ? "h3" : "h4");

export function ScheduleView({
  schedule,
  filter,
  currentWeek,
}: {
  schedule: CourseSchedule;
  filter: ScheduleFilter | null;
  currentWeek: string | null;
}) {
  const { weeks, course } = schedule;
  if (weeks.length === 0)
    return (
      <EmptyState
        title="No schedule posted yet"
        body="Sessions and deadlines will appear here once the instructor posts them."
      />
    );
  const current = weeks.find((w) => w.key === currentWeek) ?? null;
  const available = SCHEDULE_FILTERS.filter((f) => weeks.some((w) => w.tags.includes(f)));
  return (
    <ScheduleFilterShell initial={filter} available={available} currentAnchor={current?.anchor ?? null}>
      <div className="space-y-6 print:space-y-3">
        {groupBySprint(weeks).map((group, gi) =>
          group.sprint ? (
            <section
              key={`${group.sprint}-${gi}`}
              aria-labelledby={`sprint-${gi}`}
              data-tags={filterTags(union(group.weeks))}
              className="rounded-xl border-l-4 border-brand-600 pl-3 sm:pl-4 print:border-l-2"
            >
              <h2 id={`sprint-${gi}`} className="text-xl font-bold text-brand-800 dark:text-brand-100 print:text-base">
                {group.sprint}
              </h2>
              <div className="mt-2 space-y-4 print:space-y-2">
                {group.weeks.map((w) => (
                  <WeekSection
                    key={w.key}
                    week={w}
                    slug={course.slug}
                    timeZone={course.timeZone}
                    heading="h3"
                    current={w.key === currentWeek}
                  />
                ))}
              </div>
            </section>
          ) : (
            group.weeks.map((w) => (
              <WeekSection
                key={w.key}
                week={w}
                slug={course.slug}
                timeZone={course.timeZone}
                heading="h2"
                current={w.key === currentWeek}
              />
            ))
          ),
        )}
      </div>
    </ScheduleFilterShell>
  );
}

function union(weeks: readonly ScheduleWeekDto[]): ScheduleFilter[] {
  return SCHEDULE_FILTERS.filter((f) => weeks.some((w) => w.tags.includes(f)));
}

function WeekSection({
  week,
  slug,
  timeZone,
  heading: H,
  current,
}: {
  week: ScheduleWeekDto;
  slug: string;
  timeZone: string;
  heading: Heading;
  current: boolean;
}) {
  const headingId = `${week.anchor}-h`;
  return (
    <section
      id={week.anchor}
      aria-labelledby={headingId}
      aria-current={current ? "date" : undefined}
      data-no-class={week.noClass ? "" : undefined}
      data-tags={filterTags(week.tags)}
      className={styles.week}
    >
      <header className={styles.weekHead}>
        <H id={headingId}>{week.label}</H>
        <p className={styles.muted}>
          {week.start && week.end
            ? weekRangeLabel({ start: week.start, end: week.end })
            : week.kind === "after"
              ? "After the last day of classes"
              : "Before the first day of classes"}
        </p>
        {current ? <Badge tone="brand">This week</Badge> : null}
        {week.noClass ? (
          <Badge tone="amber">No class{week.noClass !== week.label ? `: ${week.noClass}` : ""}</Badge>
        ) : null}
      </header>
      {week.items.length === 0 ? (
        <p className={`mt-2 ${styles.muted}`}>No sessions or deadlines listed for this week.</p>
      ) : (
        <ul className={styles.items}>
          {week.items.map((item) =>
            item.type === "entry" ? (
              <EntryItem
                key={item.entry.id}
                entry={item.entry}
                timeZone={timeZone}
                heading={lower(H)}
                tags={filterTags(item.tags)}
              />
            ) : (
              <EventItem
                key={`${item.event.kind}-${item.event.assignmentId}`}
                event={item.event}
                slug={slug}
                timeZone={timeZone}
                tags={filterTags(item.tags)}
              />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function EntryItem({
  entry,
  timeZone,
  heading: H,
  tags,
}: {
  entry: ScheduleEntryDto;
  timeZone: string;
  heading: "h3" | "h4";
  tags: string;
}) {
  const guest = entry.speakers.length > 0 && entry.kind !== "NO_CLASS";
  const materials = [
    { label: "Slides", url: entry.materials.slides },
    { label: "Notes", url: entry.materials.notes },
    { label: "Recording", url: entry.materials.recording },
    { label: "Post-lecture quiz", url: entry.materials.quiz },
  ].filter((m): m is { label: string; url: string } => !!m.url);
  return (
    <li data-tags={tags} data-entry-kind={entry.kind}>
      <div className={styles.entryHead}>
        <H>{entry.title}</H>
        <Badge tone={entry.kind === "NO_CLASS" ? "amber" : "neutral"}>{KIND_LABEL[entry.kind]}</Badge>
        {guest ? <Badge tone="violet">Guest lecture</Badge> : null}
      </div>
      <p className={styles.when}>
        {entry.startsAt && entry.labels.start ? (
          <>
            <CourseTime at={entry.startsAt} label={entry.labels.start} timeZone={timeZone} />
            {entry.endsAt ? (
              <>
                {" "}
                – <time dateTime={entry.endsAt.toISOString()}>{entry.labels.end}</time>
              </>
            ) : null}
          </>
        ) : (
          <time dateTime={entry.date}>{entry.labels.day}</time>
        )}
        {entry.location && entry.kind !== "NO_CLASS" ? <> · {entry.location}</> : null}
      </p>
      {entry.note ? <p className={styles.detail}>{entry.note}</p> : null}
      {entry.topics.length ? (
        <ul aria-label="Topics" className={`${styles.detail} ${styles.bullets}`}>
          {entry.topics.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      ) : null}
      {entry.speakers.length ? (
        <div className={styles.detail}>
          <span className="font-medium">{entry.speakers.length > 1 ? "Guest speakers" : "Guest speaker"}: </span>
          {entry.speakers.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ", " : null}
              {s.url ? <a href={s.url}>{s.name}</a> : s.name}
              {s.affiliation && s.affiliation !== s.name ? <> ({s.affiliation})</> : null}
            </span>
          ))}
        </div>
      ) : null}
      {entry.readings.length ? (
        <div className={styles.detail}>
          <p className="font-medium">Suggested reading</p>
          <ul className={styles.bullets}>
            {entry.readings.map((r, i) => (
              <li key={i}>{r.url ? <a href={r.url}>{r.title}</a> : r.title}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {materials.length ? (
        <p className={`${styles.detail} flex flex-wrap gap-x-3`}>
          <span className="font-medium">Materials:</span>
          {materials.map((m) => (
            <a key={m.label} href={m.url}>
              {m.label}
              <span className="sr-only"> for {entry.title}</span>
            </a>
          ))}
        </p>
      ) : null}
    </li>
  );
}

function EventItem({
  event,
  slug,
  timeZone,
  tags,
}: {
  event: ScheduleEventDto;
  slug: string;
  timeZone: string;
  tags: string;
}) {
  const due = event.kind === "due";
  return (
    <li data-tags={tags} className={styles.event} data-event-kind={event.kind}>
      <span className="font-semibold">{due ? "Due" : "Released"}:</span>{" "}
      <Link href={`/courses/${slug}/assignments#${assignmentAnchor(event)}`}>{assignmentLabel(event)}</Link> ·{" "}
      <CourseTime at={event.at} label={event.atLabel} timeZone={timeZone} />
      {due && event.extended ? (
        <>
          {" "}
          <Badge tone="amber">Extended</Badge>
        </>
      ) : null}
    </li>
  );
}
