import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import type { NoClassInput, ScheduleEntryInput } from "@/lib/validation/schedule";
import { calendarDateOf, dateColumn } from "@/lib/server/platform/local-dates";
import { courseWrite } from "@/lib/server/platform/course-write";
import type { Tx } from "@/lib/server/platform/db";

export type SpeakerOption = {
  id: string;
  name: string;
  affiliation: string | null;
  url: string | null;
  entries: number;
};

export type EditableEntry = {
  id: string;
  date: string;
  kind: "LECTURE" | "LAB" | "NO_CLASS" | "PRESENTATION" | "MILESTONE";
  title: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  weekNumber: number | null;
  sprintLabel: string | null;
  topics: string[];
  readings: { title: string; url: string | null }[];
  speakerIds: string[];
  speakerNames: string[];
  slidesUrl: string | null;
  notesUrl: string | null;
  recordingUrl: string | null;
  quizUrl: string | null;
  note: string | null;
};

/** Every entry with its readings and speakers, and the course's speakers to pick from. */
export async function getScheduleForEdit({ db, viewer, slug }: { db: Db; viewer: Viewer | null; slug: string }) {
  const ctx = await authorize({ db, slug, viewer, permission: "schedule.edit" });
  const courseId = ctx.course.id;
  const [entries, speakers] = await Promise.all([
    db.scheduleEntry.findMany({
      where: { courseId },
      orderBy: [{ date: "asc" }, { position: "asc" }],
      select: {
        id: true,
        date: true,
        kind: true,
        title: true,
        startTime: true,
        endTime: true,
        location: true,
        weekNumber: true,
        sprintLabel: true,
        topics: true,
        slidesUrl: true,
        notesUrl: true,
        recordingUrl: true,
        quizUrl: true,
        note: true,
        readings: { orderBy: { position: "asc" }, select: { title: true, url: true } },
        speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { id: true, name: true } } } },
      },
    }),
    db.speaker.findMany({
      where: { courseId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, affiliation: true, url: true, _count: { select: { entries: true } } },
    }),
  ]);
  return {
    course: ctx.course,
    entries: entries.map(({ speakers: s, date, ...e }): EditableEntry => ({
      ...e,
      date: calendarDateOf(date),
      speakerIds: s.map((x) => x.speaker.id),
      speakerNames: s.map((x) => x.speaker.name),
    })),
    speakers: speakers.map(({ _count, ...s }): SpeakerOption => ({ ...s, entries: _count.entries })),
  };
}

/** The picked speakers (must belong to this course) plus the new one, created or found by name. */
async function resolveSpeakers(tx: Tx, courseId: string, input: ScheduleEntryInput): Promise<string[]> {
  const ids = [...new Set(input.speakerIds)];
  if (ids.length) {
    const found = await tx.speaker.count({ where: { courseId, id: { in: ids } } });
    if (found !== ids.length)
      throw new ValidationError("Please correct the highlighted fields.", {
        speakerIds: ["Pick speakers from this course"],
      });
  }
  if (input.newSpeakerName) {
    const speaker = await tx.speaker.upsert({
      where: { courseId_name: { courseId, name: input.newSpeakerName } },
      create: {
        courseId,
        name: input.newSpeakerName,
        affiliation: input.newSpeakerAffiliation,
        url: input.newSpeakerUrl,
      },
      // An existing speaker of that name is reused; only blanks are filled in.
      update: {},
      select: { id: true, affiliation: true, url: true },
    });
    if ((!speaker.affiliation && input.newSpeakerAffiliation) || (!speaker.url && input.newSpeakerUrl)) {
      await tx.speaker.update({
        where: { id: speaker.id },
        data: {
          affiliation: speaker.affiliation ?? input.newSpeakerAffiliation,
          url: speaker.url ?? input.newSpeakerUrl,
        },
      });
    }
    if (!ids.includes(speaker.id)) ids.push(speaker.id);
  }
  return ids;
}

