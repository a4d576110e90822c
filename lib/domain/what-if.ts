import {
  compileScheme,
  type GradeScheme,
  type GradeMode,
  type LateConsequence,
  type SchemeItem,
  type StudentScores,
} from "@/lib/domain/grading-scheme";
import { letterRank } from "@/lib/domain/letters";

export type WhatIfResult =
  | { reachable: true; alreadyReached: boolean; score: number; percent: number; letter: string }
  | { reachable: false; alreadyReached: false; bestPercent: number | null; bestLetter: string | null };

/**
 * Minimum score (points, 0.01 steps) on one item that earns targetLetter or better in "final"
 * mode, every other missing item counting 0. The final percent never falls as one score rises
 * (optimal drops, best track = max of monotone functions), so bisection over the hundredths
 * grid is exact: the answer reaches the target and 0.01 less does not.
 */
export function whatIfNeeded({
  scheme,
  items,
  student,
  itemId,
  targetLetter,
  consequences,
  mode = "final",
}: {
  scheme: GradeScheme;
  items: readonly SchemeItem[];
  student: StudentScores;
  itemId: string;
  targetLetter: string;
  consequences?: readonly LateConsequence[];
  /** "final": other work without a score counts 0; "current": it is left out (the student's standing so far). */
  mode?: GradeMode;
}): WhatIfResult {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new RangeError(`unknown item ${itemId}`);
  const { grade, sortedCutoffs } = compileScheme({ scheme, items });
  const target = letterRank({ letter: targetLetter, sortedCutoffs });
  const scores = { ...student.scores };
  const hypothetical = { ...student, scores };

  const steps = Math.ceil(item.points * 100 - 1e-9);
  const scoreAt = (k: number) => Math.min(k / 100, item.points);
  const at = (k: number) => {
    scores[itemId] = scoreAt(k);
    const g = grade({ student: hypothetical, mode, consequences });
    const reaches = g.letter !== null && letterRank({ letter: g.letter, sortedCutoffs }) <= target;
    return { reaches, percent: g.percent, letter: g.letter };
  };

  const full = at(steps);
  if (!full.reaches)
    return { reachable: false, alreadyReached: false, bestPercent: full.percent, bestLetter: full.letter };
  const zero = at(0);
  if (zero.reaches)
    return { reachable: true, alreadyReached: true, score: 0, percent: zero.percent!, letter: zero.letter! };

  let lo = 0; // fails
  let hi = steps; // reaches
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (at(mid).reaches) hi = mid;
    else lo = mid;
  }
  const answer = at(hi);
  return {
    reachable: true,
    alreadyReached: false,
    score: scoreAt(hi),
    percent: answer.percent!,
    letter: answer.letter!,
  };
}
