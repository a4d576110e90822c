// Canvas's gradebook importer, ported rule by rule from instructure/canvas-lms
// app/models/gradebook_importer.rb (line numbers below are that file's, as read through the
// search tool's index of the current master; the exporter's are lib/gradebook_exporter.rb at
// commit 0140a2effa6366ea3b73aeefa4bbc384b943934f). Tests feed it Lectern's export and a model
// of the Canvas course, and read what Canvas would do: which columns it takes for which of its
// assignments, which it would create as new assignments, which rows it cannot place.
//
// It is written from Canvas's code, not from Lectern's: it shares nothing with
// lib/domain/canvas-gradebook.ts, so Lectern's reading of the rules cannot grade itself.
import Papa from "papaparse";

export type CanvasCourse = {
  assignments: { id: number; title: string; pointsPossible: number }[];
  students: {
    id: number;
    name: string;
    sortableName: string;
    /** The SIS pseudonym: sis_user_id and unique_id (the login). */
    sisUserId?: string;
    loginId?: string;
  }[];
  /** Custom gradebook columns (notes), by title. */
  customColumns?: string[];
  /** "studentId:assignmentId" of assignments not assigned to that student (Canvas writes N/A there). */
  notAssigned?: Set<string>;
  /** Existing scores: "studentId:assignmentId" → score or "EX". */
  submissions?: Map<string, number | "EX">;
};

export type CanvasImport = {
  /** Assignment columns in header order: the Canvas assignment each went to, or null for a new one. */
  columns: { header: string; assignmentId: number | null }[];
  /** Headers Canvas would create new assignments for. */
  newAssignments: string[];
  /** Rows Canvas could not place on a student (it would create new users for them). */
  newStudents: string[];
  students: { name: string; studentId: number | null }[];
  /** Submissions whose grade the import would change. */
  changes: { studentId: number; assignmentId: number; from: string | null; to: string }[];
  /** Rows taken as "Points Possible" or "Muted / Manual Posting" (check_for_non_student_row). */
  nonStudentRows: number;
};

export class InvalidHeaderRow extends Error {}

// CSV::Converters[:decimal_comma_to_period], 110–124: a field of only digits, "." and "," keeps
// its last group as the decimals and joins the rest.
function decimalCommaToPeriod(field: string): string {
  if (!/^-?[0-9.,]+%?$/.test(field)) return field;
  const numberParts = field.split(/[,.]/);
  const last = numberParts.pop()!;
  return numberParts.length === 0 ? last : [numberParts.join(""), last].join(".");
}

// identify_delimiter 698–712 and semicolon_delimited? 714–725: the first three lines, parsed
// with ";" and with ","; a separator whose field count is the same on every line scores that
// count; ";" wins only with more fields.
function semicolonDelimited(text: string): boolean {
  const firstLines = text.split(/(?<=\n)/).slice(0, 3);
  if (firstLines.length === 0) return false;
  const counts: Record<";" | ",", number> = { ";": 0, ",": 0 };
  for (const separator of [";", ","] as const) {
    const sizes = firstLines.map((line) => {
      const parsed = Papa.parse<string[]>(line.replace(/\r?\n$/, ""), { delimiter: separator });
      return parsed.errors.length ? -1 : (parsed.data[0]?.length ?? 0);
    });
    if (sizes.includes(-1)) continue; // CSV::MalformedCSVError is rescued: the separator keeps 0
    if (new Set(sizes).size === 1) counts[separator] = sizes[0]!;
  }
  return counts[";"] > counts[","];
}

// csv_stream 749–762: col_sep from the detection, both converters on every field; skip_lines
// /^[;, ]+$/ drops lines of bare separators (an empty line comes through as a row of nothing,
// which check_for_non_student_row then passes over as "muted").
function csvRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { delimiter: semicolonDelimited(body) ? ";" : ",", skipEmptyLines: false });
  return parsed.data.filter((row) => !row.every((c) => /^ *$/.test(c))).map((row) => row.map(decimalCommaToPeriod));
}

// Assignment.title_and_id (app/models/assignment.rb): "Title (123)" → ["Title", "123"].
function titleAndId(str: string): [string, string | null] {
  const match = /^(.*)\s\((\d+)\)$/.exec(str);
  return match ? [match[1]!, match[2]!] : [str, null];
}

// GRADEBOOK_IMPORTER_RESERVED_NAMES 460–470 / NON_ASSIGNMENT_COLUMN_HEADERS 472–482.
const RESERVED = [
  "Student",
  "LastName",
  "FirstName",
  "ID",
  "SIS User ID",
  "SIS Login ID",
  "Section",
  "Integration ID",
  "Root Account",
];
const NON_ASSIGNMENT = new RegExp(
  [
    "Current Score",
    "Current Points",
    "Current Grade",
    "Final Score",
    "Final Points",
    "Final Grade",
    "Override Score",
    "Override Grade",
    "Override Status",
  ].join("|"),
);

type Header = {
  studentColumns: number;
  sisUserIdColumn: number | null;
  sisLoginIdColumn: number | null;
  assignments: { header: string; index: number; assignmentId: number | null }[];
};

