import { letterFor, sortCutoffs, type LetterCutoff } from "@/lib/domain/letters";

export type GradeScheme = {
  categories: {
    id: string;
    name: string;
    weight: number;
    dropLowest: number;
    /** Items of this category a student may miss (not hand in) without it counting ("miss up to 5 PLQs"). */
    allowedMisses?: number;
    trackId: string | null;
  }[];
  tracks: { id: string; name: string }[];
  trackRule: "chosen" | "best";
  cutoffs: LetterCutoff[];
};
export type SchemeItem = { id: string; code: string; categoryId: string | null; points: number; weight: number | null };
export type StudentScores = {
  scores: Record<string, number | null>;
  chosenTrackId: string | null;
  excused?: string[];
  /** Items the student missed: not handed in, and no longer accepted. They count 0 beyond the category's allowed misses. */
  missed?: string[];
};
export type GradeMode = "final" | "current";
/**
 * What the late policy did to an item: zero; capped at a percent of its points (a score above
 * the cap counts as the cap, no score yet counts as the cap); or pending, a capped item whose
 * letter the grader has not chosen, left out like an ungraded one.
 */
export type LateConsequence =
  | { itemId: string; kind: "zero" }
  | { itemId: string; kind: "cap"; percent: number; letter?: "D" | "F" }
  | { itemId: string; kind: "pending" };

export type CategoryGrade = {
  id: string;
  name: string;
  weight: number; // as configured
  effectiveWeight: number; // share of this student's final after renormalising, 0 when not counted
  percent: number | null;
  counted: boolean;
  droppedItemIds: string[];
  allowedMisses: number;
  /** Missed items forgiven by allowedMisses (at most allowedMisses). */
  missesUsed: number;
  /** Missed items beyond the allowance: they count 0. */
  missesOverAllowance: number;
};
export type FinalGrade = {
  percent: number | null;
  letter: string | null;
  trackId: string | null;
  categories: CategoryGrade[];
  /** With `withItems`: each item's percent as counted, null when it does not count (ungraded, dropped, forgiven). */
  items?: Record<string, number | null>;
};
export type GradeParams = {
  student: StudentScores;
  mode: GradeMode;
  consequences?: readonly LateConsequence[];
  withItems?: boolean;
};
export type CompiledScheme = { sortedCutoffs: readonly LetterCutoff[]; grade: (params: GradeParams) => FinalGrade };

type CompiledCategory = {
  id: string;
  name: string;
  weight: number;
  dropLowest: number;
  allowedMisses: number;
  track: number; // index into scheme.tracks, -1 = mandatory
  items: Int32Array;
  equalWeights: boolean;
};

// Per-item status while grading one student.
const COUNTS = 0;
const MISSING = 1; // counts as 0 and is dropped before a real 0
const EXCLUDED = 2; // excused, or not graded yet in "current" mode

/**
 * Validates once and precomputes index arrays so grading a whole class allocates
 * only the small result objects. The returned grader reuses scratch buffers:
 * it is synchronous, so sharing them between calls is safe.
 */
