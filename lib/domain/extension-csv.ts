/**
 * Per-student extensions from a CSV the instructor uploads or pastes:
 *
 *   email,assignment,due_date,due_time,reason
 *   student1@csci1390.demo,P3,2025-04-17,18:00,Dean's note
 *
 * Dates and times are the course's local wall clock. Every row is checked
 * against the roster and the assignments; the import applies only when no row
 * has an error, so a preview and the apply step run this same function.
 */
import Papa from "papaparse";
import { calendarDateProblem, localToInstant, parseLocalTime } from "@/lib/domain/time";

export const EXTENSION_CSV_COLUMNS = ["email", "assignment", "due_date", "due_time", "reason"] as const;
export const EXTENSION_CSV_MAX_ROWS = 2000;

export type ExtensionCsvRow = {
  /** 1-based line in the file, counting the header, so it matches what a spreadsheet shows. */
  line: number;
  email: string;
  assignmentCode: string;
  dueDate: string;
  dueTime: string;
  reason: string;
  errors: string[];
  studentId: string | null;
  studentName: string | null;
  assignmentId: string | null;
  dueAt: Date | null;
};

export type ExtensionCsvResult = { rows: ExtensionCsvRow[]; fileErrors: string[]; ok: boolean };

export function parseExtensionCsv({
  text,
  students,
  assignments,
  timeZone,
}: {
  text: string;
  students: readonly { id: string; email: string; name: string }[];
  assignments: readonly { id: string; code: string }[];
  timeZone: string;
}): ExtensionCsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, "_"),
  });
  const fileErrors: string[] = [];
  const fields = parsed.meta.fields ?? [];
  const missing = EXTENSION_CSV_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length)
    fileErrors.push(
      `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. The header must be: ${EXTENSION_CSV_COLUMNS.join(",")}`,
    );
  if (parsed.data.length === 0) fileErrors.push("The file has no rows.");
  if (parsed.data.length > EXTENSION_CSV_MAX_ROWS)
    fileErrors.push(`At most ${EXTENSION_CSV_MAX_ROWS} rows at once; this file has ${parsed.data.length}.`);
  if (fileErrors.length) return { rows: [], fileErrors, ok: false };

  const byEmail = new Map(students.map((s) => [s.email.toLowerCase(), s]));
  const byCode = new Map(assignments.map((a) => [a.code.toLowerCase(), a]));
  const rowErrors = new Map<number, string[]>();
  for (const e of parsed.errors) {
    if (e.row === undefined) continue;
    rowErrors.set(e.row, [...(rowErrors.get(e.row) ?? []), e.message]);
  }

  const seen = new Map<string, number>();
  const rows = parsed.data.map((raw, index): ExtensionCsvRow => {
    const cell = (name: string) => (raw[name] ?? "").trim();
    const row: ExtensionCsvRow = {
      line: index + 2,
      email: cell("email").toLowerCase(),
      assignmentCode: cell("assignment"),
      dueDate: cell("due_date"),
      dueTime: cell("due_time"),
      reason: cell("reason"),
      errors: [...(rowErrors.get(index) ?? [])],
      studentId: null,
      studentName: null,
      assignmentId: null,
      dueAt: null,
    };
    const student = byEmail.get(row.email);
    if (!row.email) row.errors.push("Email is empty.");
    else if (!student) row.errors.push(`${row.email} is not an enrolled student of this course.`);
    else {
      row.studentId = student.id;
      row.studentName = student.name;
    }
    const assignment = byCode.get(row.assignmentCode.toLowerCase());
    if (!row.assignmentCode) row.errors.push("Assignment is empty.");
    else if (!assignment) row.errors.push(`No assignment "${row.assignmentCode}" in this course.`);
    else {
      row.assignmentId = assignment.id;
      row.assignmentCode = assignment.code;
    }
    let timeOk = false;
    const dateProblem = calendarDateProblem(row.dueDate);
    const dateOk = dateProblem === null;
    if (dateProblem) row.errors.push(`Due date: ${dateProblem}.`);
    try {
      parseLocalTime({ time: row.dueTime });
      timeOk = true;
    } catch {
      row.errors.push(`Due time "${row.dueTime}" is not a 24-hour time as HH:MM.`);
    }
    if (dateOk && timeOk) row.dueAt = localToInstant({ date: row.dueDate, time: row.dueTime, timeZone });
    if (!row.reason) row.errors.push("Reason is empty; the student sees it with the new due date.");
    else if (row.reason.length > 500) row.errors.push("Reason is longer than 500 characters.");
    if (row.studentId && row.assignmentId) {
      const key = `${row.studentId}|${row.assignmentId}`;
      const first = seen.get(key);
      if (first !== undefined) row.errors.push(`Same student and assignment as line ${first}.`);
      else seen.set(key, row.line);
    }
    return row;
  });
  return { rows, fileErrors, ok: rows.every((r) => r.errors.length === 0) };
}
