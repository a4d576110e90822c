import "server-only";
import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import { parse as parseYaml, stringify } from "yaml";
import { BULK_TX_OPTIONS, type Db } from "@/lib/server/platform/db";
import { authorize, authorizeSite, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/server/platform/errors";
import { localToInstant } from "@/lib/domain/time";
import { COURSE_FILE_VERSION, courseFileSchema, describeIssues, type CourseFile } from "@/lib/validation/course-file";
import { parseTimestamp } from "@/lib/validation/yaml-values";
import { calendarDateOf, dateColumn } from "@/lib/server/platform/local-dates";
import { lockCourse, promoteFromWaitlist } from "@/lib/server/people/enrolment";
import type { Tx } from "@/lib/server/platform/db";
import { invalidateCourse } from "@/lib/server/platform/cache";

// ---------------------------------------------------------------- export

/** An instant as ISO 8601 in the course's zone, with its offset; milliseconds only when present. */
export function formatInstant(at: Date, timeZone: string): string {
  return format(at, at.getUTCMilliseconds() ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" : "yyyy-MM-dd'T'HH:mm:ssXXX", {
    in: tz(timeZone),
  });
}

/** Reads an instant from the file (any YAML 1.1 timestamp form); one without an offset is local to the course. */
export function parseInstant(text: string, timeZone: string): Date {
  const t = parseTimestamp(text);
  if (!t) throw new Error(`not a timestamp: ${text}`); // the schema refused it already
  if (t.offset) return new Date(`${t.date}T${t.time}:${t.seconds}.${t.millis}${t.offset}`);
  const local = localToInstant({ date: t.date, time: t.time, timeZone });
  return new Date(local.getTime() + Number(t.seconds) * 1000 + Number(t.millis));
}

// Drops null, undefined, empty lists and default values so the file stays readable;
// the import fills them back in.
function compact<T extends Record<string, unknown>>(value: T, defaults: Record<string, unknown> = {}): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (k in defaults && defaults[k] === v) continue;
    out[k] = v;
  }
  return out as Partial<T>;
}

