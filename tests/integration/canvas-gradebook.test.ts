// Grades to and from Canvas (issue 13), against real PostgreSQL: Canvas-layout fixtures written from
// Canvas's exporter rules (tests/fixtures/canvas) import as they come, the mapping step is remembered,
// and Lectern's export, read by Canvas's importer rules (tests/support/canvas-importer.ts), lands in
// the same Canvas columns and rows.
import Papa from "papaparse";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/server/platform/errors";
import { exportGradebookCsv } from "@/lib/server/grading/grade-csv";
import { applyGradeImport, previewGradeImport } from "@/lib/server/grading/grade-import";
import { saveGrade } from "@/lib/server/grading/grades";
import { parseGradeCsv } from "@/lib/domain/canvas-gradebook";
import type { GradeImportInput } from "@/lib/validation/grades";
import { canvasImport } from "@/tests/support/canvas-importer";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildCanvasLab, canvasSide, fixture, SLUG, type CanvasLab } from "./support/canvas-course";

const now = new Date("2025-03-01T12:00:00Z");
let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

async function lab(): Promise<CanvasLab> {
  t = await createTestDatabase();
  return buildCanvasLab(t.db);
}

function file(name: string) {
  const parsed = parseGradeCsv(fixture(name))!;
  return { header: parsed.header, rows: parsed.rows, delimiter: parsed.delimiter };
}

const preview = (l: CanvasLab, input: Pick<GradeImportInput, "header" | "rows" | "choices">) =>
  previewGradeImport({ db: t!.db, slug: SLUG, viewer: l.ta, input, now });

async function apply(l: CanvasLab, input: Pick<GradeImportInput, "header" | "rows" | "choices">) {
  const { previewToken } = await preview(l, input);
  return applyGradeImport({ db: t!.db, slug: SLUG, viewer: l.ta, input: { ...input, previewToken }, now });
}

const lineOf = (f: ReturnType<typeof file>, name: string) => f.rows.find((r) => r.cells[0] === name)!.line;
const columnOf = (f: ReturnType<typeof file>, header: string) => String(f.header.indexOf(header));

/** The mapping step's answers for export-comma.csv: PLQ 1 is Lectern's PLQ1, Jane Doe is Jane, the rest ignored. */
function choicesFor(l: CanvasLab, f: ReturnType<typeof file>): GradeImportInput["choices"] {
  return {
    columns: {
      [columnOf(f, "PLQ 1 (48203)")]: l.item.PLQ1!,
      [columnOf(f, "Notes")]: "ignore",
      [columnOf(f, "Roll Call Attendance (48299)")]: "ignore",
    },
    students: { [String(lineOf(f, "Doe, Jane"))]: l.user.jane! },
  };
}

describe("the ported Canvas importer reads the fixtures as Canvas would", () => {
  it("export-comma.csv is a consistent Canvas export: every column and student is Canvas's, nothing changes", () => {
    const result = canvasImport(fixture("export-comma.csv"), canvasSide());
    expect(result.newAssignments).toEqual([]);
    expect(result.newStudents).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.nonStudentRows).toBe(2); // Manual Posting and Points Possible
    // The semicolon file is the same export in another locale.
    const semicolon = canvasImport(fixture("export-semicolon-decimal-comma.csv"), canvasSide());
    expect(semicolon).toEqual(result);
  });

  it("flags what Lectern's old export did: a cuid in the parentheses makes a new Canvas assignment", () => {
    const csv = [
      "Student,ID,SIS User ID,SIS Login ID,Section,Project 1: Parallelism (cm3qz7x0b0001),Final Score",
      "    Points Possible,,,,,100,(read only)",
      "Ada Lovelace,cm3qz7x0b0002,,ada_lovelace@brown.edu,CSCI1390-S01,88,88",
    ].join("\r\n");
    const result = canvasImport(csv, canvasSide());
    expect(result.newAssignments).toEqual(["Project 1: Parallelism (cm3qz7x0b0001)"]);
    // Ada herself is found, by Canvas's last resort: her name.
    expect(result.newStudents).toEqual([]);
  });
});