// header? 409–420, row_has_student_headers? 427–430, update_column_count 432–458, with the custom
// columns found first (process_custom_column_headers 362–375; LastName/FirstName is a feature flag
// Lectern does not write, left out).
function processHeader(row: string[], course: CanvasCourse): Header {
  const hasStudentHeaders = row.length > 3 && row[0]!.includes("Student") && row[1]!.includes("ID");
  if (!hasStudentHeaders) throw new InvalidHeaderRow("Invalid header row");
  const custom = row.filter((h) => !RESERVED.includes(h) && (course.customColumns ?? []).includes(h));
  let studentColumns = 3;
  let sisUserIdColumn: number | null = null;
  let sisLoginIdColumn: number | null = null;
  if (/SIS\s+Login\s+ID/.test(row[2] ?? "")) {
    sisLoginIdColumn = 2;
    studentColumns += 1;
  } else if (/SIS\s+User\s+ID/.test(row[2] ?? "") && /SIS\s+Login\s+ID/.test(row[3] ?? "")) {
    const i = /Integration\s+ID/.test(row[4] ?? "") ? 1 : 0;
    sisUserIdColumn = 2;
    sisLoginIdColumn = 3;
    studentColumns += 2 + i;
    if (/Root\s+Account/.test(row[4 + i] ?? "")) studentColumns += 1;
  }
  studentColumns += custom.length;
  // last_student_info_column 422–425: custom columns sit between Section and the assignments.
  if (!(row[studentColumns - (1 + custom.length)] ?? "").includes("Section"))
    throw new InvalidHeaderRow("Invalid header row");

  // strip_non_assignment_columns 484–491, then parse_assignments 498–513 and calc_assignment_indices 401–407.
  // (strip_custom_columns 377–382 takes the custom columns out by title.)
  const stripped = row
    .slice(studentColumns)
    .filter((h) => !NON_ASSIGNMENT.test(h))
    .filter((h) => !custom.includes(h));
  const assignments = stripped.map((nameAndId) => {
    const [, id] = titleAndId(nameAndId);
    const byId = id ? course.assignments.find((a) => a.id === Number.parseInt(id, 10)) : undefined;
    const byTitle = byId ?? course.assignments.find((a) => a.title === nameAndId); // "backward compat"
    return { header: nameAndId, index: row.indexOf(nameAndId), assignmentId: byTitle?.id ?? null };
  });
  return { studentColumns, sisUserIdColumn, sisLoginIdColumn, assignments };
}

// Ruby's String#to_i: leading digits, else 0.
const toI = (s: string) => Number.parseInt(/^\s*[-+]?\d+/.exec(s)?.[0] ?? "0", 10);

// process_student 556–590: the ID column, else the SIS User ID's then the SIS Login ID's
// pseudonym (exact strings), else a student whose name or sortable name is the Student cell.
function processStudent(row: string[], header: Header, course: CanvasCourse): number | null {
  const studentId = row[1] ?? "";
  let student = studentId.trim() ? course.students.find((s) => s.id === toI(studentId)) : undefined;
  if (!student) {
    const sisUserId = header.sisUserIdColumn !== null ? row[header.sisUserIdColumn] || null : null;
    const sisLoginId = header.sisLoginIdColumn !== null ? row[header.sisLoginIdColumn] || null : null;
    student =
      (sisUserId ? course.students.find((s) => s.sisUserId === sisUserId) : undefined) ??
      (sisLoginId ? course.students.find((s) => s.loginId === sisLoginId) : undefined);
  }
  if (!student) {
    const name = row[0] ?? "";
    student = course.students.find((s) => s.name === name || s.sortableName === name);
  }
  return student?.id ?? null;
}

// no_score? 855–857 and no_change_to_value? 859–873 (consider_excused: true), comparing at the
// two decimals the exporter writes (I18n.n with precision: 2).
function noChange(newValue: string, currentValue: string | null): boolean {
  const noScore = (v: string | null) => v === null || v.trim() === "" || v === "-";
  if (newValue === currentValue) return true;
  if (noScore(currentValue) && noScore(newValue)) return true;
  if (noScore(currentValue) || noScore(newValue)) return false;
  if (newValue.toUpperCase() === "EX" || currentValue!.toUpperCase() === "EX") return false;
  const two = (v: string) => (Number.isFinite(Number(v)) ? Number(v).toFixed(2) : v);
  return two(currentValue!) === two(newValue);
}

/** What Canvas's importer makes of `csv` for `course`. Throws InvalidHeaderRow as Canvas's upload fails. */
export function canvasImport(csv: string, course: CanvasCourse): CanvasImport {
  const rows = csvRows(csv);
  const header = processHeader(rows[0]!, course);
  const result: CanvasImport = {
    columns: header.assignments.map((a) => ({ header: a.header, assignmentId: a.assignmentId })),
    newAssignments: header.assignments.filter((a) => a.assignmentId === null).map((a) => a.header),
    newStudents: [],
    students: [],
    changes: [],
    nonStudentRows: 0,
  };
  for (const row of rows.slice(1)) {
    // check_for_non_student_row 727–747.
    if ((row[0] ?? "").includes("Points Possible")) {
      result.nonStudentRows++;
      continue;
    }
    if (row.every((c) => /^\s*(Muted|Manual Posting.*)?\s*$/i.test(c))) {
      result.nonStudentRows++;
      continue;
    }
    const studentId = processStudent(row, header, course);
    result.students.push({ name: row[0] ?? "", studentId });
    if (studentId === null) {
      result.newStudents.push(row[0] ?? "");
      continue;
    }
    // process_submissions 592–605: the stripped cell of each assignment column, unless not assigned.
    for (const a of header.assignments) {
      if (a.assignmentId === null) continue;
      // assignment_assigned_to_student 826–831: a cell of an assignment not assigned to the student reads as "".
      const assigned = !course.notAssigned?.has(`${studentId}:${a.assignmentId}`);
      const grade = assigned ? (row[a.index] ?? "").trim() : "";
      const current = course.submissions?.get(`${studentId}:${a.assignmentId}`);
      const currentText = current === undefined ? null : String(current);
      if (!noChange(grade, currentText))
        result.changes.push({ studentId, assignmentId: a.assignmentId, from: currentText, to: grade });
    }
  }
  return result;
}
