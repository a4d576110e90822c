import { createHash } from "node:crypto";
import { ValidationError } from "@/lib/server/platform/errors";
import { parseScoreText, type GradeImportInput } from "@/lib/validation/grades";
import { checkScore } from "@/lib/domain/score-bounds";
import {
  canvasDecimal,
  canvasTitleAndId,
  isTestStudent,
  isTotalsHeader,
  parenthesized,
  sameAtCanvasPrecision,
  sortableName,
  specialRow,
} from "@/lib/domain/canvas-gradebook";
import type { GradingData } from "@/lib/server/grading/grading-data";

// What a grade file would change, worked out purely over the loaded gradebook so that the
// preview and the apply agree exactly. A Canvas export is read as it comes: columns by Canvas
// id, title or Lectern code; students by Canvas ID, SIS User ID, SIS Login ID or email; what
// matches nothing waits for the staff's choice (the mapping step), and every column and row
// left out is listed with its reason.

/** The course's people and Canvas links, beside the grading data (which holds only enrolled students). */
export type ImportRoster = {
  members: {
    userId: string;
    name: string;
    email: string;
    role: "INSTRUCTOR" | "TA" | "STUDENT" | "AUDITOR";
    status: "ENROLLED" | "WAITLISTED" | "DROPPED";
    canvasUserId: string | null;
    sisUserId: string | null;
    sisLoginId: string | null;
  }[];
  /** Assignment id → its Canvas id. */
  canvasIds: Map<string, string>;
  /** Course.canvasIgnoredColumns ("canvas:48290", "header:Attendance"). */
  ignoredColumns: string[];
};

export type ImportChoices = NonNullable<GradeImportInput["choices"]>;

export type ColumnMatch = "canvas-id" | "title" | "code" | "lectern-id" | "mapped";
export type StudentMatch =
  "canvas-id" | "sis-user-id" | "sis-login-id" | "login-name" | "email" | "lectern-id" | "mapped";

export type ImportChange = {
  line: number;
  studentId: string;
  studentName: string;
  matchedBy: StudentMatch;
  assignmentId: string;
  code: string;
  /** "EX" = excused (Canvas's mark). */
  before: number | "EX" | null;
  after: number | "EX";
  /** Above the points possible, confirmed as extra credit. */
  extraCredit: boolean;
  /** The grade version the preview saw; 0 = new grade. */
  version: number;
  kind: "new" | "changed";
};

/** A Canvas link the apply stores, so the next import matches without asking. */
export type ImportLink =
  | { kind: "assignment"; assignmentId: string; code: string; canvasId: string; replaces: string | null }
  | {
      kind: "student";
      userId: string;
      name: string;
      canvasUserId: string | null;
      sisUserId: string | null;
      sisLoginId: string | null;
    }
  | { kind: "ignore"; key: string; header: string }
  | { kind: "unignore"; key: string; header: string };

export type IgnoredColumn = {
  index: number;
  header: string;
  reason: string;
  kind: "totals" | "read-only" | "duplicate" | "chosen" | "blank";
};
/** A column the staff decide about: one that matched nothing, or one they mapped or ignored. */
export type MappingColumn = {
  index: number;
  header: string;
  canvasId: string | null;
  /** Why it needs a choice (or which choice holds). */
  reason: string;
  state: "pending" | "ignored" | "mapped";
  /** The assignment it is mapped to; for a pending column, the one it probably is. */
  assignmentId: string | null;
};
export type IgnoredRow = {
  line: number;
  who: string;
  reason: string;
  kind: "points-possible" | "manual-posting" | "test-student" | "not-enrolled" | "not-a-student" | "skipped" | "blank";
};
/** A row the staff decide about: a student who matched no one, or one they mapped or skipped. */
export type MappingStudent = {
  line: number;
  name: string;
  canvasUserId: string | null;
  sisUserId: string | null;
  sisLoginId: string | null;
  state: "pending" | "skipped" | "mapped";
  /**
   * The member it is mapped to; for a pending row, the one enrolled student with this name (Canvas's
   * last resort in process_student): offered in the select, never applied unasked.
   */
  userId: string | null;
};

