// What a grader typed into a score field (the grid's cell editor or the phone entry), read against the
// item's points with the same bound as the server (checkScore): a value to save, a refusal worded for
// the cell, or a question to ask at the cell before saving extra credit.
import type { CellValue } from "@/lib/domain/grading";
import { checkScore } from "@/lib/domain/score-bounds";
import { parseScoreText } from "@/lib/validation/grades";

export type TypedScore =
  | { kind: "value"; value: CellValue }
  | { kind: "refused"; message: string }
  | { kind: "confirm"; value: number; message: string };

/** `confirmed`: the grader already said yes to extra credit for exactly this text. */
export function readTypedScore(text: string, points: number, confirmed: boolean): TypedScore {
  const parsed = parseScoreText(text);
  if (!parsed.ok) return { kind: "refused", message: parsed.error };
  if (parsed.excused) return { kind: "value", value: "EX" };
  if (parsed.score === null) return { kind: "value", value: null };
  const check = checkScore({ score: parsed.score, points, extraCredit: confirmed });
  if (check.ok) return { kind: "value", value: parsed.score };
  if (check.reason === "needs-extra-credit")
    return {
      kind: "confirm",
      value: parsed.score,
      message: `${parsed.score} is more than the ${points} points possible. Save it as extra credit?`,
    };
  return { kind: "refused", message: check.message };
}

/** Whether a value to save is extra credit, which the save must say explicitly (the grader confirmed it). */
export const isExtraCredit = (value: CellValue, points: number) => typeof value === "number" && value > points;
