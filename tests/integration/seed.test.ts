// The demo seed against real PostgreSQL: its content matches the five course pages
// (facts restated here from /work/shared/seeds), and seeding is idempotent.
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueDateHistory, effectiveDueAt } from "@/lib/domain/effective-due";
import { lateHoursCharged } from "@/lib/domain/late-hours";
import { localDateOf, localTimeOf } from "@/lib/domain/time";
import { seedDatabase } from "@/lib/server/platform/seed";
import { DEMO_PASSWORD, demoAccounts } from "@/prisma/seed-data/demo-accounts";
import { createTestDatabase, type TestDatabase } from "./support/database";

let t: TestDatabase;
let firstRun: { created: string[]; skipped: string[] };

beforeAll(async () => {
  t = await createTestDatabase();
  firstRun = await seedDatabase({ db: t.db });
});
afterAll(async () => {
  await t.drop();
});

const ALL = ["csc490", "info9023", "nus-lgm", "llm-systems", "csci1390"];
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const course = (slug: string) => t.db.course.findUniqueOrThrow({ where: { slug } });
const local = (at: Date | null, timeZone: string) =>
  at ? `${localDateOf({ at, timeZone })} ${localTimeOf({ at, timeZone })}` : null;

async function countAll() {
  const d = t.db;
  const counts = await Promise.all([
    d.user.count(),
    d.course.count(),
    d.courseLink.count(),
    d.membership.count(),
    d.meetingSection.count(),
    d.scheduleEntry.count(),
    d.reading.count(),
    d.speaker.count(),
    d.scheduleEntrySpeaker.count(),
    d.announcement.count(),
    d.assignment.count(),
    d.extension.count(),
    d.submission.count(),
    d.latePolicy.count(),
    d.ledgerEntry.count(),
    d.gradingTrack.count(),
    d.gradingCategory.count(),
    d.letterCutoff.count(),
    d.grade.count(),
  ]);
  return counts;
}

describe("seedDatabase", () => {
  // Seed speed is a benchmark figure (printed by `npm run db:seed`), never a test assertion.
  it("creates all five courses into an empty database", () => {
    expect(firstRun.created).toEqual(ALL);
    expect(firstRun.skipped).toEqual([]);
  });

  it("is idempotent: a second run skips every course and changes no counts", async () => {
    const before = await countAll();
    const again = await seedDatabase({ db: t.db });
    expect(again).toEqual({ created: [], skipped: ALL });
    expect(await countAll()).toEqual(before);
  });

  it("reset recreates the courses with the same content", async () => {
    const before = await countAll();
    const again = await seedDatabase({ db: t.db, reset: true });
    expect(again).toEqual({ created: ALL, skipped: [] });
    expect(await countAll()).toEqual(before);
  });
});

