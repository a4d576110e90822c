import Papa from "papaparse";

// Canvas's gradebook CSV, as Canvas's exporter writes it and its importer reads it
// (instructure/canvas-lms: lib/gradebook_exporter.rb, app/models/gradebook_importer.rb,
// Assignment.title_and_id in app/models/assignment.rb). Pure, shared by the browser (which
// parses the file) and the server (which matches it); tests/support/canvas-importer.ts is an
// independent port of the importer that checks Lectern's export against these rules.

/**
 * Totals, never assignments: the importer drops every header that *contains* one of these
 * (NON_ASSIGNMENT_COLUMN_HEADERS and strip_non_assignment_columns, gradebook_importer.rb 472–491),
 * which also covers "Unposted Final Score" and per-group totals such as "Projects Current Score".
 */
const TOTALS = [
  "Current Score",
  "Current Points",
  "Current Grade",
  "Final Score",
  "Final Points",
  "Final Grade",
  "Override Score",
  "Override Grade",
  "Override Status",
];
export function isTotalsHeader(header: string): boolean {
  return TOTALS.some((t) => header.includes(t));
}

/**
 * "Assignment 1 (48201)" → title "Assignment 1", Canvas id "48201"; anything else has no id.
 * Assignment.title_and_id: `/\A(.*)\s\((\d+)\)\z/`.
 */
export function canvasTitleAndId(header: string): { title: string; canvasId: string | null } {
  const match = /^([\s\S]*)\s\((\d+)\)$/.exec(header);
  return match ? { title: match[1]!, canvasId: match[2]! } : { title: header, canvasId: null };
}

/** The text inside a header's last parentheses ("Project 1 (P1)" → "P1"): Lectern's own code or id. */
export function parenthesized(header: string): string | null {
  const match = /\(([^()]+)\)\s*$/.exec(header);
  return match ? match[1]!.trim() : null;
}

/**
 * The first rows of a Canvas export that are not students (check_for_non_student_row,
 * gradebook_importer.rb 727–747): "Points Possible" in the first cell, or a row whose every
 * filled cell says "Muted" or "Manual Posting…".
 */
export function specialRow(cells: readonly string[]): "points-possible" | "manual-posting" | null {
  if ((cells[0] ?? "").includes("Points Possible")) return "points-possible";
  const filled = cells.filter((c) => c.trim() !== "");
  if (filled.length && filled.every((c) => /^\s*(Muted|Manual Posting.*)?\s*$/i.test(c))) return "manual-posting";
  return null;
}

/**
 * Canvas's Student View user, which its exporter writes last (enrollments_for_csv puts
 * StudentViewEnrollment after the real students, gradebook_exporter.rb 334–344). Its name is
 * "Test Student", sorted "Student, Test".
 */
export function isTestStudent(name: string): boolean {
  const n = name.trim().toLowerCase();
  return n === "student, test" || n === "test student";
}

/**
 * Canvas reads numbers written with a decimal comma ("91,00") or thousands separators
 * ("1.234,5"): every field that is only digits, dots and commas keeps its last group as the
 * fraction (the decimal_comma_to_period converter, gradebook_importer.rb 110–124).
 */
export function canvasDecimal(field: string): string {
  if (!/^-?[0-9.,]+%?$/.test(field)) return field;
  const parts = field.split(/[,.]/);
  const last = parts.pop()!;
  return parts.length ? `${parts.join("")}.${last}` : last;
}

function fieldCount(line: string, delimiter: string): number | null {
  const parsed = Papa.parse<string[]>(line, { delimiter, skipEmptyLines: false });
  if (parsed.errors.some((e) => e.type === "Quotes")) return null;
  return parsed.data[0]?.length ?? 0;
}

/**
 * "," or ";" from the first three lines, as Canvas decides: a separator counts only if it
 * splits every one of those lines into the same number of fields, and ";" wins when it gives
 * more fields than "," (identify_delimiter and semicolon_delimited?, gradebook_importer.rb 698–725).
 */
export function detectDelimiter(text: string): ";" | "," {
  // Blank lines are passed over (Canvas would count them as one field and give up on ";").
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== "")
    .slice(0, 3);
  const counts = { ";": 0, ",": 0 };
  for (const separator of [";", ","] as const) {
    const perLine = lines.map((l) => fieldCount(l, separator));
    if (perLine.every((n) => n !== null && n === perLine[0])) counts[separator] = perLine[0] ?? 0;
  }
  return counts[";"] > counts[","] ? ";" : ",";
}

// assumed: the suffix list is ours (Canvas keeps its own SUFFIXES list in user.rb).
const SUFFIX = /^(Sn?r\.?|Senior|Jn?r\.?|Junior|II|III|IV|V|VI|Esq\.?|Esquire)$/i;

/**
 * "Ada King Lovelace" → "Lovelace, Ada King", the way Canvas writes its Student column (its
 * sortable name: the last word is the surname, a trailing Jr./III stays with the given names;
 * User.name_parts and User.last_name_first in app/models/user.rb). A name with a comma already
 * is taken as sorted.
 */
export function sortableName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes(",")) return trimmed;
  const parts = trimmed.split(/\s+/).filter(Boolean);
  const suffix = parts.length > 1 && SUFFIX.test(parts.at(-1)!) ? parts.pop()! : null;
  if (parts.length < 2) return trimmed;
  const surname = parts.pop()!;
  return `${surname}, ${[...parts, ...(suffix ? [suffix] : [])].join(" ")}`;
}

/** Points and scores as Canvas writes them: two decimals, no thousands separator (format_numbers, exporter 346–350). */
export function canvasNumber(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

/**
 * Whether two scores are the same as Canvas compares them: at the two decimals its export
 * carries, so 123.456 exported as 123.46 does not look changed (no_change_to_value?,
 * gradebook_importer.rb 859–873).
 */
export function sameAtCanvasPrecision(a: number, b: number): boolean {
  return canvasNumber(a) === canvasNumber(b);
}

/** A grades file as the import sends it: the header and each data row with its 1-based row number. */
export type ParsedGradeFile = { header: string[]; rows: { line: number; cells: string[] }[] };

/** Collects parsed rows (the browser feeds it chunk by chunk); blank lines are dropped, their numbers kept. */
export function gradeRowCollector() {
  let header: string[] | null = null;
  const rows: ParsedGradeFile["rows"] = [];
  let line = 0;
  return {
    add(cells: string[]) {
      line++;
      if (!header) header = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, "") : c));
      else if (cells.length > 1 || (cells[0] ?? "") !== "") rows.push({ line, cells });
    },
    result(): ParsedGradeFile | null {
      return header ? { header, rows } : null;
    },
  };
}

/** A whole grades file from text, with Canvas's delimiter detection (what the browser does with a file). */
export function parseGradeCsv(text: string): (ParsedGradeFile & { delimiter: ";" | "," }) | null {
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(body);
  const collector = gradeRowCollector();
  for (const cells of Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data) collector.add(cells);
  const parsed = collector.result();
  return parsed ? { ...parsed, delimiter } : null;
}