export type ImportPreview = {
  columns: {
    index: number;
    header: string;
    assignmentId: string;
    code: string;
    title: string;
    matchedBy: ColumnMatch;
    /** The file's Points Possible when it differs from the assignment's. */
    pointsNote: string | null;
  }[];
  /** The columns that say who a row is. */
  studentColumns: string[];
  ignoredColumns: IgnoredColumn[];
  mappingColumns: MappingColumn[];
  ignoredRows: IgnoredRow[];
  mappingStudents: MappingStudent[];
  /** What the mapping step may choose from. */
  candidates: {
    assignments: { id: string; code: string; title: string }[];
    students: { id: string; name: string; email: string }[];
  };
  studentMatches: Partial<Record<StudentMatch, number>>;
  links: ImportLink[];
  /** Scores above the points possible: imported only once confirmed as extra credit. */
  extraCredit: { line: number; studentName: string; code: string; score: number; points: number }[];
  extraCreditConfirmed: boolean;
  counts: {
    new: number;
    changed: number;
    unchanged: number;
    notAssigned: number;
    rows: number;
    errors: number;
    ignoredRows: number;
    /** Rows and columns still waiting for a choice (left out until then). */
    pendingStudents: number;
    pendingColumns: number;
  };
  /** The first changes, for the preview table (all are applied). */
  changes: ImportChange[];
  errors: { line: number; message: string }[];
  previewToken: string;
};

export type ImportPlan = { preview: ImportPreview; changes: ImportChange[]; links: ImportLink[] };

const SHOWN = 500;

type Input = Pick<GradeImportInput, "header" | "rows" | "choices">;
type Row = Input["rows"][number];
type Assignment = GradingData["assignments"][number];
type Member = ImportRoster["members"][number];

const norm = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
const cellOf = (row: Row, index: number) => (index >= 0 ? (row.cells[index] ?? "").trim() : "");

// ---------------------------------------------------------------- layout

type Layout = {
  header: string[];
  student: number;
  lastName: number;
  firstName: number;
  id: number;
  sisUserId: number;
  sisLoginId: number;
  email: number;
  /** Columns that describe the student (read for matching, or informational like Section). */
  identity: Set<number>;
};

const IDENTITY_HEADERS = [
  "student",
  "lastname",
  "firstname",
  "id",
  "sis user id",
  "sis login id",
  "section",
  "integration id",
  "root account",
  "email",
];

function readLayout(rawHeader: string[]): Layout {
  const header = rawHeader.map((h) => h.replace(/^\uFEFF/, ""));
  const find = (name: string) => header.findIndex((h) => norm(h) === name);
  const layout: Layout = {
    header,
    student: find("student"),
    lastName: find("lastname"),
    firstName: find("firstname"),
    id: find("id"),
    sisUserId: find("sis user id"),
    sisLoginId: find("sis login id"),
    email: find("email"),
    identity: new Set(header.flatMap((h, i) => (IDENTITY_HEADERS.includes(norm(h)) ? [i] : []))),
  };
  if (layout.id < 0 && layout.sisUserId < 0 && layout.sisLoginId < 0 && layout.email < 0) {
    throw new ValidationError(
      "The file needs an ID, SIS User ID or SIS Login ID column (as in a Canvas export) to know whose grades these are.",
      { header: ["Missing ID / SIS User ID / SIS Login ID column"] },
    );
  }
  return layout;
}

function nameOf(row: Row, layout: Layout): string {
  if (layout.student >= 0) return cellOf(row, layout.student);
  return [cellOf(row, layout.firstName), cellOf(row, layout.lastName)].filter(Boolean).join(" ");
}

// ---------------------------------------------------------------- columns

type ColumnPlan = {
  columns: { index: number; ai: number; matchedBy: ColumnMatch }[];
  ignored: IgnoredColumn[];
  mapping: MappingColumn[];
  links: ImportLink[];
};

type AssignmentIndex = {
  byCanvasId: Map<string, number>;
  byTitle: Map<string, number[]>;
  byCode: Map<string, number>;
  byId: Map<string, number>;
  canvasIdOf: (ai: number) => string | null;
};

function indexAssignments(assignments: readonly Assignment[], canvasIds: Map<string, string>): AssignmentIndex {
  const byTitle = new Map<string, number[]>();
  assignments.forEach((a, i) => byTitle.set(norm(a.title), [...(byTitle.get(norm(a.title)) ?? []), i]));
  return {
    byCanvasId: new Map(assignments.flatMap((a, i) => (canvasIds.has(a.id) ? [[canvasIds.get(a.id)!, i]] : []))),
    byTitle,
    byCode: new Map(assignments.map((a, i) => [a.code.toLowerCase(), i])),
    byId: new Map(assignments.map((a, i) => [a.id, i])),
    canvasIdOf: (ai) => canvasIds.get(assignments[ai]!.id) ?? null,
  };
}

