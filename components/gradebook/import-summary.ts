import type { ColumnMatch, ImportPreview, StudentMatch } from "@/lib/server/grading/grade-import-diff";

// Words for the import preview, kept out of the components so a unit test can hold the rule that
// matters: the preview never says "nothing to import" while it left something out.

export const STUDENT_MATCH_LABEL: Record<StudentMatch, string> = {
  "canvas-id": "Canvas ID",
  "sis-user-id": "SIS User ID",
  "sis-login-id": "SIS Login ID",
  "login-name": "SIS Login ID = email name",
  email: "email",
  "lectern-id": "Lectern ID",
  mapped: "your choice",
};

export const COLUMN_MATCH_LABEL: Record<ColumnMatch, string> = {
  "canvas-id": "Canvas id",
  title: "title",
  code: "code",
  "lectern-id": "Lectern id",
  mapped: "your choice",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "24 students: 20 by Canvas ID, 4 by email." */
export function studentMatchSummary(preview: Pick<ImportPreview, "studentMatches">): string {
  const parts = (Object.entries(preview.studentMatches) as [StudentMatch, number][])
    .filter(([, n]) => n > 0)
    .map(([by, n]) => `${n} by ${STUDENT_MATCH_LABEL[by]}`);
  const total = Object.values(preview.studentMatches).reduce((a, n) => a + (n ?? 0), 0);
  return total ? `${plural(total, "student")} matched: ${parts.join(", ")}.` : "No student in the file matched yet.";
}

/**
 * The one-line outcome above the buttons. "Nothing to import" only when the file matched
 * everything and every grade in it is already the gradebook's; otherwise it says what was left out.
 */
export function outcomeSentence(
  preview: Pick<ImportPreview, "counts" | "ignoredColumns" | "links" | "extraCredit" | "extraCreditConfirmed">,
): string {
  const c = preview.counts;
  const grades = c.new + c.changed;
  const leftOut = [
    c.pendingColumns ? plural(c.pendingColumns, "column") + " waiting for your choice" : null,
    c.pendingStudents ? plural(c.pendingStudents, "row") + " waiting for your choice" : null,
    c.errors ? plural(c.errors, "row") + " with errors" : null,
    preview.ignoredColumns.length ? plural(preview.ignoredColumns.length, "column") + " ignored" : null,
    c.ignoredRows ? plural(c.ignoredRows, "row") + " ignored" : null,
  ].filter((p): p is string => p !== null);
  const links = preview.links.length ? ` and remember ${plural(preview.links.length, "Canvas link")}` : "";
  if (grades)
    return `Will import ${plural(grades, "grade")}${links}${leftOut.length ? `; left out: ${leftOut.join(", ")} (listed below)` : ""}.`;
  if (preview.links.length) return `No grade changes; will remember ${plural(preview.links.length, "Canvas link")}.`;
  if (!leftOut.length) return "Nothing to import: every grade in the file matches the gradebook.";
  return `No grade changes among what matched; left out: ${leftOut.join(", ")} (listed below).`;
}