describe("CSC 490 (Toronto, Fall 2025)", () => {
  const speakersByWeek: Record<number, string[]> = {
    1: ["Rob Hayes", "Elliott Choi"],
    2: ["Xavier Portilla Edo"],
    3: ["Francis Silva", "Kelsey Hightower"],
    4: [],
    5: ["Dimitry Linkov"],
    6: ["Kyle Kranen"],
    7: ["Nish Sinnadurai", "Mark Kim-Huang", "Ian Jordan"],
    8: ["Sean Grove"],
    9: [],
    10: ["Mo Eseifan", "Hien Luu"],
    11: ["Janani Narayanan"],
    12: ["Daniel Han", "Navya Mehta"],
    13: ["Faye Zhang", "Moein Hasani"],
  };

  it("meets Wednesdays 18:00–21:00 at DSCIL in America/Toronto, with its real staff", async () => {
    const c = await t.db.course.findUniqueOrThrow({
      where: { slug: "csc490" },
      include: {
        sections: true,
        links: true,
        memberships: { where: { role: { in: ["INSTRUCTOR", "TA"] } }, include: { user: true } },
      },
    });
    expect(c.timeZone).toBe("America/Toronto");
    expect(c.sections).toMatchObject([
      {
        code: "CSC490H1-F-LEC5101",
        kind: "LECTURE",
        weekdays: [3],
        startTime: "18:00",
        endTime: "21:00",
        location: "DSCIL",
      },
    ]);
    expect(c.links).toEqual([]); // syllabus and Piazza are named without URLs
    const instructor = c.memberships.find((m) => m.role === "INSTRUCTOR")!;
    expect(instructor.user.name).toBe("Denys Linkov");
    expect(instructor.contactEmail).toBe("csc490-2025-09@cs.toronto.edu");
    expect(instructor.officeHours).toBe("By Appointment");
    expect(c.memberships.filter((m) => m.role === "TA").map((m) => m.user.name)).toEqual(["Yuchi (Allan) Zhao"]);
  });

  it("has 13 weeks from Sept 3 to Nov 26, week 9 a no-class reading week, and the guest speakers in their weeks", async () => {
    const c = await course("csc490");
    const entries = await t.db.scheduleEntry.findMany({
      where: { courseId: c.id },
      orderBy: [{ date: "asc" }, { position: "asc" }],
      include: {
        speakers: { orderBy: { position: "asc" }, include: { speaker: true } },
        readings: { orderBy: { position: "asc" } },
      },
    });
    expect(entries.map((e) => e.weekNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(day(entries[0]!.date)).toBe("2025-09-03");
    expect(day(entries[12]!.date)).toBe("2025-11-26");
    const week9 = entries[8]!;
    expect(week9).toMatchObject({ kind: "NO_CLASS", title: "Reading week" });
    expect(day(week9.date)).toBe("2025-10-29");
    expect(entries.filter((e) => e.kind === "NO_CLASS")).toHaveLength(1);
    for (const e of entries) {
      expect(
        e.speakers.map((s) => s.speaker.name),
        `week ${e.weekNumber}`,
      ).toEqual(speakersByWeek[e.weekNumber!]);
    }
    expect(entries[5]!.speakers.map((s) => s.speaker.name)).toEqual(["Kyle Kranen"]);
    // Readings by title; only the eugeneyan.com one has its URL on the page.
    const readings = entries.flatMap((e) => e.readings);
    expect(readings.filter((r) => r.url !== null)).toEqual([
      expect.objectContaining({
        title: "System design for recommendation systems",
        url: "https://eugeneyan.com/writing/system-design-for-discovery/",
      }),
    ]);
    expect(entries[1]!.readings.map((r) => r.title)).toContain("Terraform on aws tutorial");
  });

  it("has A1–A6 and the Project with the table's out/due dates (11pm; project 6pm), in force after extensions", async () => {
    const c = await course("csc490");
    const assignments = await t.db.assignment.findMany({
      where: { courseId: c.id },
      orderBy: { position: "asc" },
      include: { extensions: true },
    });
    expect(assignments.map((a) => a.code)).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "PROJECT"]);
    const table: Record<string, [string, string]> = {
      A1: ["2025-09-03", "2025-09-17 23:00"],
      A2: ["2025-09-09", "2025-10-01 23:00"],
      A3: ["2025-09-30", "2025-10-31 23:00"],
      A4: ["2025-10-08", "2025-11-07 23:00"],
      A5: ["2025-10-25", "2025-11-14 23:00"],
      A6: ["2025-11-13", "2025-11-28 23:00"],
      PROJECT: ["2025-10-28", "2025-12-02 18:00"],
    };
    for (const a of assignments) {
      const due = effectiveDueAt({ originalDueAt: a.dueAt, extensions: a.extensions, studentId: null });
      expect(localDateOf({ at: a.releasedAt!, timeZone: c.timeZone }), a.code).toBe(table[a.code]![0]);
      expect(local(due, c.timeZone), a.code).toBe(table[a.code]![1]);
    }
    // Toronto leaves DST on Nov 2, 2025: A3 is due in EDT, A4 onwards in EST.
    const byCode = new Map(assignments.map((a) => [a.code, a]));
    const a3 = byCode.get("A3")!;
    expect(effectiveDueAt({ originalDueAt: a3.dueAt, extensions: a3.extensions, studentId: null })!.toISOString()).toBe(
      "2025-11-01T03:00:00.000Z",
    );
    const a4 = byCode.get("A4")!;
    expect(effectiveDueAt({ originalDueAt: a4.dueAt, extensions: a4.extensions, studentId: null })!.toISOString()).toBe(
      "2025-11-08T04:00:00.000Z",
    );
    expect(byCode.get("PROJECT")!.dueAt!.toISOString()).toBe("2025-12-02T23:00:00.000Z");
  });

  it("records A3's extension history — Oct 22, then Oct 29 (both announced), ending at the table's Oct 31 — and A4–A6 extended once", async () => {
    const c = await course("csc490");
    const a3 = await t.db.assignment.findUniqueOrThrow({
      where: { courseId_code: { courseId: c.id, code: "A3" } },
      include: { extensions: { orderBy: { createdAt: "asc" } } },
    });
    expect(a3.extensions.every((e) => e.studentId === null && e.action === "GRANT")).toBe(true);
    const history = dueDateHistory({ originalDueAt: a3.dueAt, extensions: a3.extensions, studentId: null });
    expect(history.map((h) => local(h.dueAt, c.timeZone))).toEqual([
      "2025-10-15 23:00",
      "2025-10-22 23:00",
      "2025-10-29 23:00",
      "2025-10-31 23:00",
    ]);
    expect(history.map((h) => h.source)).toEqual(["original", "course", "course", "course"]);

    const announcements = await t.db.announcement.findMany({
      where: { courseId: c.id },
      orderBy: { publishedAt: "desc" },
    });
    expect(announcements.map((a) => a.title)).toEqual([
      "A4, A5, A6 extensions until Nov 7, 14 and 28 respectively",
      "A3 extension until Oct 29th!",
      "A3 extension until Oct 22nd!",
      "Lectures begin on Sept 3rd!",
    ]);
    const posted = (title: string) => announcements.find((a) => a.title === title)!.publishedAt.getTime();
    // Each announced grant is posted with its announcement, and before the date it replaces.
    expect(a3.extensions[0]!.createdAt.getTime()).toBe(posted("A3 extension until Oct 22nd!"));
    expect(a3.extensions[1]!.createdAt.getTime()).toBe(posted("A3 extension until Oct 29th!"));
    for (let i = 1; i < history.length; i++)
      expect(history[i]!.postedAt!.getTime()).toBeLessThan(history[i - 1]!.dueAt!.getTime());

    for (const code of ["A4", "A5", "A6"]) {
      const a = await t.db.assignment.findUniqueOrThrow({
        where: { courseId_code: { courseId: c.id, code } },
        include: { extensions: true },
      });
      const courseWide = a.extensions.filter((e) => e.studentId === null);
      expect(courseWide, code).toHaveLength(1);
      expect(courseWide[0]!.createdAt.getTime()).toBe(
        posted("A4, A5, A6 extensions until Nov 7, 14 and 28 respectively"),
      );
      expect(courseWide[0]!.dueAt!.getTime()).toBeGreaterThan(a.dueAt!.getTime());
    }
  });
});

