import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessSubmission,
  correctingEntry,
  itemGradeEffect,
  latePenaltyMultiplier,
  latePenaltyPercent,
  ledgerBalance,
  type AssessedAssignment,
  type AssignmentKind,
  type LatePolicy,
  type LedgerEntry,
} from "@/lib/domain/late-policy";
import { localToInstant } from "@/lib/domain/time";

const NY = "America/New_York";
const HOUR = 3_600_000;
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

// Modelled on a Brown-style policy: a 144-hour term budget, nights don't count.
const BUDGET_POLICY: LatePolicy = {
  kind: "BUDGET",
  budgetHours: 144,
  perAssignmentCapHours: 72,
  excludedWindow: { start: "00:00", end: "07:00" },
  graceMinutes: 0,
  coveredKinds: ["PROJECT", "HOMEWORK"],
  overCapAction: "REFUSE",
  overBudgetAction: "FLAG",
  itemCap: [],
  uncoveredLateAction: "FLAG",
  lateRefusedKinds: [],
  finalCutoffAt: local("2025-12-12", "23:59"),
  penaltyPercent: null,
  penaltyUnit: null,
  penaltyFloorPercent: null,
};
const PROJECT: AssessedAssignment = { kind: "PROJECT", lateHoursApply: true, acceptsLate: true };
const DUE = local("2025-10-14", "18:00"); // Tuesday
const WED_9AM = local("2025-10-15", "09:00");

function assess(overrides: {
  policy?: Partial<LatePolicy>;
  assignment?: Partial<AssessedAssignment>;
  effectiveDueAt?: Date | null;
  submittedAt?: Date;
  hoursUsedElsewhere?: number;
}) {
  return assessSubmission({
    policy: { ...BUDGET_POLICY, ...overrides.policy },
    assignment: { ...PROJECT, name: "P1", ...overrides.assignment },
    timeZone: NY,
    effectiveDueAt: overrides.effectiveDueAt === undefined ? DUE : overrides.effectiveDueAt,
    submittedAt: overrides.submittedAt ?? WED_9AM,
    hoursUsedElsewhere: overrides.hoursUsedElsewhere ?? 0,
  });
}

