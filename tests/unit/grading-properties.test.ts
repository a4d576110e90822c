import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  compileScheme,
  finalGrade,
  letterFor,
  whatIfNeeded,
  type GradeScheme,
  type SchemeItem,
  type StudentScores,
} from "@/lib/domain/grading";

const RUNS = { numRuns: 300 };
const TOL = 1e-9;
const cutoffs = [
  { letter: "A", minPercent: 90 },
  { letter: "B", minPercent: 80 },
  { letter: "C", minPercent: 70 },
  { letter: "D", minPercent: 60 },
  { letter: "F", minPercent: 0 },
];

type Course = { scheme: GradeScheme; items: SchemeItem[] };

const categoryArb = fc.record({
  weight: fc.integer({ min: 1, max: 50 }),
  dropLowest: fc.integer({ min: 0, max: 3 }),
  items: fc.array(
    fc.record({
      points: fc.constantFrom(1, 7.5, 10, 20, 100),
      weight: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

/** 1–3 mandatory categories, and with tracks: 2 tracks of 1–2 categories each. */
const courseArb = (withTracks: boolean): fc.Arbitrary<Course> =>
  fc
    .record({
      mandatory: fc.array(categoryArb, { minLength: 1, maxLength: 3 }),
      trackCats: withTracks
        ? fc.tuple(
            fc.array(categoryArb, { minLength: 1, maxLength: 2 }),
            fc.array(categoryArb, { minLength: 1, maxLength: 2 }),
          )
        : fc.constant(null),
      trackRule: fc.constantFrom("chosen" as const, "best" as const),
    })
    .map(({ mandatory, trackCats, trackRule }) => {
      const groups = [
        ...mandatory.map((c) => ({ ...c, trackId: null as string | null })),
        ...(trackCats ?? []).flatMap((cats, t) => cats.map((c) => ({ ...c, trackId: `T${t}` }))),
      ];
      const scheme: GradeScheme = {
        categories: groups.map((g, i) => ({
          id: `C${i}`,
          name: `C${i}`,
          weight: g.weight,
          dropLowest: g.dropLowest,
          trackId: g.trackId,
        })),
        tracks: trackCats
          ? [
              { id: "T0", name: "T0" },
              { id: "T1", name: "T1" },
            ]
          : [],
        trackRule,
        cutoffs,
      };
      const items = groups.flatMap((g, i) =>
        g.items.map((it, j) => ({
          id: `C${i}I${j}`,
          code: `C${i}I${j}`,
          categoryId: `C${i}`,
          points: it.points,
          weight: it.weight,
        })),
      );
      return { scheme, items };
    });

/** Scores on a 1/100 grid of each item's points; null = missing. */
const studentArb = (items: SchemeItem[], { allGraded = false } = {}): fc.Arbitrary<StudentScores> =>
  fc
    .record({
      fractions: fc.array(
        allGraded ? fc.integer({ min: 0, max: 100 }) : fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        {
          minLength: items.length,
          maxLength: items.length,
        },
      ),
      chosenTrackId: fc.constantFrom(null, "T0", "T1"),
    })
    .map(({ fractions, chosenTrackId }) => ({
      scores: Object.fromEntries(
        items.map((it, i) => [it.id, fractions[i] === null ? null : (it.points * fractions[i]!) / 100]),
      ),
      chosenTrackId,
    }));

const caseArb = (opts: { withTracks?: boolean; allGraded?: boolean } = {}) =>
  fc
    .boolean()
    .chain((tracks) =>
      courseArb(opts.withTracks ?? tracks).chain((course) =>
        studentArb(course.items, opts).map((student) => ({ ...course, student })),
      ),
    );

const percentOf = (c: Course, student: StudentScores, mode: "final" | "current" = "final") =>
  finalGrade({ ...c, student, mode }).percent;

describe("grading properties", () => {
  it("keeps every percent within [0, 100]", () => {
    fc.assert(
      fc.property(caseArb(), fc.constantFrom("final" as const, "current" as const), (c, mode) => {
        const g = finalGrade({ ...c, mode });
        for (const p of [g.percent, ...g.categories.map((x) => x.percent)]) {
          if (p !== null) expect(p >= -TOL && p <= 100 + TOL).toBe(true);
        }
        if (mode === "final") expect(g.percent).not.toBeNull();
      }),
      RUNS,
    );
  });

  it("never lowers the final percent when a score rises (or a missing one is filled in)", () => {
    fc.assert(
      fc.property(caseArb(), fc.nat(), fc.integer({ min: 1, max: 100 }), (c, pick, raise) => {
        const target = c.items[pick % c.items.length]!;
        const before = c.student.scores[target.id] ?? 0;
        const raised = Math.min(target.points, before + (target.points * raise) / 100);
        const better = { ...c.student, scores: { ...c.student.scores, [target.id]: raised } };
        expect(percentOf(c, better)!).toBeGreaterThanOrEqual(percentOf(c, c.student)! - TOL);
      }),
      RUNS,
    );
  });

  it("never lowers the current standing when a graded score rises", () => {
    fc.assert(
      fc.property(caseArb(), fc.nat(), fc.integer({ min: 1, max: 100 }), (c, pick, raise) => {
        const graded = c.items.filter((i) => c.student.scores[i.id] !== null);
        fc.pre(graded.length > 0);
        const target = graded[pick % graded.length]!;
        const raised = Math.min(target.points, c.student.scores[target.id]! + (target.points * raise) / 100);
        const better = { ...c.student, scores: { ...c.student.scores, [target.id]: raised } };
        expect(percentOf(c, better, "current")!).toBeGreaterThanOrEqual(percentOf(c, c.student, "current")! - TOL);
      }),
      RUNS,
    );
  });

  it("never lowers a category or the final by dropping", () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const noDrops = { ...c.scheme, categories: c.scheme.categories.map((x) => ({ ...x, dropLowest: 0 })) };
        const withDrops = finalGrade({ ...c, mode: "final" });
        // Same track for both, so the comparison is like for like.
        const fixedTrack = { ...c.student, chosenTrackId: withDrops.trackId };
        const without = finalGrade({
          scheme: { ...noDrops, trackRule: "chosen" },
          items: c.items,
          student: fixedTrack,
          mode: "final",
        });
        expect(withDrops.percent!).toBeGreaterThanOrEqual(without.percent! - TOL);
        withDrops.categories.forEach((cat, i) =>
          expect(cat.percent!).toBeGreaterThanOrEqual(without.categories[i]!.percent! - TOL),
        );
      }),
      RUNS,
    );
  });

  it("gives 'best' at least what each single track gives", () => {
    fc.assert(
      fc.property(caseArb({ withTracks: true }), fc.constantFrom("final" as const, "current" as const), (c, mode) => {
        const best = finalGrade({ ...c, scheme: { ...c.scheme, trackRule: "best" }, mode });
        for (const t of ["T0", "T1"]) {
          const single = finalGrade({
            ...c,
            scheme: { ...c.scheme, trackRule: "chosen" },
            student: { ...c.student, chosenTrackId: t },
            mode,
          });
          if (single.percent !== null) expect(best.percent!).toBeGreaterThanOrEqual(single.percent - TOL);
        }
      }),
      RUNS,
    );
  });

  it("makes the current standing equal the final once everything is graded", () => {
    fc.assert(
      fc.property(caseArb({ allGraded: true }), (c) => {
        const current = finalGrade({ ...c, mode: "current" });
        const final = finalGrade({ ...c, mode: "final" });
        expect(current.percent).toBeCloseTo(final.percent!, 9);
        expect(current.letter).toBe(final.letter);
        expect(current.trackId).toBe(final.trackId);
      }),
      RUNS,
    );
  });

  it("drops the subset with the best weighted average (brute force on one category)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
            score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 7 },
        ),
        fc.integer({ min: 0, max: 7 }),
        (rows, dropLowest) => {
          const items = rows.map((r, i) => ({
            id: `I${i}`,
            code: `I${i}`,
            categoryId: "C",
            points: 100,
            weight: r.weight,
          }));
          const scheme: GradeScheme = {
            categories: [{ id: "C", name: "C", weight: 100, dropLowest, trackId: null }],
            tracks: [],
            trackRule: "chosen",
            cutoffs,
          };
          const student = { scores: Object.fromEntries(rows.map((r, i) => [`I${i}`, r.score])), chosenTrackId: null };
          const explicit = rows.filter((r) => r.weight !== null).map((r) => r.weight!);
          const fallback = explicit.length ? explicit.reduce((a, b) => a + b, 0) / explicit.length : 1;
          const w = rows.map((r) => r.weight ?? fallback);
          const p = rows.map((r) => r.score ?? 0);
          const keep = rows.length - Math.min(dropLowest, rows.length - 1);
          let best = -Infinity;
          for (let mask = 0; mask < 1 << rows.length; mask++) {
            const kept = rows.map((_, i) => i).filter((i) => mask & (1 << i));
            if (kept.length !== keep) continue;
            const avg = kept.reduce((s, i) => s + w[i]! * p[i]!, 0) / kept.reduce((s, i) => s + w[i]!, 0);
            best = Math.max(best, avg);
          }
          const g = finalGrade({ scheme, items, student, mode: "final" });
          expect(g.percent).toBeCloseTo(best, 9);
          expect(g.categories[0]!.droppedItemIds).toHaveLength(rows.length - keep);
        },
      ),
      RUNS,
    );
  });

  it("grades the same student the same way however a compiled scheme was used before", () => {
    fc.assert(
      fc.property(
        courseArb(true).chain((c) => fc.tuple(fc.constant(c), studentArb(c.items), studentArb(c.items))),
        fc.constantFrom("final" as const, "current" as const),
        ([c, a, b], mode) => {
          const { grade } = compileScheme(c);
          const first = grade({ student: a, mode });
          grade({
            student: b,
            mode,
            consequences: c.items.slice(0, 2).map((i) => ({ itemId: i.id, kind: "zero" as const })),
          });
          expect(grade({ student: a, mode })).toEqual(first);
          expect(finalGrade({ ...c, student: a, mode })).toEqual(first);
        },
      ),
      RUNS,
    );
  });

  it("answers what-if with a score that reaches the target where 0.01 less does not", () => {
    fc.assert(
      fc.property(caseArb(), fc.nat(), fc.constantFrom("A", "B", "C", "D"), (c, pick, targetLetter) => {
        const target = c.items[pick % c.items.length]!;
        const r = whatIfNeeded({ ...c, itemId: target.id, targetLetter });
        const rank = (l: string | null) => (l === null ? 99 : cutoffs.findIndex((x) => x.letter === l));
        const letterWith = (score: number) =>
          letterFor({
            percent: percentOf(c, { ...c.student, scores: { ...c.student.scores, [target.id]: score } }),
            cutoffs,
          });
        const reaches = (score: number) => rank(letterWith(score)) <= rank(targetLetter);
        if (!r.reachable) expect(reaches(target.points)).toBe(false);
        else if (r.alreadyReached) expect(reaches(0)).toBe(true);
        else {
          expect(reaches(r.score)).toBe(true);
          expect(reaches(Math.max(0, Math.round(r.score * 100 - 1) / 100))).toBe(false);
          expect(Math.round(r.score * 100)).toBeCloseTo(r.score * 100, 9); // on the 0.01 grid
        }
      }),
      { numRuns: 200 },
    );
  });
});
