import { describe, expect, it } from "vitest";
import { compileScheme, finalGrade, type GradeScheme, type SchemeItem, type StudentScores } from "@/lib/domain/grading";

const ABCDF = [
  { letter: "F", minPercent: 0 },
  { letter: "A", minPercent: 90 },
  { letter: "C", minPercent: 70 },
  { letter: "B", minPercent: 80 },
  { letter: "D", minPercent: 60 },
];
const item = (id: string, categoryId: string, points = 100, weight: number | null = null): SchemeItem => ({
  id,
  code: id,
  categoryId,
  points,
  weight,
});
const cat = (id: string, weight: number, dropLowest = 0, trackId: string | null = null) => ({
  id,
  name: id,
  weight,
  dropLowest,
  trackId,
});
const student = (scores: Record<string, number | null>, chosenTrackId: string | null = null): StudentScores => ({
  scores,
  chosenTrackId,
});
const byId = (g: ReturnType<typeof finalGrade>, id: string) => g.categories.find((c) => c.id === id)!;

// Brown CSCI 1390.
const brown: GradeScheme = {
  categories: [cat("projects", 65), cat("hw", 20), cat("plq", 10, 5), cat("participation", 5)],
  tracks: [],
  trackRule: "chosen",
  cutoffs: ABCDF,
};
const brownItems: SchemeItem[] = [
  item("P1", "projects", 100, 18),
  item("P2", "projects", 100, 18),
  item("P3", "projects", 100, 18),
  item("P4", "projects", 100, 11),
  item("HW1", "hw"),
  item("HW2", "hw"),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => item(`PLQ${n}`, "plq", 10)),
  item("PART", "participation"),
  { id: "survey", code: "S", categoryId: null, points: 1, weight: null },
];
const brownStudent = student({
  P1: 90,
  P2: 80,
  P3: 70,
  P4: 100,
  HW1: 85,
  HW2: 95,
  PLQ1: 10,
  PLQ2: 8,
  PLQ3: null,
  PLQ4: 6,
  PLQ5: 10,
  PLQ6: null,
  PLQ7: 9,
  PLQ8: null,
  PART: 100,
});

