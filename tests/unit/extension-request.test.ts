// Extension requests, pure: the hours asked for, what approval does to late hours (Brown's
// "144 late hours, at most 72 per project, 00:00–07:00 not counted"), and the automatic rule
// ("approve requests of at most 48 h made before the deadline, at most twice per student per term").
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  approvalImpact,
  decisionStatus,
  impactSentence,
  requestedHours,
  ruleVerdict,
  type ExtensionRuleConfig,
} from "@/lib/domain/extension-request";
import type { LatePolicy } from "@/lib/domain/late-policy";
import { localToInstant } from "@/lib/domain/time";

const NY = "America/New_York";
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });
const BROWN: LatePolicy = {
  kind: "BUDGET",
  budgetHours: 144,
  perAssignmentCapHours: 72,
  excludedWindow: { start: "00:00", end: "07:00" },
  graceMinutes: 0,
  coveredKinds: ["PROJECT"],
  overCapAction: "REFUSE",
  overBudgetAction: "FLAG",
  itemCap: [],
  uncoveredLateAction: "FLAG",
  lateRefusedKinds: [],
  finalCutoffAt: null,
  penaltyPercent: null,
  penaltyUnit: null,
  penaltyFloorPercent: null,
};
const P4 = { kind: "PROJECT" as const, lateHoursApply: true, acceptsLate: true, name: "P4" };
const DUE = local("2025-04-24", "18:00"); // Thu 6:00 PM EDT
const RULE: ExtensionRuleConfig = { enabled: true, maxHours: 48, beforeDeadlineOnly: true, maxPerStudent: 2 };

describe("requestedHours", () => {
  it("counts wall-clock hours, across a DST change too", () => {
    expect(requestedHours(DUE, local("2025-04-26", "18:00"))).toBe(48);
    // Sat Mar 8 6 PM EST → Mon Mar 10 6 PM EDT: clocks went forward on Sunday, so 47 h.
    expect(requestedHours(local("2025-03-08", "18:00"), local("2025-03-10", "18:00"))).toBe(47);
  });
});

describe("approvalImpact", () => {
  const base = { policy: BROWN, assignment: P4, timeZone: NY, currentDueAt: DUE, chargedHours: 10, balance: 100 };
  it("work handed in Fri 10:30 (10 h charged: 16.5 h late, 7 at night, rounded up): 48 h more refunds all 10", () => {
    const impact = approvalImpact({
      ...base,
      newDueAt: local("2025-04-26", "18:00"),
      latestSubmittedAt: local("2025-04-25", "10:30"),
      now: local("2025-04-25", "12:00"),
    });
    expect(impact).toEqual({
      kind: "submitted",
      chargedNow: 10,
      chargedAfter: 0,
      refund: 10,
      balanceNow: 100,
      balanceAfter: 110,
    });
    expect(impactSentence(impact)).toBe(
      "Your work is already in: approval refunds 10 late hours (charged 10, then 0), leaving 110 in your budget.",
    );
  });

  it("a shorter extension refunds part: due Fri 8:00 AM, handed in 10:30 → 3 h (2.5 rounded up)", () => {
    const impact = approvalImpact({
      ...base,
      newDueAt: local("2025-04-25", "08:00"),
      latestSubmittedAt: local("2025-04-25", "10:30"),
      now: local("2025-04-25", "12:00"),
    });
    expect(impact).toMatchObject({ kind: "submitted", chargedAfter: 3, refund: 7, balanceAfter: 107 });
  });

  it("nothing handed in: what handing in now costs under both dates", () => {
    const impact = approvalImpact({
      ...base,
      chargedHours: 0,
      newDueAt: local("2025-04-26", "18:00"),
      latestSubmittedAt: null,
      now: local("2025-04-25", "10:30"),
    });
    expect(impact).toEqual({ kind: "not-submitted", lateNow: 10, lateAfter: 0, balanceNow: 100 });
    expect(impactSentence(impact)).toBe("Handing in now costs 10 late hours; after approval it would be on time.");
    const early = approvalImpact({
      ...base,
      chargedHours: 0,
      newDueAt: local("2025-04-26", "18:00"),
      latestSubmittedAt: null,
      now: local("2025-04-24", "12:00"),
    });
    expect(impactSentence(early)).toBe(
      "You are not late yet: approval moves the date from which late hours would count.",
    );
  });

  it("property: approval never charges more than today, and the balance moves by exactly the refund", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (lateBy, extra) => {
        const submittedAt = new Date(DUE.getTime() + lateBy * 1_800_000);
        const now = approvalImpact({
          ...base,
          newDueAt: DUE,
          latestSubmittedAt: submittedAt,
          chargedHours: 0,
          now: submittedAt,
        });
        const charged = now.kind === "submitted" ? now.chargedAfter : 0;
        const impact = approvalImpact({
          ...base,
          chargedHours: charged,
          newDueAt: new Date(DUE.getTime() + extra * 3_600_000),
          latestSubmittedAt: submittedAt,
          now: submittedAt,
        });
        if (impact.kind !== "submitted") return false;
        return impact.chargedAfter <= charged && impact.balanceAfter === 100 + impact.refund;
      }),
    );
  });
});

describe("ruleVerdict: at most 48 h, before the deadline, at most twice per student", () => {
  const ask = (hours: number, at: Date, before = 0, rule: ExtensionRuleConfig | null = RULE) =>
    ruleVerdict({
      rule,
      currentDueAt: DUE,
      requestedDueAt: new Date(DUE.getTime() + hours * 3_600_000),
      requestedAt: at,
      approvedByRuleBefore: before,
    });
  const wednesday = local("2025-04-23", "12:00");
  it("approves 48 h asked on Wednesday, with the reason it gives", () => {
    expect(ask(48, wednesday)).toEqual({
      approve: true,
      why: "At most 48 h, made before the deadline, approval 1 of 2 for this student.",
    });
  });
  it("leaves 49 h, a request made at or after the deadline, and a third one to a person", () => {
    expect(ask(49, wednesday)).toEqual({ approve: false, why: "Asks for more than 48 h." });
    expect(ask(24, DUE)).toEqual({ approve: false, why: "Made after the deadline." });
    expect(ask(24, wednesday, 2)).toEqual({
      approve: false,
      why: "The rule already approved 2 of this student's requests.",
    });
  });
  it("without a rule, or with it off, nothing is automatic; without the deadline condition, late requests pass", () => {
    expect(ask(1, wednesday, 0, null).approve).toBe(false);
    expect(ask(1, wednesday, 0, { ...RULE, enabled: false }).approve).toBe(false);
    expect(
      ask(48, local("2025-04-25", "10:30"), 0, { ...RULE, beforeDeadlineOnly: false, maxPerStudent: null }),
    ).toEqual({
      approve: true,
      why: "At most 48 h.",
    });
  });
});

describe("decisionStatus", () => {
  it("an earlier date than asked is partly approved; as asked or later, approved", () => {
    const asked = local("2025-04-26", "18:00");
    expect(decisionStatus(asked, local("2025-04-25", "18:00"))).toBe("PARTLY_APPROVED");
    expect(decisionStatus(asked, asked)).toBe("APPROVED");
    expect(decisionStatus(asked, local("2025-04-27", "18:00"))).toBe("APPROVED");
  });
});
