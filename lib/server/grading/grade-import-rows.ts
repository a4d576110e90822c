import { parseScoreText } from "@/lib/validation/grades";
import { checkScore } from "@/lib/domain/score-bounds";
import {
  canvasDecimal,
  isTestStudent,
  sameAtCanvasPrecision,
  sortableName,
  specialRow,
} from "@/lib/domain/canvas-gradebook";
import type { GradingData } from "@/lib/server/grading/grading-data";
import { cellOf, nameOf, norm, type Layout } from "@/lib/server/grading/grade-import-layout";
import type { ColumnPlan } from "@/lib/server/grading/grade-import-columns";
import type {
  IgnoredRow,
  ImportAssignment as Assignment,
  ImportChange,
  ImportChoices,
  ImportInput as Input,
  ImportLink,
  ImportMember as Member,
  ImportPreview,
  ImportRoster,
  ImportRow as Row,
  MappingStudent,
  StudentMatch,
} from "@/lib/server/grading/grade-import-types";

// Whose row each row of a grades file is (Canvas ID, SIS User ID, SIS Login ID, email, or the
// staff's choice), which rows are not students (with the reason), and each student's changes.

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

export type Tally = {
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

export type RowPlan = {
  ignored: IgnoredRow[];
  mapping: MappingStudent[];
  /** Members some row stands for. */
  seen: Map<string, number>;
  matches: Partial<Record<StudentMatch, number>>;
  links: ImportLink[];
  rows: number;
};

/** Sorts each row into: not a student (with the reason), unknown (the mapping step), or a student's grades. */
export function planRows(
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
