// The grid's rows as pure functions: one cell written into a row, and the row's current grade
// computed again from its cells (the same scheme the server used), so an edit shows its effect at once.
import type { CellState } from "@/lib/validation/grades";
import type { compileScheme } from "@/lib/domain/grading";
import { itemGradeEffect, type ItemCapChoice } from "@/lib/domain/late-policy";
import type { GradebookAssignment, GradebookRow } from "@/lib/server/grading/gradebook";

export type Grader = ReturnType<typeof compileScheme>;
export type CellUpdate = Pick<CellState, "score" | "version"> & { excused?: boolean; feedback?: string };

const withIndex = (list: number[], i: number, present: boolean) =>
  present ? (list.includes(i) ? list : [...list, i]) : list.filter((x) => x !== i);

export function currentGradeOf(
  row: GradebookRow,
  assignments: GradebookAssignment[],
  grader: Grader,
): GradebookRow["current"] {
  const scores: Record<string, number | null> = {};
  assignments.forEach((a, i) => {
    if (row.scores[i] !== null) scores[a.id] = row.scores[i]!;
  });
  const g = grader.grade({
    student: {
      scores,
      chosenTrackId: row.trackId,
      excused: row.excused.map((i) => assignments[i]!.id),
      missed: row.missed,
    },
    mode: "current",
    consequences: row.consequences,
  });
  return { percent: g.percent, letter: g.letter };
}

/** The row with assignment `ai`'s cell replaced (feedback and excuse only when given) and its grade redone. */
export function withCell(
  row: GradebookRow,
  ai: number,
  cell: CellUpdate,
  assignments: GradebookAssignment[],
  grader: Grader,
): GradebookRow {
  const scores = [...row.scores];
  const versions = [...row.versions];
  scores[ai] = cell.score;
  versions[ai] = cell.version;
  const feedback = cell.feedback === undefined ? row.feedback : withIndex(row.feedback, ai, cell.feedback !== "");
  const excused = cell.excused === undefined ? row.excused : withIndex(row.excused, ai, cell.excused);
  const next = { ...row, scores, versions, feedback, excused };
  return { ...next, current: currentGradeOf(next, assignments, grader) };
}

/**
 * The row after the grader's D/F call on assignment `ai` (an item the late policy caps at one of
 * `choices`): its consequence becomes the chosen letter (or pending again), its "decide" mark goes,
 * and its grade is redone. The same itemGradeEffect the server grades with.
 */
export function withDecision(
  row: GradebookRow,
  ai: number,
  decision: { choices: ItemCapChoice[]; basicallyWorks: boolean | null },
  assignments: GradebookAssignment[],
  grader: Grader,
): GradebookRow {
  const itemId = assignments[ai]!.id;
  const effect = itemGradeEffect({
    consequence: { kind: "cap", choices: decision.choices },
    basicallyWorks: decision.basicallyWorks,
  });
  const consequences = row.consequences.filter((c) => c.itemId !== itemId);
  if (effect) consequences.push({ itemId, ...effect });
  const pending = effect?.kind === "pending";
  const late = row.late.map((l): [number, number, number] =>
    l[0] === ai ? [l[0], l[1], pending ? l[2] | 8 : l[2] & ~8] : l,
  );
  const next = { ...row, consequences, late };
  return { ...next, current: currentGradeOf(next, assignments, grader) };
}

export const cellValueOf = (row: GradebookRow, ai: number) => (row.excused.includes(ai) ? "EX" : row.scores[ai]!);

/**
 * Every row once the rest has arrived (the page sends its first screen only): in the order of
 * `all`, keeping the rows already on screen as they are now, edits included, over the copy
 * that was read before those edits.
 */
export function mergeRows(onScreen: GradebookRow[], all: GradebookRow[]): GradebookRow[] {
  const mine = new Map(onScreen.map((r) => [r.id, r]));
  return all.map((r) => mine.get(r.id) ?? r);
}