describe("assessSubmission — hand-computed", () => {
  it("charges the budget for a covered late item", () => {
    expect(assess({})).toEqual({
      late: true,
      lateHours: 8,
      hoursCharged: 8,
      outcome: "charged",
      overBudget: false,
      balanceAfter: 136,
      penaltyPercent: 0,
      consequence: { kind: "none" },
      message: "Submitting now costs 8 late hours, leaving 136.",
    });
    expect(assess({ submittedAt: plus(DUE, 1000) }).message).toBe("Submitting now costs 1 late hour, leaving 143.");
  });

  it("is on time exactly at the deadline, inside grace, or with no due date", () => {
    expect(assess({ submittedAt: DUE })).toMatchObject({
      late: false,
      lateHours: 0,
      hoursCharged: 0,
      outcome: "on_time",
      balanceAfter: 144,
    });
    expect(assess({ submittedAt: plus(DUE, 5 * 60_000), policy: { graceMinutes: 5 } }).outcome).toBe("on_time");
    expect(assess({ effectiveDueAt: null })).toMatchObject({ outcome: "on_time", message: "P1 has no due date." });
  });

  it("a covered item handed in before the excluded window ends costs nothing", () => {
    const dueAt = local("2025-10-15", "02:00");
    expect(assess({ effectiveDueAt: dueAt, submittedAt: local("2025-10-15", "06:30") })).toMatchObject({
      outcome: "on_time",
      lateHours: 0,
    });
  });

  it("refuses items past the per-assignment cap", () => {
    const result = assess({
      assignment: { name: "P2" },
      policy: { excludedWindow: null },
      submittedAt: plus(DUE, 75 * HOUR),
    });
    expect(result).toMatchObject({
      outcome: "refused_over_cap",
      late: true,
      lateHours: 75,
      hoursCharged: 0,
      balanceAfter: 144,
    });
    expect(result.message).toBe("P2 is past its 72-hour cap (75 hours late); the course does not accept it.");
    // Exactly at the cap is still accepted.
    expect(assess({ policy: { excludedWindow: null }, submittedAt: plus(DUE, 72 * HOUR) }).outcome).toBe("charged");
  });

  it("flags, and still charges, items past the cap when the course says FLAG", () => {
    const result = assess({
      assignment: { name: "P2" },
      policy: { excludedWindow: null, overCapAction: "FLAG" },
      submittedAt: plus(DUE, 75 * HOUR),
    });
    expect(result).toMatchObject({
      outcome: "flagged_over_cap",
      hoursCharged: 75,
      balanceAfter: 69,
      overBudget: false,
    });
    expect(result.message).toBe(
      "P2 is past its 72-hour cap (75 hours late); it will be flagged for the instructor. Submitting now costs 75 late hours, leaving 69.",
    );
  });

  it("over budget: FLAG accepts and charges, CAP_ITEM grades the item at the cap, REFUSE refuses", () => {
    const result = assess({ hoursUsedElsewhere: 140 });
    expect(result).toMatchObject({ outcome: "charged", hoursCharged: 8, overBudget: true, balanceAfter: -4 });
    expect(result.message).toBe("Submitting now costs 8 late hours, 4 hours over the budget.");
    const capped = assess({
      hoursUsedElsewhere: 140,
      policy: { overBudgetAction: "CAP_ITEM", itemCap: [{ letter: "D", percent: 65 }] },
    });
    expect(capped).toMatchObject({
      outcome: "capped",
      hoursCharged: 8,
      overBudget: true,
      consequence: { kind: "cap", choices: [{ letter: "D", percent: 65 }] },
    });
    expect(capped.message).toBe(
      "Submitting now costs 8 late hours, 4 hours over the budget. Over the budget, P1 will be graded at most a D.",
    );
    expect(assess({ hoursUsedElsewhere: 140, policy: { overBudgetAction: "REFUSE" } })).toMatchObject({
      outcome: "refused_over_budget",
      hoursCharged: 0,
    });
    expect(assess({ hoursUsedElsewhere: 136 })).toMatchObject({ overBudget: false, balanceAfter: 0 });
  });

  it("refuses late work on items that do not accept it", () => {
    const result = assess({ assignment: { kind: "QUIZ", name: "PLQ4", acceptsLate: false } });
    expect(result).toMatchObject({
      outcome: "refused_not_accepted",
      late: true,
      hoursCharged: 0,
      message: "PLQ4 cannot be submitted late.",
    });
  });

  it("only flags uncovered items, and the excluded window does not apply to them", () => {
    const quiz = assess({
      assignment: { kind: "QUIZ", name: "PLQ4" },
      effectiveDueAt: local("2025-10-14", "23:00"),
      submittedAt: local("2025-10-15", "01:00"),
    });
    expect(quiz).toMatchObject({
      outcome: "flagged_late",
      lateHours: 2,
      hoursCharged: 0,
      balanceAfter: 144,
      overBudget: false,
    });
    expect(quiz.message).toBe("PLQ4 does not use late hours; submitting now (2 hours late) flags it as late.");
    expect(assess({ assignment: { lateHoursApply: false } })).toMatchObject({
      outcome: "flagged_late",
      hoursCharged: 0,
    });
  });

  it("anything late after the final cutoff scores zero, whatever the budget; extensions past it are honoured", () => {
    const dueAt = local("2025-12-12", "18:00");
    const result = assess({ effectiveDueAt: dueAt, submittedAt: local("2025-12-13", "10:00") });
    expect(result).toMatchObject({ outcome: "after_cutoff", late: true, hoursCharged: 0, balanceAfter: 144 });
    expect(result.message).toBe(
      "The course's final cutoff (Fri Dec 12, 11:59 PM EST) has passed; P1 can no longer be handed in.",
    );
    expect(
      assess({ effectiveDueAt: local("2025-12-15", "18:00"), submittedAt: local("2025-12-14", "10:00") }).outcome,
    ).toBe("on_time");
  });

  it("FLAG_ONLY records lateness without a balance", () => {
    const result = assess({ policy: { kind: "FLAG_ONLY", budgetHours: null } });
    expect(result).toMatchObject({ outcome: "flagged_late", lateHours: 8, hoursCharged: 0, balanceAfter: null });
    expect(result.message).toBe("Submitting now is 8 hours late; it will be flagged as late.");
  });

  it("PERCENT_PENALTY per started day, never past the floor", () => {
    const policy: Partial<LatePolicy> = {
      kind: "PERCENT_PENALTY",
      budgetHours: null,
      excludedWindow: null,
      perAssignmentCapHours: null,
      penaltyPercent: 10,
      penaltyUnit: "DAY",
      penaltyFloorPercent: 50,
    };
    const result = assess({ policy, submittedAt: plus(DUE, 30 * HOUR) });
    expect(result).toMatchObject({
      outcome: "charged",
      lateHours: 30,
      hoursCharged: 0,
      penaltyPercent: 20,
      balanceAfter: null,
    });
    expect(result.message).toBe("Submitting now is 30 hours late: a 20% penalty.");
    expect(assess({ policy, submittedAt: plus(DUE, 200 * HOUR) }).penaltyPercent).toBe(50);
  });
});

