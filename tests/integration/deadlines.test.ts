// The deadlines engine against real PostgreSQL on the seeded Brown CSCI 1390
// (144 h budget, 72 h cap per project, 00:00–07:00 not counted): submissions
// charge the ledger, extensions refund, revokes re-charge, per-student grants
// beat course-wide ones, authorization holds, and concurrent requests never
// double-charge or lose a charge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectiveDueAt } from "@/lib/domain/effective-due";
import { chargeForRecordedSubmission } from "@/lib/domain/ledger-recompute";
import { localToInstant } from "@/lib/domain/time";
import type { Viewer } from "@/lib/server/authorization/authz";
import { getCourseLateHours, getMyDeadlines, getStudentLedger } from "@/lib/server/deadlines/my-deadlines";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/platform/errors";
import {
  applyExtensionCsv,
  grantCourseExtension,
  grantStudentExtensions,
  previewExtensionCsv,
  revokeExtension,
} from "@/lib/server/deadlines/extensions";
import {
  adjustLedger,
  toAssessed,
  toDomainPolicy,
  policySelect,
  assignmentSelect,
} from "@/lib/server/deadlines/ledger";
import { seedDatabase } from "@/lib/server/platform/seed";
import { submitWork } from "@/lib/server/deadlines/submissions";
import { createTestDatabase, type TestDatabase } from "./support/database";

const SLUG = "csci1390";
const NY = "America/New_York";
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });
const link = { url: "https://github.com/example/p4" };

let t: TestDatabase;
let courseId: string;
let instructor: Viewer;
let ta: Viewer;
let student1: Viewer;
const ids = new Map<string, string>(); // assignment code → id

async function viewerFor(email: string): Promise<Viewer> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
  return { userId: u.id, email: u.email, name: u.name };
}

async function chargedFor(studentId: string, code: string): Promise<number> {
  const r = await t.db.ledgerEntry.aggregate({
    where: { courseId, studentId, assignmentId: ids.get(code), kind: { in: ["CHARGE", "REFUND"] } },
    _sum: { hours: true },
  });
  return r._sum.hours ?? 0;
}

async function balanceOf(studentId: string): Promise<number> {
  const r = await t.db.ledgerEntry.aggregate({ where: { courseId, studentId }, _sum: { hours: true } });
  return 144 - (r._sum.hours ?? 0);
}

/**
 * The invariant every operation must keep: for each student, the net charge for
 * an assignment equals what their latest submission costs under the due date in
 * force for them now.
 */