/** Everything the course shows, no student data, in a stable order. */
export async function courseFileOf(db: Db | Tx, courseId: string): Promise<CourseFile> {
  const c = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      slug: true,
      code: true,
      title: true,
      term: true,
      institution: true,
      timeZone: true,
      firstDayOfClasses: true,
      lastDayOfClasses: true,
      capacity: true,
      description: true,
      links: { orderBy: [{ position: "asc" }, { label: "asc" }], select: { label: true, url: true } },
      memberships: {
        where: { status: "ENROLLED", role: { in: ["INSTRUCTOR", "TA"] } },
        select: {
          role: true,
          title: true,
          contactEmail: true,
          officeHours: true,
          user: { select: { email: true, name: true } },
        },
      },
      sections: {
        orderBy: { code: "asc" },
        select: { code: true, kind: true, weekdays: true, startTime: true, endTime: true, location: true },
      },
      speakers: { orderBy: { name: "asc" }, select: { name: true, affiliation: true, url: true } },
      entries: {
        orderBy: [{ date: "asc" }, { position: "asc" }, { title: "asc" }],
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
      },
      announcements: {
        orderBy: [{ publishedAt: "asc" }, { title: "asc" }],
        select: { title: true, body: true, publishedAt: true, pinned: true },
      },
      tracks: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { name: true, description: true } },
      categories: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { name: true, weight: true, dropLowest: true, allowedMisses: true, track: { select: { name: true } } },
      },
      cutoffs: { orderBy: [{ minPercent: "desc" }, { letter: "asc" }], select: { letter: true, minPercent: true } },
      latePolicy: true,
      assignments: {
        orderBy: [{ position: "asc" }, { code: "asc" }],
        select: {
          code: true,
          title: true,
          kind: true,
          description: true,
          releasedAt: true,
          dueAt: true,
          points: true,
          weight: true,
          lateHoursApply: true,
          acceptsLate: true,
          category: { select: { name: true } },
        },
      },
      extensions: {
        where: { studentId: null, action: "GRANT", revokedBy: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { dueAt: true, reason: true, createdAt: true, assignment: { select: { code: true } } },
      },
    },
  });
  const zone = c.timeZone;
  const at = (d: Date | null) => (d ? formatInstant(d, zone) : null);
  const roleOrder = { INSTRUCTOR: 0, TA: 1 } as const;
  const p = c.latePolicy;
  const file = {
    lectern: COURSE_FILE_VERSION,
    course: compact({
      slug: c.slug,
      code: c.code,
      title: c.title,
      term: c.term,
      institution: c.institution,
      timeZone: zone,
      firstDayOfClasses: c.firstDayOfClasses ? calendarDateOf(c.firstDayOfClasses) : null,
      lastDayOfClasses: c.lastDayOfClasses ? calendarDateOf(c.lastDayOfClasses) : null,
      capacity: c.capacity,
      description: c.description || null,
    }),
    links: c.links,
    staff: c.memberships
      .map((m) =>
        compact({
          email: m.user.email,
          name: m.user.name,
          role: m.role as "INSTRUCTOR" | "TA",
          title: m.title,
          contactEmail: m.contactEmail,
          officeHours: m.officeHours,
        }),
      )
      .sort((a, b) => roleOrder[a.role!] - roleOrder[b.role!] || a.email!.localeCompare(b.email!)),
    sections: c.sections,
    speakers: c.speakers.map((s) => compact(s)),
    schedule: c.entries.map((e) =>
      compact(
        {
          date: calendarDateOf(e.date),
          kind: e.kind,
          title: e.title,
          startTime: e.startTime,
          endTime: e.endTime,
          location: e.location,
          week: e.weekNumber,
          sprint: e.sprintLabel,
          topics: e.topics,
          readings: e.readings.map((r) => compact(r)),
          speakers: e.speakers.map((s) => s.speaker.name),
          slides: e.slidesUrl,
          notes: e.notesUrl,
          recording: e.recordingUrl,
          quiz: e.quizUrl,
          note: e.note,
        },
        { kind: "LECTURE" },
      ),
    ),
    announcements: c.announcements.map((a) =>
      compact({ title: a.title, publishedAt: at(a.publishedAt), pinned: a.pinned, body: a.body }, { pinned: false }),
    ),
    grading: {
      tracks: c.tracks.map((t) => compact({ name: t.name, description: t.description || null })),
      categories: c.categories.map((g) =>
        compact(
          {
            name: g.name,
            weight: g.weight,
            dropLowest: g.dropLowest,
            allowedMisses: g.allowedMisses,
            track: g.track?.name ?? null,
          },
          { dropLowest: 0, allowedMisses: 0 },
        ),
      ),
      cutoffs: c.cutoffs,
    },
    latePolicy: p
      ? compact(
          {
            kind: p.kind,
            budgetHours: p.budgetHours,
            perAssignmentCapHours: p.perAssignmentCapHours,
            excludedWindow:
              p.excludedWindowStart && p.excludedWindowEnd
                ? { start: p.excludedWindowStart, end: p.excludedWindowEnd }
                : null,
            graceMinutes: p.graceMinutes,
            coveredKinds: p.coveredKinds,
            overCapAction: p.overCapAction,
            overBudgetAction: p.overBudgetAction,
            itemCap: p.itemCap as { letter: string; percent: number }[],
            uncoveredLateAction: p.uncoveredLateAction,
            lateRefusedKinds: p.lateRefusedKinds,
            finalCutoffAt: at(p.finalCutoffAt),
            penaltyPercent: p.penaltyPercent,
            penaltyUnit: p.penaltyUnit,
            penaltyFloorPercent: p.penaltyFloorPercent,
            description: p.description || null,
          },
          { graceMinutes: 0, overCapAction: "REFUSE", overBudgetAction: "FLAG", uncoveredLateAction: "FLAG" },
        )
      : null,
    assignments: c.assignments.map((a) =>
      compact(
        {
          code: a.code,
          title: a.title,
          kind: a.kind,
          category: a.category?.name ?? null,
          weight: a.weight,
          points: a.points,
          releasedAt: at(a.releasedAt),
          dueAt: at(a.dueAt),
          lateHoursApply: a.lateHoursApply,
          acceptsLate: a.acceptsLate,
          description: a.description || null,
        },
        { points: 100, lateHoursApply: false, acceptsLate: true },
      ),
    ),
    extensions: c.extensions
      .filter((x) => x.dueAt)
      .map((x) =>
        compact({
          assignment: x.assignment.code,
          dueAt: at(x.dueAt),
          postedAt: at(x.createdAt),
          reason: x.reason || null,
        }),
      ),
  };
  return file as unknown as CourseFile;
}

