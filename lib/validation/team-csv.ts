import { csvRowsWithLines } from "@/lib/validation/csv-lines";
import { email } from "@/lib/validation/roster";

export type TeamCsvRow = { line: number; team: string; email: string };
export type TeamCsvParse = { rows: TeamCsvRow[]; errors: { line: number; message: string }[] };

const TEAM_HEADERS = ["team", "team name", "group", "group name"];
const EMAIL_HEADERS = ["email", "e-mail", "student email", "student"];

/**
 * A teams CSV: a header naming a team column (team, group) and an email column,
 * then one line per student. Pure, so the preview and the import read it alike.
 * Line numbers are the file's own (the header is line 1).
 */
export function parseTeamCsv(text: string): TeamCsvParse {
  const rows: TeamCsvRow[] = [];
  const { data, lineOf, errors } = csvRowsWithLines(text);
  const header = (data[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = {
    team: header.findIndex((h) => TEAM_HEADERS.includes(h)),
    email: header.findIndex((h) => EMAIL_HEADERS.includes(h)),
  };
  if (col.team < 0 || col.email < 0)
    return {
      rows: [],
      errors: [{ line: 1, message: "The first line must be a header naming a team and an email column (team,email)" }],
    };
  const seen = new Map<string, number>();
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    const at = lineOf[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const team = (cells[col.team] ?? "").trim();
    const address = email.safeParse(cells[col.email] ?? "");
    if (!team) errors.push({ line: at, message: "the team name is empty" });
    else if (team.length > 80) errors.push({ line: at, message: "the team name is longer than 80 characters" });
    else if (!address.success)
      errors.push({ line: at, message: `"${(cells[col.email] ?? "").trim()}" is not an email address` });
    else if (seen.has(address.data))
      errors.push({ line: at, message: `${address.data} is already on line ${seen.get(address.data)}` });
    else {
      seen.set(address.data, at);
      rows.push({ line: at, team, email: address.data });
    }
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, message: "The file has no students in it" });
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}