describe("latePenaltyMultiplier / latePenaltyPercent", () => {
  const perHour = { penaltyPercent: 2, penaltyUnit: "HOUR" as const, penaltyFloorPercent: null };
  const perDay = { penaltyPercent: 10, penaltyUnit: "DAY" as const, penaltyFloorPercent: 40 };
  it("computes percent per hour or per started day", () => {
    expect(latePenaltyMultiplier({ lateHours: 0, policy: perHour })).toBe(1);
    expect(latePenaltyMultiplier({ lateHours: 5, policy: perHour })).toBe(0.9);
    expect(latePenaltyMultiplier({ lateHours: 80, policy: perHour })).toBe(0);
    expect(latePenaltyPercent({ lateHours: 1, policy: perDay })).toBe(10);
    expect(latePenaltyPercent({ lateHours: 24, policy: perDay })).toBe(10);
    expect(latePenaltyPercent({ lateHours: 25, policy: perDay })).toBe(20);
    expect(latePenaltyMultiplier({ lateHours: 1000, policy: perDay })).toBe(0.4);
    expect(latePenaltyPercent({ lateHours: 3, policy: { ...perHour, penaltyPercent: 0.1 } })).toBe(0.3);
  });
  it("rejects an incomplete rule", () => {
    expect(() => latePenaltyPercent({ lateHours: 3, policy: { ...perHour, penaltyUnit: null } })).toThrow(RangeError);
  });
});

describe("ledgerBalance", () => {
  it("adds signed changes to hours used", () => {
    const entries: LedgerEntry[] = [
      { kind: "CHARGE", hours: 8 },
      { kind: "CHARGE", hours: 10 },
      { kind: "REFUND", hours: -3 },
      { kind: "ADJUSTMENT", hours: -5 }, // instructor gives 5 hours back
    ];
    expect(ledgerBalance({ budgetHours: 144, entries })).toEqual({ used: 15, adjustments: -5, balance: 134 });
    expect(ledgerBalance({ budgetHours: null, entries })).toEqual({ used: 15, adjustments: -5, balance: null });
    expect(ledgerBalance({ budgetHours: 144, entries: [] })).toEqual({ used: 0, adjustments: 0, balance: 144 });
  });
  it("throws on a wrongly-signed charge or refund", () => {
    expect(() => ledgerBalance({ budgetHours: 144, entries: [{ kind: "REFUND", hours: 3 }] })).toThrow(RangeError);
    expect(() => ledgerBalance({ budgetHours: 144, entries: [{ kind: "CHARGE", hours: -3 }] })).toThrow(RangeError);
  });
});

describe("correctingEntry", () => {
  it("appends a refund or charge for the difference", () => {
    expect(correctingEntry({ chargedSoFar: 10, shouldCharge: 4 })).toEqual({ kind: "REFUND", hours: -6 });
    expect(correctingEntry({ chargedSoFar: 0, shouldCharge: 8 })).toEqual({ kind: "CHARGE", hours: 8 });
    expect(correctingEntry({ chargedSoFar: 8, shouldCharge: 8 })).toBeNull();
    expect(correctingEntry({ chargedSoFar: 8, shouldCharge: 0 })).toEqual({ kind: "REFUND", hours: -8 });
  });
});

describe("itemGradeEffect", () => {
  const dOrF = {
    kind: "cap" as const,
    choices: [
      { letter: "D" as const, percent: 65 },
      { letter: "F" as const, percent: 50 },
    ],
  };
  it("D when it basically works, F when not, pending until the grader says; one choice is a plain cap", () => {
    expect(itemGradeEffect({ consequence: dOrF, basicallyWorks: true })).toEqual({
      kind: "cap",
      letter: "D",
      percent: 65,
    });
    expect(itemGradeEffect({ consequence: dOrF, basicallyWorks: false })).toEqual({
      kind: "cap",
      letter: "F",
      percent: 50,
    });
    expect(itemGradeEffect({ consequence: dOrF, basicallyWorks: undefined })).toEqual({ kind: "pending" });
    expect(
      itemGradeEffect({ consequence: { kind: "cap", choices: [{ letter: "D", percent: 65 }] }, basicallyWorks: null }),
    ).toEqual({ kind: "cap", letter: "D", percent: 65 });
    expect(itemGradeEffect({ consequence: { kind: "zero" }, basicallyWorks: true })).toEqual({ kind: "zero" });
    expect(itemGradeEffect({ consequence: { kind: "none" }, basicallyWorks: true })).toBeNull();
  });
});