export function courseFileYaml(file: CourseFile | Record<string, unknown>): string {
  const header =
    "# Lectern course file: everything the course shows, no student data.\n# Import it at /courses/import (or a course's Manage → Import).\n";
  // Written as YAML 1.1 sees it: every string a 1.1 reader would take for something else ("18:00" is
  // 1080 there, "2025-01-23" a date, "yes" a boolean) is quoted, so PyYAML and Ruby read what we wrote.
  return header + stringify(file, { version: "1.1", lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** The course as a YAML file (instructors only). */
export async function exportCourse({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<{ fileName: string; yaml: string }> {
  const ctx = await authorize({ db, slug, viewer, permission: "course.export" });
  const file = await courseFileOf(db, ctx.course.id);
  return { fileName: `${ctx.course.slug}.lectern.yaml`, yaml: courseFileYaml(file) };
}

// ---------------------------------------------------------------- import

export function parseCourseFile(yaml: string): { ok: true; file: CourseFile } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(yaml, { maxAliasCount: 100 });
  } catch (error) {
    return {
      ok: false,
      errors: [`Not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`],
    };
  }
  const parsed = courseFileSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, errors: describeIssues(parsed.error) };
}

export type ImportPreview = {
  mode: "create" | "update";
  slug: string;
  code: string;
  title: string;
  counts: Record<string, number>;
  notes: string[];
};

export type Target = { mode: "create"; slug: string } | { mode: "update"; slug: string; courseId: string };

/** Who may import where: an update needs course.import in that course, a new course site.course.create. */
async function resolveTarget(
  db: Db,
  viewer: Viewer | null,
  file: CourseFile,
  targetSlug: string | undefined,
): Promise<Target> {
  if (!viewer) throw new UnauthenticatedError();
  const slug = targetSlug ?? file.course.slug;
  const existing = await db.course.findUnique({ where: { slug }, select: { id: true } });
  if (existing) {
    const ctx = await authorize({ db, slug, viewer, permission: "course.import" });
    return { mode: "update", slug, courseId: ctx.course.id };
  }
  if (targetSlug) throw new NotFoundError("No such course");
  await authorizeSite({ db, viewer, permission: "site.course.create" });
  return { mode: "create", slug };
}

async function describeImport(db: Db, target: Target, file: CourseFile): Promise<ImportPreview> {
  const counts = {
    links: file.links.length,
    staff: file.staff.length,
    sections: file.sections.length,
    speakers: file.speakers.length,
    "schedule entries": file.schedule.length,
    readings: file.schedule.reduce((n, e) => n + e.readings.length, 0),
    announcements: file.announcements.length,
    assignments: file.assignments.length,
    "grading categories": file.grading.categories.length,
    "course-wide extensions": file.extensions.length,
  };
  const notes: string[] = [];
  if (target.mode === "update") {
    const [assignments, categories, entries, announcements] = await Promise.all([
      db.assignment.findMany({ where: { courseId: target.courseId }, select: { code: true } }),
      db.gradingCategory.findMany({ where: { courseId: target.courseId }, select: { name: true } }),
      db.scheduleEntry.count({ where: { courseId: target.courseId } }),
      db.announcement.count({ where: { courseId: target.courseId } }),
    ]);
    const codes = new Set(file.assignments.map((a) => a.code));
    const kept = assignments.filter((a) => !codes.has(a.code)).map((a) => a.code);
    const names = new Set(file.grading.categories.map((c) => c.name));
    const keptCategories = categories.filter((c) => !names.has(c.name)).map((c) => c.name);
    notes.push(`Replaces the links, meeting sections, speakers and ${entries} schedule entries with the file's.`);
    notes.push(
      `Announcements are matched by title and publication time: ${announcements} now, ${file.announcements.length} in the file; the rest are deleted.`,
    );
    notes.push(`Assignments are matched by code and updated in place, so submissions and grades stay.`);
    if (kept.length) notes.push(`Kept (not in the file, never deleted by an import): assignments ${kept.join(", ")}.`);
    if (keptCategories.length) notes.push(`Kept: grading categories ${keptCategories.join(", ")}.`);
    notes.push(
      "Students, grades, submissions and late-hour ledgers are not touched. Staff in the file are added or updated; no one is removed.",
    );
    if (file.course.slug !== target.slug)
      notes.push(`The file names course "${file.course.slug}"; it updates "${target.slug}" instead.`);
  } else {
    notes.push(
      "Creates a new course; you become its instructor. Staff in the file are added (new accounts have no password until they sign in another way).",
    );
  }
  return { mode: target.mode, slug: target.slug, code: file.course.code, title: file.course.title, counts, notes };
}

/** Parses and checks a course file and says what importing it would do; changes nothing. */
/**
 * Authorization before the file is even parsed, so someone who may not import
 * learns nothing from its errors: into a given course, course.import there;
 * from /courses/import, at least site.course.create (an update found by slug is
 * then checked against that course too, in resolveTarget).
 */
async function mayImport(db: Db, viewer: Viewer | null, targetSlug: string | undefined): Promise<Viewer> {
  if (!viewer) throw new UnauthenticatedError();
  if (targetSlug) await authorize({ db, slug: targetSlug, viewer, permission: "course.import" });
  else await authorizeSite({ db, viewer, permission: "site.course.create" });
  return viewer;
}

export async function previewCourseImport({
  db,
  viewer,
  yaml,
  targetSlug,
}: {
  db: Db;
  viewer: Viewer | null;
  yaml: string;
  targetSlug?: string;
}): Promise<ImportPreview> {
  await mayImport(db, viewer, targetSlug);
  const parsed = parseCourseFile(yaml);
  if (!parsed.ok)
    throw new ValidationError("The course file has errors; nothing was imported.", { yaml: parsed.errors });
  const target = await resolveTarget(db, viewer, parsed.file, targetSlug);
  return describeImport(db, target, parsed.file);
}

/** Creates or updates a course from a course file, all in one transaction. */
export async function applyCourseImport({
  db,
  viewer: maybeViewer,
  yaml,
  targetSlug,
}: {
  db: Db;
  viewer: Viewer | null;
  yaml: string;
  targetSlug?: string;
}): Promise<{ slug: string; mode: "create" | "update" }> {
  const viewer = await mayImport(db, maybeViewer, targetSlug);
  const parsed = parseCourseFile(yaml);
  if (!parsed.ok)
    throw new ValidationError("The course file has errors; nothing was imported.", { yaml: parsed.errors });
  const target = await resolveTarget(db, viewer, parsed.file, targetSlug);
  const courseId = await writeCourseFile({ db, file: parsed.file, target, actor: viewer, rawYaml: yaml });
  await invalidateCourse(courseId);
  return { slug: target.slug, mode: target.mode };
}

/**
 * Writes a checked course file, in one transaction, with no authorization: the
 * callers are applyCourseImport (after the policy) and the operator's CLI
 * (`npm run course:import`, scripts/course-file.ts). `actor` becomes the new course's instructor and
 * the author of new announcements; null (the CLI) adds nobody but the file's staff.
 */
export async function writeCourseFile({
  db,
  file,
  target,
  actor,
  rawYaml,
}: {
  db: Db;
  file: CourseFile;
  target: Target;
  actor: Viewer | null;
  rawYaml: string;
}): Promise<string> {
  const actorId = actor?.userId ?? null;
  return db.$transaction(async (tx) => {
    if (target.mode === "create") {
      // The slug may have been taken since the check; the unique index then fails the transaction.
      const created = await tx.course.create({
        data: { ...courseData(file), slug: target.slug },
        select: { id: true },
      });
      if (actorId) await tx.membership.create({ data: { courseId: created.id, userId: actorId, role: "INSTRUCTOR" } });
      await writeContent(tx, created.id, file, actorId, "create");
      await recordAudit(tx, {
        courseId: created.id,
        actorId,
        action: "course.import",
        entityType: "Course",
        entityId: created.id,
        after: { mode: "create", file: rawYaml.slice(0, 200_000) },
      });
      return created.id;
    }
    const { capacity: oldCapacity } = await lockCourse(tx, target.courseId);
    const before = courseFileYaml(await courseFileOf(tx, target.courseId));
    await tx.course.update({ where: { id: target.courseId }, data: courseData(file) });
    await writeContent(tx, target.courseId, file, actorId, "update");
    await recordAudit(tx, {
      courseId: target.courseId,
      actorId,
      action: "course.import",
      entityType: "Course",
      entityId: target.courseId,
      before: { file: before, capacity: oldCapacity },
      after: { mode: "update", file: rawYaml.slice(0, 200_000) },
    });
    await promoteFromWaitlist(tx, { courseId: target.courseId, capacity: file.course.capacity ?? null, actorId });
    return target.courseId;
  }, BULK_TX_OPTIONS);
}

/** Where an operator's import goes: the course with the file's slug, or a new one. */
export async function operatorTarget(db: Db, file: CourseFile): Promise<Target> {
  const existing = await db.course.findUnique({ where: { slug: file.course.slug }, select: { id: true } });
  return existing
    ? { mode: "update", slug: file.course.slug, courseId: existing.id }
    : { mode: "create", slug: file.course.slug };
}

function courseData(file: CourseFile) {
  const c = file.course;
  return {
    code: c.code,
    title: c.title,
    term: c.term,
    institution: c.institution,
    timeZone: c.timeZone,
    description: c.description ?? "",
    firstDayOfClasses: c.firstDayOfClasses ? dateColumn(c.firstDayOfClasses) : null,
    lastDayOfClasses: c.lastDayOfClasses ? dateColumn(c.lastDayOfClasses) : null,
    capacity: c.capacity ?? null,
  };
}

type Write = { tx: Tx; courseId: string; file: CourseFile; actorId: string | null; mode: "create" | "update" };

/** Everything but the course row, in dependency order: categories before assignments before extensions. */
async function writeContent(
  tx: Tx,
  courseId: string,
  file: CourseFile,
  actorId: string | null,
  mode: "create" | "update",
): Promise<void> {
  const w: Write = { tx, courseId, file, actorId, mode };
  await writeLinksAndSections(w);
  await writeStaff(w);
  await writeSchedule(w);
  await writeAnnouncements(w);
  const categoryIds = await writeGradingScheme(w);
  await writeLatePolicy(w);
  const assignmentIds = await writeAssignments(w, categoryIds);
  await writeCourseExtensions(w, assignmentIds);
}

const instantOf = (file: CourseFile) => (s: string | null | undefined) =>
  s ? parseInstant(s, file.course.timeZone) : null;

async function writeLinksAndSections({ tx, courseId, file }: Write): Promise<void> {
  // Links and sections: the file's, exactly.
  await tx.courseLink.deleteMany({ where: { courseId } });
  await tx.courseLink.createMany({ data: file.links.map((l, position) => ({ courseId, ...l, position })) });
  await tx.meetingSection.deleteMany({ where: { courseId } });
  await tx.meetingSection.createMany({ data: file.sections.map((s) => ({ courseId, ...s })) });
}

async function writeStaff({ tx, courseId, file, actorId }: Write): Promise<void> {
  // Staff: added or updated, never removed; the importer is never demoted.
  for (const s of file.staff) {
    const user = await tx.user.upsert({
      where: { email: s.email },
      create: { email: s.email, name: s.name },
      update: {},
      select: { id: true },
    });
    const details = {
      title: s.title ?? null,
      contactEmail: s.contactEmail ?? null,
      officeHours: s.officeHours ?? null,
    };
    const existing = await tx.membership.findUnique({
      where: { courseId_userId: { courseId, userId: user.id } },
      select: { id: true, role: true },
    });
    const role = user.id === actorId && existing?.role === "INSTRUCTOR" ? "INSTRUCTOR" : s.role;
    if (existing)
      await tx.membership.update({
        where: { id: existing.id },
        data: { role, status: "ENROLLED", waitlistPosition: null, ...details },
      });
    else await tx.membership.create({ data: { courseId, userId: user.id, role, ...details } });
  }
}

async function writeSchedule({ tx, courseId, file }: Write): Promise<void> {
  // Schedule and speakers: replaced.
  await tx.scheduleEntry.deleteMany({ where: { courseId } });
  await tx.speaker.deleteMany({ where: { courseId } });
  const speakerIds = new Map<string, string>();
  for (const s of file.speakers) {
    const row = await tx.speaker.create({
      data: { courseId, name: s.name, affiliation: s.affiliation ?? null, url: s.url ?? null },
      select: { id: true },
    });
    speakerIds.set(s.name, row.id);
  }
  const positionOnDate = new Map<string, number>();
  for (const e of file.schedule) {
    const position = positionOnDate.get(e.date) ?? 0;
    positionOnDate.set(e.date, position + 1);
    await tx.scheduleEntry.create({
      data: {
        courseId,
        date: dateColumn(e.date),
        kind: e.kind,
        title: e.title,
        startTime: e.startTime ?? null,
        endTime: e.endTime ?? null,
        location: e.location ?? null,
        weekNumber: e.week ?? null,
        sprintLabel: e.sprint ?? null,
        topics: e.topics,
        position,
        slidesUrl: e.slides ?? null,
        notesUrl: e.notes ?? null,
        recordingUrl: e.recording ?? null,
        quizUrl: e.quiz ?? null,
        note: e.note ?? null,
        readings: { create: e.readings.map((r, i) => ({ title: r.title, url: r.url ?? null, position: i })) },
        speakers: { create: e.speakers.map((name, i) => ({ speakerId: speakerIds.get(name)!, position: i })) },
      },
    });
  }
}

async function writeAnnouncements({ tx, courseId, file, actorId, mode }: Write): Promise<void> {
  const at = instantOf(file);
  // Announcements: matched by title and publication time, so ids (and authors) survive a re-import.
  const existingAnnouncements =
    mode === "update"
      ? await tx.announcement.findMany({ where: { courseId }, select: { id: true, title: true, publishedAt: true } })
      : [];
  const keyOf = (title: string, d: Date) => `${title}\u0000${d.toISOString()}`;
  const byKey = new Map(existingAnnouncements.map((a) => [keyOf(a.title, a.publishedAt), a.id]));
  const keep = new Set<string>();
  for (const a of file.announcements) {
    const publishedAt = at(a.publishedAt)!;
    const id = byKey.get(keyOf(a.title, publishedAt));
    if (id) {
      keep.add(id);
      await tx.announcement.update({ where: { id }, data: { body: a.body, pinned: a.pinned } });
    } else {
      await tx.announcement.create({
        data: { courseId, title: a.title, body: a.body, pinned: a.pinned, publishedAt, authorId: actorId },
      });
    }
  }
  await tx.announcement.deleteMany({
    where: { courseId, id: { in: existingAnnouncements.map((a) => a.id).filter((id) => !keep.has(id)) } },
  });
}

/** Tracks and categories by name; returns category name → id for the assignments. */
async function writeGradingScheme({ tx, courseId, file }: Write): Promise<Map<string, string>> {
  // Grading scheme: tracks and categories upserted by name (members and assignments point at them), cutoffs replaced.
  const trackIds = new Map<string, string>();
  for (const [position, t] of file.grading.tracks.entries()) {
    const row = await tx.gradingTrack.upsert({
      where: { courseId_name: { courseId, name: t.name } },
      create: { courseId, name: t.name, description: t.description ?? "", position },
      update: { description: t.description ?? "", position },
      select: { id: true },
    });
    trackIds.set(t.name, row.id);
  }
  const categoryIds = new Map<string, string>();
  for (const [position, g] of file.grading.categories.entries()) {
    const data = {
      weight: g.weight,
      dropLowest: g.dropLowest,
      allowedMisses: g.allowedMisses,
      trackId: g.track ? trackIds.get(g.track)! : null,
      position,
    };
    const row = await tx.gradingCategory.upsert({
      where: { courseId_name: { courseId, name: g.name } },
      create: { courseId, name: g.name, ...data },
      update: data,
      select: { id: true },
    });
    categoryIds.set(g.name, row.id);
  }
  await tx.letterCutoff.deleteMany({ where: { courseId } });
  await tx.letterCutoff.createMany({ data: file.grading.cutoffs.map((c) => ({ courseId, ...c })) });
  return categoryIds;
}

async function writeLatePolicy({ tx, courseId, file }: Write): Promise<void> {
  const at = instantOf(file);
  const p = file.latePolicy;
  if (p) {
    const data = {
      kind: p.kind,
      budgetHours: p.budgetHours ?? null,
      perAssignmentCapHours: p.perAssignmentCapHours ?? null,
      excludedWindowStart: p.excludedWindow?.start ?? null,
      excludedWindowEnd: p.excludedWindow?.end ?? null,
      graceMinutes: p.graceMinutes,
      coveredKinds: p.coveredKinds,
      overCapAction: p.overCapAction,
      overBudgetAction: p.overBudgetAction,
      itemCap: p.itemCap,
      uncoveredLateAction: p.uncoveredLateAction,
      lateRefusedKinds: p.lateRefusedKinds,
      finalCutoffAt: at(p.finalCutoffAt),
      penaltyPercent: p.penaltyPercent ?? null,
      penaltyUnit: p.penaltyUnit ?? null,
      penaltyFloorPercent: p.penaltyFloorPercent ?? null,
      description: p.description,
    };
    await tx.latePolicy.upsert({ where: { courseId }, create: { courseId, ...data }, update: data });
  } else {
    await tx.latePolicy.deleteMany({ where: { courseId } });
  }
}

/** Assignments by code; returns code → id for the extensions. */
async function writeAssignments(
  { tx, courseId, file }: Write,
  categoryIds: Map<string, string>,
): Promise<Map<string, string>> {
  const at = instantOf(file);
  // Assignments: upserted by code, so submissions, grades and ledger entries stay attached.
  const assignmentIds = new Map<string, string>();
  for (const [position, a] of file.assignments.entries()) {
    const data = {
      title: a.title,
      kind: a.kind,
      description: a.description ?? "",
      releasedAt: at(a.releasedAt),
      dueAt: at(a.dueAt),
      points: a.points,
      categoryId: a.category ? categoryIds.get(a.category)! : null,
      weight: a.weight ?? null,
      lateHoursApply: a.lateHoursApply,
      acceptsLate: a.acceptsLate,
      position,
    };
    const row = await tx.assignment.upsert({
      where: { courseId_code: { courseId, code: a.code } },
      create: { courseId, code: a.code, ...data },
      update: data,
      select: { id: true },
    });
    assignmentIds.set(a.code, row.id);
  }
  return assignmentIds;
}

async function writeCourseExtensions(
  { tx, courseId, file, actorId, mode }: Write,
  assignmentIds: Map<string, string>,
): Promise<void> {
  const at = instantOf(file);
  // Course-wide extensions are append-only: add the ones not already in force.
  const inForce =
    mode === "update"
      ? await tx.extension.findMany({
          where: { courseId, studentId: null, action: "GRANT", revokedBy: null },
          select: { assignmentId: true, dueAt: true },
        })
      : [];
  const have = new Set(inForce.map((x) => `${x.assignmentId}\u0000${x.dueAt?.toISOString()}`));
  for (const x of file.extensions) {
    const assignmentId = assignmentIds.get(x.assignment)!;
    const dueAt = at(x.dueAt)!;
    if (have.has(`${assignmentId}\u0000${dueAt.toISOString()}`)) continue;
    await tx.extension.create({
      data: {
        courseId,
        assignmentId,
        studentId: null,
        action: "GRANT",
        dueAt,
        reason: x.reason,
        grantedById: actorId,
        ...(x.postedAt ? { createdAt: at(x.postedAt)! } : {}),
      },
    });
  }
}