const ignoreKey = (header: string) => {
  const { canvasId } = canvasTitleAndId(header.trim());
  return canvasId ? `canvas:${canvasId}` : `header:${header.trim()}`;
};

/** An assignment a header names on its own: Canvas id, else title (title_and_id's title, or the whole header), else code. */
function matchHeader(
  header: string,
  index: AssignmentIndex,
): { ai: number; matchedBy: ColumnMatch } | { unknown: string; suggestion: number | null } {
  const { title, canvasId } = canvasTitleAndId(header);
  if (canvasId && index.byCanvasId.has(canvasId))
    return { ai: index.byCanvasId.get(canvasId)!, matchedBy: "canvas-id" };
  const byTitle = index.byTitle.get(norm(title)) ?? index.byTitle.get(norm(header)) ?? [];
  const inner = parenthesized(header);
  // A code in the parentheses ("Project 1 (P1)") or as the title ("PART (48204)", "P1").
  const byCode = index.byCode.get((inner ?? "").toLowerCase()) ?? index.byCode.get(title.trim().toLowerCase());
  const byId = inner ? index.byId.get(inner) : undefined;
  const candidate =
    byTitle.length === 1
      ? { ai: byTitle[0]!, matchedBy: "title" as const }
      : byId !== undefined
        ? { ai: byId, matchedBy: "lectern-id" as const }
        : byCode !== undefined
          ? { ai: byCode, matchedBy: "code" as const }
          : null;
  if (byTitle.length > 1 && !candidate)
    return { unknown: `${byTitle.length} assignments here are titled “${title}”: choose one`, suggestion: null };
  if (!candidate) return { unknown: "no assignment here has this Canvas id, title or code", suggestion: null };
  const linked = index.canvasIdOf(candidate.ai);
  if (canvasId && linked && linked !== canvasId)
    return {
      unknown: `the title matches an assignment linked to Canvas assignment ${linked}, but this column is Canvas assignment ${canvasId}`,
      suggestion: candidate.ai,
    };
  return candidate;
}

function planColumns(
  layout: Layout,
  pointsRow: Row | undefined,
  assignments: readonly Assignment[],
  roster: ImportRoster,
  choices: ImportChoices,
): ColumnPlan {
  const index = indexAssignments(assignments, roster.canvasIds);
  const ignoredForGood = new Set(roster.ignoredColumns);
  const plan: ColumnPlan = { columns: [], ignored: [], mapping: [], links: [] };
  const taken = new Map<number, string>(); // assignment index → header that took it
  layout.header.forEach((raw, i) => {
    if (layout.identity.has(i)) return;
    const header = raw.trim();
    const ignore = (reason: string, kind: IgnoredColumn["kind"]) =>
      plan.ignored.push({ index: i, header, reason, kind });
    if (!header) return ignore("the column has no header", "blank");
    if (isTotalsHeader(header))
      return ignore("a totals column: Lectern computes its own (Canvas ignores it on import too)", "totals");
    if (/read\s+only/i.test(pointsRow?.cells[i] ?? ""))
      return ignore("marked read only in the file's Points Possible row", "read-only");
    const decided = decideColumn(header, i, index, assignments, ignoredForGood, choices, plan);
    if (!decided) return;
    const earlier = taken.get(decided.ai);
    if (earlier !== undefined)
      return ignore(`${assignments[decided.ai]!.code} is already read from the column “${earlier}”`, "duplicate");
    taken.set(decided.ai, header);
    plan.columns.push({ index: i, ...decided });
    const { canvasId } = canvasTitleAndId(header);
    const linked = index.canvasIdOf(decided.ai);
    if (canvasId && linked !== canvasId) {
      const a = assignments[decided.ai]!;
      plan.links.push({ kind: "assignment", assignmentId: a.id, code: a.code, canvasId, replaces: linked });
    }
  });
  return plan;
}

/**
 * The staff's choice for a column (this time, or remembered), else what the header matches.
 * Columns that take a choice go into the mapping step with their state.
 */
