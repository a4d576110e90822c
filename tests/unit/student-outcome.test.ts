import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { studentOutcome, type StudentWork } from "@/lib/domain/student-outcome";
import { letterFor } from "@/lib/domain/letters";
import { localToInstant } from "@/lib/domain/time";
import { csci1390 } from "@/prisma/seed-data/csci1390";

// Brown CSCI 1390, from its course page (seed 004). Every expectation below is worked out by hand from
// the page's sentences; the times are New York wall-clock times, and "we exclude hours between
// midnight and 7am" when counting late hours.
const NY = "America/New_York";
const at = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });
const MID_TERM = at("2025-04-28", "12:00");
const AFTER_TERM = at("2025-05-10", "12:00");
const PLQS = ["PLQ1", "PLQ2", "PLQ3", "PLQ4", "PLQ5", "PLQ6"];
const onTime: Record<string, Date> = {
  P1: at("2025-02-19", "12:00"),
  HW1: at("2025-02-27", "12:00"),
  P2: at("2025-03-18", "12:00"),
  P3: at("2025-04-15", "12:00"),
  P4: at("2025-04-24", "12:00"),
  HW2: at("2025-05-06", "12:00"),
  PLQ1: at("2025-01-29", "09:00"),
  PLQ2: at("2025-02-05", "09:00"),
  PLQ3: at("2025-02-07", "09:00"),
  PLQ4: at("2025-02-12", "09:00"),
  PLQ5: at("2025-02-21", "09:00"),
  PLQ6: at("2025-02-26", "09:00"),
};

/** Every item handed in on time with `score` (out of 100), then the overrides. */
function work(score: number, overrides: Record<string, StudentWork> = {}): Record<string, StudentWork> {
  const base: Record<string, StudentWork> = { PART: { score } };
  for (const [code, submittedAt] of Object.entries(onTime)) base[code] = { submittedAt, score };
  for (const [code, w] of Object.entries(overrides)) base[code] = { ...base[code], ...w };
  return base;
}
const outcome = (w: Record<string, StudentWork>, now = AFTER_TERM) =>
  studentOutcome({ course: csci1390, work: w, chosenTrack: null, now });

