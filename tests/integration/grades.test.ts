// The gradebook's data layer against real PostgreSQL and the seeded Brown course:
// concurrent saves, release, per-student scoping, CSV export and import, scheme edits.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import type { Viewer } from "@/lib/server/authorization/authz";
import { seedDatabase } from "@/lib/server/platform/seed";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import {
  GradeConflictError,
  getGradeDetail,
  getMyGrades,
  saveGrade,
  setGradesReleased,
} from "@/lib/server/grading/grades";
import { getGradebook } from "@/lib/server/grading/gradebook";
import { exportGradebookCsv } from "@/lib/server/grading/grade-csv";
import { applyGradeImport, previewGradeImport } from "@/lib/server/grading/grade-import";
import { getAssignmentStats, getGradebookStats } from "@/lib/server/grading/grade-stats";
import { getSchemeEditor, previewScheme, updateScheme } from "@/lib/server/grading/grade-scheme";
import { compileScheme } from "@/lib/domain/grading";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { viewerByEmail } from "./support/personas";

const slug = "csci1390";
const now = new Date("2025-05-20T12:00:00Z"); // after the term: every assignment is due

let t: TestDatabase;
let ta: Viewer;
let ta2: Viewer;
let instructor: Viewer;
let student1: Viewer;
let student2: Viewer;
let courseId: string;
const assignment = (code: string) => t.db.assignment.findFirstOrThrow({ where: { courseId, code } });

const viewerFor = (email: string) => viewerByEmail(t.db, email);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
  courseId = (await t.db.course.findUniqueOrThrow({ where: { slug } })).id;
  ta = await viewerFor("ta@csci1390.demo");
  instructor = await viewerFor("instructor@csci1390.demo");
  student1 = await viewerFor("student1@csci1390.demo");
  student2 = await viewerFor("student2@csci1390.demo");
  // A second TA, so two TAs can grade the same cell at once.
  const second = await t.db.user.create({ data: { email: "ta2@test.example", name: "Second TA" } });
  await t.db.membership.create({ data: { courseId, userId: second.id, role: "TA", status: "ENROLLED" } });
  ta2 = { userId: second.id, email: second.email, name: second.name };
});
afterAll(async () => {
  await t?.drop();
});