function decideColumn(
  header: string,
  i: number,
  index: AssignmentIndex,
  assignments: readonly Assignment[],
  ignoredForGood: Set<string>,
  choices: ImportChoices,
  plan: ColumnPlan,
): { ai: number; matchedBy: ColumnMatch } | null {
  const chosen = choices.columns?.[String(i)];
  const key = ignoreKey(header);
  const canvasId = canvasTitleAndId(header).canvasId;
  const entry = (state: MappingColumn["state"], reason: string, assignmentId: string | null) =>
    plan.mapping.push({ index: i, header, canvasId, reason, state, assignmentId });
  if (chosen === "ignore" || (chosen === undefined && ignoredForGood.has(key))) {
    const remembered = ignoredForGood.has(key);
    if (!remembered) plan.links.push({ kind: "ignore", key, header });
    const reason = remembered
      ? "ignored for this course (an earlier choice)"
      : "ignored by your choice (remembered for this course)";
    plan.ignored.push({ index: i, header, reason, kind: "chosen" });
    entry("ignored", reason, null);
    return null;
  }
  const ai = chosen === undefined ? undefined : index.byId.get(chosen);
  if (ai !== undefined) {
    if (ignoredForGood.has(key)) plan.links.push({ kind: "unignore", key, header });
    entry("mapped", `mapped by your choice to ${assignments[ai]!.code}`, assignments[ai]!.id);
    return { ai, matchedBy: "mapped" };
  }
  const found = matchHeader(header, index);
  if ("unknown" in found) {
    entry("pending", found.unknown, found.suggestion === null ? null : assignments[found.suggestion]!.id);
    return null;
  }
  return found;
}

function pointsNote(pointsRow: Row | undefined, index: number, a: Assignment): string | null {
  const text = canvasDecimal((pointsRow?.cells[index] ?? "").trim());
  if (!text) return null;
  const points = Number(text);
  if (!Number.isFinite(points) || sameAtCanvasPrecision(points, a.points)) return null;
  return `the file says ${points} points possible; ${a.code} has ${a.points} here (scores are checked against ${a.points})`;
}

// ---------------------------------------------------------------- students

type StudentIndex = {
  byCanvasId: Map<string, Member>;
  bySisUserId: Map<string, Member>;
  bySisLoginId: Map<string, Member>;
  byEmail: Map<string, Member>;
  byEmailName: Map<string, Member | null>;
  byUserId: Map<string, Member>;
  byName: Map<string, Member | null>;
};

function indexMembers(members: readonly Member[]): StudentIndex {
  const unique = (pairs: [string, Member][]) => {
    const map = new Map<string, Member | null>();
    for (const [k, m] of pairs) map.set(k, map.has(k) && map.get(k)?.userId !== m.userId ? null : m);
    return map;
  };
  const keyed = (f: (m: Member) => string | null) =>
    new Map(members.flatMap((m) => (f(m) ? [[f(m)!.toLowerCase(), m] as [string, Member]] : [])));
  const enrolled = members.filter((m) => m.role === "STUDENT" && m.status === "ENROLLED");
  return {
    byCanvasId: keyed((m) => m.canvasUserId),
    bySisUserId: keyed((m) => m.sisUserId),
    bySisLoginId: keyed((m) => m.sisLoginId),
    byEmail: keyed((m) => m.email),
    byEmailName: unique(members.map((m) => [m.email.split("@")[0]!.toLowerCase(), m])),
    byUserId: new Map(members.map((m) => [m.userId, m])),
    byName: unique(
      enrolled.flatMap((m) => [
        [norm(m.name), m] as [string, Member],
        [norm(sortableName(m.name)), m] as [string, Member],
      ]),
    ),
  };
}

type RowIdentity = {
  name: string;
  canvasUserId: string | null;
  sisUserId: string | null;
  sisLoginId: string | null;
  rawId: string;
};

function identityOf(row: Row, layout: Layout): RowIdentity {
  const rawId = cellOf(row, layout.id);
  return {
    name: nameOf(row, layout),
    rawId,
    canvasUserId: /^\d+$/.test(rawId) ? rawId : null,
    sisUserId: cellOf(row, layout.sisUserId) || null,
    sisLoginId: cellOf(row, layout.sisLoginId) || cellOf(row, layout.email) || null,
  };
}