describe("studentOutcome — Brown CSCI 1390, by hand from the page", () => {
  it("all on time: no late hours, the grade is the weighted percent (65/20/10/5)", () => {
    const o = outcome(work(90));
    expect(o).toMatchObject({ percent: 90, letter: "A", lateHoursUsed: 0 });
    expect(o.items.P1).toEqual({ accepted: true, lateHoursCharged: 0, cap: null, countedPercent: 90 });
  });

  it("D or F is a grade for the project that takes the total over 144 h, not for the course", () => {
    // P1 due Wed Feb 19 18:00, in Sun Feb 23 22:00: 6 + 17 + 17 + 17 + 15 = 72 h (nights not counted).
    // P2 due Tue Mar 18 18:00, in Sat Mar 22 10:00: 6 + 17 + 17 + 17 + 3 = 60 h → 132 h so far.
    // P4 due Thu Apr 24 18:00, in Fri Apr 25 21:00: 6 + 14 = 20 h → 152 h > 144: P4 gets "a D or an F".
    const late = {
      P1: { submittedAt: at("2025-02-23", "22:00") },
      P2: { submittedAt: at("2025-03-22", "10:00") },
      P4: { submittedAt: at("2025-04-25", "21:00"), basicallyWorks: true },
    };
    const d = outcome(work(95, late));
    expect(d.lateHoursUsed).toBe(152);
    expect(d.items.P1).toEqual({ accepted: true, lateHoursCharged: 72, cap: null, countedPercent: 95 });
    expect(d.items.P2).toMatchObject({ lateHoursCharged: 60, cap: null, countedPercent: 95 });
    // assumed: a D counts 65 % of the project's points, an F 50 %.
    expect(d.items.P4).toEqual({ accepted: true, lateHoursCharged: 20, cap: "D", countedPercent: 65 });
    // projects (18·95·3 + 11·65)/65 = 5845/65; final (5845 + 20·95 + 10·95 + 5·95)/100 = 91.70 → still an A
    expect(d.percent).toBeCloseTo(91.7, 9);
    expect(d.letter).toBe("A");

    const f = outcome(work(95, { ...late, P4: { ...late.P4, basicallyWorks: false } }));
    expect(f.items.P4).toMatchObject({ cap: "F", countedPercent: 50 });
    // (5130 + 550 + 1900 + 950 + 475)/100 = 90.05
    expect(f.percent).toBeCloseTo(90.05, 9);

    // Not decided yet: P4 is left out until the TA says whether it basically works.
    const open = outcome(work(95, { ...late, P4: { submittedAt: late.P4.submittedAt } }));
    expect(open.items.P4).toMatchObject({ accepted: true, cap: null, countedPercent: null });
    expect(open.percent).toBeCloseTo(95, 9);
  });

  it("73 h late on one project: accepted, 72 h charged, graded D or F", () => {
    // P1 in Sun Feb 23 23:00: 73 h. "you cannot use more than 72 hours per project", yet "it's better to
    // complete and hand in a project": nothing refused, at most 72 h charged.
    const o = outcome(work(90, { P1: { submittedAt: at("2025-02-23", "23:00"), basicallyWorks: true } }));
    expect(o.items.P1).toEqual({ accepted: true, lateHoursCharged: 72, cap: "D", countedPercent: 65 });
    expect(o.lateHoursUsed).toBe(72);
    // projects (18·65 + 18·90·2 + 11·90)/65 = 5400/65... = (1170 + 3240 + 990)/65 = 5400/65
    expect(o.percent).toBeCloseTo((5400 + 20 * 90 + 10 * 90 + 5 * 90) / 100, 9);
  });

  it("a written homework handed in late is recorded and scores zero; late hours do not cover it", () => {
    // "Late hours cannot be used on the written homeworks." HW1 due Thu Feb 27 18:00, in 19:00.
    const o = outcome(work(90, { HW1: { submittedAt: at("2025-02-27", "19:00") } }));
    expect(o.items.HW1).toEqual({ accepted: true, lateHoursCharged: 0, cap: "ZERO", countedPercent: 0 });
    expect(o.lateHoursUsed).toBe(0);
    // hw (0 + 90)/2 = 45: (65·90 + 20·45 + 10·90 + 5·90)/100 = 81
    expect(o.percent).toBeCloseTo(81, 9);
  });

  it("after the last day of classes a project is no longer accepted and scores zero", () => {
    // "If you don't hand in a project by the last day of classes, we'll give the assignment a zero."
    const o = outcome(work(90, { P4: { submittedAt: at("2025-05-01", "12:00") }, P3: { submittedAt: null } }));
    expect(o.items.P4).toEqual({ accepted: false, lateHoursCharged: 0, cap: "ZERO", countedPercent: 0 });
    expect(o.items.P3).toMatchObject({ accepted: false, cap: "ZERO", countedPercent: 0 });
    // projects (18·90·2)/65 = 3240/65: (3240 + 1800 + 900 + 450)/100 = 63.9 → D
    expect(o.percent).toBeCloseTo(63.9, 9);
    expect(o.letter).toBe("D");
  });

  it("PLQs cannot be late; up to 5 missed PLQs do not count, a sixth counts zero, handed-in ones all count", () => {
    const late = outcome(work(90, { PLQ1: { submittedAt: at("2025-02-04", "09:01") } })); // PLQ1 is due at the start of the next lecture, Tue Feb 4 09:00
    expect(late.items.PLQ1).toMatchObject({ accepted: false, countedPercent: null }); // one of the 5 misses
    expect(late.percent).toBeCloseTo(90, 9);

    // assumed reading: "miss" = not handed in. Scores 100, 90, 80, 70, 60, 50 all count: 75, not the best one.
    const scores = [100, 90, 80, 70, 60, 50];
    const all = outcome(work(90, Object.fromEntries(PLQS.map((c, i) => [c, { score: scores[i]! }]))));
    // (65·90 + 20·90 + 10·75 + 5·90)/100 = 88.5
    expect(all.percent).toBeCloseTo(88.5, 9);

    const missed = (n: number) =>
      outcome(work(90, Object.fromEntries(PLQS.slice(0, n).map((c) => [c, { submittedAt: null, score: null }]))));
    expect(missed(5).percent).toBeCloseTo(90, 9); // 5 allowed misses: PLQ6 alone counts
    // 6 missed: 5 forgiven, the sixth counts 0 → PLQs 0 %: (5850 + 1800 + 0 + 450)/100 = 81
    expect(missed(6).percent).toBeCloseTo(81, 9);
    expect(missed(6).items.PLQ6).toMatchObject({ accepted: false, countedPercent: 0 });
  });

  it("before the term ends, work not due yet and not graded is simply not counted", () => {
    const w = work(90);
    delete w.HW2;
    const o = outcome(w, MID_TERM);
    expect(o.items.HW2).toEqual({ accepted: false, lateHoursCharged: 0, cap: null, countedPercent: null });
    expect(o.percent).toBeCloseTo(90, 9);
  });
});

