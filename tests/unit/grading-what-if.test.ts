import { describe, expect, it } from "vitest";
import { whatIfNeeded, type GradeScheme, type SchemeItem } from "@/lib/domain/grading";

// Brown-style plus/minus bands.
const cutoffs = [
  ["A", 93],
  ["A-", 90],
  ["B+", 87],
  ["B", 83],
  ["B-", 80],
  ["C+", 77],
  ["C", 73],
  ["C-", 70],
  ["D", 60],
  ["F", 0],
].map(([letter, minPercent]) => ({ letter: letter as string, minPercent: minPercent as number }));
const cat = (id: string, weight: number, dropLowest = 0, trackId: string | null = null) => ({
  id,
  name: id,
  weight,
  dropLowest,
  trackId,
});
const item = (id: string, categoryId: string, points = 100, weight: number | null = null): SchemeItem => ({
  id,
  code: id,
  categoryId,
  points,
  weight,
});

const brown: GradeScheme = {
  categories: [cat("projects", 65), cat("hw", 20), cat("plq", 10, 5), cat("participation", 5)],
  tracks: [],
  trackRule: "chosen",
  cutoffs,
};
const items = [
  item("P1", "projects", 100, 18),
  item("P2", "projects", 100, 18),
  item("P3", "projects", 100, 18),
  item("P4", "projects", 100, 11),
  item("HW1", "hw"),
  item("HW2", "hw"),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => item(`PLQ${n}`, "plq", 10)),
  item("PART", "participation"),
];
// PLQs: kept 10, 10, 9 of 10 → 96.667 → contributes 10·96.667 = 966.667
const plqs = { PLQ1: 10, PLQ2: 8, PLQ3: null, PLQ4: 6, PLQ5: 10, PLQ6: null, PLQ7: 9, PLQ8: null };
// Without P4: 18·(95+95+90) + 20·95 + 966.667 + 5·100 = 5040 + 1900 + 966.667 + 500 = 8406.667
const strong = {
  scores: { P1: 95, P2: 95, P3: 90, P4: null, HW1: 95, HW2: 95, ...plqs, PART: 100 },
  chosenTrackId: null,
};
// Without P4: 18·(90+80+70) + 20·90 + 966.667 + 500 = 4320 + 1800 + 966.667 + 500 = 7586.667
const middling = {
  scores: { P1: 90, P2: 80, P3: 70, P4: null, HW1: 85, HW2: 95, ...plqs, PART: 100 },
  chosenTrackId: null,
};

