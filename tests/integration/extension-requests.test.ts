// Extension requests against real PostgreSQL on the seeded Brown CSCI 1390 (144 h budget, 72 h cap
// per project, 00:00–07:00 not counted): a student asks and sees beforehand what approval does to
// their late hours; staff approve (as asked, or another date), or deny, one or many; the course's
// rule approves by itself. Every approval is a per-student GRANT with its ledger recompute and
// audit, and the decision email is queued, all in the decision's transaction.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { localToInstant } from "@/lib/domain/time";
import type { Viewer } from "@/lib/server/authorization/authz";
import {
  createExtensionRequest,
  decideExtensionRequests,
  getExtensionQueue,
  getExtensionRequestFile,
  getMyExtensionRequests,
  previewExtensionRequest,
  saveExtensionRule,
} from "@/lib/server/deadlines/extension-requests";
import { submitWork } from "@/lib/server/deadlines/submissions";
import { seedDatabase } from "@/lib/server/platform/seed";
import { createTestDatabase, type TestDatabase } from "./support/database";

const SLUG = "csci1390";
const NY = "America/New_York";
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });
const link = { url: "https://github.com/example/p4" };
// P4 is due Thu Apr 24 2025, 6:00 PM EDT; 10:30 the next morning is 16.5 h later, 7 of them at night: 10 h.
const friday1030 = local("2025-04-25", "10:30");

let t: TestDatabase;
let courseId: string;
let instructor: Viewer;
let ta: Viewer;
const ids = new Map<string, string>();

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

/** A student with nothing handed in for `code` yet, who hands it in at `at`. */
async function lateStudent(n: number, code: string, at: Date): Promise<Viewer> {
  const student = await viewerFor(`student${n}@csci1390.demo`);
  await t.db.submission.deleteMany({ where: { courseId, studentId: student.userId, assignmentId: ids.get(code) } });
  await t.db.ledgerEntry.deleteMany({ where: { courseId, studentId: student.userId, assignmentId: ids.get(code) } });
  await submitWork({ db: t.db, viewer: student, slug: SLUG, assignmentId: ids.get(code)!, input: link, now: at });
  return student;
}