// Late-hour work: projects and written homework (PLQs stay on time: a late PLQ is a miss, which the
// page forgives up to five, so lateness there is not a "more hours, lower grade" question).
const LATE_ITEMS = ["P1", "HW1", "P2", "P3", "P4", "HW2"] as const;
const arbitraryWork = fc.record({
  scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 13, maxLength: 13 }),
  lateness: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 6, maxLength: 6 }),
  works: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});
const HOUR = 3_600_000;
function build(
  { scores, lateness, works }: { scores: number[]; lateness: number[]; works: boolean[] },
  shift: number,
): Record<string, StudentWork> {
  const codes = [...LATE_ITEMS, ...PLQS, "PART"];
  const result: Record<string, StudentWork> = {};
  codes.forEach((code, i) => {
    const li = LATE_ITEMS.indexOf(code as (typeof LATE_ITEMS)[number]);
    const due = onTime[code] ? new Date(onTime[code].getTime() + 6 * HOUR) : null; // 12:00 + 6 h = 18:00
    result[code] = {
      score: scores[i]!,
      ...(li >= 0
        ? { submittedAt: new Date(due!.getTime() + (lateness[li]! + shift) * HOUR), basicallyWorks: works[li]! }
        : { submittedAt: onTime[code] ?? null }),
    };
  });
  return result;
}

describe("studentOutcome — properties", () => {
  it("more late hours never raise a grade (every hand-in later by the same amount)", () => {
    fc.assert(
      fc.property(arbitraryWork, fc.integer({ min: 1, max: 300 }), (w, extra) => {
        const before = outcome(build(w, 0)).percent!;
        const after = outcome(build(w, extra)).percent!;
        expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it("the course letter always follows the percent", () => {
    fc.assert(
      fc.property(arbitraryWork, (w) => {
        const o = outcome(build(w, 0));
        expect(o.letter).toBe(letterFor({ percent: o.percent, cutoffs: csci1390.grading.cutoffs }));
      }),
      { numRuns: 150 },
    );
  });

  it("never charges more than 72 h for one project, nor anything for written homework", () => {
    fc.assert(
      fc.property(arbitraryWork, (w) => {
        const o = outcome(build(w, 0), MID_TERM);
        for (const code of ["P1", "P2", "P3", "P4"]) expect(o.items[code]!.lateHoursCharged).toBeLessThanOrEqual(72);
        expect(o.items.HW1!.lateHoursCharged).toBe(0);
        expect(o.items.HW2!.lateHoursCharged).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