describe("whatIfNeeded: what do I need on P4?", () => {
  it("for an A-: 11·x ≥ 9000 − 8406.667 = 593.333 → x ≥ 53.9394 → 53.94", () => {
    const r = whatIfNeeded({ scheme: brown, items, student: strong, itemId: "P4", targetLetter: "A-" });
    expect(r).toMatchObject({ reachable: true, alreadyReached: false, score: 53.94, letter: "A-" });
    // 53.93 gives 11·53.93 = 593.23 < 593.333: not enough, so 53.94 is the minimum.
  });

  it("for an A: 11·x ≥ 893.333 → x ≥ 81.2121 → 81.22", () => {
    const r = whatIfNeeded({ scheme: brown, items, student: strong, itemId: "P4", targetLetter: "A" });
    expect(r).toMatchObject({ reachable: true, score: 81.22, letter: "A" });
  });

  it("for a B (83) from a middling start: 11·x ≥ 8300 − 7586.667 = 713.333 → 64.85", () => {
    const r = whatIfNeeded({ scheme: brown, items, student: middling, itemId: "P4", targetLetter: "B" });
    expect(r).toMatchObject({ reachable: true, score: 64.85, letter: "B" });
  });

  it("says unreachable when full points fall short: (7586.667 + 1100)/100 = 86.87 < 90", () => {
    const r = whatIfNeeded({ scheme: brown, items, student: middling, itemId: "P4", targetLetter: "A-" });
    expect(r.reachable).toBe(false);
    if (!r.reachable) {
      expect(r.bestPercent).toBeCloseTo(86.866667, 5);
      expect(r.bestLetter).toBe("B");
    }
  });

  it("says already reached when 0 suffices: 84.07 ≥ 70", () => {
    const r = whatIfNeeded({ scheme: brown, items, student: strong, itemId: "P4", targetLetter: "C-" });
    expect(r).toMatchObject({ reachable: true, alreadyReached: true, score: 0 });
  });

  it("from the current standing, work not graded yet is left out instead of counting zero", () => {
    const noHw2 = { ...middling, scores: { ...middling.scores, HW2: null } };
    // current (B = 83): hw = 85 (HW1 only); PLQs graded 10, 8, 6, 10, 9 drop 4 (never all) → 100;
    // (4320 + 11x + 20·85 + 10·100 + 500)/100 >= 83 → 11x >= 780 → x >= 70.909 → 70.91
    expect(
      whatIfNeeded({ scheme: brown, items, student: noHw2, itemId: "P4", targetLetter: "B", mode: "current" }),
    ).toMatchObject({ reachable: true, score: 70.91 });
    // final (HW2 counts 0, hw = 42.5): (6636.667 + 11x)/100 >= 83 needs x >= 151.2 > 100
    expect(whatIfNeeded({ scheme: brown, items, student: noHw2, itemId: "P4", targetLetter: "B" }).reachable).toBe(
      false,
    );
  });

  it("respects a late zero on the item itself", () => {
    const zeroed = whatIfNeeded({
      scheme: brown,
      items,
      student: strong,
      itemId: "P4",
      targetLetter: "A-",
      consequences: [{ itemId: "P4", kind: "zero" }],
    });
    expect(zeroed.reachable).toBe(false);
  });

  it("rejects unknown items and letters", () => {
    expect(() => whatIfNeeded({ scheme: brown, items, student: strong, itemId: "P9", targetLetter: "A" })).toThrow(
      /unknown item/,
    );
    expect(() => whatIfNeeded({ scheme: brown, items, student: strong, itemId: "P4", targetLetter: "A+" })).toThrow(
      /unknown letter/,
    );
  });
});

describe("whatIfNeeded with NUS tracks (rule best)", () => {
  const nus: GradeScheme = {
    categories: [
      cat("reading", 20),
      cat("hw1", 20),
      cat("hw234", 60, 0, "hw"),
      cat("proposal", 10, 0, "project"),
      cat("midterm", 20, 0, "project"),
      cat("final", 30, 0, "project"),
    ],
    tracks: [
      { id: "hw", name: "Homework" },
      { id: "project", name: "Project" },
    ],
    trackRule: "best",
    cutoffs,
  };
  const nusItems = [
    item("READ", "reading"),
    item("HW1", "hw1"),
    item("HW2", "hw234"),
    item("HW3", "hw234"),
    item("HW4", "hw234"),
    item("PROP", "proposal"),
    item("MID", "midterm"),
    item("FIN", "final"),
  ];
  const student = { scores: { READ: 90, HW1: 80, HW2: 70, HW3: 80, HW4: 90, PROP: 100, MID: 90 }, chosenTrackId: null };

  it("finds the final-report score that makes the project track an A-", () => {
    // homework track: (1800 + 1600 + 60·80)/100 = 82
    // project track: (1800 + 1600 + 1000 + 1800 + 30·x)/100 ≥ 90 → 30·x ≥ 2800 → x ≥ 93.333 → 93.34
    const r = whatIfNeeded({ scheme: nus, items: nusItems, student, itemId: "FIN", targetLetter: "A-" });
    expect(r).toMatchObject({ reachable: true, score: 93.34, letter: "A-" });
    // a B- (80) is already reached through the homework track
    expect(whatIfNeeded({ scheme: nus, items: nusItems, student, itemId: "FIN", targetLetter: "B-" })).toMatchObject({
      alreadyReached: true,
    });
  });
});
