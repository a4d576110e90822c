import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { calendarDateOf } from "@/lib/server/platform/local-dates";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { cachedForCourse } from "@/lib/server/platform/cache";
import { courseDeadlines } from "@/lib/server/course/assignments";
import { buildScheduleWeeks, type EntryKind, type ScheduleWeek } from "@/lib/domain/schedule-weeks";
import { classMeetings, type MeetingSectionInput } from "@/lib/domain/class-meetings";
import { formatInZone, localToInstant, type LocalDate } from "@/lib/domain/time";

export type SpeakerDto = { id: string; name: string; affiliation: string | null; url: string | null };

export type ScheduleEntryDto = {
  id: string;
  date: LocalDate;
  position: number;
  weekNumber: number | null;
  kind: EntryKind;
  sprintLabel: string | null;
  title: string;
  topics: string[];
  /** From the entry's own times or the section meeting that day; null for no-class entries. */
  startsAt: Date | null;
  endsAt: Date | null;
  location: string | null;
  readings: { title: string; url: string | null }[];
  speakers: SpeakerDto[];
  materials: { slides: string | null; notes: string | null; recording: string | null; quiz: string | null };
  note: string | null;
  speakerCount: number;
  sortAt: Date;
  /** Display text, formatted with formatInZone when the cache is filled rather than on every request. */
  labels: { day: string; start: string | null; end: string | null };
};

export type ScheduleEventDto = {
  kind: "release" | "due";
  at: Date;
  assignmentId: string;
  code: string;
  title: string;
  /** For "due": the date in force differs from the original (course-wide extension). */
  extended: boolean;
  originalDueAt: Date | null;
  /** formatInZone "full" of `at`, formatted once per cache fill. */
  atLabel: string;
};

export type ScheduleWeekDto = ScheduleWeek<ScheduleEntryDto, ScheduleEventDto>;

export type CourseScheduleSource = Awaited<ReturnType<typeof loadScheduleSource>>;

/** Sections, entries and term dates: what both the schedule page and the calendar feed are built from. */
export async function loadScheduleSource(db: Db, courseId: string) {
  const [course, sections, entries] = await Promise.all([
    db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        id: true,
        slug: true,
        code: true,
        title: true,
        timeZone: true,
        firstDayOfClasses: true,
        lastDayOfClasses: true,
      },
    }),
    db.meetingSection.findMany({
      where: { courseId },
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      select: { code: true, kind: true, weekdays: true, startTime: true, endTime: true, location: true },
    }),
    db.scheduleEntry.findMany({
      where: { courseId },
      orderBy: [{ date: "asc" }, { position: "asc" }],
      select: {
        id: true,
        date: true,
        startTime: true,
        endTime: true,
        location: true,
        weekNumber: true,
        position: true,
        title: true,
        topics: true,
        kind: true,
        sprintLabel: true,
        slidesUrl: true,
        notesUrl: true,
        recordingUrl: true,
        quizUrl: true,
        note: true,
        updatedAt: true,
        readings: { orderBy: { position: "asc" }, select: { title: true, url: true } },
        speakers: {
          orderBy: { position: "asc" },
          select: { speaker: { select: { id: true, name: true, affiliation: true, url: true } } },
        },
      },
    }),
  ]);
  const firstDay = course.firstDayOfClasses ? calendarDateOf(course.firstDayOfClasses) : null;
  const lastDay = course.lastDayOfClasses ? calendarDateOf(course.lastDayOfClasses) : null;
  const meetingSections: MeetingSectionInput[] = sections;
  const plainEntries = entries.map((e) => ({ ...e, date: calendarDateOf(e.date) }));
  const meetings = classMeetings({
    courseKey: course.slug,
    sections: meetingSections,
    entries: plainEntries,
    firstDay,
    lastDay,
    timeZone: course.timeZone,
  });
  return { course, firstDay, lastDay, sections: meetingSections, entries: plainEntries, meetings };
}