/** Canvas's order (process_student, gradebook_importer.rb 556–590): ID, then SIS User ID, then SIS Login ID; then email. */
function findMember(who: RowIdentity, index: StudentIndex): { member: Member; matchedBy: StudentMatch } | null {
  const lower = (s: string | null) => s?.toLowerCase() ?? "";
  const login = lower(who.sisLoginId);
  const tries: [Member | null | undefined, StudentMatch][] = [
    [who.canvasUserId ? index.byCanvasId.get(who.canvasUserId) : undefined, "canvas-id"],
    [who.sisUserId ? index.bySisUserId.get(lower(who.sisUserId)) : undefined, "sis-user-id"],
    [login ? index.bySisLoginId.get(login) : undefined, "sis-login-id"],
    [login.includes("@") ? index.byEmail.get(login) : undefined, "email"],
    // assumed: a login that is a username (not an email) is the email's name before the "@" when exactly
    // one member's email has it (jcarberry ↔ jcarberry@brown.edu); the preview says so.
    [login && !login.includes("@") ? index.byEmailName.get(login) : undefined, "login-name"],
    // Lectern's own exports before Canvas links: the ID column held Lectern's user id.
    [who.rawId && !who.canvasUserId ? index.byUserId.get(who.rawId) : undefined, "lectern-id"],
  ];
  for (const [member, matchedBy] of tries) if (member) return { member, matchedBy };
  return null;
}

/** The Canvas identity a matched row teaches, when it differs from what the membership holds. */
function studentLink(member: Member, who: RowIdentity): ImportLink | null {
  const next = {
    canvasUserId: who.canvasUserId ?? member.canvasUserId,
    sisUserId: who.sisUserId ?? member.sisUserId,
    sisLoginId:
      who.sisLoginId && (member.sisLoginId !== null || who.sisLoginId.toLowerCase() !== member.email.toLowerCase())
        ? who.sisLoginId
        : member.sisLoginId,
  };
  if (
    next.canvasUserId === member.canvasUserId &&
    next.sisUserId === member.sisUserId &&
    next.sisLoginId === member.sisLoginId
  )
    return null;
  return { kind: "student", userId: member.userId, name: member.name, ...next };
}

// ---------------------------------------------------------------- cells

type Cell =
  | { kind: "none" }
  | { kind: "not-assigned" }
  | { kind: "error"; message: string }
  | { kind: "needs-confirmation"; score: number }
  | { kind: "score"; value: number | "EX"; extraCredit: boolean };

function readCell(text: string, a: Assignment, extraCredit: boolean): Cell {
  // Blank (and Canvas's "-") leave the grade as it is; "N/A" is Canvas's "not assigned to this student".
  if (text === "" || text === "-") return { kind: "none" };
  if (/^n\/a$/i.test(text)) return { kind: "not-assigned" };
  const parsed = parseScoreText(canvasDecimal(text));
  if (!parsed.ok) return { kind: "error", message: `${a.code}: ${parsed.error}` };
  if (parsed.excused) return { kind: "score", value: "EX", extraCredit: false };
  const score = parsed.score!;
  const check = checkScore({ score, points: a.points, extraCredit });
  if (check.ok) return { kind: "score", value: score, extraCredit: check.extraCredit };
  if (check.reason === "needs-extra-credit") return { kind: "needs-confirmation", score };
  return { kind: "error", message: `${a.code}: ${check.message}` };
}

function sameGrade(current: number | "EX" | null, next: number | "EX"): boolean {
  if (next === "EX") return current === "EX";
  return typeof current === "number" && sameAtCanvasPrecision(current, next);
}

// ---------------------------------------------------------------- rows

type Tally = {
  changes: ImportChange[];
  errors: { line: number; message: string }[];
  extraCredit: ImportPreview["extraCredit"];
  unchanged: number;
  notAssigned: number;
};

