// Entry point for grading: callers import from here; the logic lives in the focused files.
export {
  compileScheme,
  finalGrade,
  type CategoryGrade,
  type CompiledScheme,
  type FinalGrade,
  type GradeMode,
  type GradeParams,
  type GradeScheme,
  type LateConsequence,
  type SchemeItem,
  type StudentScores,
} from "@/lib/domain/grading-scheme";
export {
  gradeDistribution,
  letterFor,
  sortCutoffs,
  type GradeDistribution,
  type LetterCutoff,
} from "@/lib/domain/letters";
export { whatIfNeeded, type WhatIfResult } from "@/lib/domain/what-if";

/** What a grade cell holds: a score, blank, or excused (Canvas's "EX"). */
export type CellValue = number | "EX" | null;

/** A cell as graders read and type it, in the grid and in CSV files: two decimals at most, "EX", or "". */
export function formatScore(score: CellValue): string {
  if (score === null) return "";
  if (score === "EX") return "EX";
  return String(Math.round(score * 100) / 100);
}

export type ScoreStats = {
  count: number; // graded scores
  missing: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  histogram: { from: number; to: number; count: number }[]; // in points, covering [0, points]
};

/** Class statistics for one item, in points. */
export function scoreStats({
  scores,
  points,
  bins = 10,
}: {
  scores: readonly (number | null)[];
  points: number;
  bins?: number;
}): ScoreStats {
  if (!(points > 0 && Number.isFinite(points))) throw new RangeError("points must be > 0");
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError("bins must be a whole number >= 1");
  const values = new Float64Array(scores.length);
  let count = 0;
  for (const s of scores) if (typeof s === "number" && Number.isFinite(s)) values[count++] = s;
  const graded = values.subarray(0, count).sort();

  const width = points / bins;
  const histogram = Array.from({ length: bins }, (_, b) => ({
    from: b * width,
    to: b === bins - 1 ? points : (b + 1) * width,
    count: 0,
  }));
  let sum = 0;
  for (const v of graded) {
    sum += v;
    // Full marks belong in the top bin, and out-of-range scores (bonus, penalties) in the edge bins
    // rather than vanishing from the chart.
    const b = Math.min(bins - 1, Math.max(0, Math.floor(v / width)));
    histogram[b]!.count++;
  }
  const mid = count >> 1;
  return {
    count,
    missing: scores.length - count,
    mean: count ? sum / count : null,
    median: count ? (count % 2 ? graded[mid]! : (graded[mid - 1]! + graded[mid]!) / 2) : null,
    min: count ? graded[0]! : null,
    max: count ? graded[count - 1]! : null,
    histogram,
  };
}
