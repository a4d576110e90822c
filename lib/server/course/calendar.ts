import "server-only";
import ical, { ICalCalendarMethod } from "ical-generator";
import { TZDate } from "@date-fns/tz";
import type { Db } from "@/lib/server/platform/db";
import { authorize } from "@/lib/server/authorization/authz";
import { cachedForCourse } from "@/lib/server/platform/cache";
import { courseDeadlines, KIND_LABELS, type PublicAssignment } from "@/lib/server/course/assignments";
import { loadScheduleSource } from "@/lib/server/course/schedule";
import { vtimezone } from "@/lib/domain/vtimezone";
import { formatInZone } from "@/lib/domain/time";
import { uidPart } from "@/lib/domain/class-meetings";
import { assignmentAnchor, weekAnchor } from "@/lib/domain/schedule-weeks";

// The public course calendar (RFC 5545): class meetings from the meeting sections
// crossed with the schedule, no-class dates skipped, and every deadline at its
// course-wide effective time. Times are written as local times with the course's
// TZID and a VTIMEZONE built from the runtime's zone data.

const DAY = 86_400_000;

export async function buildCalendar(
  db: Db,
  courseId: string,
  origin: string,
  personal?: { assignments: PublicAssignment[]; studentName: string },
): Promise<string> {
  const [source, assignments] = await Promise.all([
    loadScheduleSource(db, courseId),
    personal ? personal.assignments : courseDeadlines({ db, courseId }),
  ]);
  const { course, entries, meetings, sections } = source;
  const zone = course.timeZone;
  const courseUrl = `${origin}/courses/${encodeURIComponent(course.slug)}`;
  // UIDs are global (RFC 5545 §3.8.4.7): the right-hand side is the site's own domain, from the
  // configured public URL (siteOrigin prefers NEXTAUTH_URL), so they stay put across requests.
  const uidDomain = new URL(origin).hostname;
  const entryById = new Map(entries.map((e) => [e.id, e]));
  // ical-generator reads wall-clock fields off a TZDate in the event's zone; a plain
  // Date would be read in the server's zone.
  const local = (at: Date) => new TZDate(at.getTime(), zone);

  const instants = [
    ...meetings.map((m) => m.start.getTime()),
    ...assignments.flatMap((a) => (a.dueAt ? [a.dueAt.getTime()] : [])),
  ];
  const from = new Date((instants.length ? Math.min(...instants) : Date.UTC(2000, 0, 1)) - 7 * DAY);
  const to = new Date((instants.length ? Math.max(...instants) : Date.UTC(2000, 0, 1)) + 7 * DAY);

  const calendar = ical({
    prodId: { company: "Lectern", product: "Course calendar", language: "EN" },
    name: personal ? `${course.code}: my deadlines (${personal.studentName})` : `${course.code}: ${course.title}`,
    description: `Class meetings and deadlines of ${course.code} (${course.title}). Times in ${zone}.`,
    method: ICalCalendarMethod.PUBLISH,
    url: courseUrl,
    ttl: 3600,
    // No calendar-level zone name: with one, ical-generator writes DTSTAMP/LAST-MODIFIED as
    // floating local times, but RFC 5545 wants them in UTC. Each event names its TZID instead,
    // and the generator emits one VTIMEZONE for it.
    timezone: { name: null, generator: (tz) => vtimezone({ timeZone: tz, from, to }) },
    x: [["X-WR-TIMEZONE", zone]],
  });

  for (const m of meetings) {
    const own = m.entryIds.map((id) => entryById.get(id)!).filter(Boolean);
    const section = sections.find((s) => s.code === m.sectionCode);
    const kindName = section ? section.kind.charAt(0) + section.kind.slice(1).toLowerCase() : "Session";
    const titles = own.map((e) => e.title);
    const summary = titles.length
      ? `${course.code}: ${titles.join(" · ")}`
      : `${course.code} ${kindName.toLowerCase()}`;
    const weekUrl = `${courseUrl}/schedule#${weekAnchor({ date: m.date })}`;
    const description = [
      ...own.flatMap((e) => [
        own.length > 1 ? `• ${e.title}` : null,
        e.speakers.length
          ? `Guest speaker${e.speakers.length > 1 ? "s" : ""}: ${e.speakers.map((s) => s.speaker.name).join(", ")}`
          : null,
        e.topics.length ? `Topics: ${e.topics.join("; ")}` : null,
        e.note,
      ]),
      m.sectionCode ? `Section: ${m.sectionCode}` : null,
      `Schedule: ${weekUrl}`,
    ]
      .filter((line): line is string => !!line)
      .join("\n");
    const modified = own.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), new Date(0));
    calendar.createEvent({
      id: `${m.uid}@${uidDomain}`,
      start: local(m.start),
      end: m.end ? local(m.end) : null,
      allDay: m.allDay,
      timezone: zone,
      summary,
      description,
      location: m.location,
      url: weekUrl,
      // Stable output for unchanged data: stamp with the content's own time, not the clock.
      stamp: modified.getTime() ? modified : m.start,
    });
  }

  for (const a of assignments) {
    if (!a.dueAt) continue;
    const earlier = a.history.slice(0, -1).filter((h) => h.dueAt && h.dueAt.getTime() !== a.dueAt!.getTime());
    const description = [
      `${KIND_LABELS[a.kind]} · due ${formatInZone({ at: a.dueAt, timeZone: zone })}`,
      ...(earlier.length
        ? [
            `${personal ? "Extended" : "Extended for everyone"}; earlier due dates: ${earlier.map((h) => formatInZone({ at: h.dueAt!, timeZone: zone })).join(", ")}`,
          ]
        : []),
      `Details: ${courseUrl}/assignments#${assignmentAnchor(a)}`,
    ].join("\n");
    calendar.createEvent({
      id: `${uidPart(course.slug)}-deadline-${uidPart(a.code)}@${uidDomain}`,
      start: local(a.dueAt),
      timezone: zone,
      summary: `${course.code} ${a.code} due: ${a.title}`,
      description,
      url: `${courseUrl}/assignments#${assignmentAnchor(a)}`,
      // Calendar clients replace an event they already hold only when SEQUENCE grows.
      sequence: a.revision,
      lastModified: a.lastModified,
      stamp: a.lastModified,
    });
  }
  // Every content line ends in CRLF (RFC 5545 §3.1), the last one too; ical-generator stops after END:VCALENDAR.
  return `${calendar.toString().replace(/\r\n$/, "")}\r\n`;
}

/** The course calendar as iCalendar text, through the course cache. */
export async function getCourseCalendar({
  db,
  slug,
  origin,
}: {
  db: Db;
  slug: string;
  origin: string;
}): Promise<{ slug: string; ics: string }> {
  // Calendar apps carry no session; the feed holds public content only.
  const ctx = await authorize({ db, slug, viewer: null, permission: "course.read" });
  const ics = await cachedForCourse({
    courseId: ctx.course.id,
    key: `calendar:${origin}`,
    load: () => buildCalendar(db, ctx.course.id, origin),
  });
  return { slug: ctx.course.slug, ics };
}
