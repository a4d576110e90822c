// Client side of a cell save: PUT the value with the version that was read; a 409
// brings back the value someone else saved in the meantime.
import { formatScore, type CellValue } from "@/lib/domain/grading";
import type { CellState } from "@/lib/validation/grades";
import { teamCellSaveAnswerSchema } from "@/lib/validation/teams";

export type { CellState };

export { formatScore, type CellValue };

export function cellValue(cell: Pick<CellState, "score" | "excused">): CellValue {
  return cell.excused ? "EX" : cell.score;
}

export type SaveResult =
  | {
      kind: "saved";
      cell: CellState;
      /** Team work: the other members' cells the save changed. */
      members: { studentId: string; cell: CellState }[];
    }
  | { kind: "conflict"; current: CellState; message: string }
  | { kind: "error"; message: string };

export function gradeUrl(slug: string, assignmentId: string, studentId: string): string {
  return `/api/courses/${encodeURIComponent(slug)}/grades/${encodeURIComponent(assignmentId)}/${encodeURIComponent(studentId)}`;
}

const teamGradeUrl = (slug: string, assignmentId: string, studentId: string) =>
  `/api/courses/${encodeURIComponent(slug)}/team-grades/${encodeURIComponent(assignmentId)}/${encodeURIComponent(studentId)}`;

async function putCell(url: string, payload: Record<string, unknown>): Promise<SaveResult> {
  try {
    const response = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    // The team route's answer is the per-student one plus the other members' cells.
    const parsed = teamCellSaveAnswerSchema.safeParse(await response.json().catch(() => ({})));
    const body = parsed.success ? parsed.data : {};
    if (response.ok && body.cell) return { kind: "saved", cell: body.cell, members: body.members ?? [] };
    if (response.status === 409 && body.current)
      return { kind: "conflict", current: body.current, message: body.error ?? "Changed by someone else" };
    if (response.status === 401)
      return { kind: "error", message: "Your session has ended; sign in again (your value is kept here)." };
    return { kind: "error", message: body.error ?? `Not saved (HTTP ${response.status})` };
  } catch {
    return { kind: "error", message: "Not saved: the network is unavailable." };
  }
}

export async function saveCell({
  slug,
  assignmentId,
  studentId,
  version,
  value,
  feedback,
  extraCredit,
  basicallyWorks,
}: {
  slug: string;
  assignmentId: string;
  studentId: string;
  version: number;
  value?: CellValue;
  feedback?: string;
  /** The grader confirmed a score above the points (the server refuses it otherwise). */
  extraCredit?: boolean;
  /** The grader's D/F call on an item the late policy caps: true "basically works" (D), false not (F). */
  basicallyWorks?: boolean | null;
}): Promise<SaveResult> {
  const score = value === undefined ? undefined : value === "EX" ? null : value;
  const excused = value === undefined ? undefined : value === "EX";
  return putCell(gradeUrl(slug, assignmentId, studentId), {
    version,
    score,
    excused,
    feedback,
    extraCredit,
    basicallyWorks,
  });
}

/** A score on team work: the whole team's (scope "team") or this member's own ("member"). */
export async function saveTeamCell({
  slug,
  assignmentId,
  studentId,
  version,
  score,
  scope,
  extraCredit,
}: {
  slug: string;
  assignmentId: string;
  studentId: string;
  version: number;
  score: number | null;
  scope: "team" | "member";
  extraCredit?: boolean;
}): Promise<SaveResult> {
  return putCell(teamGradeUrl(slug, assignmentId, studentId), { version, score, scope, extraCredit });
}
