/**
 * The one rule for how large a score may be, shared by the gradebook cell, the grade JSON route and the
 * CSV import, so that no path stores what another refuses.
 *
 * - below 0: refused ("Scores can't be negative");
 * - up to the item's points: accepted;
 * - above the points, up to EXTRA_CREDIT_FACTOR × points: extra credit, accepted only when the grader
 *   confirmed it (`extraCredit: true`); unconfirmed it is refused so the cell can ask;
 * - above that: refused as a typing slip (2140 on a 100-point item).
 *
 * assumed: the factor 2 is the bound the CSV import already used; no seed page states a limit on extra credit.
 */
export const EXTRA_CREDIT_FACTOR = 2;

export type ScoreCheck =
  | { ok: true; extraCredit: boolean }
  | { ok: false; reason: "negative" | "needs-extra-credit" | "over-limit" | "not-finite"; message: string };

export function checkScore(input: { score: number; points: number; extraCredit?: boolean }): ScoreCheck {
  const { score, points, extraCredit = false } = input;
  if (!Number.isFinite(score)) return { ok: false, reason: "not-finite", message: "Enter a number" };
  if (score < 0) return { ok: false, reason: "negative", message: "Scores can't be negative" };
  if (score <= points) return { ok: true, extraCredit: false };
  const limit = points * EXTRA_CREDIT_FACTOR;
  if (score > limit) {
    return {
      ok: false,
      reason: "over-limit",
      message: `${score} is more than ${EXTRA_CREDIT_FACTOR}× the ${points} points possible (at most ${limit})`,
    };
  }
  if (!extraCredit) {
    return {
      ok: false,
      reason: "needs-extra-credit",
      message: `${score} is more than the ${points} points possible: confirm it as extra credit`,
    };
  }
  return { ok: true, extraCredit: true };
}
