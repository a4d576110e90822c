import { describe, expect, it } from "vitest";
import { gradeDistribution, letterFor, scoreStats } from "@/lib/domain/grading";

const cutoffs = [
  { letter: "C", minPercent: 70 },
  { letter: "A", minPercent: 90 },
  { letter: "F", minPercent: 0 },
  { letter: "B", minPercent: 80 },
  { letter: "D", minPercent: 60 },
];

describe("letterFor", () => {
  it("takes the highest letter whose minPercent ≤ percent, in any given order", () => {
    expect(letterFor({ percent: 90, cutoffs })).toBe("A");
    expect(letterFor({ percent: 89.99, cutoffs })).toBe("B");
    expect(letterFor({ percent: 0, cutoffs })).toBe("F");
    expect(letterFor({ percent: null, cutoffs })).toBeNull();
  });

  it("forgives float drift: 8.7 of 10 points is 8.7/10·100 = 86.99999999999999 in floating point", () => {
    const percent = (8.7 / 10) * 100;
    expect(percent).toBeLessThan(87);
    expect(letterFor({ percent, cutoffs: [...cutoffs, { letter: "B+", minPercent: 87 }] })).toBe("B+");
  });

  it("gives no letter below the lowest band", () => {
    expect(letterFor({ percent: 50, cutoffs: cutoffs.filter((c) => c.letter !== "F") })).toBeNull();
  });
});

describe("gradeDistribution", () => {
  it("counts per letter, best first, with ungraded and unknown apart", () => {
    const d = gradeDistribution({ letters: ["B", "A", null, "B", "F", "E", "B"], cutoffs });
    expect(d.counts).toEqual([
      { letter: "A", count: 1 },
      { letter: "B", count: 3 },
      { letter: "C", count: 0 },
      { letter: "D", count: 0 },
      { letter: "F", count: 1 },
    ]);
    expect(d).toMatchObject({ ungraded: 1, unknown: 1 });
  });
});

describe("scoreStats", () => {
  it("summarises one item's scores", () => {
    const s = scoreStats({ scores: [40, 10, null, 30, 20, 100, null], points: 100 });
    // graded 10, 20, 30, 40, 100 → mean 200/5 = 40, median 30
    expect(s).toMatchObject({ count: 5, missing: 2, mean: 40, median: 30, min: 10, max: 100 });
    expect(s.histogram).toHaveLength(10);
    expect(s.histogram.map((b) => b.count)).toEqual([0, 1, 1, 1, 1, 0, 0, 0, 0, 1]); // full marks in the top bin
    expect(s.histogram[9]).toMatchObject({ from: 90, to: 100 });
  });

  it("averages the two middle values for an even count and bins out-of-range scores at the edges", () => {
    const s = scoreStats({ scores: [12, 2, 8, -1], points: 10, bins: 2 });
    // sorted −1, 2, 8, 12 → median (2+8)/2 = 5; bins [0,5): −1, 2; [5,10]: 8, 12
    expect(s.median).toBe(5);
    expect(s.histogram).toEqual([
      { from: 0, to: 5, count: 2 },
      { from: 5, to: 10, count: 2 },
    ]);
  });

  it("is empty but well-formed with nothing graded", () => {
    expect(scoreStats({ scores: [null, null], points: 10, bins: 4 })).toMatchObject({
      count: 0,
      missing: 2,
      mean: null,
      median: null,
      min: null,
      max: null,
    });
  });
});
