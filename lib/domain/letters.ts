export type LetterCutoff = { letter: string; minPercent: number };

// Weighted sums of decimals drift (89.99999999999999 for a hand-computed 90);
// without slack such a student would miss the letter the syllabus promises.
export const LETTER_EPSILON = 1e-9;

/** Cutoffs best-first; throws on duplicates so a letter always means one band. */
export function sortCutoffs({ cutoffs }: { cutoffs: readonly LetterCutoff[] }): LetterCutoff[] {
  const letters = new Set<string>();
  const mins = new Set<number>();
  for (const c of cutoffs) {
    if (!Number.isFinite(c.minPercent)) throw new RangeError(`cutoff ${c.letter}: minPercent must be finite`);
    if (letters.has(c.letter)) throw new RangeError(`duplicate cutoff letter ${c.letter}`);
    if (mins.has(c.minPercent)) throw new RangeError(`two letters share minPercent ${c.minPercent}`);
    letters.add(c.letter);
    mins.add(c.minPercent);
  }
  return [...cutoffs].sort((a, b) => b.minPercent - a.minPercent);
}

/** Highest letter whose minPercent <= percent; null when no band applies. */
export function letterFor({
  percent,
  cutoffs,
}: {
  percent: number | null;
  cutoffs: readonly LetterCutoff[];
}): string | null {
  if (percent === null || Number.isNaN(percent)) return null;
  let best: LetterCutoff | null = null;
  // A linear scan instead of a sort keeps this allocation-free for batch use.
  for (const c of cutoffs) {
    if (c.minPercent <= percent + LETTER_EPSILON && (best === null || c.minPercent > best.minPercent)) best = c;
  }
  return best === null ? null : best.letter;
}

/** Position of a letter, 0 = best. Throws for a letter the course does not use. */
export function letterRank({
  letter,
  sortedCutoffs,
}: {
  letter: string;
  sortedCutoffs: readonly LetterCutoff[];
}): number {
  const rank = sortedCutoffs.findIndex((c) => c.letter === letter);
  if (rank < 0) throw new RangeError(`unknown letter ${letter}`);
  return rank;
}

export type GradeDistribution = {
  counts: { letter: string; count: number }[]; // best letter first
  ungraded: number; // null letters: no grade yet
  unknown: number; // letters outside the cutoffs, surfaced instead of silently lost
};

export function gradeDistribution({
  letters,
  cutoffs,
}: {
  letters: readonly (string | null)[];
  cutoffs: readonly LetterCutoff[];
}): GradeDistribution {
  const counts = sortCutoffs({ cutoffs }).map((c) => ({ letter: c.letter, count: 0 }));
  const byLetter = new Map(counts.map((c) => [c.letter, c]));
  let ungraded = 0;
  let unknown = 0;
  for (const letter of letters) {
    if (letter === null) ungraded++;
    else {
      const bucket = byLetter.get(letter);
      if (bucket) bucket.count++;
      else unknown++;
    }
  }
  return { counts, ungraded, unknown };
}
