import { describe, expect, it } from "vitest";
import { lateStanding } from "@/lib/domain/late-standing";
import type { LatePolicy } from "@/lib/domain/late-policy";

const HOUR = 3_600_000;
const brown: LatePolicy = {
  kind: "BUDGET",
  budgetHours: 144,
  perAssignmentCapHours: 72,
  excludedWindow: { start: "00:00", end: "07:00" },
  graceMinutes: 0,
  coveredKinds: ["PROJECT"],
  overCapAction: "FLAG",
  overBudgetAction: "FLAG",
  itemCap: [],
  uncoveredLateAction: "FLAG",
  lateRefusedKinds: [],
  finalCutoffAt: new Date("2025-05-01T04:00:00Z"),
  penaltyPercent: null,
  penaltyUnit: null,
  penaltyFloorPercent: null,
};
const items = [
  { id: "P1", kind: "PROJECT" as const, lateHoursApply: true },
  { id: "P2", kind: "PROJECT" as const, lateHoursApply: true },
  { id: "HW1", kind: "HOMEWORK" as const, lateHoursApply: false },
];
const due = new Date("2025-02-19T23:00:00Z"); // 6 PM EST
const base = {
  policy: brown,
  timeZone: "America/New_York",
  now: new Date("2025-03-01T00:00:00Z"),
  items,
  ledger: [] as { kind: "CHARGE" | "REFUND" | "ADJUSTMENT"; hours: number; itemId?: string | null }[],
  handedIn: () => true,
  latestSubmission: (): Date | undefined => new Date(due.getTime() - HOUR),
  dueFor: () => due,
};

describe("lateStanding", () => {
  it("on time everywhere: no flags, no consequences", () => {
    const s = lateStanding(base);
    expect(s).toMatchObject({
      hoursUsed: 0,
      balance: 144,
      overBudget: false,
      overCap: false,
      afterCutoff: false,
      cells: [],
      consequences: [],
      missed: [],
    });
  });

  it("reads a covered item's hours from the ledger, and computes uncovered ones without the night window", () => {
    const s = lateStanding({
      ...base,
      ledger: [{ kind: "CHARGE", hours: 20, itemId: "P1" }],
      latestSubmission: (id) => new Date(due.getTime() + (id === "P2" ? -HOUR : 10 * HOUR)),
    });
    // P1: 10 wall-clock hours late (18:00 → 04:00), 6 by the rules (00:00–04:00 not counted), but the ledger
    // charged 20 (say, before an extension was revoked): the charge is the ledger's.
    // HW1: not covered, so the 00:00–07:00 window does not apply: 10 hours.
    expect(s.cells).toMatchObject([
      { itemId: "P1", lateHours: 6, hoursCharged: 20, overCap: false, afterCutoff: false, outcome: "charged" },
      { itemId: "HW1", lateHours: 10, hoursCharged: 0, overCap: false, afterCutoff: false, outcome: "flagged_late" },
    ]);
    expect(s.hoursUsed).toBe(20);
  });

  it("over the budget and over the per-item cap are flagged (FLAG); the course letter is never capped", () => {
    const s = lateStanding({
      ...base,
      ledger: [
        { kind: "CHARGE", hours: 80, itemId: "P1" },
        { kind: "CHARGE", hours: 70, itemId: "P2" },
      ],
      // P1 120 h after Wed 18:00 (Mon 18:00): 5 nights of 7 h not counted → 85 h > 72. P2 10 h → 6 h.
      latestSubmission: (id) => new Date(due.getTime() + (id === "P1" ? 120 : 10) * HOUR),
    });
    expect(s).toMatchObject({ hoursUsed: 150, balance: -6, overBudget: true, overCap: true, consequences: [] });
    expect(s.cells.find((c) => c.itemId === "P1")!.overCap).toBe(true);
    expect(s.cells.find((c) => c.itemId === "P2")!.overCap).toBe(false);
  });

  it("a refund or adjustment gives hours back", () => {
    const s = lateStanding({
      ...base,
      ledger: [
        { kind: "CHARGE", hours: 150, itemId: "P1" },
        { kind: "ADJUSTMENT", hours: -10, itemId: null },
      ],
    });
    expect(s).toMatchObject({ hoursUsed: 140, balance: 4, overBudget: false });
  });

  it("after the final cutoff: a late hand-in and a covered item never handed in both score zero", () => {
    const s = lateStanding({
      ...base,
      now: new Date("2025-05-10T00:00:00Z"),
      handedIn: (id) => id !== "P2",
      latestSubmission: (id) => (id === "P1" ? new Date("2025-05-02T00:00:00Z") : undefined),
    });
    expect(s.consequences).toEqual([
      { itemId: "P2", kind: "zero" },
      { itemId: "P1", kind: "zero" },
    ]);
    expect(s.afterCutoff).toBe(true);
    // Before the cutoff, missing work is just missing.
    const before = lateStanding({ ...base, handedIn: (id) => id !== "P2", latestSubmission: () => undefined });
    expect(before.consequences).toEqual([]);
  });

  it("an uncovered item missing after the cutoff gets no policy zero, but is missed (it can no longer be handed in)", () => {
    const s = lateStanding({ ...base, now: new Date("2025-05-10T00:00:00Z"), handedIn: (id) => id !== "HW1" });
    expect(s.consequences).toEqual([]);
    expect(s.missed).toEqual(["HW1"]);
  });

  it("Brown's rules: the project that takes the total over 144 h, and one over 72 h, are graded D or F", () => {
    const capped: LatePolicy = {
      ...brown,
      overCapAction: "CAP_ITEM",
      overBudgetAction: "CAP_ITEM",
      itemCap: [
        { letter: "D", percent: 65 },
        { letter: "F", percent: 50 },
      ],
    };
    // P1 charged 100 h (handed in first), P2 then 50 h: 150 > 144, so P2 is the one over the budget.
    const s = lateStanding({
      ...base,
      policy: capped,
      ledger: [
        { kind: "CHARGE", hours: 60, itemId: "P1" },
        { kind: "CHARGE", hours: 50, itemId: "P2" },
        { kind: "ADJUSTMENT", hours: 40, itemId: null },
      ],
      // P1 130 h after Wed 18:00 (Tue 04:00): 5 full nights + 4 h not counted → 91 h > 72.
      latestSubmission: (id) => new Date(due.getTime() + (id === "P1" ? 130 : id === "P2" ? 300 : -1) * HOUR),
      basicallyWorks: (id) => (id === "P2" ? false : undefined),
    });
    // adjustments 40 + P1 60 = 100 ≤ 144; + P2 50 = 150 > 144.
    expect(s.cells.map((c) => [c.itemId, c.overBudget, c.outcome])).toEqual([
      ["P1", false, "capped"], // P1 itself is over the 72-h cap
      ["P2", true, "capped"],
    ]);
    expect(s.consequences).toEqual([
      { itemId: "P1", kind: "pending" }, // the grader has not said whether it basically works
      { itemId: "P2", kind: "cap", letter: "F", percent: 50 },
    ]);
    expect(s.cells[0]!.needsDecision).toBe(true);
  });
});
