import { ValidationError } from "@/lib/server/platform/errors";
import type { ImportRow as Row } from "@/lib/server/grading/grade-import-types";

// Which columns of a grades file say who a row is (Canvas's student columns, or an Email column).

export const norm = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
export const cellOf = (row: Row, index: number) => (index >= 0 ? (row.cells[index] ?? "").trim() : "");

export type Layout = {
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

export function readLayout(rawHeader: string[]): Layout {
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

export function nameOf(row: Row, layout: Layout): string {
  if (layout.student >= 0) return cellOf(row, layout.student);
  return [cellOf(row, layout.firstName), cellOf(row, layout.lastName)].filter(Boolean).join(" ");
}
