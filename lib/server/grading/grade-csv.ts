import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { ConflictError, ValidationError } from "@/lib/server/platform/errors";
import { parseScoreText, type GradeImportInput } from "@/lib/validation/grades";
import { loadGradingData, type GradingData } from "@/lib/server/grading/grading-data";
import { formatScore } from "@/lib/domain/grading";

// Canvas's gradebook CSV: Student, ID, SIS User ID, SIS Login ID, Section, one
// column per assignment titled "Title (id)", then read-only totals; the second
// row is "Points Possible". Lectern's ID column is the user id and SIS Login ID
// the email, so an exported file imports back unchanged.

const IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] as const;
const TOTALS = ["Current Score", "Final Score", "Current Grade", "Final Grade"] as const;
const POINTS_ROW = "    Points Possible";

/** A spreadsheet must not run a name as a formula (CSV injection): such text gets a leading quote. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function assignmentColumn(a: { title: string; id: string }): string {
  return `${a.title} (${a.id})`;
}

/** Rows of the export, built from loaded grading data (pure, so the benchmark can time it alone). */
export function gradebookCsv(data: GradingData, section: string): string {
  const header = [...IDENTITY, ...data.assignments.map(assignmentColumn), ...TOTALS];
  const lines: string[] = [header.map(cell).join(",")];
  lines.push(
    [
      POINTS_ROW,
      "",
      "",
      "",
      "",
      ...data.assignments.map((a) => formatScore(a.points)),
      ...TOTALS.map(() => "(read only)"),
    ]
      .map(cell)
      .join(","),
  );
  const grader = data.compiled.grade;
  for (const s of data.students) {
    const final = grader({
      student: s.scores,
      mode: "final",
      consequences: s.standing.consequences,
      gradeCap: s.standing.gradeCap,
    });
    const row = [
      s.name,
      s.id,
      "",
      s.email,
      section,
      ...s.cellScores.map((score, ai) => formatScore(s.cellExcused[ai] ? "EX" : score)),
      s.current.percent === null ? "" : (Math.round(s.current.percent * 100) / 100).toFixed(2),
      final.percent === null ? "" : (Math.round(final.percent * 100) / 100).toFixed(2),
      s.current.letter ?? "",
      final.letter ?? "",
    ];
    lines.push(row.map(cell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export async function exportGradebookCsv({
  db,
  slug,
  viewer,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}): Promise<{ filename: string; csv: string }> {
  const ctx = await authorize({ db, slug, viewer, permission: "gradebook.read" });
  const [data, section] = await Promise.all([
    loadGradingData({ db, course: ctx.course, now }),
    db.meetingSection.findFirst({
      where: { courseId: ctx.course.id, kind: "LECTURE" },
      orderBy: { code: "asc" },
      select: { code: true },
    }),
  ]);
  return { filename: `${ctx.course.slug}-grades.csv`, csv: gradebookCsv(data, section?.code ?? "") };
}

// ---------------------------------------------------------------- import

export type ImportChange = {
  line: number;
  studentId: string;
  studentName: string;
  assignmentId: string;
  code: string;
  /** "EX" = excused (Canvas's mark). */
  before: number | "EX" | null;
  after: number | "EX";
  /** The grade version the preview saw; 0 = new grade. */
  version: number;
  kind: "new" | "changed";
};

export type ImportPreview = {
  columns: { header: string; assignmentId: string; code: string }[];
  ignoredColumns: string[];
  counts: { new: number; changed: number; unchanged: number; rows: number; errors: number };
  /** The first changes, for the preview table (all are applied). */
  changes: ImportChange[];
  errors: { line: number; message: string }[];
  previewToken: string;
};

const SHOWN_CHANGES = 500;
const SHOWN_ERRORS = 500;

function normalize(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
}

/** Works out what the file would change; pure over the loaded data so preview and apply agree exactly. */
export function diffImport(
  data: GradingData,
  input: Pick<GradeImportInput, "header" | "rows">,
): { preview: ImportPreview; changes: ImportChange[] } {
  const header = input.header.map((h) => h.replace(/^\uFEFF/, ""));
  const col = (name: string) => header.findIndex((h) => normalize(h) === name.toLowerCase());
  const idCol = col("ID");
  const loginCol = col("SIS Login ID");
  const nameCol = col("Student");
  if (idCol < 0 && loginCol < 0) {
    throw new ValidationError("The file needs an ID or an SIS Login ID column to know whose grades these are.", {
      header: ["Missing ID / SIS Login ID column"],
    });
  }
  const byId = new Map(data.assignments.map((a, i) => [a.id, i]));
  const byCode = new Map(data.assignments.map((a, i) => [a.code.toLowerCase(), i]));
  const columns: { index: number; ai: number }[] = [];
  const ignoredColumns: string[] = [];
  const seenAssignments = new Set<number>();
  header.forEach((h, index) => {
    if ((IDENTITY as readonly string[]).some((x) => normalize(x) === normalize(h))) return;
    const match = /\(([^()]+)\)\s*$/.exec(h);
    const ai = match
      ? (byId.get(match[1]!.trim()) ?? byCode.get(match[1]!.trim().toLowerCase()))
      : byCode.get(normalize(h));
    if (ai === undefined || seenAssignments.has(ai)) {
      if (h.trim()) ignoredColumns.push(h);
      return;
    }
    seenAssignments.add(ai);
    columns.push({ index, ai });
  });

  const studentById = new Map(data.students.map((s, i) => [s.id, i]));
  const studentByEmail = new Map(data.students.map((s, i) => [s.email.toLowerCase(), i]));
  const seenStudents = new Map<number, number>(); // student index → line
  const changes: ImportChange[] = [];
  const errors: { line: number; message: string }[] = [];
  let unchanged = 0;
  let rows = 0;

  for (const row of input.rows) {
    const first = (row.cells[0] ?? "").trim();
    if (/^points possible$/i.test(first) || row.cells.every((c) => c.trim() === "")) continue;
    rows++;
    const id = idCol >= 0 ? (row.cells[idCol] ?? "").trim() : "";
    const login = loginCol >= 0 ? (row.cells[loginCol] ?? "").trim().toLowerCase() : "";
    const si = (id ? studentById.get(id) : undefined) ?? (login ? studentByEmail.get(login) : undefined);
    if (si === undefined) {
      const who = (nameCol >= 0 ? row.cells[nameCol]?.trim() : "") || login || id || "(blank)";
      errors.push({ line: row.line, message: `${who} is not an enrolled student of this course` });
      continue;
    }
    const earlier = seenStudents.get(si);
    if (earlier !== undefined) {
      errors.push({ line: row.line, message: `${data.students[si]!.name} already appears on line ${earlier}` });
      continue;
    }
    seenStudents.set(si, row.line);
    const student = data.students[si]!;
    const rowChanges: ImportChange[] = [];
    const rowErrors: string[] = [];
    let rowUnchanged = 0;
    for (const { index, ai } of columns) {
      const text = row.cells[index] ?? "";
      if (text.trim() === "") continue; // blank = leave as is (Canvas's rule)
      const assignment = data.assignments[ai]!;
      const parsed = parseScoreText(text);
      if (!parsed.ok) {
        rowErrors.push(`${assignment.code}: ${parsed.error}`);
        continue;
      }
      const score: number | "EX" = parsed.excused ? "EX" : parsed.score!;
      if (score !== "EX" && score > assignment.points * 2) {
        rowErrors.push(`${assignment.code}: ${score} is more than twice the ${assignment.points} points possible`);
        continue;
      }
      const currentScore = student.cellExcused[ai] ? "EX" : student.cellScores[ai]!;
      const version = student.versions[ai]!;
      const same =
        score === "EX"
          ? currentScore === "EX"
          : typeof currentScore === "number" && Math.abs(currentScore - score) < 1e-9;
      if (same) {
        rowUnchanged++;
        continue;
      }
      rowChanges.push({
        line: row.line,
        studentId: student.id,
        studentName: student.name,
        assignmentId: assignment.id,
        code: assignment.code,
        before: currentScore,
        after: score,
        version,
        kind: version > 0 ? "changed" : "new",
      });
    }
    // A row with a bad value is skipped whole, so a student is never half-imported.
    if (rowErrors.length) {
      errors.push({ line: row.line, message: `${student.name}: ${rowErrors.join("; ")}` });
      continue;
    }
    changes.push(...rowChanges);
    unchanged += rowUnchanged;
  }

  const token = createHash("sha256")
    .update(JSON.stringify(changes.map((c) => [c.assignmentId, c.studentId, c.version, c.after])))
    .digest("hex");
  return {
    changes,
    preview: {
      columns: columns.map(({ index, ai }) => ({
        header: header[index]!,
        assignmentId: data.assignments[ai]!.id,
        code: data.assignments[ai]!.code,
      })),
      ignoredColumns,
      counts: {
        new: changes.filter((c) => c.kind === "new").length,
        changed: changes.filter((c) => c.kind === "changed").length,
        unchanged,
        rows,
        errors: errors.length,
      },
      changes: changes.slice(0, SHOWN_CHANGES),
      errors: errors.slice(0, SHOWN_ERRORS),
      previewToken: token,
    },
  };
}

/** What an import would do; writes nothing. */
export async function previewGradeImport({
  db,
  slug,
  viewer,
  input,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  input: Pick<GradeImportInput, "header" | "rows">;
  now: Date;
}): Promise<ImportPreview> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.import" });
  const data = await loadGradingData({ db, course: ctx.course, now });
  return diffImport(data, input).preview;
}

/**
 * Applies exactly the previewed changes in one transaction, each audited. If any
 * grade moved since the preview (its version differs), nothing is written.
 */
export async function applyGradeImport({
  db,
  slug,
  viewer,
  input,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  input: Pick<GradeImportInput, "header" | "rows" | "previewToken">;
  now: Date;
}): Promise<{ created: number; updated: number }> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.import" });
  const courseId = ctx.course.id;
  const actorId = ctx.viewer!.userId;
  const data = await loadGradingData({ db, course: ctx.course, now });
  const { changes, preview } = diffImport(data, input);
  if (!input.previewToken || input.previewToken !== preview.previewToken) {
    throw new ConflictError(
      "Grades changed since the preview (or the file did). Preview the import again before applying it.",
    );
  }
  const fresh = changes.filter((c) => c.kind === "new");
  const updates = changes.filter((c) => c.kind === "changed");

  return db.$transaction(
    async (tx) => {
      const audit: AuditInput[] = [];
      if (fresh.length) {
        let created: { id: string; assignmentId: string; studentId: string; score: number | null; excused: boolean }[];
        try {
          created = await tx.grade.createManyAndReturn({
            data: fresh.map((c) => ({
              courseId,
              assignmentId: c.assignmentId,
              studentId: c.studentId,
              score: c.after === "EX" ? null : c.after,
              excused: c.after === "EX",
              graderId: actorId,
              version: 1,
            })),
            select: { id: true, assignmentId: true, studentId: true, score: true, excused: true },
          });
        } catch (error) {
          if ((error as { code?: string }).code === "P2002")
            throw new ConflictError(
              "Someone graded some of these cells since the preview; nothing was imported. Preview again.",
            );
          throw error;
        }
        for (const g of created) {
          audit.push({
            courseId,
            actorId,
            action: "grade.import",
            entityType: "grade",
            entityId: g.id,
            before: null,
            after: {
              score: g.score,
              excused: g.excused,
              feedback: "",
              version: 1,
              assignmentId: g.assignmentId,
              studentId: g.studentId,
            },
          });
        }
      }
      if (updates.length) {
        const ids: string[] = [];
        const feedbackBy = new Map<string, string>();
        const keys = updates.map((c) => ({ assignmentId: c.assignmentId, studentId: c.studentId }));
        // Look the rows up by (assignment, student) and lock them, so the version check below is final.
        const locked = await tx.$queryRaw<
          { id: string; assignmentId: string; studentId: string; feedback: string; version: number }[]
        >`
          SELECT g."id", g."assignmentId", g."studentId", g."feedback", g."version" FROM "Grade" g
          JOIN unnest(${keys.map((k) => k.assignmentId)}::text[], ${keys.map((k) => k.studentId)}::text[]) AS k("assignmentId", "studentId")
            ON g."assignmentId" = k."assignmentId" AND g."studentId" = k."studentId"
          WHERE g."courseId" = ${courseId}
          FOR UPDATE OF g`;
        const rowBy = new Map(locked.map((r) => [`${r.assignmentId}|${r.studentId}`, r]));
        for (const c of updates) {
          const r = rowBy.get(`${c.assignmentId}|${c.studentId}`);
          if (!r || r.version !== c.version)
            throw new ConflictError(
              `${c.studentName}'s ${c.code} changed since the preview; nothing was imported. Preview again.`,
            );
          ids.push(r.id);
          feedbackBy.set(r.id, r.feedback);
        }
        const count = await tx.$executeRaw`
          UPDATE "Grade" AS g SET "score" = v."score", "excused" = v."excused", "version" = g."version" + 1, "graderId" = ${actorId}, "updatedAt" = now()
          FROM unnest(${ids}::text[], ${updates.map((c) => (c.after === "EX" ? null : c.after))}::float8[], ${updates.map((c) => c.after === "EX")}::boolean[], ${updates.map((c) => c.version)}::int[]) AS v("id", "score", "excused", "version")
          WHERE g."id" = v."id" AND g."version" = v."version" AND g."courseId" = ${courseId}`;
        if (count !== updates.length)
          throw new ConflictError("Some grades changed since the preview; nothing was imported. Preview again.");
        updates.forEach((c, i) => {
          const feedback = feedbackBy.get(ids[i]!) ?? "";
          audit.push({
            courseId,
            actorId,
            action: "grade.import",
            entityType: "grade",
            entityId: ids[i]!,
            before: {
              score: c.before === "EX" ? null : c.before,
              excused: c.before === "EX",
              feedback,
              version: c.version,
            },
            after: {
              score: c.after === "EX" ? null : c.after,
              excused: c.after === "EX",
              feedback,
              version: c.version + 1,
              assignmentId: c.assignmentId,
              studentId: c.studentId,
            },
          });
        });
      }
      for (let i = 0; i < audit.length; i += 5000) await recordAudit(tx, audit.slice(i, i + 5000));
      return { created: fresh.length, updated: updates.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