describe("a Canvas export imports as it comes", () => {
  it("columns by Canvas id, title or code; students by Canvas ID, SIS User ID, SIS Login ID or email; every skip has a reason", async () => {
    const l = await lab();
    const f = file("export-comma.csv");
    expect(f.delimiter).toBe(",");
    const p = await preview(l, f);

    expect(p.columns.map((c) => [c.header, c.code, c.matchedBy])).toEqual([
      ["Project 1: Parallelism (48201)", "P1", "canvas-id"],
      ["Written HW 1 (48202)", "HW1", "title"],
      ["PART (48204)", "PART", "code"],
    ]);
    expect(p.mappingColumns.map((c) => [c.header, c.state])).toEqual([
      ["Notes", "pending"],
      ["PLQ 1 (48203)", "pending"],
      ["Roll Call Attendance (48299)", "pending"],
    ]);
    // Twelve totals columns, each listed with why.
    expect(p.ignoredColumns).toHaveLength(12);
    expect(p.ignoredColumns.every((c) => c.kind === "totals" && c.reason.includes("totals"))).toBe(true);

    expect(p.ignoredRows.map((r) => [r.who, r.kind])).toEqual([
      ["", "manual-posting"],
      ["Points Possible", "points-possible"],
      ["Dijkstra, Edsger", "not-enrolled"],
      ["Liskov, Barbara", "not-enrolled"],
      ["Student, Test", "test-student"],
    ]);
    expect(p.ignoredRows.find((r) => r.who === "Dijkstra, Edsger")!.reason).toContain("waitlisted");
    expect(p.ignoredRows.find((r) => r.who === "Liskov, Barbara")!.reason).toContain("dropped");
    expect(p.mappingStudents).toEqual([
      {
        line: lineOf(f, "Doe, Jane"),
        name: "Doe, Jane",
        canvasUserId: "50106",
        sisUserId: "B01000106",
        sisLoginId: "jd4821",
        state: "pending",
        userId: l.user.jane, // suggested by name ("Doe, Jane" is Jane Doe's sortable name), not applied
      },
    ]);
    expect(p.studentMatches).toEqual({
      "canvas-id": 1, // Ada (linked)
      "sis-user-id": 1, // Grace (linked)
      "sis-login-id": 1, // Alan (his username, linked)
      email: 2, // Katherine and Donald: SIS Login ID is their email
      "login-name": 1, // Margaret: "mhamilton" is her email's name
    });

    // P1, HW1 and PART for the six matched students; Ada's P1 88 and Grace's HW1 90 are unchanged.
    expect(p.counts).toMatchObject({
      new: 10,
      changed: 1,
      unchanged: 2,
      notAssigned: 0,
      errors: 0,
      pendingColumns: 3,
      pendingStudents: 1,
    });
    expect(p.changes.find((c) => c.studentId === l.user.ada && c.code === "HW1")).toMatchObject({
      kind: "changed",
      before: 90,
      after: 93,
      matchedBy: "canvas-id",
    });
    expect(p.changes.find((c) => c.studentId === l.user.margaret && c.code === "HW1")!.after).toBe("EX");
    // What the apply will remember: HW1's and PART's Canvas ids, and the Canvas identities the matched rows carry.
    expect(p.links).toEqual(
      expect.arrayContaining([
        { kind: "assignment", assignmentId: l.item.HW1, code: "HW1", canvasId: "48202", replaces: null },
        expect.objectContaining({ kind: "student", userId: l.user.alan, canvasUserId: "50103", sisLoginId: "aturing" }),
        expect.objectContaining({ kind: "student", userId: l.user.katherine, sisLoginId: null }),
      ]),
    );
    expect(p.links).toHaveLength(2 + 6);
  });

  it("N/A is 'not assigned': no change, and the rest of that student's row still imports", async () => {
    const l = await lab();
    const f = file("export-comma.csv");
    const p = await preview(l, { ...f, choices: choicesFor(l, f) });
    // Katherine's and Alan's PLQ 1 say N/A.
    expect(p.counts.notAssigned).toBe(2);
    expect(p.changes.filter((c) => c.studentId === l.user.katherine).map((c) => c.code)).toEqual(["P1", "PART"]);
    expect(p.changes.some((c) => c.code === "PLQ1" && c.studentId === l.user.alan)).toBe(false);
    expect(p.errors).toEqual([]);
  });
});