const signedEntry: fc.Arbitrary<LedgerEntry> = fc.oneof(
  fc.double({ min: 0, max: 500, noNaN: true }).map((hours) => ({ kind: "CHARGE" as const, hours })),
  fc.double({ min: -500, max: 0, noNaN: true }).map((hours) => ({ kind: "REFUND" as const, hours })),
  fc.double({ min: -500, max: 500, noNaN: true }).map((hours) => ({ kind: "ADJUSTMENT" as const, hours })),
  fc.integer({ min: 0, max: 100 }).map((hours) => ({ kind: "CHARGE" as const, hours })),
);
const RUNS = { numRuns: 300 };

describe("late policy properties", () => {
  it("ledgerBalance is order-independent (exactly, even with fractional hours)", () => {
    const ledgerAndShuffle = fc
      .array(signedEntry, { maxLength: 30 })
      .chain((entries) =>
        fc.tuple(
          fc.constant(entries),
          fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
        ),
      );
    fc.assert(
      fc.property(ledgerAndShuffle, fc.integer({ min: 0, max: 500 }), ([entries, shuffled], budgetHours) => {
        expect(ledgerBalance({ budgetHours, entries: shuffled })).toEqual(ledgerBalance({ budgetHours, entries }));
      }),
      RUNS,
    );
  });

  it("appending the correcting entry brings the net charge to what it should be", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 200 }),
        (charges, shouldCharge) => {
          const entries: LedgerEntry[] = charges.map((hours) => ({ kind: "CHARGE", hours }));
          const chargedSoFar = ledgerBalance({ budgetHours: null, entries }).used;
          const fix = correctingEntry({ chargedSoFar, shouldCharge });
          const after = fix ? [...entries, fix] : entries;
          expect(ledgerBalance({ budgetHours: null, entries: after }).used).toBe(shouldCharge);
        },
      ),
      RUNS,
    );
  });

  it("penalty multiplier stays within [floor, 1] and never rises with lateness", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.constantFrom("HOUR" as const, "DAY" as const),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (a, b, penaltyPercent, penaltyUnit, penaltyFloorPercent) => {
          const policy = { penaltyPercent, penaltyUnit, penaltyFloorPercent };
          const [less, more] = a <= b ? [a, b] : [b, a];
          const m1 = latePenaltyMultiplier({ lateHours: less, policy });
          const m2 = latePenaltyMultiplier({ lateHours: more, policy });
          expect(m2).toBeLessThanOrEqual(m1);
          expect(m2).toBeGreaterThanOrEqual((penaltyFloorPercent ?? 0) / 100 - 1e-9);
          expect(m1).toBeLessThanOrEqual(1);
        },
      ),
      RUNS,
    );
  });

  it("uncovered items are never charged, and balanceAfter = budget − elsewhere − hoursCharged", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AssignmentKind>("PROJECT", "HOMEWORK", "QUIZ", "LAB", "EXAM", "PARTICIPATION", "PRESENTATION"),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -24 * HOUR, max: 120 * HOUR }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom<"REFUSE" | "FLAG">("REFUSE", "FLAG"),
        (kind, lateHoursApply, acceptsLate, delta, hoursUsedElsewhere, overCapAction) => {
          const result = assessSubmission({
            policy: { ...BUDGET_POLICY, overCapAction },
            assignment: { kind, lateHoursApply, acceptsLate },
            timeZone: NY,
            effectiveDueAt: DUE,
            submittedAt: plus(DUE, delta),
            hoursUsedElsewhere,
          });
          const covered = BUDGET_POLICY.coveredKinds.includes(kind) && lateHoursApply;
          if (!covered) expect(result.hoursCharged).toBe(0);
          expect(result.hoursCharged === 0 || result.hoursCharged === result.lateHours).toBe(true);
          expect(result.balanceAfter).toBe(144 - hoursUsedElsewhere - result.hoursCharged);
          expect(result.overBudget).toBe(result.balanceAfter! < 0 && result.hoursCharged > 0);
          expect(result.late).toBe(result.lateHours > 0);
          if (delta <= 0) expect(result.outcome).toBe("on_time");
        },
      ),
      RUNS,
    );
  });
});
