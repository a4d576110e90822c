/**
 * Loads the five demo courses (prisma/seed-data) into the database.
 *
 * Idempotent per course: a course whose slug exists is skipped, unless `reset`
 * is set, in which case it is deleted (cascading to everything it owns) and
 * recreated — one transaction per course, so a failure leaves the course either
 * as it was or fully seeded. Users are shared across courses and never deleted;
 * existing ones (matched by email) are reused.
 *
 * Local dates and times in the seed files are converted with the course's own
 * time zone (TZDate), never the machine's. Rows are written with createMany and
 * client-generated ids, so a course is a handful of round trips.
 */
import { hash } from "@node-rs/argon2";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { chargeForRecordedSubmission } from "@/lib/domain/ledger-recompute";
import { policyFromSeed } from "@/lib/domain/student-outcome";
import { materialUrl } from "@/lib/domain/material-url";
import { courseSeeds } from "@/prisma/seed-data";
import { DEMO_PASSWORD, staffEmail } from "@/prisma/seed-data/demo-accounts";
import { Rng, synthesize } from "@/prisma/seed-data/synthetic";
import { seedTeams } from "@/lib/server/people/teams/seed-teams";
import { calendarDate, courseDueAt, localInstant, type CourseSeed } from "@/prisma/seed-data/types";
import { BULK_TX_OPTIONS, type Tx } from "@/lib/server/platform/db";

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** Deterministic cuid-shaped ids ("c" + 24 base-36 characters). */
class Ids {
  private rng: Rng;
  constructor(seed: string) {
    this.rng = new Rng(`ids:${seed}`);
  }
  next(): string {
    let id = "c";
    for (let i = 0; i < 24; i++) id += ID_ALPHABET[Math.floor(this.rng.next() * 36)];
    return id;
  }
}

export async function seedDatabase({
  db,
  reset = false,
}: {
  db: PrismaClient;
  reset?: boolean;
}): Promise<{ created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  // Hashed once, lazily, and shared by every demo user: argon2 per user would take seconds.
  let passwordHash: Promise<string> | undefined;
  const demoHash = () => (passwordHash ??= hash(DEMO_PASSWORD));

  const existing = new Set(
    (await db.course.findMany({ where: { slug: { in: courseSeeds.map((c) => c.slug) } }, select: { slug: true } })).map(
      (c) => c.slug,
    ),
  );
  for (const course of courseSeeds) {
    if (existing.has(course.slug) && !reset) {
      skipped.push(course.slug);
      continue;
    }
    const hashValue = await demoHash();
    await db.$transaction(async (tx) => {
      if (reset) await tx.course.deleteMany({ where: { slug: course.slug } });
      await seedCourse(tx, course, hashValue);
    }, BULK_TX_OPTIONS);
    created.push(course.slug);
  }
  return { created, skipped };
}