describe("the mapping step", () => {
  it("maps a column to an assignment, ignores others, maps a student; the apply remembers it all for the course", async () => {
    const l = await lab();
    const f = file("export-comma.csv");
    const choices = choicesFor(l, f);
    const p = await preview(l, { ...f, choices });
    expect(p.counts).toMatchObject({ new: 16, changed: 1, pendingColumns: 0, pendingStudents: 0 });
    expect(p.mappingColumns.map((c) => [c.header, c.state])).toEqual([
      ["Notes", "ignored"],
      ["PLQ 1 (48203)", "mapped"],
      ["Roll Call Attendance (48299)", "ignored"],
    ]);
    expect(p.changes.filter((c) => c.studentId === l.user.jane).map((c) => [c.code, c.after, c.matchedBy])).toEqual([
      ["P1", 78.5, "mapped"],
      ["HW1", 92, "mapped"],
      ["PLQ1", 8, "mapped"],
    ]);

    const applied = await apply(l, { ...f, choices });
    // HW1, PART and PLQ1's Canvas ids; seven students' Canvas identities; two ignored columns.
    expect(applied).toEqual({ created: 16, updated: 1, linked: 3 + 7 + 2 });
    const assignments = await t!.db.assignment.findMany({
      where: { courseId: l.courseId },
      orderBy: { position: "asc" },
    });
    expect(assignments.map((a) => [a.code, a.canvasId])).toEqual([
      ["P1", "48201"],
      ["HW1", "48202"],
      ["PLQ1", "48203"],
      ["PART", "48204"],
    ]);
    const jane = await t!.db.membership.findUniqueOrThrow({
      where: { courseId_userId: { courseId: l.courseId, userId: l.user.jane! } },
    });
    expect(jane).toMatchObject({ canvasUserId: "50106", sisUserId: "B01000106", sisLoginId: "jd4821" });
    const course = await t!.db.course.findUniqueOrThrow({ where: { id: l.courseId } });
    expect(course.canvasIgnoredColumns.sort()).toEqual(["canvas:48299", "header:Notes"]);
    const links = await t!.db.auditEvent.findMany({ where: { courseId: l.courseId, action: "canvas.link" } });
    expect(links.map((e) => e.entityType).sort()).toEqual([
      "Assignment",
      "Assignment",
      "Assignment",
      "Course",
      ...Array(7).fill("Membership"),
    ]);

    // The same file again asks nothing: everyone by Canvas ID, the ignored columns stay ignored (and say why).
    const again = await preview(l, f);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, pendingColumns: 0, pendingStudents: 0, errors: 0 });
    expect(again.studentMatches).toEqual({ "canvas-id": 7 });
    expect(again.links).toEqual([]);
    expect(again.columns.map((c) => c.matchedBy)).toEqual(["canvas-id", "canvas-id", "canvas-id", "canvas-id"]);
    expect(again.ignoredColumns.filter((c) => c.kind === "chosen").map((c) => [c.header, c.reason])).toEqual([
      ["Notes", "ignored for this course (an earlier choice)"],
      ["Roll Call Attendance (48299)", "ignored for this course (an earlier choice)"],
    ]);
    // An ignored column can be taken back: mapped now, it leaves the course's ignore list.
    const back = await preview(l, { ...f, choices: { columns: { [columnOf(f, "Notes")]: l.item.PART! } } });
    expect(back.links).toContainEqual({ kind: "unignore", key: "header:Notes", header: "Notes" });
  });

  it("a student chosen for two rows is an error on the second, not a silent overwrite", async () => {
    const l = await lab();
    const f = file("export-comma.csv");
    const p = await preview(l, {
      ...f,
      choices: { students: { [String(lineOf(f, "Doe, Jane"))]: l.user.ada! } },
    });
    expect(p.errors).toEqual([
      { line: lineOf(f, "Lovelace, Ada"), message: `Ada Lovelace already appears on line ${lineOf(f, "Doe, Jane")}` },
    ]);
  });
});