/** One matched student's row: all of its changes, or (a bad value anywhere) none, so no one is half-imported. */
function diffStudentRow(
  row: Row,
  data: GradingData,
  si: number,
  matchedBy: StudentMatch,
  columns: ColumnPlan["columns"],
  extraCreditConfirmed: boolean,
  tally: Tally,
): void {
  const student = data.students[si]!;
  const rowChanges: ImportChange[] = [];
  const rowErrors: string[] = [];
  let unchanged = 0;
  let notAssigned = 0;
  for (const { index, ai } of columns) {
    const a = data.assignments[ai]!;
    const cell = readCell(cellOf(row, index), a, extraCreditConfirmed);
    if (cell.kind === "none") continue;
    if (cell.kind === "not-assigned") {
      notAssigned++;
      continue;
    }
    if (cell.kind === "error") {
      rowErrors.push(cell.message);
      continue;
    }
    if (cell.kind === "needs-confirmation") {
      tally.extraCredit.push({
        line: row.line,
        studentName: student.name,
        code: a.code,
        score: cell.score,
        points: a.points,
      });
      rowErrors.push(
        `${a.code}: ${cell.score} is more than the ${a.points} points possible: confirm it as extra credit`,
      );
      continue;
    }
    if (cell.extraCredit)
      tally.extraCredit.push({
        line: row.line,
        studentName: student.name,
        code: a.code,
        score: cell.value as number,
        points: a.points,
      });
    const before = student.cellExcused[ai] ? "EX" : student.cellScores[ai]!;
    if (sameGrade(before, cell.value)) {
      unchanged++;
      continue;
    }
    const version = student.versions[ai]!;
    rowChanges.push({
      line: row.line,
      studentId: student.id,
      studentName: student.name,
      matchedBy,
      assignmentId: a.id,
      code: a.code,
      before,
      after: cell.value,
      extraCredit: cell.extraCredit,
      version,
      kind: version > 0 ? "changed" : "new",
    });
  }
  if (rowErrors.length) {
    tally.errors.push({ line: row.line, message: `${student.name}: ${rowErrors.join("; ")}` });
    return;
  }
  tally.changes.push(...rowChanges);
  tally.unchanged += unchanged;
  tally.notAssigned += notAssigned;
}

/** The staff's choice for a row, else who its identity columns name; a row that takes a choice goes into the mapping step. */
function resolveStudent(
  row: Row,
  who: RowIdentity,
  index: StudentIndex,
  choices: ImportChoices,
  plan: RowPlan,
): { member: Member; matchedBy: StudentMatch } | null {
  const chosen = choices.students?.[String(row.line)];
  const entry = (state: MappingStudent["state"], userId: string | null) =>
    plan.mapping.push({
      line: row.line,
      name: who.name,
      canvasUserId: who.canvasUserId,
      sisUserId: who.sisUserId,
      sisLoginId: who.sisLoginId,
      state,
      userId,
    });
  if (chosen === "skip") {
    entry("skipped", null);
    return null;
  }
  const mapped = chosen ? index.byUserId.get(chosen) : undefined;
  if (mapped) {
    entry("mapped", mapped.userId);
    return { member: mapped, matchedBy: "mapped" };
  }
  const found = findMember(who, index);
  if (!found) entry("pending", index.byName.get(norm(who.name))?.userId ?? null);
  return found;
}

type RowPlan = {
  ignored: IgnoredRow[];
  mapping: MappingStudent[];
  /** Members some row stands for. */
  seen: Map<string, number>;
  matches: Partial<Record<StudentMatch, number>>;
  links: ImportLink[];
  rows: number;
};

/** Sorts each row into: not a student (with the reason), unknown (the mapping step), or a student's grades. */
function planRows(
  data: GradingData,
  input: Input,
  layout: Layout,
  roster: ImportRoster,
  columns: ColumnPlan["columns"],
  tally: Tally,
): RowPlan {
  const index = indexMembers(roster.members);
  const studentIndex = new Map(data.students.map((s, i) => [s.id, i]));
  const plan: RowPlan = { ignored: [], mapping: [], seen: new Map(), matches: {}, links: [], rows: 0 };
  const choices = input.choices ?? {};
  for (const row of input.rows) {
    const who = identityOf(row, layout);
    const skip = (reason: string, kind: IgnoredRow["kind"]) =>
      plan.ignored.push({ line: row.line, who: who.name || who.sisLoginId || who.rawId, reason, kind });
    const special = specialRow(row.cells);
    if (special === "points-possible") {
      skip("Canvas's Points Possible row: the points come from the assignments here", special);
      continue;
    }
    if (special === "manual-posting") {
      skip("Canvas's Manual Posting row (which assignments post by hand), not a student", special);
      continue;
    }
    if (row.cells.every((c) => c.trim() === "")) {
      skip("an empty row", "blank");
      continue;
    }
    // Only a row that names no one here: a real student may be called Test Student.
    if (isTestStudent(who.name) && choices.students?.[String(row.line)] === undefined && !findMember(who, index)) {
      skip("Canvas's Test Student (Student View), not a real student", "test-student");
      continue;
    }
    const found = resolveStudent(row, who, index, choices, plan);
    if (!found && plan.mapping.at(-1)?.state === "skipped") {
      skip("skipped by your choice", "skipped");
      continue;
    }
    plan.rows++;
    if (!found) continue;
    const { member, matchedBy } = found;
    if (member.role !== "STUDENT") {
      const what = member.role === "AUDITOR" ? "an auditor" : `a ${member.role.toLowerCase()}`;
      skip(`${member.name} is ${what} here, not a student`, "not-a-student");
      continue;
    }
    const si = studentIndex.get(member.userId);
    if (member.status !== "ENROLLED" || si === undefined) {
      skip(
        `${member.name} is ${member.status.toLowerCase()}: grades are imported only for enrolled students`,
        "not-enrolled",
      );
      continue;
    }
    const earlier = plan.seen.get(member.userId);
    if (earlier !== undefined) {
      tally.errors.push({ line: row.line, message: `${member.name} already appears on line ${earlier}` });
      continue;
    }
    plan.seen.set(member.userId, row.line);
    plan.matches[matchedBy] = (plan.matches[matchedBy] ?? 0) + 1;
    const link = studentLink(member, who);
    if (link) plan.links.push(link);
    diffStudentRow(row, data, si, matchedBy, columns, choices.extraCredit === true, tally);
  }
  return plan;
}

