// The TA's "basically works? D / F" call on a project Brown's late policy caps, against real
// PostgreSQL and the seeded Brown course: saved through the grade save path with its audit event,
// and read back the same on the gradebook, the student's grades page and the CSV export.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import type { Viewer } from "@/lib/server/authorization/authz";
import { seedDatabase } from "@/lib/server/platform/seed";
import { ValidationError } from "@/lib/server/platform/errors";
import { getGradeDetail, getMyGrades, saveGrade, setGradesReleased } from "@/lib/server/grading/grades";
import { getGradebook } from "@/lib/server/grading/gradebook";
import { exportGradebookCsv } from "@/lib/server/grading/grade-csv";
import { createTestDatabase, type TestDatabase } from "./support/database";

const slug = "csci1390";
const now = new Date("2025-05-20T12:00:00Z"); // after the term: every project is due and judged

let t: TestDatabase;
let ta: Viewer;
let instructor: Viewer;
let courseId: string;

async function viewerFor(email: string): Promise<Viewer> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  return { userId: u.id, email: u.email, name: u.name };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  courseId = (await t.db.course.findUniqueOrThrow({ where: { slug } })).id;
  ta = await viewerFor("ta@csci1390.demo");
  instructor = await viewerFor("instructor@csci1390.demo");
});
afterAll(async () => {
  await t?.drop();
});

/** The first gradebook cell whose late flags say "capped, the grader must choose D or F". */
async function pendingCapCell() {
  const book = await getGradebook({ db: t.db, slug, viewer: ta, now });
  for (const row of book.rows)
    for (const [ai, lateHours, flags] of row.late)
      if (flags & 8) return { row, assignment: book.assignments[ai]!, lateHours, book };
  throw new Error("the seed has no project waiting for a D/F call");
}

describe("the D/F call on a capped project", () => {
  it("is asked for in the grade detail, saved with an audit event, and shown on the grades page and in the export", async () => {
    const { row, assignment } = await pendingCapCell();
    const cell = { db: t.db, slug, assignmentId: assignment.id, studentId: row.id };
    // The student sees the letter only once the project's grades are released.
    await setGradesReleased({ db: t.db, slug, viewer: instructor, assignmentId: assignment.id, release: true, now });

    const before = await getGradeDetail({ ...cell, viewer: ta, now });
    // Brown's page: "we'll give it a D or an F"; the points of each are the course's choice (seed data).
    expect(before.capDecision).toMatchObject({
      basicallyWorks: null,
      choices: [
        { letter: "D", percent: 65 },
        { letter: "F", percent: 50 },
      ],
    });
    const student = await viewerFor(before.student.email);
    const pending = (await getMyGrades({ db: t.db, slug, viewer: student, now })).rows.find(
      (r) => r.id === assignment.id,
    )!;
    expect(pending.capped).toBeNull();
    expect(pending.lateNote).toMatch(/will be graded a D or an F once the staff decide/);

    // Full marks typed, then the TA says it basically works: D, 65 % of the points.
    const points = assignment.points;
    const full = await saveGrade({ ...cell, viewer: ta, input: { version: before.cell.version, score: points } });
    const saved = await saveGrade({ ...cell, viewer: ta, input: { version: full.version, basicallyWorks: true } });
    expect(saved.basicallyWorks).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { courseId, entityType: "grade", actorId: ta.userId },
      orderBy: { id: "desc" },
    });
    expect(event.before).toMatchObject({ basicallyWorks: null, score: points });
    expect(event.after).toMatchObject({ basicallyWorks: true, assignmentId: assignment.id, studentId: row.id });

    const mineD = (await getMyGrades({ db: t.db, slug, viewer: student, now })).rows.find(
      (r) => r.id === assignment.id,
    )!;
    expect(mineD.capped).toEqual({ letter: "D", countedPoints: points * 0.65 });
    expect(mineD.lateNote).toBe(
      `Handed in ${before.capDecision!.overCap ? "more late hours than one assignment may use" : "over the late-hour budget"}: graded D (65% of the points).`,
    );
    const detailD = await getGradeDetail({ ...cell, viewer: ta, now });
    expect(detailD.capDecision!.basicallyWorks).toBe(true);
    expect(detailD.history!.at(-1)).toMatchObject({ basicallyWorks: true });
    const bookD = await getGradebook({ db: t.db, slug, viewer: ta, now });
    const rowD = bookD.rows.find((r) => r.id === row.id)!;
    expect(rowD.consequences).toContainEqual({ itemId: assignment.id, kind: "cap", letter: "D", percent: 65 });
    expect(rowD.late.find(([ai]) => bookD.assignments[ai]!.id === assignment.id)![2] & 8).toBe(0);

    const finalScore = async () => {
      const rows = Papa.parse<string[]>(
        (await exportGradebookCsv({ db: t.db, slug, viewer: ta, now })).csv.trim(),
      ).data;
      const header = rows[0]!;
      const mine = rows.find((r) => r[3] === before.student.email)!;
      return Number(mine[header.indexOf("Final Score")]);
    };
    const withD = await finalScore();

    // Changed to "does not basically work": F, 50 %; the export's final score drops with it.
    const savedF = await saveGrade({ ...cell, viewer: ta, input: { version: saved.version, basicallyWorks: false } });
    const mineF = (await getMyGrades({ db: t.db, slug, viewer: student, now })).rows.find(
      (r) => r.id === assignment.id,
    )!;
    expect(mineF.capped).toEqual({ letter: "F", countedPoints: points * 0.5 });
    expect(await finalScore()).toBeLessThan(withD);
    expect(savedF.version).toBe(saved.version + 1);
  });

  it("is refused (422, next to the field) on work the policy does not cap, and writes nothing", async () => {
    const { row, book } = await pendingCapCell();
    const onTime = book.assignments.find((a) => !row.late.some(([ai]) => book.assignments[ai]!.id === a.id))!;
    const version = row.versions[book.assignments.indexOf(onTime)]!;
    const events = await t.db.auditEvent.count({ where: { courseId } });
    const attempt = saveGrade({
      db: t.db,
      slug,
      viewer: ta,
      assignmentId: onTime.id,
      studentId: row.id,
      input: { version, basicallyWorks: true },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { basicallyWorks: [expect.any(String)] } });
    expect(await t.db.auditEvent.count({ where: { courseId } })).toBe(events);
  });
});