describe("other Canvas layouts", () => {
  it("a ';'-separated export with decimal commas is detected and reads exactly like the comma one", async () => {
    const l = await lab();
    const comma = file("export-comma.csv");
    const semicolon = file("export-semicolon-decimal-comma.csv");
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.rows.find((r) => r.cells[0] === "Hopper, Grace")!.cells[6]).toBe("91,50");
    const a = await preview(l, { ...comma, choices: choicesFor(l, comma) });
    const b = await preview(l, { ...semicolon, choices: choicesFor(l, semicolon) });
    expect(b).toEqual(a);
    expect(b.changes.find((c) => c.studentId === l.user.grace && c.code === "P1")!.after).toBe(91.5);
  });

  it("an export without SIS User IDs: logins that are usernames match a stored login or the email's name", async () => {
    const l = await lab();
    const f = file("login-only.csv");
    const p = await preview(l, f);
    expect(p.studentColumns).toEqual(["Student", "ID", "SIS Login ID", "Section"]);
    const by = Object.fromEntries(p.changes.map((c) => [c.studentName, c.matchedBy]));
    expect(by).toEqual({
      "Margaret Hamilton": "login-name",
      "Katherine Johnson": "email",
      "Alan Turing": "sis-login-id",
    });
    expect(p.mappingStudents.map((m) => m.sisLoginId)).toEqual(["jd4821"]);
    expect(p.ignoredColumns.map((c) => c.header)).toEqual(["Current Score", "Final Score"]);
  });
});

describe("scores above the points possible", () => {
  it("need the extra-credit confirmation (the rows wait until then); above twice the points is refused", async () => {
    const l = await lab();
    // over-points.csv names students by Canvas ID: link them as an earlier import would have.
    for (const [key, id] of [
      ["margaret", "50105"],
      ["alan", "50103"],
    ] as const)
      await t!.db.membership.update({
        where: { courseId_userId: { courseId: l.courseId, userId: l.user[key]! } },
        data: { canvasUserId: id },
      });
    await t!.db.assignment.update({ where: { id: l.item.PLQ1 }, data: { canvasId: "48203" } });
    const f = file("over-points.csv");
    const p = await preview(l, f);
    expect(p.extraCredit.map((e) => [e.studentName, e.code, e.score, e.points])).toEqual([
      ["Margaret Hamilton", "PLQ1", 12, 10],
      ["Ada Lovelace", "P1", 105, 100],
    ]);
    expect(p.extraCreditConfirmed).toBe(false);
    expect(p.errors.map((e) => e.message)).toEqual([
      "Margaret Hamilton: PLQ1: 12 is more than the 10 points possible: confirm it as extra credit",
      "Ada Lovelace: P1: 105 is more than the 100 points possible: confirm it as extra credit",
      "Alan Turing: HW1: 250 is more than 2× the 100 points possible (at most 200)",
    ]);
    expect(p.counts).toMatchObject({ new: 0, changed: 0 });

    const confirmed = { ...f, choices: { extraCredit: true } };
    const c = await preview(l, confirmed);
    expect(c.errors.map((e) => e.line)).toEqual([f.rows.find((r) => r.cells[0] === "Turing, Alan")!.line]);
    expect(c.changes.filter((x) => x.extraCredit).map((x) => [x.code, x.after])).toEqual([
      ["PLQ1", 12],
      ["P1", 105],
    ]);
    await apply(l, confirmed);
    const p1 = await t!.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: l.item.P1!, studentId: l.user.ada! } },
    });
    expect(p1.score).toBe(105);
    const [event] = await t!.db.auditEvent.findMany({ where: { entityId: p1.id, action: "grade.import" } });
    expect(event!.after).toMatchObject({ score: 105, extraCredit: true });
  });
});