function entryData(input: ScheduleEntryInput) {
  return {
    date: dateColumn(input.date),
    kind: input.kind,
    title: input.title,
    startTime: input.startTime,
    endTime: input.endTime,
    location: input.location,
    weekNumber: input.weekNumber,
    sprintLabel: input.sprintLabel,
    topics: input.topics,
    slidesUrl: input.slidesUrl,
    notesUrl: input.notesUrl,
    recordingUrl: input.recordingUrl,
    quizUrl: input.quizUrl,
    note: input.note,
  };
}

async function snapshot(tx: Tx, entryId: string) {
  const e = await tx.scheduleEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: {
      date: true,
      kind: true,
      title: true,
      startTime: true,
      endTime: true,
      location: true,
      weekNumber: true,
      sprintLabel: true,
      topics: true,
      slidesUrl: true,
      notesUrl: true,
      recordingUrl: true,
      quizUrl: true,
      note: true,
      readings: { orderBy: { position: "asc" }, select: { title: true, url: true } },
      speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { name: true } } } },
    },
  });
  return { ...e, date: calendarDateOf(e.date), speakers: e.speakers.map((s) => s.speaker.name) };
}

/** Creates an entry (no entryId) or replaces one, with its readings and speakers. */
export async function saveScheduleEntry({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: ScheduleEntryInput;
}): Promise<{ id: string; created: boolean }> {
  return courseWrite({ db, viewer, slug, permission: "schedule.edit" }, async ({ tx, me, courseId }) => {
    const speakerIds = await resolveSpeakers(tx, courseId, input);
    let before: unknown = null;
    let id: string;
    if (input.entryId) {
      const existing = await tx.scheduleEntry.findFirst({
        where: { id: input.entryId, courseId },
        select: { id: true },
      });
      if (!existing) throw new NotFoundError("No such schedule entry in this course");
      before = await snapshot(tx, existing.id);
      await tx.scheduleEntry.update({ where: { id: existing.id }, data: entryData(input) });
      await tx.reading.deleteMany({ where: { entryId: existing.id } });
      await tx.scheduleEntrySpeaker.deleteMany({ where: { entryId: existing.id } });
      id = existing.id;
    } else {
      const sameDay = await tx.scheduleEntry.count({ where: { courseId, date: dateColumn(input.date) } });
      id = (
        await tx.scheduleEntry.create({
          data: { courseId, ...entryData(input), position: sameDay },
          select: { id: true },
        })
      ).id;
    }
    await tx.reading.createMany({
      data: input.readings.map((r, position) => ({ entryId: id, title: r.title, url: r.url, position })),
    });
    await tx.scheduleEntrySpeaker.createMany({
      data: speakerIds.map((speakerId, position) => ({ entryId: id, speakerId, position })),
    });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: input.entryId ? "schedule.update" : "schedule.create",
      entityType: "ScheduleEntry",
      entityId: id,
      before,
      after: await snapshot(tx, id),
    });
    return { id, created: !input.entryId };
  });
}

/** A no-class day (reading week, holiday): an entry of kind NO_CLASS. */
export async function addNoClassDay({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: NoClassInput;
}): Promise<{ id: string }> {
  return courseWrite({ db, viewer, slug, permission: "schedule.edit" }, async ({ tx, me, courseId }) => {
    const sameDay = await tx.scheduleEntry.count({ where: { courseId, date: dateColumn(input.date) } });
    const entry = await tx.scheduleEntry.create({
      data: {
        courseId,
        date: dateColumn(input.date),
        kind: "NO_CLASS",
        title: input.title,
        note: input.note,
        topics: [],
        position: sameDay,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "schedule.no-class",
      entityType: "ScheduleEntry",
      entityId: entry.id,
      after: input,
    });
    return entry;
  });
}

export async function deleteScheduleEntry({
  db,
  viewer,
  slug,
  entryId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  entryId: string;
}): Promise<void> {
  await courseWrite({ db, viewer, slug, permission: "schedule.edit" }, async ({ tx, me, courseId }) => {
    const existing = await tx.scheduleEntry.findFirst({ where: { id: entryId, courseId }, select: { id: true } });
    if (!existing) throw new NotFoundError("No such schedule entry in this course");
    const before = await snapshot(tx, existing.id);
    await tx.scheduleEntry.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "schedule.delete",
      entityType: "ScheduleEntry",
      entityId: existing.id,
      before,
    });
  });
}