describe("Brown CSCI 1390", () => {
  it("computes the final by hand", () => {
    const g = finalGrade({ scheme: brown, items: brownItems, student: brownStudent, mode: "final" });
    // projects: (18·90 + 18·80 + 18·70 + 11·100) / 65 = (1620+1440+1260+1100)/65 = 5420/65 = 83.3846
    expect(byId(g, "projects").percent).toBeCloseTo(5420 / 65, 9);
    // hw: (85 + 95)/2 = 90
    expect(byId(g, "hw").percent).toBe(90);
    // plq (out of 10): 100, 80, –, 60, 100, –, 90, –. Drop 5: the 3 missing first, then 60 and 80.
    // kept 100, 100, 90 → 96.667
    expect(byId(g, "plq").percent).toBeCloseTo(290 / 3, 9);
    expect(byId(g, "plq").droppedItemIds.sort()).toEqual(["PLQ2", "PLQ3", "PLQ4", "PLQ6", "PLQ8"]);
    // final: (65·83.3846 + 20·90 + 10·96.667 + 5·100)/100 = (5420 + 1800 + 966.667 + 500)/100 = 86.8667
    expect(g.percent).toBeCloseTo(86.866667, 5);
    expect(g.letter).toBe("B");
    expect(g.trackId).toBeNull();
    expect(g.categories.map((c) => c.effectiveWeight)).toEqual([65, 20, 10, 5]);
  });

  it("a D/F cap acts on the project, and the course letter follows the percent", () => {
    // "we'll give it a D or an F": P2 (80) graded D = 65 % of its points.
    const d = finalGrade({
      scheme: brown,
      items: brownItems,
      student: brownStudent,
      mode: "final",
      consequences: [{ itemId: "P2", kind: "cap", percent: 65, letter: "D" }],
    });
    // projects: (1620 + 18·65 + 1260 + 1100)/65 = 5150/65; final (5150 + 1800 + 966.667 + 500)/100 = 84.1667 → B
    expect(byId(d, "projects").percent).toBeCloseTo(5150 / 65, 9);
    expect(d.percent).toBeCloseTo(84.166667, 5);
    expect(d.letter).toBe("B");
    // A cap only lowers: P3 (70) capped at 65 counts 65, never raised.
    const low = finalGrade({
      scheme: brown,
      items: brownItems,
      student: student({ P1: 50 }),
      mode: "final",
      consequences: [{ itemId: "P1", kind: "cap", percent: 65 }],
    });
    // only P1 = 50: projects 18·50/65 = 13.85 → final 0.65·13.85 = 9 → F
    expect(low.percent).toBeCloseTo(9, 9);
    expect(low.letter).toBe("F");
  });

  it("a capped project without a score counts as the cap; an undecided one is left out", () => {
    const f = finalGrade({
      scheme: brown,
      items: brownItems,
      student: student({ ...brownStudent.scores, P2: null }),
      mode: "final",
      consequences: [{ itemId: "P2", kind: "cap", percent: 50, letter: "F" }],
    });
    // projects (1620 + 900 + 1260 + 1100)/65 = 4880/65; final (4880 + 1800 + 966.667 + 500)/100 = 81.4667
    expect(f.percent).toBeCloseTo(81.466667, 5);
    const pending = finalGrade({
      scheme: brown,
      items: brownItems,
      student: brownStudent,
      mode: "final",
      consequences: [{ itemId: "P2", kind: "pending" }],
    });
    // projects without P2: (1620 + 1260 + 1100)/47 = 3980/47; final (65·3980/47 + 3266.667)/100 = 87.7092
    expect(byId(pending, "projects").percent).toBeCloseTo(3980 / 47, 9);
    expect(pending.percent).toBeCloseTo(87.70922, 5);
  });

  it("scores a project submitted after the final cutoff as 0", () => {
    const g = finalGrade({
      scheme: brown,
      items: brownItems,
      student: brownStudent,
      mode: "final",
      consequences: [{ itemId: "P3", kind: "zero" }],
    });
    // projects: (1620 + 1440 + 0 + 1100)/65 = 4160/65 = 64
    expect(byId(g, "projects").percent).toBeCloseTo(64, 9);
    // final: (4160 + 1800 + 966.667 + 500)/100 = 74.2667 → C
    expect(g.percent).toBeCloseTo(74.266667, 5);
    expect(g.letter).toBe("C");
  });

  it("lets an excuse override a late zero, and leaves an all-excused category out", () => {
    const g = finalGrade({
      scheme: brown,
      items: brownItems,
      student: { ...brownStudent, excused: ["P3", "PART"] },
      mode: "final",
      consequences: [{ itemId: "P3", kind: "zero" }],
    });
    // projects without P3: (1620 + 1440 + 1100)/47 = 4160/47 = 88.5106
    expect(byId(g, "projects").percent).toBeCloseTo(4160 / 47, 9);
    // participation left out, weights renormalised over 95:
    // (65·88.5106 + 20·90 + 10·96.667)/95 = (5753.19 + 1800 + 966.67)/95 = 89.6828
    expect(byId(g, "participation").counted).toBe(false);
    expect(g.percent).toBeCloseTo((65 * (4160 / 47) + 1800 + 2900 / 3) / 95, 9);
  });

  it("computes the current standing from graded items only", () => {
    const g = finalGrade({
      scheme: brown,
      items: brownItems,
      // P4, HW2, PLQ5–8, participation not graded yet; PLQ3 was missed and recorded as 0.
      student: student({ P1: 90, P2: 80, P3: 70, HW1: 85, PLQ1: 10, PLQ2: 8, PLQ3: 0, PLQ4: 6 }),
      mode: "current",
    });
    // projects: (1620+1440+1260)/54 = 4320/54 = 80
    expect(byId(g, "projects").percent).toBeCloseTo(80, 9);
    // plq: 4 graded, drop min(5, 4−1) = 3 → keep 100 (PLQ1)
    expect(byId(g, "plq").percent).toBe(100);
    expect(byId(g, "plq").droppedItemIds.sort()).toEqual(["PLQ2", "PLQ3", "PLQ4"]);
    expect(byId(g, "participation")).toMatchObject({ percent: null, counted: false, effectiveWeight: 0 });
    // (65·80 + 20·85 + 10·100)/95 = (5200+1700+1000)/95 = 7900/95 = 83.158
    expect(g.percent).toBeCloseTo(7900 / 95, 9);
    expect(g.letter).toBe("B");
  });

  it("has no current standing before anything is graded", () => {
    const g = finalGrade({ scheme: brown, items: brownItems, student: student({}), mode: "current" });
    expect(g).toMatchObject({ percent: null, letter: null });
  });
});