describe("only enrolled students get grades", () => {
  it("a student dropped between the preview and the apply stops the whole import", async () => {
    const l = await lab();
    const f = file("export-comma.csv");
    const p = await preview(l, f);
    await t!.db.membership.update({
      where: { courseId_userId: { courseId: l.courseId, userId: l.user.katherine! } },
      data: { status: "DROPPED" },
    });
    const before = await t!.db.grade.count({ where: { courseId: l.courseId } });
    await expect(
      applyGradeImport({ db: t!.db, slug: SLUG, viewer: l.ta, input: { ...f, previewToken: p.previewToken }, now }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await t!.db.grade.count({ where: { courseId: l.courseId } })).toBe(before);
  });
});

describe("Lectern's export, read by Canvas's importer", () => {
  it("after one import from Canvas, lands in the same columns and rows: no new assignments, no new students", async () => {
    const l = await lab();
    const f = file("export-comma.csv");
    await apply(l, { ...f, choices: choicesFor(l, f) });
    const { csv } = await exportGradebookCsv({ db: t!.db, slug: SLUG, viewer: l.ta, now });
    const [header, points, ...rows] = Papa.parse<string[]>(csv.trim()).data;
    expect(header!.slice(0, 9)).toEqual([
      "Student",
      "ID",
      "SIS User ID",
      "SIS Login ID",
      "Section",
      "Project 1: Parallelism (48201)",
      "Written HW 1 (48202)",
      "Post-lecture quiz 1: Overview of DL Stack, Data Parallelism and All-Reduce (48203)",
      "Class participation (48204)",
    ]);
    expect(points!.slice(5, 9)).toEqual(["100.00", "100.00", "10.00", "100.00"]);
    expect(rows.find((r) => r[1] === "50106")!.slice(0, 4)).toEqual(["Doe, Jane", "50106", "B01000106", "jd4821"]);

    const canvas = canvasSide();
    const result = canvasImport(csv, canvas);
    expect(result.newAssignments).toEqual([]);
    expect(result.newStudents).toEqual([]);
    expect(result.columns.map((c) => c.assignmentId)).toEqual([48201, 48202, 48203, 48204]);
    expect(result.changes).toEqual([]); // Lectern now holds exactly Canvas's grades

    // A grade changed in Lectern is the one change Canvas sees, in the right cell.
    const cell = await t!.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: l.item.P1!, studentId: l.user.jane! } },
    });
    await saveGrade({
      db: t!.db,
      slug: SLUG,
      viewer: l.ta,
      assignmentId: l.item.P1!,
      studentId: l.user.jane!,
      input: { version: cell.version, score: 81 },
    });
    const after = canvasImport((await exportGradebookCsv({ db: t!.db, slug: SLUG, viewer: l.ta, now })).csv, canvas);
    expect(after.changes).toEqual([{ studentId: 50106, assignmentId: 48201, from: "78.5", to: "81.00" }]);
  });

  it("with no Canvas links yet, Canvas's title and login fallbacks still find every column and student", async () => {
    const l = await lab();
    await t!.db.assignment.updateMany({ where: { courseId: l.courseId }, data: { canvasId: null } });
    await t!.db.membership.updateMany({
      where: { courseId: l.courseId },
      data: { canvasUserId: null, sisUserId: null, sisLoginId: null },
    });
    const { csv } = await exportGradebookCsv({ db: t!.db, slug: SLUG, viewer: l.ta, now });
    // A Canvas course whose assignments carry Lectern's titles and whose logins are the emails.
    const canvas = {
      assignments: [
        { id: 1, title: "Project 1: Parallelism", pointsPossible: 100 },
        { id: 2, title: "Written HW 1", pointsPossible: 100 },
        {
          id: 3,
          title: "Post-lecture quiz 1: Overview of DL Stack, Data Parallelism and All-Reduce",
          pointsPossible: 10,
        },
        { id: 4, title: "Class participation", pointsPossible: 100 },
      ],
      students: (
        await t!.db.membership.findMany({
          where: { courseId: l.courseId, role: "STUDENT", status: "ENROLLED" },
          include: { user: true },
        })
      ).map((m, i) => ({ id: 900 + i, name: m.user.name, sortableName: "", loginId: m.user.email })),
    };
    const result = canvasImport(csv, canvas);
    expect(result.newAssignments).toEqual([]);
    expect(result.newStudents).toEqual([]);
    expect(result.columns.map((c) => c.assignmentId)).toEqual([1, 2, 3, 4]);
  });
});
