import Link from "next/link";
import type { CourseHome } from "@/lib/server/course/courses";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { assignmentAnchor } from "@/lib/domain/schedule-weeks";

const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `h-${title.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/**
 * The course home. `notice` is what the viewer must see first (a waitlisted student's place in
 * line), shown right under the course's title.
 */
export function CourseHomeView({ home, now, notice }: { home: CourseHome; now: Date; notice?: React.ReactNode }) {
  const { course } = home;
  const upcoming = home.assignments.filter((a) => a.dueAt && a.dueAt >= now).slice(0, 5);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{course.title}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-300">
          {[course.code, course.term, course.institution].filter(Boolean).join(" · ")}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Times shown in {course.timeZone} · {home.enrolled} enrolled{course.capacity ? ` of ${course.capacity}` : ""}
        </p>
      </header>
      {notice}
      {course.description ? (
        <div className="max-w-3xl" data-testid="course-description">
          <Markdown source={course.description} />
        </div>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Section title="Staff">
          <ul className="space-y-2">
            {home.staff.map((s) => (
              <li key={s.name}>
                <span className="font-medium">{s.name}</span>{" "}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  {s.title ?? (s.role === "INSTRUCTOR" ? "Instructor" : "Teaching assistant")}
                </span>
                {s.contactEmail ? (
                  <div className="text-sm">
                    <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
                  </div>
                ) : null}
                {s.officeHours ? (
                  <div className="text-sm text-slate-600 dark:text-slate-400">Office hours: {s.officeHours}</div>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Meetings">
          {home.sections.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No meeting times posted.</p>
          ) : (
            <ul className="space-y-2">
              {home.sections.map((m) => (
                <li key={m.code}>
                  <span className="font-medium">{m.code}</span>{" "}
                  <span className="text-sm">
                    {m.kind.toLowerCase()} · {m.weekdays.map((d) => WEEKDAYS[d]).join("/")} {m.startTime}–{m.endTime} ·{" "}
                    {m.location}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Upcoming deadlines">
          {upcoming.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No upcoming deadlines. <Link href={`/courses/${course.slug}/assignments`}>See all deadlines</Link>.
            </p>
          ) : (
            <ul className="space-y-2">
              {upcoming.map((a) => (
                <li key={a.id}>
                  <Link href={`/courses/${course.slug}/assignments#${assignmentAnchor(a)}`} className="font-medium">
                    {a.code}
                  </Link>{" "}
                  {a.title}: <LocalTime at={a.dueAt!} timeZone={course.timeZone} />
                  {a.extended ? (
                    <span className="ml-1 text-xs text-amber-900 dark:text-amber-200">(extended)</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm">
            <a href={`/courses/${course.slug}/calendar.ics`}>Course calendar (.ics)</a>
            <span className="text-slate-600 dark:text-slate-400"> — lectures and deadlines for your calendar app</span>
          </p>
        </Section>
        <Section title="Links">
          {course.links.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No links posted.</p>
          ) : (
            <ul className="space-y-1">
              {course.links.map((l) => (
                <li key={l.url}>
                  <a href={l.url}>{l.label}</a>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section title="Latest announcements">
        {home.announcements.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No announcements yet.</p>
        ) : (
          <ul className="space-y-4">
            {home.announcements.map((a) => (
              <li key={a.id}>
                <h3 className="font-semibold">
                  <Link href={`/courses/${course.slug}/announcements#a-${a.id}`}>{a.title}</Link>
                </h3>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  <LocalTime at={a.publishedAt} timeZone={course.timeZone} />
                </p>
                <Markdown source={a.body} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