describe("Brown CSCI 1390 (Spring 2025)", () => {
  it("is at its cap of 56 enrolled, with 8 waitlisted in order and 2 auditors", async () => {
    const c = await course("csci1390");
    expect(c.capacity).toBe(56);
    expect(c.timeZone).toBe("America/New_York");
    const members = await t.db.membership.findMany({ where: { courseId: c.id } });
    expect(members.filter((m) => m.role === "STUDENT" && m.status === "ENROLLED")).toHaveLength(56);
    const waitlist = members
      .filter((m) => m.status === "WAITLISTED")
      .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(waitlist.map((m) => m.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(waitlist.every((m) => m.role === "STUDENT")).toBe(true);
    expect(members.filter((m) => m.role === "AUDITOR")).toHaveLength(2);
    const sections = await t.db.meetingSection.findMany({ where: { courseId: c.id } });
    expect(sections).toMatchObject([{ weekdays: [2, 4], startTime: "09:00", endTime: "10:20", location: "CIT 368" }]);
  });

  it("has the late policy: 144 h budget, 72 h per project, 00:00–07:00 excluded, projects only, D/F per project", async () => {
    const c = await course("csci1390");
    const p = await t.db.latePolicy.findUniqueOrThrow({ where: { courseId: c.id } });
    expect(p).toMatchObject({
      kind: "BUDGET",
      budgetHours: 144,
      perAssignmentCapHours: 72,
      excludedWindowStart: "00:00",
      excludedWindowEnd: "07:00",
      coveredKinds: ["PROJECT"],
      overCapAction: "CAP_ITEM",
      overBudgetAction: "CAP_ITEM",
      itemCap: [
        { letter: "D", percent: 65 },
        { letter: "F", percent: 50 },
      ],
      uncoveredLateAction: "ZERO",
      lateRefusedKinds: ["QUIZ"],
    });
    // The end of the last day of classes (an assumed date: the page does not give it).
    expect(day(c.lastDayOfClasses)).toBe("2025-04-30");
    expect(local(p.finalCutoffAt, c.timeZone)).toBe("2025-05-01 00:00");
  });

  it("weighs projects 65 (18/18/18/11), written homework 20, PLQs 10 with 5 misses allowed, participation 5", async () => {
    const c = await course("csci1390");
    const categories = await t.db.gradingCategory.findMany({
      where: { courseId: c.id },
      orderBy: { position: "asc" },
      include: { assignments: { orderBy: { position: "asc" } } },
    });
    expect(categories.map((k) => [k.name, k.weight, k.dropLowest, k.allowedMisses])).toEqual([
      ["Course Projects", 65, 0, 0],
      ["Written Homeworks", 20, 0, 0],
      ["Post Lecture Quizzes", 10, 0, 5],
      ["Class Participation", 5, 0, 0],
    ]);
    expect(categories[0]!.assignments.map((a) => [a.code, a.weight, a.lateHoursApply])).toEqual([
      ["P1", 18, true],
      ["P2", 18, true],
      ["P3", 18, true],
      ["P4", 11, true],
    ]);
    expect(categories[1]!.assignments.map((a) => [a.code, a.lateHoursApply])).toEqual([
      ["HW1", false],
      ["HW2", false],
    ]);
    const plqs = categories[2]!.assignments;
    expect(plqs.every((a) => a.kind === "QUIZ" && !a.acceptsLate && !a.lateHoursApply)).toBe(true);
    const cutoffs = await t.db.letterCutoff.findMany({ where: { courseId: c.id }, orderBy: { minPercent: "desc" } });
    expect(cutoffs.map((k) => [k.letter, k.minPercent])).toEqual([
      ["A", 90],
      ["B", 80],
      ["C", 70],
      ["D", 60],
      ["F", 0],
    ]);
  });

  it("lists the lectures with their PLQ flags exactly, each PLQ due at the start of the next lecture; projects due 6 PM", async () => {
    const c = await course("csci1390");
    const lectures = await t.db.scheduleEntry.findMany({
      where: { courseId: c.id, kind: "LECTURE" },
      orderBy: [{ date: "asc" }, { position: "asc" }],
    });
    expect(lectures.map((e) => [day(e.date), e.note !== "No PLQ"])).toEqual([
      ["2025-01-23", false],
      ["2025-01-28", false],
      ["2025-01-28", true],
      ["2025-02-04", true],
      ["2025-02-06", true],
      ["2025-02-11", true],
      ["2025-02-13", false],
      ["2025-02-20", true],
      ["2025-02-25", false],
      ["2025-02-25", true],
    ]);
    const assignments = await t.db.assignment.findMany({ where: { courseId: c.id }, orderBy: { position: "asc" } });
    const plqs = assignments.filter((a) => a.kind === "QUIZ");
    expect(plqs.map((a) => local(a.dueAt, c.timeZone))).toEqual([
      "2025-02-04 09:00",
      "2025-02-06 09:00",
      "2025-02-11 09:00",
      "2025-02-13 09:00",
      "2025-02-25 09:00",
      "2025-02-27 09:00",
    ]);
    const due = Object.fromEntries(
      assignments
        .filter((a) => a.kind !== "QUIZ")
        .map((a) => [a.code, [local(a.releasedAt, c.timeZone), local(a.dueAt, c.timeZone)]]),
    );
    expect(due).toEqual({
      P1: ["2025-01-28 17:00", "2025-02-19 18:00"],
      HW1: ["2025-02-19 17:00", "2025-02-27 18:00"],
      P2: ["2025-02-25 17:00", "2025-03-18 18:00"],
      P3: ["2025-03-18 17:00", "2025-04-15 18:00"],
      P4: ["2025-04-15 17:00", "2025-04-24 18:00"],
      HW2: ["2025-04-24 17:00", "2025-05-06 18:00"],
      PART: [null, null],
    });
    const checkIn = await t.db.scheduleEntry.findFirstOrThrow({ where: { courseId: c.id, kind: "MILESTONE" } });
    expect(day(checkIn.date)).toBe("2025-02-04");
  });

  it("charges late project hours with lateHoursCharged, at most 72 per project: most use little, one over budget, one past the cap", async () => {
    const c = await course("csci1390");
    const [policy, ledger, submissions, extensions] = await Promise.all([
      t.db.latePolicy.findUniqueOrThrow({ where: { courseId: c.id } }),
      t.db.ledgerEntry.findMany({ where: { courseId: c.id }, include: { assignment: true } }),
      t.db.submission.findMany({ where: { courseId: c.id }, include: { assignment: true } }),
      t.db.extension.findMany({ where: { courseId: c.id } }),
    ]);
    expect(ledger.length).toBeGreaterThan(20);
    let pastCap = 0;
    for (const entry of ledger) {
      expect(entry.kind).toBe("CHARGE");
      expect(entry.assignment!.kind).toBe("PROJECT");
      const sub = submissions.find((s) => s.id === entry.submissionId)!;
      const dueAt = effectiveDueAt({
        originalDueAt: sub.assignment.dueAt,
        extensions: extensions.filter((e) => e.assignmentId === sub.assignmentId),
        studentId: sub.studentId,
      })!;
      const late = lateHoursCharged({
        dueAt,
        submittedAt: sub.submittedAt,
        timeZone: c.timeZone,
        excludedWindow: { start: "00:00", end: "07:00" },
      });
      // "you cannot use more than 72 hours per project": the hand-in past the cap is charged 72.
      expect(entry.hours).toBe(Math.min(late, policy.perAssignmentCapHours!));
      if (late > policy.perAssignmentCapHours!) pastCap += 1;
    }
    const totals = new Map<string, number>();
    for (const e of ledger) totals.set(e.studentId, (totals.get(e.studentId) ?? 0) + e.hours);
    const overBudget = [...totals.values()].filter((h) => h > policy.budgetHours!);
    expect(overBudget).toHaveLength(1);
    expect(pastCap).toBe(1);
    expect(ledger.filter((e) => e.hours > policy.perAssignmentCapHours!)).toHaveLength(0);
    const modest = ledger.filter((e) => e.hours <= 30).length;
    expect(modest / ledger.length).toBeGreaterThan(0.7);
    // PLQs are never late, and some are missing.
    const plqs = submissions.filter((s) => s.assignment.kind === "QUIZ");
    expect(plqs.every((s) => s.submittedAt <= s.assignment.dueAt!)).toBe(true);
    const plqCount = await t.db.assignment.count({ where: { courseId: c.id, kind: "QUIZ" } });
    expect(plqs.length).toBeLessThan(56 * plqCount);
  });
});

describe("NUS systems for large generative models", () => {
  it("has two elective tracks on top of the mandatory paper reading and HW1, and every student chose one", async () => {
    const c = await course("nus-lgm");
    expect(c.timeZone).toBe("Asia/Singapore");
    const tracks = await t.db.gradingTrack.findMany({
      where: { courseId: c.id },
      orderBy: { position: "asc" },
      include: { categories: { include: { assignments: true } } },
    });
    expect(tracks.map((k) => k.name)).toEqual(["Homework", "Project"]);
    expect(tracks[0]!.categories.flatMap((k) => k.assignments.map((a) => a.code)).sort()).toEqual([
      "HW2",
      "HW3",
      "HW4",
    ]);
    expect(tracks[1]!.categories.flatMap((k) => k.assignments.map((a) => a.code)).sort()).toEqual([
      "FINAL",
      "MIDTERM",
      "PRESENTATION",
      "PROPOSAL",
    ]);
    const mandatory = await t.db.gradingCategory.findMany({
      where: { courseId: c.id, trackId: null },
      include: { assignments: true },
    });
    expect(mandatory.flatMap((k) => k.assignments.map((a) => a.code)).sort()).toEqual(["HW1", "PAPER"]);
    const students = await t.db.membership.findMany({ where: { courseId: c.id, role: "STUDENT" } });
    expect(students.length).toBeGreaterThanOrEqual(25);
    expect(students.every((m) => m.trackId !== null)).toBe(true);
    expect(new Set(students.map((m) => m.trackId)).size).toBe(2);
  });

  it("meets Wed 10:00–12:00 in COM1-0212 (SR3) with the guests and recess week of the page, HW1 due Aug 31 2024", async () => {
    const c = await course("nus-lgm");
    const entries = await t.db.scheduleEntry.findMany({
      where: { courseId: c.id },
      orderBy: { date: "asc" },
      include: { speakers: { orderBy: { position: "asc" }, include: { speaker: true } } },
    });
    const byWeek = new Map(entries.map((e) => [e.weekNumber, e]));
    expect(day(byWeek.get(1)!.date)).toBe("2024-08-14");
    expect(byWeek.get(2)!.speakers.map((s) => s.speaker.name)).toEqual(["Jeff Dean", "Prateek Jain"]);
    expect(byWeek.get(9)!.speakers.map((s) => s.speaker.name)).toEqual(["Dr. Jialin Ding"]);
    expect(byWeek.get(11)!.speakers.map((s) => s.speaker.name)).toEqual(["Dr. Tianqi Chen"]);
    const recess = entries.find((e) => e.kind === "NO_CLASS")!;
    expect([day(recess.date), recess.title]).toEqual(["2024-09-25", "Recess week"]);
    const hw1 = await t.db.assignment.findUniqueOrThrow({ where: { courseId_code: { courseId: c.id, code: "HW1" } } });
    expect(localDateOf({ at: hw1.dueAt!, timeZone: c.timeZone })).toBe("2024-08-31");
    const staff = await t.db.membership.findMany({
      where: { courseId: c.id, role: { in: ["INSTRUCTOR", "TA"] } },
      orderBy: { createdAt: "asc" },
      include: { user: true },
    });
    expect(staff.map((m) => [m.role, m.user.name])).toEqual([
      ["INSTRUCTOR", "Yao Lu"],
      ["TA", "Shenggan Cheng"],
      ["TA", "Xuanlei Zhao"],
    ]);
  });
});

describe("INFO9023 (Liège, spring 2026)", () => {
  it("runs W1–W12 in 6 sprints on Mondays, with the two holiday weeks and the Milestone 3 presentation", async () => {
    const c = await course("info9023");
    expect(c.timeZone).toBe("Europe/Brussels");
    const entries = await t.db.scheduleEntry.findMany({
      where: { courseId: c.id },
      orderBy: [{ date: "asc" }, { position: "asc" }],
      include: { speakers: { include: { speaker: true } } },
    });
    expect(new Set(entries.map((e) => e.sprintLabel).filter(Boolean))).toEqual(
      new Set(["Sprint 1", "Sprint 2", "Sprint 3", "Sprint 4", "Sprint 5", "Sprint 6"]),
    );
    expect([...new Set(entries.map((e) => e.weekNumber).filter((w) => w !== null))]).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(entries.filter((e) => e.kind === "NO_CLASS").map((e) => [day(e.date), e.title])).toEqual([
      ["2026-04-20", "Holiday"],
      ["2026-04-27", "Holiday"],
    ]);
    const m3 = entries.find((e) => e.title === "Milestone 3 presentation")!;
    expect([day(m3.date), m3.kind]).toEqual(["2026-05-11", "PRESENTATION"]);
    expect(entries.every((e) => new Date(e.date).getUTCDay() === 1)).toBe(true);
    const w12 = entries.filter((e) => e.weekNumber === 12);
    expect(day(w12[0]!.date)).toBe("2026-05-04");
    expect(w12.every((e) => e.sprintLabel === "Sprint 6")).toBe(true);
    const guests = entries
      .filter((e) => e.speakers.length)
      .map((e) => [e.weekNumber, e.speakers.map((s) => s.speaker.name)]);
    expect(guests).toEqual([
      [3, ["Michiel Vanthoor"]],
      [5, ["Connexion"]],
      [12, ["Sagacify"]],
    ]);
    const assignments = await t.db.assignment.findMany({ where: { courseId: c.id } });
    expect(assignments.map((a) => a.kind).sort()).toEqual(["EXAM", "PROJECT"]);
  });
});

describe("LLM systems course (a student's account, Fall 2025)", () => {
  it("has the seven mini-projects", async () => {
    const c = await course("llm-systems");
    expect(c.term).toBe("Fall 2025");
    const assignments = await t.db.assignment.findMany({ where: { courseId: c.id }, orderBy: { position: "asc" } });
    expect(assignments.map((a) => a.code)).toEqual(["MP1", "MP2", "MP3", "MP4", "MP5", "MP6", "MP7"]);
    expect(assignments.every((a) => a.kind === "PROJECT")).toBe(true);
    expect(assignments[0]!.title).toMatch(/miniTorch/);
    expect(assignments[6]!.title).toMatch(/RLHF/);
  });
});

describe("demo accounts and synthetic data", () => {
  it("every demo account exists with its memberships and the demo password", async () => {
    const accounts = demoAccounts();
    expect(accounts).toHaveLength(5 * 3 + 1);
    for (const a of accounts) {
      const user = await t.db.user.findUniqueOrThrow({
        where: { email: a.email },
        include: { memberships: { include: { course: true } } },
      });
      expect(user.name).toBe(a.name);
      const held = user.memberships.map((m) => [m.course.slug, m.role]).sort();
      expect(held, a.email).toEqual(a.memberships.map((m) => [m.courseSlug, m.role]).sort());
    }
    const one = await t.db.user.findUniqueOrThrow({ where: { email: "student1@csci1390.demo" } });
    expect(await verify(one.passwordHash!, DEMO_PASSWORD)).toBe(true);
    // One hash, shared by every seeded user.
    expect(await t.db.user.groupBy({ by: ["passwordHash"], _count: true })).toHaveLength(1);
  });

  it("has 25–40 students in the other courses, late submissions, and released grades for most past work", async () => {
    for (const slug of ["csc490", "info9023", "nus-lgm", "llm-systems"]) {
      const c = await course(slug);
      const n = await t.db.membership.count({ where: { courseId: c.id, role: "STUDENT", status: "ENROLLED" } });
      expect(n, slug).toBeGreaterThanOrEqual(25);
      expect(n, slug).toBeLessThanOrEqual(40);
      const assignments = await t.db.assignment.findMany({ where: { courseId: c.id } });
      const released = assignments.filter((a) => a.gradesReleasedAt !== null).length;
      expect(released / assignments.length, slug).toBeGreaterThanOrEqual(0.5); // all but the item still being graded
    }
    const c = await course("csc490");
    const subs = await t.db.submission.findMany({
      where: { courseId: c.id },
      include: { assignment: { include: { extensions: true } } },
    });
    const late = subs.filter(
      (s) =>
        s.submittedAt >
        effectiveDueAt({
          originalDueAt: s.assignment.dueAt,
          extensions: s.assignment.extensions,
          studentId: s.studentId,
        })!,
    );
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(subs.length / 4);
  });

  it("is deterministic: the same names and instants every run", async () => {
    const { synthesize } = await import("@/prisma/seed-data/synthetic");
    const { csci1390 } = await import("@/prisma/seed-data");
    expect(JSON.stringify(synthesize(csci1390))).toBe(JSON.stringify(synthesize(csci1390)));
  });
});