beforeAll(async () => {
  process.env.LECTERN_CACHE = "off";
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  courseId = (await t.db.course.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  for (const a of await t.db.assignment.findMany({ where: { courseId } })) ids.set(a.code, a.id);
  instructor = await viewerFor("instructor@csci1390.demo");
  ta = await viewerFor("ta@csci1390.demo");
});
afterAll(async () => {
  await t.drop();
});

describe("a request decided by a person", () => {
  it("shows the refund before sending; a TA's approval of another date refunds through the ledger and queues the email", async () => {
    const student = await lateStudent(1, "P4", friday1030);
    expect(await chargedFor(student.userId, "P4")).toBe(10);
    const balance =
      144 -
      (await t.db.ledgerEntry.aggregate({ where: { courseId, studentId: student.userId }, _sum: { hours: true } }))._sum
        .hours!;

    const preview = await previewExtensionRequest({
      db: t.db,
      viewer: student,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      asked: { hours: 48 },
      now: friday1030,
    });
    expect(preview.hours).toBe(48);
    expect(preview.requestedDueAt).toEqual(local("2025-04-26", "18:00"));
    expect(preview.impact).toEqual({
      kind: "submitted",
      chargedNow: 10,
      chargedAfter: 0,
      refund: 10,
      balanceNow: balance,
      balanceAfter: balance + 10,
    });
    expect(preview.sentence).toBe(
      `Your work is already in: approval refunds 10 late hours (charged 10, then 0), leaving ${balance + 10} in your budget.`,
    );
    expect(preview.rule).toEqual({ approve: false, why: "The course has no automatic rule." });

    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const created = await createExtensionRequest({
      db: t.db,
      viewer: student,
      slug: SLUG,
      input: {
        assignmentId: ids.get("P4")!,
        asked: { hours: 48 },
        reason: "I was **ill** (note attached).",
        file: { name: "deans-note.pdf", size: pdf.length, bytes: pdf },
      },
      now: friday1030,
    });
    expect(created.status).toBe("PENDING");
    // Nothing changed in the ledger yet; the request is audited.
    expect(await chargedFor(student.userId, "P4")).toBe(10);
    expect(await t.db.auditEvent.count({ where: { action: "extension-request.create", entityId: created.id } })).toBe(
      1,
    );
    // A second request for the same assignment waits for the first.
    await expect(
      createExtensionRequest({
        db: t.db,
        viewer: student,
        slug: SLUG,
        input: { assignmentId: ids.get("P4")!, asked: { hours: 10 }, reason: "again", file: null },
        now: friday1030,
      }),
    ).rejects.toMatchObject({ status: 409 });

    // Only the student (and staff) see it, and the file.
    const other = await viewerFor("student2@csci1390.demo");
    expect(await getMyExtensionRequests({ db: t.db, viewer: other, slug: SLUG })).toEqual([]);
    const mine = await getMyExtensionRequests({ db: t.db, viewer: student, slug: SLUG });
    expect(mine.map((r) => [r.assignmentCode, r.status, r.fileName])).toEqual([["P4", "PENDING", "deans-note.pdf"]]);
    await expect(
      getExtensionRequestFile({ db: t.db, viewer: other, slug: SLUG, requestId: created.id }),
    ).rejects.toMatchObject({ status: 404 });
    const file = await getExtensionRequestFile({ db: t.db, viewer: ta, slug: SLUG, requestId: created.id });
    expect(file).toMatchObject({ name: "deans-note.pdf", type: "application/pdf" });
    expect([...file.bytes]).toEqual([...pdf]);

    const queue = await getExtensionQueue({ db: t.db, viewer: ta, slug: SLUG });
    const row = queue.pending.find((r) => r.id === created.id)!;
    expect(row).toMatchObject({ hours: 48, reason: "I was **ill** (note attached).", student: { id: student.userId } });
    expect(row.standing).toEqual({ used: 144 - balance, balance, budgetHours: 144 });
    expect(queue.canEditRule).toBe(false);

    // Approve Fri 6 PM instead of Sat 6 PM: partly approved, and the 10:30 hand-in is on time.
    const decidedAt = local("2025-04-25", "12:00");
    await decideExtensionRequests({
      db: t.db,
      viewer: ta,
      slug: SLUG,
      requestIds: [created.id],
      decision: { kind: "other", dueLocal: { date: "2025-04-25", time: "18:00" } },
      message: "One day is what the note covers.",
      now: decidedAt,
    });
    const decided = await t.db.extensionRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { extension: true },
    });
    expect(decided).toMatchObject({
      status: "PARTLY_APPROVED",
      decidedDueAt: local("2025-04-25", "18:00"),
      decidedById: ta.userId,
      automatic: false,
      decisionMessage: "One day is what the note covers.",
    });
    expect(decided.extension).toMatchObject({ studentId: student.userId, action: "GRANT", grantedById: ta.userId });
    expect(await chargedFor(student.userId, "P4")).toBe(0);
    const audits = await t.db.auditEvent.findMany({
      where: { courseId, actorId: ta.userId },
      select: { action: true },
    });
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["extension.grant", "extension-request.decide"]),
    );
    const mail = await t.db.outboxMessage.findMany({ where: { courseId, kind: "EXTENSION_DECISION" } });
    expect(mail.map((m) => [m.recipientId, m.subject])).toEqual([
      [student.userId, "[CSCI 1390] Extension request for P4: partly approved"],
    ]);
    expect(mail[0]!.text).toContain("Your extension request for P4 was partly approved: it is now due");
    expect(mail[0]!.text).toContain("Message from the staff: One day is what the note covers.");

    // Decided once: deciding again is a conflict and changes nothing.
    await expect(
      decideExtensionRequests({
        db: t.db,
        viewer: instructor,
        slug: SLUG,
        requestIds: [created.id],
        decision: { kind: "deny" },
        message: "No",
        now: decidedAt,
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await t.db.extensionRequest.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: "PARTLY_APPROVED",
    });
  });

  it("bulk denial: every request denied with the message, one email each; a denial needs a message", async () => {
    const a = await viewerFor("student3@csci1390.demo");
    const b = await viewerFor("student4@csci1390.demo");
    const before = local("2025-04-20", "12:00");
    const ask = (v: Viewer) =>
      createExtensionRequest({
        db: t.db,
        viewer: v,
        slug: SLUG,
        input: {
          assignmentId: ids.get("P4")!,
          asked: { dueLocal: { date: "2025-04-30", time: "18:00" } },
          reason: "Travel",
          file: null,
        },
        now: before,
      });
    const [ra, rb] = [await ask(a), await ask(b)];
    await expect(
      decideExtensionRequests({
        db: t.db,
        viewer: instructor,
        slug: SLUG,
        requestIds: [ra.id, rb.id],
        decision: { kind: "deny" },
        message: " ",
        now: before,
      }),
    ).rejects.toMatchObject({ status: 422 });
    const result = await decideExtensionRequests({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      requestIds: [ra.id, rb.id],
      decision: { kind: "deny" },
      message: "Travel is not a reason under the syllabus.",
      now: before,
    });
    expect(result).toEqual({ decided: 2 });
    const rows = await t.db.extensionRequest.findMany({ where: { id: { in: [ra.id, rb.id] } } });
    expect(rows.every((r) => r.status === "DENIED" && r.extensionId === null)).toBe(true);
    const mail = await t.db.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: "extension-decision:" }, recipientId: { in: [a.userId, b.userId] } },
    });
    expect(mail.map((m) => m.subject)).toEqual([
      "[CSCI 1390] Extension request for P4: denied",
      "[CSCI 1390] Extension request for P4: denied",
    ]);
  });

  it("refuses a date that is not after the current due date, next to the field", async () => {
    const s = await viewerFor("student5@csci1390.demo");
    await expect(
      previewExtensionRequest({
        db: t.db,
        viewer: s,
        slug: SLUG,
        assignmentId: ids.get("P4")!,
        asked: { dueLocal: { date: "2025-04-24", time: "17:00" } },
        now: friday1030,
      }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: { date: [expect.stringMatching(/^Choose|^Ask for a date after/)] },
    });
  });
});