async function seedCourse(tx: Tx, course: CourseSeed, passwordHash: string): Promise<void> {
  const ids = new Ids(course.slug);
  const zone = course.timeZone;
  const local = (at: { date: string; time: string }) => localInstant(at, zone);
  const synthetic = synthesize(course);

  // ---- course
  const courseId = ids.next();
  await tx.course.create({
    data: {
      id: courseId,
      slug: course.slug,
      code: course.code,
      title: course.title,
      term: course.term,
      institution: course.institution,
      description: course.description,
      timeZone: zone,
      firstDayOfClasses: course.firstDayOfClasses ? calendarDate(course.firstDayOfClasses) : null,
      lastDayOfClasses: course.lastDayOfClasses ? calendarDate(course.lastDayOfClasses) : null,
      capacity: course.capacity,
    },
  });

  // ---- users (shared across courses; matched by email)
  const staffUsers = course.staff.map((s) => ({ email: staffEmail(course.slug, s.key), name: s.name }));
  const people = [...staffUsers, ...synthetic.extraStaff, ...synthetic.students];
  await tx.user.createMany({
    data: people.map((p) => ({ id: new Ids(`user:${p.email}`).next(), email: p.email, name: p.name, passwordHash })),
    skipDuplicates: true,
  });
  const userRows = await tx.user.findMany({
    where: { email: { in: people.map((p) => p.email) } },
    select: { id: true, email: true },
  });
  const userId = new Map(userRows.map((u) => [u.email, u.id]));
  const uid = (email: string): string => {
    const id = userId.get(email);
    if (!id) throw new Error(`seed: no user ${email}`);
    return id;
  };
  const instructorKey = course.staff.find((s) => s.role === "INSTRUCTOR")?.key;
  const instructorId = instructorKey ? uid(staffEmail(course.slug, instructorKey)) : null;

  // ---- grading scheme
  const trackId = new Map(course.grading.tracks.map((t) => [t.name, ids.next()]));
  await tx.gradingTrack.createMany({
    data: course.grading.tracks.map((t, position) => ({
      id: trackId.get(t.name)!,
      courseId,
      name: t.name,
      description: t.description,
      position,
    })),
  });
  const categoryId = new Map(course.grading.categories.map((c) => [c.name, ids.next()]));
  await tx.gradingCategory.createMany({
    data: course.grading.categories.map((c, position) => ({
      id: categoryId.get(c.name)!,
      courseId,
      name: c.name,
      weight: c.weight,
      dropLowest: c.dropLowest ?? 0,
      allowedMisses: c.allowedMisses ?? 0,
      trackId: c.track ? mustGet(trackId, c.track, "track") : null,
      position,
    })),
  });
  await tx.letterCutoff.createMany({
    data: course.grading.cutoffs.map((c) => ({ id: ids.next(), courseId, letter: c.letter, minPercent: c.minPercent })),
  });

  // ---- memberships (staff first; createdAt orders staff as listed)
  const staffSince = course.firstDayOfClasses
    ? local({ date: course.firstDayOfClasses, time: "09:00" }).getTime() - 60 * 86_400_000
    : 0;
  await tx.membership.createMany({
    data: [
      ...course.staff.map((s, i) => ({
        id: ids.next(),
        courseId,
        userId: uid(staffEmail(course.slug, s.key)),
        role: s.role,
        title: s.title,
        contactEmail: s.contactEmail ?? null,
        officeHours: s.officeHours ?? null,
        createdAt: new Date(staffSince + i * 60_000),
      })),
      ...synthetic.extraStaff.map((s, i) => ({
        id: ids.next(),
        courseId,
        userId: uid(s.email),
        role: s.role,
        title: s.title,
        createdAt: new Date(staffSince + (course.staff.length + i) * 60_000),
      })),
      ...synthetic.students.map((s) => ({
        id: ids.next(),
        courseId,
        userId: uid(s.email),
        role: s.role,
        status: s.status,
        waitlistPosition: s.waitlistPosition,
        trackId: s.track ? mustGet(trackId, s.track, "track") : null,
        createdAt: s.joinedAt,
      })),
    ],
  });

  // ---- links, sections, speakers, schedule
  await tx.courseLink.createMany({
    data: course.links.map((l, position) => ({ id: ids.next(), courseId, label: l.label, url: l.url, position })),
  });
  await tx.meetingSection.createMany({ data: course.sections.map((s) => ({ id: ids.next(), courseId, ...s })) });
  const speakerId = new Map(course.speakers.map((s) => [s.name, ids.next()]));
  await tx.speaker.createMany({ data: course.speakers.map((s) => ({ id: speakerId.get(s.name)!, courseId, ...s })) });

  const positionOnDate = new Map<string, number>();
  const entries: Prisma.ScheduleEntryCreateManyInput[] = [];
  const readings: Prisma.ReadingCreateManyInput[] = [];
  const entrySpeakers: Prisma.ScheduleEntrySpeakerCreateManyInput[] = [];
  for (const e of course.schedule) {
    const id = ids.next();
    const position = positionOnDate.get(e.date) ?? 0;
    positionOnDate.set(e.date, position + 1);
    entries.push({
      id,
      courseId,
      date: calendarDate(e.date),
      startTime: e.startTime ?? null,
      endTime: e.endTime ?? null,
      location: e.location ?? null,
      weekNumber: e.week ?? null,
      position,
      title: e.title,
      topics: e.topics ?? [],
      kind: e.kind ?? "LECTURE",
      sprintLabel: e.sprint ?? null,
      slidesUrl: materialUrl(e.materials?.slides, course.materialsBaseUrl),
      notesUrl: materialUrl(e.materials?.notes, course.materialsBaseUrl),
      recordingUrl: materialUrl(e.materials?.recording, course.materialsBaseUrl),
      quizUrl: materialUrl(e.materials?.quiz, course.materialsBaseUrl),
      note: e.note ?? null,
    });
    (e.readings ?? []).forEach((r, i) =>
      readings.push({ id: ids.next(), entryId: id, title: r.title, url: r.url, position: i }),
    );
    (e.speakers ?? []).forEach((name, i) =>
      entrySpeakers.push({ entryId: id, speakerId: mustGet(speakerId, name, "speaker"), position: i }),
    );
  }
  await tx.scheduleEntry.createMany({ data: entries });
  await tx.reading.createMany({ data: readings });
  await tx.scheduleEntrySpeaker.createMany({ data: entrySpeakers });

  // ---- announcements
  await tx.announcement.createMany({
    data: course.announcements.map((a) => ({
      id: ids.next(),
      courseId,
      title: a.title,
      body: a.body,
      authorId: a.author ? uid(staffEmail(course.slug, a.author)) : instructorId,
      publishedAt: local(a.publishedAt),
      pinned: a.pinned ?? false,
      createdAt: local(a.publishedAt),
    })),
  });

  // ---- assignments
  const policy = course.latePolicy;
  const assignmentId = new Map(course.assignments.map((a) => [a.code, ids.next()]));
  await tx.assignment.createMany({
    data: course.assignments.map((a, position) => ({
      id: assignmentId.get(a.code)!,
      courseId,
      code: a.code,
      title: a.title,
      kind: a.kind,
      description: a.description ?? "",
      releasedAt: a.released ? local(a.released) : null,
      dueAt: a.due ? local(a.due) : null,
      points: a.points ?? 100,
      categoryId: a.category ? mustGet(categoryId, a.category, "category") : null,
      weight: a.weight ?? null,
      lateHoursApply: a.lateHoursApply ?? policy?.coveredKinds.includes(a.kind) ?? false,
      acceptsLate: a.acceptsLate ?? true,
      gradesReleasedAt: synthetic.gradesReleasedAt[a.code] ?? null,
      position,
    })),
  });

  // ---- extensions: course-wide and per-student GRANTs, in posting order
  const grants = [
    ...course.extensions.map((e) => ({
      code: e.code,
      studentId: null as string | null,
      dueAt: local(e.due),
      postedAt: local(e.postedAt),
      reason: e.reason,
    })),
    ...synthetic.extensions.map((e) => ({
      code: e.code,
      studentId: uid(e.email),
      dueAt: e.dueAt,
      postedAt: e.postedAt,
      reason: e.reason,
    })),
  ].sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
  await tx.extension.createMany({
    data: grants.map((g) => ({
      id: ids.next(),
      courseId,
      assignmentId: mustGet(assignmentId, g.code, "assignment"),
      studentId: g.studentId,
      action: "GRANT" as const,
      dueAt: g.dueAt,
      reason: g.reason,
      grantedById: instructorId,
      createdAt: g.postedAt,
    })),
  });

  // ---- late policy: stored exactly as the rules read it (policyFromSeed), so the two cannot drift
  const rules = policyFromSeed(course);
  if (policy && rules) {
    const { excludedWindow, ...rest } = rules;
    await tx.latePolicy.create({
      data: {
        id: ids.next(),
        courseId,
        ...rest,
        excludedWindowStart: excludedWindow?.start ?? null,
        excludedWindowEnd: excludedWindow?.end ?? null,
        description: policy.description,
      },
    });
  }

  // ---- submissions
  const submissionRows = synthetic.submissions.map((s) => ({
    id: ids.next(),
    courseId,
    assignmentId: mustGet(assignmentId, s.code, "assignment"),
    studentId: uid(s.email),
    submittedAt: s.submittedAt,
    fileName: s.fileName,
    fileType: s.fileType,
    fileSize: s.fileSize,
    createdAt: s.submittedAt,
    code: s.code,
  }));
  await tx.submission.createMany({ data: submissionRows.map(({ code: _code, ...row }) => row) });

  // ---- late-hour ledger: a CHARGE for each late final submission of a covered item
  if (policy?.kind === "BUDGET") {
    const latest = new Map<string, (typeof submissionRows)[number]>();
    for (const s of submissionRows) latest.set(`${s.studentId}|${s.code}`, s); // chronological: last wins
    const ledger: Prisma.LedgerEntryCreateManyInput[] = [];
    for (const a of course.assignments) {
      const covered =
        (a.lateHoursApply ?? policy.coveredKinds.includes(a.kind)) && policy.coveredKinds.includes(a.kind);
      if (!covered || !a.due) continue;
      const courseDue = courseDueAt(course, a.code)!;
      for (const s of latest.values()) {
        if (s.code !== a.code) continue;
        const personal = grants.findLast((g) => g.code === a.code && g.studentId === s.studentId);
        const dueAt = personal ? personal.dueAt : courseDue;
        // The same rule as a live submission (at most the per-project cap is charged).
        const hours = chargeForRecordedSubmission({
          policy: rules!,
          assignment: { kind: a.kind, lateHoursApply: true, acceptsLate: a.acceptsLate ?? true },
          timeZone: zone,
          effectiveDueAt: dueAt,
          submittedAt: s.submittedAt,
        }).hours;
        if (hours <= 0) continue;
        ledger.push({
          id: ids.next(),
          courseId,
          studentId: s.studentId,
          assignmentId: s.assignmentId,
          submissionId: s.id,
          kind: "CHARGE",
          hours,
          reason: `${a.code} submitted ${hours} late hour${hours === 1 ? "" : "s"} after the deadline`,
          actorId: null,
          createdAt: s.submittedAt,
        });
      }
    }
    await tx.ledgerEntry.createMany({ data: ledger });
  }

  // ---- grades
  await tx.grade.createMany({
    data: synthetic.grades.map((g) => ({
      id: ids.next(),
      courseId,
      assignmentId: mustGet(assignmentId, g.code, "assignment"),
      studentId: uid(g.email),
      score: g.score,
      feedback: g.feedback,
      graderId: uid(g.graderEmail),
    })),
  });
  await seedTeams(tx, course, courseId);
}

function mustGet<V>(map: Map<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
  return value;
}