async function loadSchedule(db: Db, courseId: string) {
  const [source, assignments] = await Promise.all([
    loadScheduleSource(db, courseId),
    courseDeadlines({ db, courseId }),
  ]);
  const { course, firstDay, lastDay, meetings } = source;
  const meetingOf = new Map(meetings.flatMap((m) => m.entryIds.map((id) => [id, m] as const)));

  const entries: ScheduleEntryDto[] = source.entries.map((e) => {
    const meeting = e.kind === "NO_CLASS" ? undefined : meetingOf.get(e.id);
    const startsAt = meeting && !meeting.allDay ? meeting.start : null;
    const speakers = e.speakers.map((s) => s.speaker);
    const endsAt = meeting && !meeting.allDay ? meeting.end : null;
    const zone = course.timeZone;
    return {
      id: e.id,
      date: e.date,
      position: e.position,
      weekNumber: e.weekNumber,
      kind: e.kind,
      sprintLabel: e.sprintLabel,
      title: e.title,
      topics: e.topics,
      startsAt,
      endsAt,
      location: meeting?.location ?? e.location,
      readings: e.readings,
      speakers,
      materials: { slides: e.slidesUrl, notes: e.notesUrl, recording: e.recordingUrl, quiz: e.quizUrl },
      note: e.note,
      speakerCount: speakers.length,
      // Untimed entries sort at the start of their day.
      sortAt: startsAt ?? localToInstant({ date: e.date, time: "00:00", timeZone: zone }),
      labels: {
        day: formatInZone({
          at: localToInstant({ date: e.date, time: "12:00", timeZone: zone }),
          timeZone: zone,
          style: "date",
        }),
        start: startsAt ? formatInZone({ at: startsAt, timeZone: zone }) : null,
        end: endsAt ? formatInZone({ at: endsAt, timeZone: zone, style: "time" }) : null,
      },
    };
  });

  const events: ScheduleEventDto[] = assignments.flatMap((a) => {
    const out: ScheduleEventDto[] = [];
    const base = { assignmentId: a.id, code: a.code, title: a.title, originalDueAt: a.originalDueAt };
    const label = (at: Date) => formatInZone({ at, timeZone: course.timeZone });
    if (a.releasedAt)
      out.push({ ...base, kind: "release", at: a.releasedAt, extended: false, atLabel: label(a.releasedAt) });
    if (a.dueAt) out.push({ ...base, kind: "due", at: a.dueAt, extended: a.changed, atLabel: label(a.dueAt) });
    return out;
  });

  const weeks = buildScheduleWeeks({ entries, events, firstDay, lastDay, timeZone: course.timeZone });
  return {
    course: { id: course.id, slug: course.slug, code: course.code, title: course.title, timeZone: course.timeZone },
    firstDay,
    lastDay,
    weeks,
    hasSprints: entries.some((e) => e.sprintLabel !== null),
  };
}

export type CourseSchedule = Awaited<ReturnType<typeof loadSchedule>>;

export async function getCourseSchedule({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
}): Promise<CourseSchedule> {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  return cachedForCourse({ courseId: ctx.course.id, key: "schedule", load: () => loadSchedule(db, ctx.course.id) });
}

export type SpeakerSession = {
  entryId: string;
  date: LocalDate;
  startsAt: Date | null;
  title: string;
  weekAnchor: string;
  weekLabel: string;
};
export type SpeakerWithSessions = SpeakerDto & { sessions: SpeakerSession[] };

async function loadSpeakers(db: Db, courseId: string): Promise<SpeakerWithSessions[]> {
  const [schedule, speakers] = await Promise.all([
    loadSchedule(db, courseId),
    db.speaker.findMany({
      where: { courseId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, affiliation: true, url: true },
    }),
  ]);
  const sessions = new Map<string, SpeakerSession[]>();
  for (const week of schedule.weeks) {
    for (const item of week.items) {
      if (item.type !== "entry") continue;
      for (const s of item.entry.speakers) {
        const list = sessions.get(s.id) ?? [];
        list.push({
          entryId: item.entry.id,
          date: item.entry.date,
          startsAt: item.entry.startsAt,
          title: item.entry.title,
          weekAnchor: week.anchor,
          weekLabel: week.label,
        });
        sessions.set(s.id, list);
      }
    }
  }
  const withSessions = speakers.map((s) => ({ ...s, sessions: sessions.get(s.id) ?? [] }));
  // In order of first appearance, as students meet them; anyone not yet scheduled last.
  const firstDate = (s: SpeakerWithSessions) => s.sessions[0]?.date ?? "9999-12-31";
  return withSessions.sort((a, b) => firstDate(a).localeCompare(firstDate(b)) || a.name.localeCompare(b.name));
}

export async function getCourseSpeakers({ db, slug, viewer }: { db: Db; slug: string; viewer: Viewer | null }) {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  const speakers = await cachedForCourse({
    courseId: ctx.course.id,
    key: "speakers",
    load: () => loadSpeakers(db, ctx.course.id),
  });
  return { course: ctx.course, speakers };
}