// NUS: CS systems for large generative models. Weights are not published; 20/20/60 chosen here.
const nus: GradeScheme = {
  categories: [
    cat("reading", 20),
    cat("hw1", 20),
    cat("hw234", 60, 0, "track-hw"),
    cat("proposal", 10, 0, "track-project"),
    cat("midterm", 20, 0, "track-project"),
    cat("final", 30, 0, "track-project"),
  ],
  tracks: [
    { id: "track-hw", name: "Homework" },
    { id: "track-project", name: "Project" },
  ],
  trackRule: "chosen",
  cutoffs: ABCDF,
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
const nusScores = { READ: 90, HW1: 80, HW2: 70, HW3: 80, HW4: 90, PROP: 100, MID: 90, FIN: 95 };

describe("NUS elective tracks", () => {
  // Homework track: hw234 = 80 → (20·90 + 20·80 + 60·80)/100 = (1800+1600+4800)/100 = 82
  // Project track: (10·100 + 20·90 + 30·95) = 5650 → (1800+1600+5650)/100 = 90.5
  it("uses the chosen track", () => {
    const g = finalGrade({ scheme: nus, items: nusItems, student: student(nusScores, "track-hw"), mode: "final" });
    expect(g).toMatchObject({ percent: 82, letter: "B", trackId: "track-hw" });
    expect(byId(g, "proposal")).toMatchObject({ percent: 100, counted: false });
  });

  it("falls back to the better track when none was chosen", () => {
    const g = finalGrade({ scheme: nus, items: nusItems, student: student(nusScores, null), mode: "final" });
    expect(g.percent).toBeCloseTo(90.5, 9);
    expect(g).toMatchObject({ letter: "A", trackId: "track-project" });
  });

  it("with rule best, ignores the recorded choice", () => {
    const g = finalGrade({
      scheme: { ...nus, trackRule: "best" },
      items: nusItems,
      student: student(nusScores, "track-hw"),
      mode: "final",
    });
    expect(g.trackId).toBe("track-project");
    expect(g.percent).toBeCloseTo(90.5, 9);
    // A homework-only student: project track = (1800+1600+0)/100 = 34, homework track 82 → homework.
    const hwOnly = { READ: 90, HW1: 80, HW2: 70, HW3: 80, HW4: 90 };
    const h = finalGrade({
      scheme: { ...nus, trackRule: "best" },
      items: nusItems,
      student: student(hwOnly),
      mode: "final",
    });
    expect(h).toMatchObject({ percent: 82, trackId: "track-hw" });
  });

  it("normalises weights that do not sum to 100", () => {
    // 1/1/3: (90 + 80 + 3·80)/5 = 410/5 = 82, the same as 20/20/60.
    const scaled = {
      ...nus,
      categories: [cat("reading", 1), cat("hw1", 1), cat("hw234", 3, 0, "track-hw"), ...nus.categories.slice(3)],
    };
    const g = finalGrade({ scheme: scaled, items: nusItems, student: student(nusScores, "track-hw"), mode: "final" });
    expect(g.percent).toBeCloseTo(82, 9);
    expect(byId(g, "hw234").effectiveWeight).toBeCloseTo(60, 9);
  });
});

describe("Toronto CSC 490: A1–A6 + project", () => {
  const scheme: GradeScheme = {
    categories: [cat("assignments", 60), cat("project", 40)],
    tracks: [],
    trackRule: "best",
    cutoffs: ABCDF,
  };
  const items = [
    item("A1", "assignments", 50),
    item("A2", "assignments", 20),
    item("A3", "assignments"),
    item("A4", "assignments"),
    item("A5", "assignments", 50),
    item("A6", "assignments"),
    item("PROJ", "project"),
  ];
  const scores = { A1: 40, A2: 18, A3: 70, A4: 100, A5: 45, A6: null, PROJ: 88 };

  it("gives each assignment an equal share regardless of its points", () => {
    // percents 80, 90, 70, 100, 90, 0 → 430/6 = 71.667; final 0.6·71.667 + 0.4·88 = 43 + 35.2 = 78.2
    const g = finalGrade({ scheme, items, student: student(scores), mode: "final" });
    expect(g.percent).toBeCloseTo(78.2, 9);
    expect(g.letter).toBe("C");
  });

  it("leaves the ungraded A6 out of the current standing", () => {
    // 430/5 = 86 → 0.6·86 + 0.4·88 = 51.6 + 35.2 = 86.8
    const g = finalGrade({ scheme, items, student: student(scores), mode: "current" });
    expect(g.percent).toBeCloseTo(86.8, 9);
    expect(g.letter).toBe("B");
  });
});

describe("Liège INFO9023: project + oral exam", () => {
  it("weights project 60 and exam 40", () => {
    const scheme: GradeScheme = {
      categories: [cat("project", 60), cat("exam", 40)],
      tracks: [],
      trackRule: "chosen",
      cutoffs: ABCDF,
    };
    // Belgian marks are out of 20: exam 14/20 = 70%. 0.6·75 + 0.4·70 = 45 + 28 = 73
    const g = finalGrade({
      scheme,
      items: [item("PRJ", "project"), item("ORAL", "exam", 20)],
      student: student({ PRJ: 75, ORAL: 14 }),
      mode: "final",
    });
    expect(g.percent).toBeCloseTo(73, 9);
    expect(g.letter).toBe("C");
  });
});

describe("LLM systems: 7 equal mini-projects", () => {
  it("averages with a missing one at 0", () => {
    const scheme: GradeScheme = { categories: [cat("mp", 100)], tracks: [], trackRule: "chosen", cutoffs: ABCDF };
    const items = [1, 2, 3, 4, 5, 6, 7].map((n) => item(`MP${n}`, "mp"));
    // (100+90+80+70+60+50+0)/7 = 450/7 = 64.286 → D
    const g = finalGrade({
      scheme,
      items,
      student: student({ MP1: 100, MP2: 90, MP3: 80, MP4: 70, MP5: 60, MP6: 50 }),
      mode: "final",
    });
    expect(g.percent).toBeCloseTo(450 / 7, 9);
    expect(g.letter).toBe("D");
  });
});

describe("edge rules", () => {
  const scheme: GradeScheme = { categories: [cat("q", 100, 5)], tracks: [], trackRule: "chosen", cutoffs: ABCDF };

  it("never drops every item", () => {
    // 2 items, drop 5 → keeps the better one: 80
    const g = finalGrade({
      scheme,
      items: [item("Q1", "q"), item("Q2", "q")],
      student: student({ Q1: 40, Q2: 80 }),
      mode: "final",
    });
    expect(g.percent).toBe(80);
    expect(byId(g, "q").droppedItemIds).toEqual(["Q1"]);
  });

  it("drops a missing item before a real 0", () => {
    const one: GradeScheme = { ...scheme, categories: [cat("q", 100, 1)] };
    const g = finalGrade({
      scheme: one,
      items: [item("Q1", "q"), item("Q2", "q"), item("Q3", "q")],
      student: student({ Q1: 0, Q3: 50 }),
      mode: "final",
    });
    expect(byId(g, "q").droppedItemIds).toEqual(["Q2"]);
    expect(g.percent).toBe(25);
  });

  it("in a weighted category drops what helps most, so improving never hurts", () => {
    // weights 10/1/1, drop 1. A = 50 → drop A: (60+100)/2 = 80.
    // A raised to 61: dropping the lowest (B, 60) would give (610+100)/11 = 64.5 — worse for
    // improving. The best single drop is still A: 80.
    const one: GradeScheme = { ...scheme, categories: [cat("q", 100, 1)] };
    const items = [item("A", "q", 100, 10), item("B", "q", 100, 1), item("C", "q", 100, 1)];
    const before = finalGrade({ scheme: one, items, student: student({ A: 50, B: 60, C: 100 }), mode: "final" });
    const after = finalGrade({ scheme: one, items, student: student({ A: 61, B: 60, C: 100 }), mode: "final" });
    expect(before.percent).toBe(80);
    expect(after.percent).toBe(80);
    expect(byId(after, "q").droppedItemIds).toEqual(["A"]);
  });

  it("caps a score above full points and ignores items without a category", () => {
    const g = finalGrade({
      scheme,
      items: [item("Q1", "q", 10), { ...item("X", "q"), categoryId: null }],
      student: student({ Q1: 12, X: 0 }),
      mode: "final",
    });
    expect(g.percent).toBe(100);
  });

  it("rejects inconsistent schemes", () => {
    expect(() => compileScheme({ scheme, items: [item("Q1", "nope")] })).toThrow(/unknown category/);
    expect(() => compileScheme({ scheme, items: [item("Q1", "q", 0)] })).toThrow(/points/);
    expect(() => compileScheme({ scheme: { ...scheme, categories: [cat("q", 100, 0, "t")] }, items: [] })).toThrow(
      /unknown track/,
    );
    expect(() =>
      compileScheme({ scheme: { ...scheme, cutoffs: [...ABCDF, { letter: "A", minPercent: 95 }] }, items: [] }),
    ).toThrow(/duplicate/);
  });
});