// ---------------------------------------------------------------- the whole file

function fingerprint(changes: ImportChange[], links: ImportLink[]): string {
  return createHash("sha256")
    .update(JSON.stringify([changes.map((c) => [c.assignmentId, c.studentId, c.version, c.after]), links]))
    .digest("hex");
}

/** Works out what the file would change; pure over the loaded data so preview and apply agree exactly. */
export function diffImport(data: GradingData, roster: ImportRoster, input: Input): ImportPlan {
  const layout = readLayout(input.header);
  const pointsRow = input.rows.find((r) => specialRow(r.cells) === "points-possible");
  const columnPlan = planColumns(layout, pointsRow, data.assignments, roster, input.choices ?? {});
  const tally: Tally = { changes: [], errors: [], extraCredit: [], unchanged: 0, notAssigned: 0 };
  const rowPlan = planRows(data, input, layout, roster, columnPlan.columns, tally);
  const links = [...columnPlan.links, ...rowPlan.links];
  const changes = tally.changes;
  const preview: ImportPreview = {
    columns: columnPlan.columns.map(({ index, ai, matchedBy }) => {
      const a = data.assignments[ai]!;
      return {
        index,
        header: layout.header[index]!.trim(),
        assignmentId: a.id,
        code: a.code,
        title: a.title,
        matchedBy,
        pointsNote: pointsNote(pointsRow, index, a),
      };
    }),
    studentColumns: [...layout.identity].map((i) => layout.header[i]!.trim()),
    ignoredColumns: columnPlan.ignored,
    mappingColumns: columnPlan.mapping,
    ignoredRows: rowPlan.ignored.slice(0, SHOWN),
    mappingStudents: rowPlan.mapping.slice(0, SHOWN),
    candidates: {
      assignments: data.assignments.map((a) => ({ id: a.id, code: a.code, title: a.title })),
      // Everyone enrolled not yet claimed by a row (a mapped row's own choice stays offered).
      students: data.students
        .filter((s) => !rowPlan.seen.has(s.id) || rowPlan.mapping.some((m) => m.userId === s.id))
        .map((s) => ({ id: s.id, name: s.name, email: s.email })),
    },
    studentMatches: rowPlan.matches,
    links,
    extraCredit: tally.extraCredit.slice(0, SHOWN),
    extraCreditConfirmed: input.choices?.extraCredit === true,
    counts: {
      new: changes.filter((c) => c.kind === "new").length,
      changed: changes.filter((c) => c.kind === "changed").length,
      unchanged: tally.unchanged,
      notAssigned: tally.notAssigned,
      rows: rowPlan.rows,
      errors: tally.errors.length,
      ignoredRows: rowPlan.ignored.length,
      pendingStudents: rowPlan.mapping.filter((m) => m.state === "pending").length,
      pendingColumns: columnPlan.mapping.filter((m) => m.state === "pending").length,
    },
    changes: changes.slice(0, SHOWN),
    errors: tally.errors.slice(0, SHOWN),
    previewToken: fingerprint(changes, links),
  };
  return { preview, changes, links };
}