export function compileScheme({
  scheme,
  items,
}: {
  scheme: GradeScheme;
  items: readonly SchemeItem[];
}): CompiledScheme {
  const sortedCutoffs = sortCutoffs({ cutoffs: scheme.cutoffs });
  const trackIndex = new Map(scheme.tracks.map((t, i) => [t.id, i]));
  if (trackIndex.size !== scheme.tracks.length) throw new RangeError("duplicate track id");
  const categoryIndex = new Map(scheme.categories.map((c, i) => [c.id, i]));
  if (categoryIndex.size !== scheme.categories.length) throw new RangeError("duplicate category id");
  for (const c of scheme.categories) {
    if (!(c.weight >= 0 && Number.isFinite(c.weight))) throw new RangeError(`category ${c.id}: weight must be >= 0`);
    if (!(Number.isInteger(c.dropLowest) && c.dropLowest >= 0))
      throw new RangeError(`category ${c.id}: dropLowest must be a whole number >= 0`);
    const misses = c.allowedMisses ?? 0;
    if (!(Number.isInteger(misses) && misses >= 0))
      throw new RangeError(`category ${c.id}: allowedMisses must be a whole number >= 0`);
    if (c.trackId !== null && !trackIndex.has(c.trackId))
      throw new RangeError(`category ${c.id}: unknown track ${c.trackId}`);
  }

  const members: SchemeItem[][] = scheme.categories.map(() => []);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new RangeError(`duplicate item id ${item.id}`);
    seen.add(item.id);
    if (item.categoryId === null) continue; // ungraded work (surveys, sign-ups) never affects the grade
    const ci = categoryIndex.get(item.categoryId);
    if (ci === undefined) throw new RangeError(`item ${item.code}: unknown category ${item.categoryId}`);
    if (!(item.points > 0 && Number.isFinite(item.points)))
      throw new RangeError(`item ${item.code}: points must be > 0`);
    if (item.weight !== null && !(item.weight >= 0 && Number.isFinite(item.weight)))
      throw new RangeError(`item ${item.code}: weight must be >= 0`);
    members[ci]!.push(item);
  }

  const ids: string[] = [];
  const points: number[] = [];
  const weights: number[] = [];
  const index = new Map<string, number>();
  const categories: CompiledCategory[] = scheme.categories.map((c, ci) => {
    const own = members[ci]!;
    const explicit = own.filter((i) => i.weight !== null).map((i) => i.weight!);
    // A null weight means "an ordinary item here": the mean of the stated weights, or 1 when none are stated.
    const fallback = explicit.length ? explicit.reduce((a, b) => a + b, 0) / explicit.length : 1;
    const idx: number[] = [];
    for (const item of own) {
      const w = item.weight ?? fallback;
      if (w === 0) continue; // a zero-weight item can never move the percent, so it must not use up a drop either
      index.set(item.id, ids.length);
      idx.push(ids.length);
      ids.push(item.id);
      points.push(item.points);
      weights.push(w);
    }
    const first = idx.length ? weights[idx[0]!]! : 0;
    return {
      id: c.id,
      name: c.name,
      weight: c.weight,
      dropLowest: c.dropLowest,
      allowedMisses: c.allowedMisses ?? 0,
      track: c.trackId === null ? -1 : trackIndex.get(c.trackId)!,
      items: Int32Array.from(idx),
      equalWeights: idx.every((i) => weights[i] === first),
    };
  });

  const n = ids.length;
  const maxSize = categories.reduce((m, c) => Math.max(m, c.items.length), 0);
  const pct = new Float64Array(n);
  const weight = Float64Array.from(weights);
  const status = new Uint8Array(n);
  const zeroed = new Uint8Array(n);
  const pending = new Uint8Array(n);
  const capPct = new Float64Array(n);
  const missed = new Uint8Array(n);
  const missesUsed = new Int32Array(categories.length);
  const missesOver = new Int32Array(categories.length);
  const dropped = new Uint8Array(n);
  const catPct = new Float64Array(categories.length);
  const order = new Int32Array(maxSize);
  const key = new Float64Array(n);

  // Lowest key first; equal keys put missing items first (the syllabus drops those before a real 0).
  const sortByKey = (m: number) => {
    for (let a = 1; a < m; a++) {
      const x = order[a]!;
      let b = a - 1;
      while (b >= 0) {
        const y = order[b]!;
        if (key[y]! < key[x]! || (key[y] === key[x] && status[y]! >= status[x]!)) break;
        order[b + 1] = y;
        b--;
      }
      order[b + 1] = x;
    }
  };
  const keptRatio = (from: number, to: number) => {
    let num = 0;
    let den = 0;
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      num += weight[i]! * pct[i]!;
      den += weight[i]!;
    }
    return num / den;
  };

  const categoryPercent = (c: CompiledCategory): number => {
    let m = 0;
    for (const i of c.items) if (status[i] !== EXCLUDED) order[m++] = i;
    if (m === 0) return NaN;
    const k = Math.min(c.dropLowest, m - 1); // never drop everything
    for (let j = 0; j < m; j++) key[order[j]!] = pct[order[j]!]!;
    sortByKey(m);
    for (let j = 0; j < k; j++) dropped[order[j]!] = 1;
    if (k > 0 && !c.equalWeights) improveDrops(m, k);
    let num = 0;
    let den = 0;
    for (let j = 0; j < m; j++) {
      const i = order[j]!;
      if (dropped[i]) continue;
      num += weight[i]! * pct[i]!;
      den += weight[i]!;
    }
    return num / den;
  };

  // With unequal weights, dropping the lowest percents can punish improvement (a heavy item rising
  // just above a light one swaps which is dropped). As Canvas does ("Dropping Lowest Grades",
  // Kane & Kane) we keep the subset with the highest weighted average (Dinkelbach iteration, exact),
  // which keeps the grade monotone. With equal weights that subset is exactly "the N lowest", so
  // this only runs for weighted categories.
  const improveDrops = (m: number, k: number) => {
    let q = keptRatio(k, m); // order still holds the plain lowest-first ranking here
    for (let round = 0; round < 64; round++) {
      for (let j = 0; j < m; j++) key[order[j]!] = weight[order[j]!]! * (pct[order[j]!]! - q);
      sortByKey(m);
      const next = keptRatio(k, m);
      if (!(next > q + 1e-12)) return;
      q = next;
      for (let j = 0; j < m; j++) dropped[order[j]!] = j < k ? 1 : 0;
    }
  };

  const trackPercent = (track: number): number => {
    let num = 0;
    let den = 0;
    for (let ci = 0; ci < categories.length; ci++) {
      const c = categories[ci]!;
      const p = catPct[ci]!;
      if ((c.track === -1 || c.track === track) && !Number.isNaN(p)) {
        num += c.weight * p;
        den += c.weight;
      }
    }
    return den > 0 ? num / den : NaN;
  };

  const grade = ({ student, mode, consequences = [], withItems = false }: GradeParams): FinalGrade => {
    zeroed.fill(0);
    pending.fill(0);
    capPct.fill(NaN);
    missed.fill(0);
    for (const c of consequences) {
      const i = index.get(c.itemId);
      if (i === undefined) continue;
      if (c.kind === "zero") zeroed[i] = 1;
      else if (c.kind === "pending") pending[i] = 1;
      else capPct[i] = Math.min(Math.max(c.percent, 0), 100);
    }
    for (const id of student.missed ?? []) {
      const i = index.get(id);
      if (i !== undefined) missed[i] = 1;
    }
    for (let i = 0; i < n; i++) {
      dropped[i] = 0;
      const s = student.scores[ids[i]!];
      const cap = capPct[i]!;
      if (zeroed[i]) {
        pct[i] = 0;
        status[i] = COUNTS;
      } else if (pending[i]) {
        pct[i] = 0;
        status[i] = EXCLUDED;
      } else if (typeof s === "number" && Number.isFinite(s)) {
        // Bonus above full points is capped: extra credit belongs in its own item.
        const raw = (Math.min(Math.max(s, 0), points[i]!) / points[i]!) * 100;
        pct[i] = Number.isNaN(cap) ? raw : Math.min(raw, cap);
        status[i] = COUNTS;
      } else if (!Number.isNaN(cap)) {
        // The policy graded it (Brown's D or F) before anyone typed a score.
        pct[i] = cap;
        status[i] = COUNTS;
      } else if (missed[i]) {
        // Missed and no longer accepted: a zero now, not "not graded yet" (the allowance may forgive it below).
        pct[i] = 0;
        status[i] = MISSING;
      } else {
        pct[i] = 0;
        status[i] = mode === "final" ? MISSING : EXCLUDED;
      }
    }
    // "miss up to 5 PLQs": the first missed items of a category, up to its allowance, are left out.
    for (let ci = 0; ci < categories.length; ci++) {
      const c = categories[ci]!;
      let used = 0;
      let over = 0;
      for (const i of c.items) {
        if (!missed[i] || zeroed[i]) continue;
        if (used < c.allowedMisses) {
          status[i] = EXCLUDED;
          used++;
        } else over++;
      }
      missesUsed[ci] = used;
      missesOver[ci] = over;
    }
    // An excuse is the instructor's explicit decision, so it overrides a late-policy zero.
    for (const id of student.excused ?? []) {
      const i = index.get(id);
      if (i !== undefined) status[i] = EXCLUDED;
    }
    for (let ci = 0; ci < categories.length; ci++) catPct[ci] = categoryPercent(categories[ci]!);

    let track = -1;
    let percent = NaN;
    const chosen = student.chosenTrackId === null ? undefined : trackIndex.get(student.chosenTrackId);
    if (scheme.tracks.length === 0) percent = trackPercent(-1);
    else if (scheme.trackRule === "chosen" && chosen !== undefined) {
      track = chosen;
      percent = trackPercent(chosen);
    } else {
      // "best", or "chosen" with no (valid) choice recorded: the student gets the better track.
      for (let t = 0; t < scheme.tracks.length; t++) {
        const p = trackPercent(t);
        if (!Number.isNaN(p) && (Number.isNaN(percent) || p > percent)) {
          percent = p;
          track = t;
        }
      }
    }

    let usedWeight = 0;
    for (let ci = 0; ci < categories.length; ci++) {
      const c = categories[ci]!;
      if ((c.track === -1 || c.track === track) && !Number.isNaN(catPct[ci]!)) usedWeight += c.weight;
    }
    const result = categories.map((c, ci): CategoryGrade => {
      const p = catPct[ci]!;
      const counted = (c.track === -1 || c.track === track) && !Number.isNaN(p);
      const droppedItemIds: string[] = [];
      if (c.dropLowest > 0) for (const i of c.items) if (dropped[i]) droppedItemIds.push(ids[i]!);
      return {
        id: c.id,
        name: c.name,
        weight: c.weight,
        effectiveWeight: counted && usedWeight > 0 ? (c.weight / usedWeight) * 100 : 0,
        percent: Number.isNaN(p) ? null : p,
        counted,
        droppedItemIds,
        allowedMisses: c.allowedMisses,
        missesUsed: missesUsed[ci]!,
        missesOverAllowance: missesOver[ci]!,
      };
    });

    const finalPercent = Number.isNaN(percent) ? null : percent;
    let counted: Record<string, number | null> | undefined;
    if (withItems) {
      counted = {};
      for (let i = 0; i < n; i++) counted[ids[i]!] = status[i] === EXCLUDED || dropped[i] ? null : pct[i]!;
    }
    // The course letter always follows the percent: late rules act on items, never on this letter.
    return {
      ...(counted ? { items: counted } : {}),
      percent: finalPercent,
      letter: letterFor({ percent: finalPercent, cutoffs: sortedCutoffs }),
      trackId: track === -1 ? null : scheme.tracks[track]!.id,
      categories: result,
    };
  };

  return { sortedCutoffs, grade };
}

/** One student's grade. For a whole class, call compileScheme once and reuse its grade(). */
export function finalGrade({
  scheme,
  items,
  ...params
}: { scheme: GradeScheme; items: readonly SchemeItem[] } & GradeParams): FinalGrade {
  return compileScheme({ scheme, items }).grade(params);
}