describe("saving a cell", () => {
  it("two TAs saving the same cell at once: one wins, the other gets a conflict with the winner's value, nothing is lost", async () => {
    const p1 = await assignment("P1");
    const before = await t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: p1.id, studentId: student2.userId } },
    });
    const args = { db: t.db, slug, assignmentId: p1.id, studentId: student2.userId };
    const results = await Promise.allSettled([
      saveGrade({ ...args, viewer: ta, input: { version: before.version, score: 71 } }),
      saveGrade({ ...args, viewer: ta2, input: { version: before.version, score: 93 } }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason;
    expect(conflict).toBeInstanceOf(GradeConflictError);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveGrade>>>).value;
    expect((conflict as GradeConflictError).current).toMatchObject({
      score: winner.score,
      version: before.version + 1,
    });
    expect(winner.version).toBe(before.version + 1);

    // The loser saw both values and chooses theirs over the winner's: a save at the new version.
    const loserScore = winner.score === 71 ? 93 : 71;
    const loser = winner.score === 71 ? ta2 : ta;
    const resolved = await saveGrade({
      ...args,
      viewer: loser,
      input: { version: (conflict as GradeConflictError).current.version, score: loserScore },
    });
    expect(resolved).toMatchObject({ score: loserScore, version: before.version + 2 });

    // Both writes are in the history, in order, with who made them.
    const detail = await getGradeDetail({ ...args, viewer: instructor, now });
    const updates = detail.history!.filter((h) => h.action === "grade.update");
    expect(updates.map((h) => [h.before, h.after])).toEqual([
      [before.score, winner.score],
      [winner.score, loserScore],
    ]);
    expect(updates.map((h) => h.actorName)).toEqual([winner.score === 71 ? "CSCI 1390 TA" : "Second TA", loser.name]);
  });

  it("two first saves of a blank cell: one creates it, the other conflicts", async () => {
    const part = await assignment("PART");
    await t.db.grade.deleteMany({ where: { assignmentId: part.id, studentId: student2.userId } });
    const args = { db: t.db, slug, assignmentId: part.id, studentId: student2.userId };
    const results = await Promise.allSettled([
      saveGrade({ ...args, viewer: ta, input: { version: 0, score: 80 } }),
      saveGrade({ ...args, viewer: ta2, input: { version: 0, score: 90 } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toBeInstanceOf(GradeConflictError);
    expect((rejected.reason as GradeConflictError).current.version).toBe(1);
    expect(await t.db.grade.count({ where: { assignmentId: part.id, studentId: student2.userId } })).toBe(1);
    const audits = await t.db.auditEvent.count({
      where: { courseId, action: "grade.create", actorId: { in: [ta.userId, ta2.userId] } },
    });
    expect(audits).toBe(1);
  });

  it("ten saves of one cell at the same version: exactly one is written and audited, nine conflict", async () => {
    const hw2 = await assignment("HW2");
    const args = { db: t.db, slug, assignmentId: hw2.id, studentId: student2.userId };
    const start = (await getGradeDetail({ ...args, viewer: ta, now })).cell;
    const auditsBefore = await t.db.auditEvent.count({
      where: { courseId, entityType: "grade", action: { startsWith: "grade." } },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        saveGrade({ ...args, viewer: i % 2 ? ta : ta2, input: { version: start.version, score: 50 + i } }),
      ),
    );
    const won = results.filter(
      (r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof saveGrade>>> => r.status === "fulfilled",
    );
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof GradeConflictError)).toHaveLength(9);
    const row = await t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: hw2.id, studentId: student2.userId } },
    });
    expect(row).toMatchObject({ score: won[0]!.value.score, version: start.version + 1 });
    const audits = await t.db.auditEvent.findMany({
      where: { courseId, entityType: "grade", entityId: row.id },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(
      await t.db.auditEvent.count({ where: { courseId, entityType: "grade", action: { startsWith: "grade." } } }),
    ).toBe(auditsBefore + 1);
    expect(audits[0]).toMatchObject({
      before: { score: start.score, version: start.version },
      after: { score: row.score, version: row.version },
    });
  });

  it("a stale version is refused; feedback saves on its own; students, strangers and other courses cannot save", async () => {
    const hw1 = await assignment("HW1");
    const args = { db: t.db, slug, assignmentId: hw1.id, studentId: student2.userId };
    const cell = (await getGradeDetail({ ...args, viewer: ta, now })).cell;
    const saved = await saveGrade({
      ...args,
      viewer: ta,
      input: { version: cell.version, feedback: "Clear and well argued." },
    });
    expect(saved).toMatchObject({ score: cell.score, feedback: "Clear and well argued.", version: cell.version + 1 });
    await expect(saveGrade({ ...args, viewer: ta, input: { version: cell.version, score: 1 } })).rejects.toBeInstanceOf(
      GradeConflictError,
    );
    await expect(
      saveGrade({ ...args, viewer: student1, input: { version: saved.version, score: 100 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveGrade({ ...args, slug: "csc490", viewer: ta, input: { version: saved.version, score: 100 } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // An assignment of another course, named through this course, does not exist here.
    const other = await t.db.assignment.findFirstOrThrow({ where: { course: { slug: "csc490" } } });
    await expect(
      saveGrade({ ...args, assignmentId: other.id, viewer: ta, input: { version: 0, score: 1 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("release", () => {
  it("hides an assignment's grades from students until released, and hides them again on unrelease", async () => {
    const hw2 = await assignment("HW2");
    expect(hw2.gradesReleasedAt).toBeNull(); // the seed's "still being graded" item
    const existing = await t.db.grade.findUnique({
      where: { assignmentId_studentId: { assignmentId: hw2.id, studentId: student1.userId } },
    });
    await saveGrade({
      db: t.db,
      slug,
      viewer: ta,
      assignmentId: hw2.id,
      studentId: student1.userId,
      input: { version: existing?.version ?? 0, score: 88, feedback: "Thoughtful." },
    });

    const hidden = await getMyGrades({ db: t.db, slug, viewer: student1, now });
    const row = () => hidden.rows.find((r) => r.code === "HW2")!;
    expect(row()).toMatchObject({ released: false, score: null, feedback: "" });
    expect(hidden.scores[hw2.id]).toBeUndefined();
    await expect(
      getGradeDetail({ db: t.db, slug, viewer: student1, assignmentId: hw2.id, studentId: student1.userId, now }),
    ).rejects.toBeInstanceOf(NotFoundError);

    await expect(
      setGradesReleased({ db: t.db, slug, viewer: student1, assignmentId: hw2.id, release: true, now }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await setGradesReleased({ db: t.db, slug, viewer: ta, assignmentId: hw2.id, release: true, now });
    const shown = await getMyGrades({ db: t.db, slug, viewer: student1, now });
    expect(shown.rows.find((r) => r.code === "HW2")).toMatchObject({
      released: true,
      score: 88,
      feedback: "Thoughtful.",
    });
    expect(shown.scores[hw2.id]).toBe(88);
    const detail = await getGradeDetail({
      db: t.db,
      slug,
      viewer: student1,
      assignmentId: hw2.id,
      studentId: student1.userId,
      now,
    });
    expect(detail.cell.score).toBe(88);
    expect(detail.history).toBeNull(); // staff-only

    await setGradesReleased({ db: t.db, slug, viewer: ta, assignmentId: hw2.id, release: false, now });
    const again = await getMyGrades({ db: t.db, slug, viewer: student1, now });
    expect(again.rows.find((r) => r.code === "HW2")).toMatchObject({ released: false, score: null });
    const events = await t.db.auditEvent.findMany({
      where: { courseId, entityType: "assignment", entityId: hw2.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["grades.release", "grades.unrelease"]);
  });
});

describe("a student's view is their own", () => {
  it("another student's grade is not found; staff-only reads are forbidden", async () => {
    const p1 = await assignment("P1");
    await expect(
      getGradeDetail({ db: t.db, slug, viewer: student1, assignmentId: p1.id, studentId: student2.userId, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getGradeDetail({ db: t.db, slug, viewer: student1, assignmentId: p1.id, studentId: "no-such-user", now }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGradebook({ db: t.db, slug, viewer: student1, now })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportGradebookCsv({ db: t.db, slug, viewer: student1, now })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getMyGrades({ db: t.db, slug, viewer: ta, now })).rejects.toBeInstanceOf(ForbiddenError);

    const mine = await getMyGrades({ db: t.db, slug, viewer: student1, now });
    const own = await t.db.grade.findMany({
      where: { courseId, studentId: student1.userId, assignment: { gradesReleasedAt: { not: null, lte: now } } },
    });
    expect(Object.keys(mine.scores).sort()).toEqual(own.map((g) => g.assignmentId).sort());
    expect(mine.current.letter).not.toBeNull();
    expect(mine.categories.map((c) => c.name)).toEqual([
      "Course Projects",
      "Written Homeworks",
      "Post Lecture Quizzes",
      "Class Participation",
    ]);
  });

  it("the gradebook carries late flags from the ledger and submissions", async () => {
    const book = await getGradebook({ db: t.db, slug, viewer: ta, now });
    expect(book.rows.length).toBe(
      await t.db.membership.count({ where: { courseId, role: "STUDENT", status: "ENROLLED" } }),
    );
    const overBudget = book.rows.find((r) => r.email === "student7@csci1390.demo")!;
    expect(overBudget.flags.overBudget).toBe(true);
    // The course letter follows the percent; the project that went over is graded D or F (the TA decides).
    const late = new Map(overBudget.late.map(([ai, , flags]) => [book.assignments[ai]!.code, flags]));
    expect([...late.values()].some((flags) => (flags & 4) !== 0)).toBe(true);
    const overCap = book.rows.find((r) => r.email === "student13@csci1390.demo")!;
    expect(overCap.flags.overCap).toBe(true);
    const missingP4 = book.rows.find((r) => r.email === "student29@csci1390.demo")!;
    expect(missingP4.flags.afterCutoff).toBe(true);
  });

  // Issue 14.2: the page sends its first screen of rows; the grid loads the rest afterwards.
  it("a first screen is the whole book's first rows by name, each exactly as the whole read has it", async () => {
    const whole = await getGradebook({ db: t.db, slug, viewer: ta, now });
    const total = whole.rows.length;
    expect(whole.rowsTotal).toBe(total);
    for (const first of [1, 7, total + 5]) {
      const screen = await getGradebook({ db: t.db, slug, viewer: ta, now, firstStudents: first });
      expect(screen.rowsTotal).toBe(total);
      // Late flags, ledger hours, work never handed in and the current grade read for these students alone.
      expect(screen.rows).toEqual(whole.rows.slice(0, first));
      expect(screen.assignments).toEqual(whole.assignments);
    }
  });
});

describe("CSV", () => {
  it("exports Canvas's layout: identity columns, one column per assignment, a Points Possible row", async () => {
    const { csv, filename } = await exportGradebookCsv({ db: t.db, slug, viewer: ta, now });
    expect(filename).toBe("csci1390-grades.csv");
    const rows = Papa.parse<string[]>(csv.trim()).data;
    const assignments = await t.db.assignment.findMany({ where: { courseId }, orderBy: { position: "asc" } });
    expect(rows[0]!.slice(0, 5)).toEqual(["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]);
    // No Canvas links yet: bare titles, which Canvas's importer matches by title.
    expect(rows[0]!.slice(5, 5 + assignments.length)).toEqual(assignments.map((a) => a.title));
    expect(rows[0]!.slice(5 + assignments.length)).toEqual([
      "Current Score",
      "Final Score",
      "Current Grade",
      "Final Grade",
    ]);
    expect(rows[1]![0]).toBe("    Points Possible");
    expect(rows[1]!.slice(5, 5 + assignments.length)).toEqual(assignments.map((a) => a.points.toFixed(2)));
    const enrolled = await t.db.membership.count({ where: { courseId, role: "STUDENT", status: "ENROLLED" } });
    expect(rows.length).toBe(2 + enrolled);
    const mine = rows.find((r) => r[3] === "student1@csci1390.demo")!;
    const [first, ...rest] = student1.name.split(" ");
    expect(mine[0]).toBe(`${rest.join(" ")}, ${first}`);
    expect(mine[1]).toBe(""); // no Canvas user id known yet
    expect(mine[4]).toBe("CSCI1390-S01");
    const p2 = assignments.findIndex((a) => a.code === "P2");
    const grade = await t.db.grade.findUnique({
      where: { assignmentId_studentId: { assignmentId: assignments[p2]!.id, studentId: student1.userId } },
    });
    expect(mine[5 + p2]).toBe(grade?.score == null ? "" : grade.score.toFixed(2));
  });

  it("an import preview writes nothing; confirming writes every change in one transaction, audited; a moved grade aborts it", async () => {
    const { csv } = await exportGradebookCsv({ db: t.db, slug, viewer: ta, now });
    const [header, ...body] = Papa.parse<string[]>(csv.trim()).data;
    const assignments = await t.db.assignment.findMany({ where: { courseId } });
    const idOf = (code: string) => assignments.find((a) => a.code === code)!.id;
    const col = (id: string) => header!.indexOf(assignments.find((a) => a.id === id)!.title);
    const rows = body.map((cells, i) => ({ line: i + 2, cells: [...cells] }));
    const rowOf = (email: string) => rows.find((r) => r.cells[3] === email)!;

    // student3: a changed P1 and a new PART; student4: a bad value (the whole row is skipped); a stranger.
    await t.db.grade.deleteMany({
      where: { assignmentId: idOf("PART"), studentId: { in: [(await viewerFor("student3@csci1390.demo")).userId] } },
    });
    rowOf("student3@csci1390.demo").cells[col(idOf("P1"))] = "55.5";
    rowOf("student3@csci1390.demo").cells[col(idOf("PART"))] = "97";
    rowOf("student4@csci1390.demo").cells[col(idOf("P2"))] = "abc";
    rows.push({
      line: rows.length + 2,
      cells: ["Nobody", "x", "", "nobody@example.com", "", ...header!.slice(5).map(() => "")],
    });

    const gradesBefore = await t.db.grade.findMany({
      where: { courseId },
      select: { id: true, score: true, version: true },
    });
    const auditBefore = await t.db.auditEvent.count({ where: { courseId } });
    const preview = await previewGradeImport({ db: t.db, slug, viewer: ta, input: { header: header!, rows }, now });
    expect(preview.counts).toMatchObject({ new: 1, changed: 1, errors: 1, pendingStudents: 1 });
    expect(preview.counts.unchanged).toBeGreaterThan(100);
    expect(preview.errors.map((e) => e.line)).toEqual([rowOf("student4@csci1390.demo").line]);
    // The stranger is not an error: the mapping step asks who it is, and the row waits.
    expect(preview.mappingStudents).toEqual([
      expect.objectContaining({ line: rows.at(-1)!.line, name: "Nobody", state: "pending" }),
    ]);
    expect(preview.errors[0]!.message).toContain('"abc" is not a number');
    expect(preview.changes.map((c) => [c.code, c.kind, c.after])).toEqual([
      ["P1", "changed", 55.5],
      ["PART", "new", 97],
    ]);
    expect(preview.ignoredColumns.map((c) => [c.header, c.kind])).toEqual([
      ["Current Score", "totals"],
      ["Final Score", "totals"],
      ["Current Grade", "totals"],
      ["Final Grade", "totals"],
    ]);
    expect(preview.ignoredRows.map((r) => r.kind)).toEqual(["points-possible"]);
    // Nothing written by the preview.
    expect(
      await t.db.grade.findMany({ where: { courseId }, select: { id: true, score: true, version: true } }),
    ).toEqual(gradesBefore);
    expect(await t.db.auditEvent.count({ where: { courseId } })).toBe(auditBefore);

    // Without the preview's token, or with one from before a grade moved, nothing is written.
    await expect(
      applyGradeImport({ db: t.db, slug, viewer: ta, input: { header: header!, rows, previewToken: "stale" }, now }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      applyGradeImport({
        db: t.db,
        slug,
        viewer: student1,
        input: { header: header!, rows, previewToken: preview.previewToken },
        now,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const applied = await applyGradeImport({
      db: t.db,
      slug,
      viewer: ta,
      input: { header: header!, rows, previewToken: preview.previewToken },
      now,
    });
    expect(applied).toEqual({ created: 1, updated: 1, linked: 0 });
    const s3 = (await viewerFor("student3@csci1390.demo")).userId;
    const p1 = await t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: idOf("P1"), studentId: s3 } },
    });
    expect(p1.score).toBe(55.5);
    const events = await t.db.auditEvent.findMany({ where: { courseId, action: "grade.import" } });
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.entityId === p1.id)!.after).toMatchObject({ score: 55.5 });

    // Same file again: everything is now unchanged.
    const second = await previewGradeImport({ db: t.db, slug, viewer: ta, input: { header: header!, rows }, now });
    expect(second.counts).toMatchObject({ new: 0, changed: 0 });

    // A grade that moves between preview and confirm aborts the whole import.
    rowOf("student3@csci1390.demo").cells[col(idOf("P1"))] = "60";
    rowOf("student5@csci1390.demo").cells[col(idOf("P1"))] = "61";
    const third = await previewGradeImport({ db: t.db, slug, viewer: ta, input: { header: header!, rows }, now });
    expect(third.counts.changed).toBe(2);
    await saveGrade({
      db: t.db,
      slug,
      viewer: ta2,
      assignmentId: idOf("P1"),
      studentId: s3,
      input: { version: p1.version, score: 70 },
    });
    await expect(
      applyGradeImport({
        db: t.db,
        slug,
        viewer: ta,
        input: { header: header!, rows, previewToken: third.previewToken },
        now,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const s5 = (await viewerFor("student5@csci1390.demo")).userId;
    const untouched = await t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: idOf("P1"), studentId: s5 } },
    });
    expect(untouched.score).not.toBe(61);
  });

  it("a file without a student column is refused", async () => {
    await expect(
      previewGradeImport({ db: t.db, slug, viewer: ta, input: { header: ["Name", "P1"], rows: [] }, now }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("excused grades (Canvas's EX)", () => {
  it("an excused cell has no score, is left out of the final grade, shows to the student, and goes out and back in through CSV as EX", async () => {
    const p1 = await assignment("P1");
    const s7 = await viewerFor("student7@csci1390.demo");
    const s8 = await viewerFor("student8@csci1390.demo");
    const args = { db: t.db, slug, assignmentId: p1.id, studentId: s7.userId };
    const before = (await getGradeDetail({ ...args, viewer: ta, now })).cell;
    expect(before).toMatchObject({ excused: false });
    expect(before.score).not.toBeNull();

    const excused = await saveGrade({ ...args, viewer: ta, input: { version: before.version, excused: true } });
    expect(excused).toMatchObject({ score: null, excused: true, version: before.version + 1 });
    const row = await t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: p1.id, studentId: s7.userId } },
    });
    expect(row).toMatchObject({ score: null, excused: true });
    const [event] = await t.db.auditEvent.findMany({
      where: { courseId, entityType: "grade", entityId: row.id },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(event).toMatchObject({
      action: "grade.update",
      before: { score: before.score, excused: false },
      after: { score: null, excused: true },
    });
    expect((await getGradeDetail({ ...args, viewer: ta, now })).history!.at(-1)).toMatchObject({
      before: before.score,
      after: "EX",
    });

    // The final grade leaves P1 out; a missing P1 would count as zero instead.
    const book = await getGradebook({ db: t.db, slug, viewer: ta, now });
    const mine = book.rows.find((r) => r.id === s7.userId)!;
    const ai = book.assignments.findIndex((a) => a.id === p1.id);
    expect(mine.excused).toContain(ai);
    expect(mine.scores[ai]).toBeNull();
    const scores = Object.fromEntries(
      book.assignments.flatMap((a, i) => (mine.scores[i] === null ? [] : [[a.id, mine.scores[i]!]])),
    );
    const grader = compileScheme({ scheme: book.scheme, items: book.items });
    const finalWith = (excusedIds: string[]) =>
      grader.grade({
        student: { scores, chosenTrackId: mine.trackId, excused: excusedIds, missed: mine.missed },
        mode: "final",
        consequences: mine.consequences,
      }).percent!;
    expect(finalWith([p1.id])).toBeGreaterThan(finalWith([]));
    const { csv } = await exportGradebookCsv({ db: t.db, slug, viewer: ta, now });
    const [header, ...body] = Papa.parse<string[]>(csv.trim()).data;
    const line = body.find((r) => r[3] === s7.email)!;
    expect(line[header!.indexOf(p1.title)]).toBe("EX");
    expect(Number(line[header!.indexOf("Final Score")])).toBeCloseTo(finalWith([p1.id]), 2);

    // The student sees it as excused, and their what-if leaves it out.
    const theirs = await getMyGrades({ db: t.db, slug, viewer: s7, now });
    expect(theirs.rows.find((r) => r.code === "P1")).toMatchObject({ score: null, excused: true });
    expect(theirs.excused).toEqual([p1.id]);

    // Importing: EX where it is already excused is unchanged; "ex" for another student excuses them.
    const rows = body.map((cells, i) => ({ line: i + 2, cells: [...cells] }));
    const p1Col = header!.indexOf(p1.title);
    for (const r of rows) for (let c = 5; c < r.cells.length; c++) if (c !== p1Col) r.cells[c] = ""; // only P1 matters here
    for (const r of rows) if (r.cells[3] !== s7.email && r.cells[3] !== s8.email) r.cells[p1Col] = "";
    rows.find((r) => r.cells[3] === s8.email)!.cells[p1Col] = "ex";
    const preview = await previewGradeImport({ db: t.db, slug, viewer: ta, input: { header: header!, rows }, now });
    expect(preview.counts).toMatchObject({ new: 0, changed: 1, unchanged: 1, errors: 0 });
    expect(preview.changes.map((c) => [c.studentId, c.after])).toEqual([[s8.userId, "EX"]]);
    await applyGradeImport({
      db: t.db,
      slug,
      viewer: ta,
      input: { header: header!, rows, previewToken: preview.previewToken },
      now,
    });
    const s8Row = await t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: p1.id, studentId: s8.userId } },
    });
    expect(s8Row).toMatchObject({ score: null, excused: true });
    const [imported] = await t.db.auditEvent.findMany({
      where: { courseId, entityId: s8Row.id, action: "grade.import" },
    });
    expect(imported!.after).toMatchObject({ score: null, excused: true });

    // Typing a score ends the excuse.
    const rescored = await saveGrade({ ...args, viewer: ta, input: { version: excused.version, score: 90 } });
    expect(rescored).toMatchObject({ score: 90, excused: false });
  });
});

describe("scheme and statistics", () => {
  it("previews a scheme change without writing, then saves it with an audit event", async () => {
    const editor = await getSchemeEditor({ db: t.db, slug, viewer: instructor });
    expect(editor.canEdit).toBe(true);
    expect((await getSchemeEditor({ db: t.db, slug, viewer: ta })).canEdit).toBe(false);
    const input = {
      categories: editor.categories.map((c) => ({
        id: c.id,
        weight: c.weight,
        dropLowest: c.dropLowest,
        trackId: c.trackId,
      })),
      items: editor.assignments.map((a) => ({ id: a.id, weight: a.weight })),
      cutoffs: editor.cutoffs.map((c) => (c.letter === "A" ? { ...c, minPercent: 99 } : c)),
    };
    await expect(previewScheme({ db: t.db, slug, viewer: ta, input, now })).rejects.toBeInstanceOf(ForbiddenError);
    const preview = await previewScheme({ db: t.db, slug, viewer: instructor, input, now });
    const count = (d: typeof preview.before, letter: string) => d.counts.find((c) => c.letter === letter)!.count;
    expect(count(preview.after, "A")).toBeLessThan(count(preview.before, "A"));
    expect(preview.changed).toBe(count(preview.before, "A") - count(preview.after, "A"));
    expect((await t.db.letterCutoff.findFirstOrThrow({ where: { courseId, letter: "A" } })).minPercent).toBe(90);

    const plq = editor.categories.findIndex((c) => c.name === "Post Lecture Quizzes");
    const tooMany = {
      ...input,
      categories: input.categories.map((c, i) => (i === plq ? { ...c, dropLowest: 40 } : c)),
    };
    await expect(updateScheme({ db: t.db, slug, viewer: instructor, input: tooMany })).rejects.toSatisfy(
      (e) => e instanceof ValidationError && Object.keys(e.fieldErrors).includes(`categories.${plq}.dropLowest`),
    );
    await updateScheme({ db: t.db, slug, viewer: instructor, input });
    expect((await t.db.letterCutoff.findFirstOrThrow({ where: { courseId, letter: "A" } })).minPercent).toBe(99);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { courseId, action: "scheme.update" } });
    expect(event.before).toMatchObject({ cutoffs: expect.arrayContaining([{ letter: "A", minPercent: 90 }]) });
    expect(event.after).toMatchObject({ cutoffs: expect.arrayContaining([{ letter: "A", minPercent: 99 }]) });
  });

  it("per-assignment and per-course statistics", async () => {
    const p1 = await assignment("P1");
    const stats = await getAssignmentStats({ db: t.db, slug, viewer: ta, assignmentId: p1.id, now });
    const graded = await t.db.grade.count({
      where: {
        assignmentId: p1.id,
        score: { not: null },
        student: { memberships: { some: { courseId, role: "STUDENT", status: "ENROLLED" } } },
      },
    });
    expect(stats.summary.graded).toBe(graded);
    expect(stats.stats.histogram.reduce((n, b) => n + b.count, 0)).toBe(graded);
    expect(stats.summary.late).toBeGreaterThan(0);
    expect(stats.summary.submissions).toBeGreaterThanOrEqual(graded - 1);
    const course = await getGradebookStats({ db: t.db, slug, viewer: ta, now });
    const total =
      course.distribution.counts.reduce((n, c) => n + c.count, 0) +
      course.distribution.ungraded +
      course.distribution.unknown;
    expect(total).toBe(stats.summary.enrolled);
    await expect(
      getAssignmentStats({ db: t.db, slug, viewer: student1, assignmentId: p1.id, now }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