describe("the course's rule", () => {
  it("approves at most 48 h, at most once per student here; the decision is audited as automatic and shows in the queue", async () => {
    await expect(
      saveExtensionRule({
        db: t.db,
        viewer: ta,
        slug: SLUG,
        rule: { enabled: true, maxHours: 48, beforeDeadlineOnly: false, maxPerStudent: 1 },
      }),
    ).rejects.toMatchObject({ status: 403 });
    await saveExtensionRule({
      db: t.db,
      viewer: instructor,
      slug: SLUG,
      rule: { enabled: true, maxHours: 48, beforeDeadlineOnly: false, maxPerStudent: 1 },
    });
    const student = await lateStudent(6, "P4", friday1030);
    expect(await chargedFor(student.userId, "P4")).toBe(10);
    const tooLong = await previewExtensionRequest({
      db: t.db,
      viewer: student,
      slug: SLUG,
      assignmentId: ids.get("P4")!,
      asked: { hours: 72 },
      now: friday1030,
    });
    expect(tooLong.rule).toEqual({ approve: false, why: "Asks for more than 48 h." });

    const approved = await createExtensionRequest({
      db: t.db,
      viewer: student,
      slug: SLUG,
      input: { assignmentId: ids.get("P4")!, asked: { hours: 48 }, reason: "Flu", file: null },
      now: friday1030,
    });
    expect(approved).toMatchObject({ status: "APPROVED", dueAt: local("2025-04-26", "18:00") });
    expect(await chargedFor(student.userId, "P4")).toBe(0);
    const row = await t.db.extensionRequest.findUniqueOrThrow({
      where: { id: approved.id },
      include: { extension: true },
    });
    expect(row).toMatchObject({ automatic: true, decidedById: null, status: "APPROVED" });
    expect(row.extension).toMatchObject({ grantedById: null, studentId: student.userId });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "extension-request.auto-decide", entityId: approved.id },
    });
    expect(audit.actorId).toBeNull();
    expect(audit.after).toMatchObject({
      status: "APPROVED",
      automatic: true,
      rule: "At most 48 h, approval 1 of 1 for this student.",
    });
    const mail = await t.db.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: `extension-decision:${approved.id}:${student.userId}` },
    });
    expect(mail.text).toContain("Decided automatically by the course's extension rule.");

    const queue = await getExtensionQueue({ db: t.db, viewer: instructor, slug: SLUG });
    expect(queue.decided.find((r) => r.id === approved.id)).toMatchObject({ automatic: true, decidedByName: null });
    expect(queue.rule).toEqual({ enabled: true, maxHours: 48, beforeDeadlineOnly: false, maxPerStudent: 1 });

    // Its one approval for this student is used: the next request waits for a person.
    const second = await createExtensionRequest({
      db: t.db,
      viewer: student,
      slug: SLUG,
      input: { assignmentId: ids.get("P3")!, asked: { hours: 24 }, reason: "Still ill", file: null },
      now: friday1030,
    });
    expect(second.status).toBe("PENDING");
  });
});
