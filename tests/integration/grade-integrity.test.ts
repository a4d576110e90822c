// Issue 18 finding 7, the grid's save path: the PUT cells route (what the gradebook grid calls) and
// saveGrade behind it refuse a score above the points without a confirmed extra credit, refuse one above
// twice the points always, and write grades only for ENROLLED students. Against real PostgreSQL and
// the seeded Brown course; every refusal leaves the grade and the audit log as they were.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const persona = vi.hoisted(() => ({ viewer: null as import("@/lib/server/authorization/authz").Viewer | null }));
vi.mock("@/lib/server/people/session", () => ({ currentViewer: async () => persona.viewer }));

import type { Viewer } from "@/lib/server/authorization/authz";
import type { Db } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { NotEnrolledError, ScoreBoundError, saveGrade } from "@/lib/server/grading/grades";
import { PUT } from "@/app/api/courses/[slug]/grades/[assignmentId]/[studentId]/route";
import type { GradeSaveInput } from "@/lib/validation/grades";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { viewerByEmail } from "./support/personas";

const slug = "csci1390";
let t: TestDatabase;
let ta: Viewer;
let courseId: string;
let enrolled: string;
let hw1: { id: string; points: number };

const viewerFor = (email: string) => viewerByEmail(t.db, email);

/** A student of the course in the given state, with no grade yet. */
async function studentWithStatus(status: "WAITLISTED" | "DROPPED"): Promise<string> {
  const user = await t.db.user.create({ data: { email: `${status.toLowerCase()}@test.example`, name: `A ${status}` } });
  await t.db.membership.create({ data: { courseId, userId: user.id, role: "STUDENT", status } });
  return user.id;
}

async function cellOf(studentId: string) {
  return t.db.grade.findUnique({ where: { assignmentId_studentId: { assignmentId: hw1.id, studentId } } });
}

const gradeAudits = () => t.db.auditEvent.count({ where: { courseId, entityType: "grade" } });

/** saveGrade as the TA, for HW1 and one student. */
function save(studentId: string, input: GradeSaveInput) {
  return saveGrade({ db: t.db, slug, viewer: ta, assignmentId: hw1.id, studentId, input });
}

function put(studentId: string, body: unknown): Promise<Response> {
  const request = new Request(`http://localhost/api/courses/${slug}/grades/${hw1.id}/${studentId}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return PUT(request, { params: Promise.resolve({ slug, assignmentId: hw1.id, studentId }) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  (globalThis as { lecternDb?: Db }).lecternDb = t.db;
  courseId = (await t.db.course.findUniqueOrThrow({ where: { slug } })).id;
  ta = await viewerFor("ta@csci1390.demo");
  persona.viewer = ta;
  enrolled = (await viewerFor("student1@csci1390.demo")).userId;
  hw1 = await t.db.assignment.findFirstOrThrow({
    where: { courseId, code: "HW1" },
    select: { id: true, points: true },
  });
});
afterAll(async () => {
  (globalThis as { lecternDb?: Db }).lecternDb = undefined;
  await t?.drop();
});

describe("score bounds on the cell save (checkScore, the same as the CSV import)", () => {
  it("the reported 2140 on a 100-point item is refused with 422, even as extra credit, and nothing is written", async () => {
    expect(hw1.points).toBe(100);
    const before = await cellOf(enrolled);
    const audits = await gradeAudits();
    for (const extraCredit of [undefined, true]) {
      const response = await put(enrolled, { version: before?.version ?? 0, score: 2140, extraCredit });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        reason: "over-limit",
        error: "2140 is more than 2× the 100 points possible (at most 200)",
      });
    }
    expect(await cellOf(enrolled)).toEqual(before);
    expect(await gradeAudits()).toBe(audits);
  });

  it("150 on /100 needs the extra-credit confirmation; confirmed, it is saved and the audit says so", async () => {
    const before = await cellOf(enrolled);
    const audits = await gradeAudits();
    const unconfirmed = await put(enrolled, { version: before?.version ?? 0, score: 150 });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.json()).toMatchObject({
      reason: "needs-extra-credit",
      fieldErrors: { score: ["150 is more than the 100 points possible: confirm it as extra credit"] },
    });
    expect(await cellOf(enrolled)).toEqual(before);
    expect(await gradeAudits()).toBe(audits);

    const confirmed = await put(enrolled, { version: before?.version ?? 0, score: 150, extraCredit: true });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ cell: { score: 150 } });
    expect((await cellOf(enrolled))?.score).toBe(150);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { courseId, entityType: "grade" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ score: 150, extraCredit: true, studentId: enrolled });
  });

  it("exactly the points and exactly twice them (confirmed) are accepted; a negative score is refused in words", async () => {
    let version = (await cellOf(enrolled))?.version ?? 0;
    const full = await save(enrolled, { version, score: 100 });
    expect(full.score).toBe(100);
    version = full.version;
    const twice = await save(enrolled, { version, score: 200, extraCredit: true });
    expect(twice.score).toBe(200);
    const negative = await put(enrolled, { version: twice.version, score: -5 });
    expect(negative.status).toBe(422);
    expect(JSON.stringify(await negative.json())).toContain("Scores can't be negative");
    await expect(save(enrolled, { version: twice.version, score: 200.5, extraCredit: true })).rejects.toBeInstanceOf(
      ScoreBoundError,
    );
    expect((await cellOf(enrolled))?.score).toBe(200);
  });

  it("a feedback-only save of a cell already holding extra credit is not re-checked", async () => {
    const cell = await cellOf(enrolled);
    expect(cell?.score).toBe(200);
    const response = await put(enrolled, { version: cell!.version, feedback: "Bonus part done." });
    expect(response.status).toBe(200);
    expect(await cellOf(enrolled)).toMatchObject({ score: 200, feedback: "Bonus part done." });
  });
});

describe("grades only for enrolled students", () => {
  for (const status of ["WAITLISTED", "DROPPED"] as const) {
    it(`a ${status.toLowerCase()} student's grade is refused with 409 and no row is written`, async () => {
      const studentId = await studentWithStatus(status);
      const audits = await gradeAudits();
      const response = await put(studentId, { version: 0, score: 80 });
      expect(response.status).toBe(409);
      const body = await response.json();
      expect(body.error).toBe(
        `This student is ${status.toLowerCase()}: grades are recorded only for enrolled students.`,
      );
      expect(body.current).toBeUndefined();
      await expect(save(studentId, { version: 0, feedback: "Hi" })).rejects.toBeInstanceOf(NotEnrolledError);
      expect(await cellOf(studentId)).toBeNull();
      expect(await gradeAudits()).toBe(audits);
    });
  }

  it("a student dropped after being graded keeps the grade, but it can no longer be changed", async () => {
    const student2 = (await viewerFor("student2@csci1390.demo")).userId;
    const before = await cellOf(student2);
    await t.db.membership.update({
      where: { courseId_userId: { courseId, userId: student2 } },
      data: { status: "DROPPED" },
    });
    try {
      const response = await put(student2, { version: before?.version ?? 0, score: 1 });
      expect(response.status).toBe(409);
      expect(await cellOf(student2)).toEqual(before);
    } finally {
      await t.db.membership.update({
        where: { courseId_userId: { courseId, userId: student2 } },
        data: { status: "ENROLLED" },
      });
    }
  });
});
