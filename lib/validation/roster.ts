import { z } from "zod";
import { id, optionalText } from "@/lib/validation/fields";
import { csvRowsWithLines } from "@/lib/validation/csv-lines";

export const MEMBER_ROLES = ["STUDENT", "AUDITOR", "TA", "INSTRUCTOR"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .email("Enter an email address")
  .max(254);

export const addMemberSchema = z.object({
  email,
  name: optionalText(200),
  role: z.enum(MEMBER_ROLES, { error: "Choose a role" }),
});
export type AddMemberInput = z.output<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ membershipId: id, role: z.enum(MEMBER_ROLES, { error: "Choose a role" }) });
export const membershipIdSchema = z.object({ membershipId: id });
/** Admit from the waitlist; "1" in overCapacity is the instructor's confirmation that the course is full. */
export const admitMemberSchema = z.object({
  membershipId: id,
  overCapacity: z
    .enum(["", "1"])
    .default("")
    .transform((v) => v === "1"),
});

export const rosterCsvSchema = z.object({
  csv: z
    .string({ error: "Choose a CSV file" })
    .min(1, "The file is empty")
    .max(1_000_000, "The file is larger than 1 MB"),
});

export type RosterCsvRow = { line: number; email: string; name: string | null; role: MemberRole };
export type RosterCsvParse = { rows: RosterCsvRow[]; errors: { line: number; message: string }[] };

const ROLE_WORDS: Record<string, MemberRole> = {
  student: "STUDENT",
  auditor: "AUDITOR",
  audit: "AUDITOR",
  ta: "TA",
  "teaching assistant": "TA",
  instructor: "INSTRUCTOR",
};

/**
 * A roster CSV: a header row naming `email` (required), `name` and `role`
 * (student, auditor, ta, instructor; default student), in any order. Line
 * numbers are the file's own (the header is line 1), so errors point at the
 * line to fix. Pure: the same parse runs for the preview and the import.
 */
export function parseRosterCsv(text: string): RosterCsvParse {
  const rows: RosterCsvRow[] = [];
  const { data, lineOf, errors } = csvRowsWithLines(text);
  const header = (data[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = { email: header.indexOf("email"), name: header.indexOf("name"), role: header.indexOf("role") };
  if (col.email < 0)
    return {
      rows: [],
      errors: [{ line: 1, message: "The first line must be a header naming an email column (email,name,role)" }],
    };
  const seen = new Map<string, number>();
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    const at = lineOf[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const parsedEmail = email.safeParse(cells[col.email] ?? "");
    if (!parsedEmail.success) {
      errors.push({ line: at, message: `"${(cells[col.email] ?? "").trim()}" is not an email address` });
      continue;
    }
    const roleText = col.role >= 0 ? (cells[col.role] ?? "").trim().toLowerCase() : "";
    const role =
      roleText === ""
        ? "STUDENT"
        : (ROLE_WORDS[roleText] ?? (MEMBER_ROLES as readonly string[]).find((r) => r.toLowerCase() === roleText));
    if (!role) {
      errors.push({ line: at, message: `unknown role "${roleText}" (use student, auditor, ta or instructor)` });
      continue;
    }
    const name = col.name >= 0 ? (cells[col.name] ?? "").trim() || null : null;
    if (name && name.length > 200) {
      errors.push({ line: at, message: "the name is longer than 200 characters" });
      continue;
    }
    const first = seen.get(parsedEmail.data);
    if (first) {
      errors.push({ line: at, message: `${parsedEmail.data} is already on line ${first}` });
      continue;
    }
    seen.set(parsedEmail.data, at);
    rows.push({ line: at, email: parsedEmail.data, name, role: role as MemberRole });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, message: "The file has no people in it" });
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
