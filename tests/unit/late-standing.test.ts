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
  overBudgetGradeCap: "D",
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
      gradeCap: null,
    });
  });

  it("reads a covered item's hours from the ledger, and computes uncovered ones without the night window", () => {
    const s = lateStanding({
      ...base,
      ledger: [{ kind: "CHARGE", hours: 20, itemId: "P1" }],
      latestSubmission: (id) => new Date(due.getTime() + (id === "P2" ? -HOUR : 10 * HOUR)),
    });
    // P1: 10 wall-clock hours late, but the ledger charged 20 (say, before an extension was revoked): the ledger wins.
    // HW1: not covered, so the 00:00–07:00 window does not apply: 10 hours.
    expect(s.cells).toEqual([
      { itemId: "P1", lateHours: 20, overCap: false, afterCutoff: false },
      { itemId: "HW1", lateHours: 10, overCap: false, afterCutoff: false },
    ]);
    expect(s.hoursUsed).toBe(20);
  });

  it("over the budget caps the letter; over the per-item cap is flagged", () => {
    const s = lateStanding({
      ...base,
      ledger: [
        { kind: "CHARGE", hours: 80, itemId: "P1" },
        { kind: "CHARGE", hours: 70, itemId: "P2" },
      ],
      latestSubmission: () => new Date(due.getTime() + 100 * HOUR),
    });
    expect(s).toMatchObject({ hoursUsed: 150, balance: -6, overBudget: true, overCap: true, gradeCap: "D" });
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
    expect(s).toMatchObject({ hoursUsed: 140, balance: 4, overBudget: false, gradeCap: null });
  });

  it("after the final cutoff: a late hand-in and a covered item never handed in both score zero", () => {
    const s = lateStanding({
      ...base,
      now: new Date("2025-05-10T00:00:00Z"),
      handedIn: (id) => id !== "P2",
      latestSubmission: (id) => (id === "P1" ? new Date("2025-05-02T00:00:00Z") : undefined),
    });
    expect(s.consequences).toEqual([
      { itemId: "P1", kind: "zero" },
      { itemId: "P2", kind: "zero" },
    ]);
    expect(s.afterCutoff).toBe(true);
    // Before the cutoff, missing work is just missing.
    const before = lateStanding({ ...base, handedIn: (id) => id !== "P2", latestSubmission: () => undefined });
    expect(before.consequences).toEqual([]);
  });

  it("an uncovered item missing after the cutoff is not zeroed by the policy", () => {
    const s = lateStanding({ ...base, now: new Date("2025-05-10T00:00:00Z"), handedIn: (id) => id !== "HW1" });
    expect(s.consequences).toEqual([]);
  });
});