async function expectLedgerConsistent(code: string): Promise<number> {
  const assignment = await t.db.assignment.findUniqueOrThrow({
    where: { id: ids.get(code) },
    select: assignmentSelect,
  });
  const policy = toDomainPolicy(await t.db.latePolicy.findUnique({ where: { courseId }, select: policySelect }));
  const events = await t.db.extension.findMany({
    where: { courseId, assignmentId: assignment.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const subs = await t.db.submission.findMany({
    where: { courseId, assignmentId: assignment.id },
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const latest = new Map(subs.map((s) => [s.studentId, s]));
  const sums = await t.db.ledgerEntry.groupBy({
    by: ["studentId"],
    where: { courseId, assignmentId: assignment.id, kind: { in: ["CHARGE", "REFUND"] } },
    _sum: { hours: true },
  });
  const charged = new Map(sums.map((s) => [s.studentId, s._sum.hours ?? 0]));
  let checked = 0;
  for (const studentId of new Set([...latest.keys(), ...charged.keys()])) {
    const sub = latest.get(studentId);
    const due = effectiveDueAt({ originalDueAt: assignment.dueAt, extensions: events, studentId });
    const expected = sub
      ? chargeForRecordedSubmission({
          policy,
          assignment: toAssessed(assignment),
          timeZone: NY,
          effectiveDueAt: due,
          submittedAt: sub.submittedAt,
        }).hours
      : 0;
    expect({ studentId, code, charged: charged.get(studentId) ?? 0 }).toEqual({ studentId, code, charged: expected });
    checked += 1;
  }
  return checked;
}

async function expectRejects(promise: Promise<unknown>, type: new (...args: never[]) => AppError, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  if (message) expect((error as Error).message).toMatch(message);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  courseId = (await t.db.course.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  for (const a of await t.db.assignment.findMany({ where: { courseId } })) ids.set(a.code, a.id);
  instructor = await viewerFor("instructor@csci1390.demo");
  ta = await viewerFor("ta@csci1390.demo");
  student1 = await viewerFor("student1@csci1390.demo");
});
afterAll(async () => {
  await t.drop();
});

describe("the seeded ledger", () => {
  it("agrees with the engine before anything changes", async () => {
    for (const code of ["P1", "P2", "P3", "P4"]) expect(await expectLedgerConsistent(code)).toBeGreaterThan(0);
  });
});

describe("submissions and the ledger", () => {
  // P4 is due Thu Apr 24, 6:00 PM EDT; 10:30 the next morning is 16.5 h later, 7 of them in the night window.
  const friday1030 = local("2025-04-25", "10:30");

  it("a late submission charges the counted hours, rounded up, and the preview said so", async () => {
    const before = await balanceOf(student1.userId);
    expect(await chargedFor(student1.userId, "P4")).toBe(0);
    const preview = (
      await getMyDeadlines({ db: t.db, viewer: student1, slug: SLUG, now: friday1030 })
    ).assignments.find((a) => a.code === "P4")!.preview!;
    expect(preview.message).toBe(`Submitting now costs 10 late hours, leaving ${before - 10}.`);

    const result = await submitWork({
      db: t.db,
      viewer: student1,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      input: link,
      now: friday1030,
    });
    // 16.5 h late, 7 of them between 00:00 and 07:00: 9.5 counted hours, charged by the started hour.
    expect(result.ledgerChange).toEqual({ kind: "CHARGE", hours: 10 });
    expect(result.balanceAfter).toBe(before - 10);
    expect(await balanceOf(student1.userId)).toBe(before - 10);
    const audit = await t.db.auditEvent.findMany({
      where: { courseId, action: { in: ["submission.create", "ledger.charge"] }, actorId: student1.userId },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["ledger.charge", "submission.create"]);
  });

  it("a resubmission charges only the difference against what is already charged", async () => {
    const later = local("2025-04-25", "13:00"); // 19 h after the deadline, 7 excluded → 12
    const result = await submitWork({
      db: t.db,
      viewer: student1,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      input: { file: { name: "p4.zip", size: 3, bytes: new Uint8Array([1, 2, 3]) } },
      now: later,
    });
    expect(result.ledgerChange).toEqual({ kind: "CHARGE", hours: 2 });
    expect(await chargedFor(student1.userId, "P4")).toBe(12);
    const stored = await t.db.submission.findUniqueOrThrow({
      where: { id: result.submissionId },
      include: { file: true },
    });
    expect(stored.fileType).toBe("application/zip");
    expect([...stored.file!.data]).toEqual([1, 2, 3]);
  });

  it("refuses items that cannot be late, work past the 72 h cap and work after the final cutoff, with the policy's message", async () => {
    const plq = await t.db.assignment.findFirstOrThrow({ where: { courseId, code: "PLQ1" } });
    await expectRejects(
      submitWork({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        assignmentId: plq.id,
        input: link,
        now: local("2025-04-25", "10:00"),
      }),
      ConflictError,
      /PLQ1 cannot be submitted late/,
    );
    await expectRejects(
      submitWork({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        assignmentId: ids.get("P4")!,
        input: link,
        now: local("2025-05-02", "10:00"),
      }),
      ConflictError,
      /final cutoff .* has passed/,
    );
    await expectRejects(
      submitWork({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        assignmentId: ids.get("P4")!,
        input: { url: "javascript:alert(1)" },
        now: local("2025-04-25", "10:00"),
      }),
      AppError,
      /correct/,
    );
    await expectRejects(
      submitWork({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        assignmentId: ids.get("P4")!,
        input: { file: { name: "p4.exe", size: 1, bytes: new Uint8Array([1]) } },
        now: local("2025-04-25", "10:00"),
      }),
      AppError,
    );
    expect(await chargedFor(student1.userId, "P4")).toBe(12); // nothing refused was charged
  });

  it("going over the budget is accepted but flagged with the D/F consequence", async () => {
    const over = await viewerFor("student7@csci1390.demo"); // the seed's over-budget student
    const result = await submitWork({
      db: t.db,
      viewer: over,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      input: link,
      now: local("2025-04-26", "12:00"),
    });
    expect(result.balanceAfter!).toBeLessThan(0);
    // "we'll give it a D or an F depending on whether it seems to basically work": this project, not the course.
    expect(result.consequence).toEqual({
      kind: "cap",
      choices: [
        { letter: "D", percent: 65 },
        { letter: "F", percent: 50 },
      ],
    });
    expect(result.message).toMatch(/graded a D or an F/);
    const staff = await getCourseLateHours({ db: t.db, viewer: ta, slug: SLUG });
    expect(staff.students.find((s) => s.id === over.userId)!.flags.map((f) => f.kind)).toContain("over_budget");
  });
});

describe("more than 72 hours late on one project", () => {
  it('is accepted ("better to complete and hand in a project"), charged 72 h, and graded D or F', async () => {
    const student = await viewerFor("student2@csci1390.demo");
    const before = await chargedFor(student.userId, "P3");
    // P3 was due Tue Apr 15, 6:00 PM EDT; Fri Apr 25 10:00 is far past 72 counted hours.
    const result = await submitWork({
      db: t.db,
      viewer: student,
      slug: SLUG,
      assignmentId: ids.get("P3")!,
      input: link,
      now: local("2025-04-25", "10:00"),
    });
    expect(result.assessment).toMatchObject({ outcome: "capped", hoursCharged: 72 });
    expect(result.message).toMatch(/graded a D or an F/);
    expect(await chargedFor(student.userId, "P3")).toBe(72);
    expect(before).toBeLessThanOrEqual(72);
    expect(await expectLedgerConsistent("P3")).toBeGreaterThan(0);
  });
});

describe("extensions recompute the ledger", () => {
  let personalId: string;

  it("a per-student extension refunds the charge, with its reason, in the same transaction as the grant", async () => {
    const out = await grantStudentExtensions({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      studentIds: [student1.userId],
      dueAt: local("2025-04-26", "18:00"),
      reason: "Dean's note",
    });
    expect(out.hoursRefunded).toBe(12);
    expect(await chargedFor(student1.userId, "P4")).toBe(0);
    personalId = out.extensionIds[0]!;
    const mine = await getMyDeadlines({ db: t.db, viewer: student1, slug: SLUG, now: local("2025-04-27", "09:00") });
    const refund = mine.ledger.find((e) => e.kind === "REFUND")!;
    expect(refund.hours).toBe(-12);
    expect(refund.reason).toMatch(
      /Personal extension: P4 due Sat Apr 26, 6:00 PM EDT: P4 charge recomputed from 12 h to 0 h/,
    );
    const p4 = mine.assignments.find((a) => a.code === "P4")!;
    expect(p4.effectiveDueAt).toEqual(local("2025-04-26", "18:00"));
    expect(p4.history.at(-1)!.reason).toBe("Dean's note");
    const audits = await t.db.auditEvent.count({
      where: { courseId, entityId: { in: [personalId] }, action: "extension.grant" },
    });
    expect(audits).toBe(1);
    await expectLedgerConsistent("P4");
  });

  it("revoking is a new REVOKE event and re-charges", async () => {
    const out = await revokeExtension({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      extensionId: personalId,
      reason: "Granted in error",
    });
    expect(out.hoursCharged).toBe(12);
    expect(await chargedFor(student1.userId, "P4")).toBe(12);
    const events = await t.db.extension.findMany({
      where: { courseId, studentId: student1.userId, assignmentId: ids.get("P4") },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["GRANT", "REVOKE"]);
    await expectRejects(
      revokeExtension({ db: t.db, viewer: instructor, slug: SLUG, extensionId: personalId, reason: "again" }),
      ConflictError,
    );
    await expectLedgerConsistent("P4");
  });

  it("a per-student extension overrides a later course-wide one; the course-wide one recomputes everyone else and drafts its announcement", async () => {
    // Personal: Fri Apr 25 noon (student1's 13:00 submission is 1 h late). Course-wide: Fri 9:00 AM (earlier).
    await grantStudentExtensions({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      studentIds: [student1.userId],
      dueAt: local("2025-04-25", "12:00"),
      reason: "Illness",
    });
    expect(await chargedFor(student1.userId, "P4")).toBe(1);
    const out = await grantCourseExtension({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      dueAt: local("2025-04-25", "09:00"),
      reason: "Cluster outage",
      announcement: { title: "P4 is extended to Fri Apr 25, 9:00 AM EDT", body: "Because of the outage." },
    });
    expect(await chargedFor(student1.userId, "P4")).toBe(1); // own grant wins
    expect(out.corrections).toBeGreaterThan(0);
    expect(
      await t.db.announcement.count({ where: { courseId, title: "P4 is extended to Fri Apr 25, 9:00 AM EDT" } }),
    ).toBe(1);
    expect(await t.db.auditEvent.count({ where: { courseId, action: "announcement.create" } })).toBe(1);
    // Every correcting entry has an audit event of its own.
    const entries = await t.db.ledgerEntry.findMany({
      where: { courseId, assignmentId: ids.get("P4"), reason: { startsWith: "Course-wide extension" } },
      select: { id: true },
    });
    expect(entries.length).toBe(out.corrections);
    expect(await t.db.auditEvent.count({ where: { courseId, entityId: { in: entries.map((e) => e.id) } } })).toBe(
      entries.length,
    );
    await expectLedgerConsistent("P4");
  });

  it("a CSV import applies all rows or none, and previews row errors", async () => {
    const s2 = await viewerFor("student2@csci1390.demo");
    const bad = `email,assignment,due_date,due_time,reason\n${s2.email},P4,2025-04-27,18:00,Travel\nnobody@x.demo,P9,2025-02-30,25:00,\n`;
    const preview = await previewExtensionCsv({ db: t.db, viewer: instructor, slug: SLUG, csv: bad });
    expect(preview.ok).toBe(false);
    expect(preview.rows[0]!.errors).toEqual([]);
    expect(preview.rows[1]!.errors.length).toBe(5);
    const before = await t.db.extension.count({ where: { courseId } });
    const applied = await applyExtensionCsv({ db: t.db, viewer: instructor, slug: SLUG, csv: bad });
    expect(applied.outcome).toBeNull();
    expect(await t.db.extension.count({ where: { courseId } })).toBe(before);

    const good = `email,assignment,due_date,due_time,reason\n${s2.email},P4,2025-04-27,18:00,Travel\n${student1.email},P2,2025-03-19,18:00,Make-up\n`;
    const ok = await applyExtensionCsv({ db: t.db, viewer: instructor, slug: SLUG, csv: good });
    expect(ok.outcome!.extensionIds.length).toBe(2);
    for (const code of ["P2", "P4"]) await expectLedgerConsistent(code);
  });
});

describe("manual adjustments", () => {
  it("an ADJUSTMENT gives hours back with its reason", async () => {
    const before = await balanceOf(student1.userId);
    const out = await adjustLedger({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      studentId: student1.userId,
      hours: -5,
      reason: "Dean's note: illness in March",
    });
    expect(out.balance.balance).toBe(before + 5);
    const mine = await getMyDeadlines({ db: t.db, viewer: student1, slug: SLUG, now: local("2025-04-27", "09:00") });
    expect(mine.ledger.find((e) => e.kind === "ADJUSTMENT")!.reason).toBe("Dean's note: illness in March");
    expect(await t.db.auditEvent.count({ where: { courseId, action: "ledger.adjust", entityId: out.entryId } })).toBe(
      1,
    );
  });
});

describe("authorization", () => {
  // Any instant will do for requests that must be refused; a fixed one keeps the test off the clock.
  const someDue = local("2025-05-02", "18:00");
  const someNow = local("2025-04-28", "12:00");
  it("a student cannot grant, revoke, adjust or read staff views; a TA cannot grant", async () => {
    const p4 = ids.get("P4")!;
    await expectRejects(
      grantCourseExtension({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        assignmentId: p4,
        dueAt: someDue,
        reason: "",
        announcement: null,
      }),
      ForbiddenError,
    );
    await expectRejects(
      grantStudentExtensions({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        assignmentId: p4,
        studentIds: [student1.userId],
        dueAt: someDue,
        reason: "me",
      }),
      ForbiddenError,
    );
    await expectRejects(
      adjustLedger({
        db: t.db,
        viewer: student1,
        slug: SLUG,
        studentId: student1.userId,
        hours: -100,
        reason: "free hours",
      }),
      ForbiddenError,
    );
    await expectRejects(previewExtensionCsv({ db: t.db, viewer: student1, slug: SLUG, csv: "x" }), ForbiddenError);
    await expectRejects(getCourseLateHours({ db: t.db, viewer: student1, slug: SLUG }), ForbiddenError);
    await expectRejects(
      grantCourseExtension({
        db: t.db,
        viewer: ta,
        slug: SLUG,
        assignmentId: p4,
        dueAt: someDue,
        reason: "",
        announcement: null,
      }),
      ForbiddenError,
    );
    const grant = await t.db.extension.findFirstOrThrow({ where: { courseId, action: "GRANT", revokedBy: null } });
    await expectRejects(
      revokeExtension({ db: t.db, viewer: ta, slug: SLUG, extensionId: grant.id, reason: "no" }),
      ForbiddenError,
    );
  });

  it("a student reads their own ledger but another student's is a 404; a stranger gets 403", async () => {
    const other = await viewerFor("student2@csci1390.demo");
    await expect(
      getStudentLedger({ db: t.db, viewer: student1, slug: SLUG, studentId: student1.userId, now: someNow }),
    ).resolves.toBeTruthy();
    await expectRejects(
      getStudentLedger({ db: t.db, viewer: student1, slug: SLUG, studentId: other.userId, now: someNow }),
      NotFoundError,
    );
    const stranger = await viewerFor("student1@csc490.demo");
    await expectRejects(
      getStudentLedger({ db: t.db, viewer: stranger, slug: SLUG, studentId: other.userId, now: someNow }),
      ForbiddenError,
    );
    const staffView = await getStudentLedger({
      db: t.db,
      viewer: ta,
      slug: SLUG,
      studentId: other.userId,
      now: someNow,
    });
    expect(staffView.student.id).toBe(other.userId);
    // The student view never carries another student's personal extension or its reason.
    const mine = await getMyDeadlines({ db: t.db, viewer: other, slug: SLUG, now: someNow });
    expect(JSON.stringify(mine)).not.toContain("Illness");
  });
});

describe("concurrency", () => {
  it("parallel submissions by one student never double-charge", async () => {
    const s = await viewerFor("student4@csci1390.demo");
    const charged = await chargedFor(s.userId, "P4");
    const now = local("2025-04-27", "20:00"); // after the course-wide Fri 9 AM due date
    const before = await balanceOf(s.userId);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        submitWork({ db: t.db, viewer: s, slug: SLUG, assignmentId: ids.get("P4")!, input: link, now }),
      ),
    );
    // Fri 9 AM → Sun 8 PM is 59 h; Sat and Sun 00:00–07:00 are not counted (14 h): 45 h.
    const expected = 45;
    expect(await chargedFor(s.userId, "P4")).toBe(expected);
    expect(await balanceOf(s.userId)).toBe(before - (expected - charged));
    expect(results.filter((r) => r.ledgerChange !== null)).toHaveLength(expected === charged ? 0 : 1);
    // Every request saw the balance the one before it left: all report the same final balance.
    expect(new Set(results.map((r) => r.balanceAfter))).toEqual(new Set([before - (expected - charged)]));
  });

  it("parallel submissions at different times leave the latest one's charge", async () => {
    const s = await viewerFor("student5@csci1390.demo");
    const times = Array.from({ length: 8 }, (_, i) => local("2025-04-26", `${String(10 + i).padStart(2, "0")}:15`));
    await Promise.all(
      times.map((now) =>
        submitWork({ db: t.db, viewer: s, slug: SLUG, assignmentId: ids.get("P4")!, input: link, now }),
      ),
    );
    const latest = times.at(-1)!;
    // The latest is Sat 5:15 PM: 32.25 h after Fri 9 AM, 7 of them in Saturday's night window,
    // 25.25 counted → 26 charged.
    expect(latest).toEqual(local("2025-04-26", "17:15"));
    expect(await chargedFor(s.userId, "P4")).toBe(26);
  });

  it("a course-wide recompute racing with submissions never loses a charge", async () => {
    const racers = await Promise.all([6, 8, 9, 10, 11, 12].map((n) => viewerFor(`student${n}@csci1390.demo`)));
    for (let round = 0; round < 3; round++) {
      const due = local("2025-04-25", `${String(14 + round).padStart(2, "0")}:00`);
      const now = local("2025-04-28", `${String(10 + round).padStart(2, "0")}:00`);
      const submits = racers.map((s, i) =>
        new Promise((r) => setTimeout(r, i * 3)).then(() =>
          submitWork({ db: t.db, viewer: s, slug: SLUG, assignmentId: ids.get("P4")!, input: link, now }),
        ),
      );
      const grant = new Promise((r) => setTimeout(r, round * 4)).then(() =>
        grantCourseExtension({
          db: t.db,
          viewer: instructor,
          slug: SLUG,
          assignmentId: ids.get("P4")!,
          dueAt: due,
          reason: `Round ${round}`,
          announcement: null,
        }),
      );
      await Promise.all([...submits, grant]);
      await expectLedgerConsistent("P4");
    }
  });

  it("parallel revokes of one grant: exactly one wins", async () => {
    const s = await viewerFor("student14@csci1390.demo");
    const out = await grantStudentExtensions({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      studentIds: [s.userId],
      dueAt: local("2025-04-29", "18:00"),
      reason: "Family emergency",
    });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        revokeExtension({
          db: t.db,
          viewer: instructor,
          slug: SLUG,
          extensionId: out.extensionIds[0]!,
          reason: "Duplicate",
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    await expectLedgerConsistent("P4");
  });
});
