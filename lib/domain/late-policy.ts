/**
 * A course's late policy and the pure rules that apply it to one submission.
 *
 * Three policy kinds:
 * - BUDGET: each student has a pool of late hours for the term; lateness is
 *   charged against it through an append-only ledger. Going over the budget
 *   does not refuse work, it caps the grade (overBudgetGradeCap).
 * - FLAG_ONLY: lateness is recorded and shown to staff, nothing is charged.
 * - PERCENT_PENALTY: the score is multiplied down per late hour or started day,
 *   never below penaltyFloorPercent.
 */
import { lateHoursCharged } from "@/lib/domain/late-hours";
import { formatInZone } from "@/lib/domain/time";

export type AssignmentKind = "PROJECT" | "HOMEWORK" | "QUIZ" | "LAB" | "EXAM" | "PARTICIPATION" | "PRESENTATION";

export type LatePolicy = {
  kind: "BUDGET" | "FLAG_ONLY" | "PERCENT_PENALTY";
  budgetHours: number | null;
  perAssignmentCapHours: number | null;
  excludedWindow: { start: string; end: string } | null;
  graceMinutes: number;
  coveredKinds: AssignmentKind[];
  overCapAction: "REFUSE" | "FLAG";
  overBudgetGradeCap: string | null;
  finalCutoffAt: Date | null;
  penaltyPercent: number | null;
  penaltyUnit: "HOUR" | "DAY" | null;
  penaltyFloorPercent: number | null;
};

export type SubmissionOutcome =
  | "on_time"
  | "charged"
  | "refused_not_accepted"
  | "refused_over_cap"
  | "flagged_over_cap"
  | "flagged_late"
  | "after_cutoff";

export type SubmissionAssessment = {
  late: boolean;
  /** Late hours by the policy's rules (window and grace applied when the item is covered). */
  lateHours: number;
  /** Hours to append to the ledger as a CHARGE: non-zero only for BUDGET policies on an accepted covered item. */
  hoursCharged: number;
  outcome: SubmissionOutcome;
  overBudget: boolean;
  /** Budget left after this submission; null unless the policy is BUDGET with a budget. */
  balanceAfter: number | null;
  /** Percent taken off the score: 0 unless PERCENT_PENALTY, never more than 100 − floor. */
  penaltyPercent: number;
  /** Phrased as a preview ("Submitting now costs…") so the submit page can show it before confirming. */
  message: string;
};

export type AssessedAssignment = {
  kind: AssignmentKind;
  lateHoursApply: boolean;
  acceptsLate: boolean;
  /** Short name used in messages ("P2", "PLQ4"); "This assignment" when absent. */
  name?: string;
};

/**
 * Decide what a submission at `submittedAt` means under the policy.
 *
 * Order of rules, first match wins:
 * 1. No due date, or not late → on_time.
 * 2. Late and the item does not accept late work → refused_not_accepted.
 * 3. Late and past the course's finalCutoffAt → after_cutoff (grade zero, nothing charged).
 *    An extension beyond the cutoff is honoured: only late submissions are cut off.
 * 4. Item not covered (kind not in coveredKinds, or lateHoursApply false) → flagged_late, never charged.
 * 5. Over perAssignmentCapHours → refused_over_cap, or flagged_over_cap (still charged/penalised).
 * 6. BUDGET / PERCENT_PENALTY → charged; FLAG_ONLY → flagged_late.
 *
 * "Late" for a covered item means lateHoursCharged > 0 (so the excluded window
 * and grace apply); for an uncovered item the window does not apply, only grace
 * (it absorbs upload latency for every item).
 */
export function assessSubmission({
  policy,
  assignment,
  timeZone,
  effectiveDueAt,
  submittedAt,
  hoursUsedElsewhere,
}: {
  policy: LatePolicy;
  assignment: AssessedAssignment;
  timeZone: string;
  effectiveDueAt: Date | null;
  submittedAt: Date;
  /** Net hours this student used on OTHER assignments. */
  hoursUsedElsewhere: number;
}): SubmissionAssessment {
  const name = assignment.name ?? "This assignment";
  const usesBudget = policy.kind === "BUDGET" && policy.budgetHours !== null;
  const balanceBefore = usesBudget ? policy.budgetHours! - hoursUsedElsewhere : null;
  const result = (
    fields: Partial<SubmissionAssessment> & Pick<SubmissionAssessment, "outcome" | "message">,
  ): SubmissionAssessment => ({
    late: false,
    lateHours: 0,
    hoursCharged: 0,
    overBudget: false,
    balanceAfter: balanceBefore,
    penaltyPercent: 0,
    ...fields,
  });

  if (effectiveDueAt === null) return result({ outcome: "on_time", message: `${name} has no due date.` });

  const covered = policy.coveredKinds.includes(assignment.kind) && assignment.lateHoursApply;
  const lateHours = lateHoursCharged({
    dueAt: effectiveDueAt,
    submittedAt,
    timeZone,
    excludedWindow: covered ? (policy.excludedWindow ?? undefined) : undefined,
    graceMinutes: policy.graceMinutes,
  });
  if (lateHours === 0) return result({ outcome: "on_time", message: "On time; no late hours." });

  const late = { late: true, lateHours };
  if (!assignment.acceptsLate) {
    return result({ ...late, outcome: "refused_not_accepted", message: `${name} cannot be submitted late.` });
  }
  if (policy.finalCutoffAt !== null && submittedAt.getTime() > policy.finalCutoffAt.getTime()) {
    const cutoff = formatInZone({ at: policy.finalCutoffAt, timeZone });
    return result({
      ...late,
      outcome: "after_cutoff",
      message: `The course's final cutoff (${cutoff}) has passed; a submission now receives a zero.`,
    });
  }
  if (!covered) {
    return result({
      ...late,
      outcome: "flagged_late",
      message: `${name} does not use late hours; submitting now (${hours(lateHours)} late) flags it as late.`,
    });
  }

  const cap = policy.perAssignmentCapHours;
  const overCap = cap !== null && lateHours > cap;
  const capNote = overCap ? `${name} is past its ${cap}-hour cap (${hours(lateHours)} late)` : "";
  if (overCap && policy.overCapAction === "REFUSE") {
    return result({ ...late, outcome: "refused_over_cap", message: `${capNote}; the course does not accept it.` });
  }
  const outcome: SubmissionOutcome = overCap
    ? "flagged_over_cap"
    : policy.kind === "FLAG_ONLY"
      ? "flagged_late"
      : "charged";
  const prefix = overCap ? `${capNote}; it will be flagged for the instructor. ` : "";

  switch (policy.kind) {
    case "FLAG_ONLY":
      return result({
        ...late,
        outcome,
        message: `${prefix}Submitting now is ${hours(lateHours)} late; it will be flagged as late.`,
      });

    case "PERCENT_PENALTY": {
      const penaltyPercent = latePenaltyPercent({ lateHours, policy });
      return result({
        ...late,
        outcome,
        penaltyPercent,
        message: `${prefix}Submitting now is ${hours(lateHours)} late: a ${penaltyPercent}% penalty.`,
      });
    }

    case "BUDGET": {
      if (balanceBefore === null) {
        return result({
          ...late,
          outcome,
          hoursCharged: lateHours,
          message: `${prefix}Submitting now costs ${hours(lateHours, "late hour")}.`,
        });
      }
      const balanceAfter = balanceBefore - lateHours;
      const overBudget = balanceAfter < 0;
      const gradeCap = policy.overBudgetGradeCap ? `; the grade will be capped at ${policy.overBudgetGradeCap}` : "";
      const tail = overBudget ? `, ${hours(-balanceAfter)} over the budget${gradeCap}.` : `, leaving ${balanceAfter}.`;
      return result({
        ...late,
        outcome,
        hoursCharged: lateHours,
        overBudget,
        balanceAfter,
        message: `${prefix}Submitting now costs ${hours(lateHours, "late hour")}${tail}`,
      });
    }
  }
}

function hours(count: number, unit = "hour"): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

export type LedgerEntryKind = "CHARGE" | "REFUND" | "ADJUSTMENT";
export type LedgerEntry = { kind: LedgerEntryKind; hours: number };

/**
 * Balance of a student's late-hour ledger. `hours` is the SIGNED change to hours
 * used: CHARGE ≥ 0, REFUND ≤ 0, ADJUSTMENT either way (negative gives hours back).
 * A wrongly-signed CHARGE or REFUND throws, because silently flipping it would
 * hide a bug that moves a student's balance the wrong way.
 *
 * used = charges + refunds (net), adjustments = sum of adjustments,
 * balance = budget − used − adjustments (null when there is no budget).
 */
export function ledgerBalance({
  budgetHours,
  entries,
}: {
  budgetHours: number | null;
  entries: readonly LedgerEntry[];
}): { used: number; adjustments: number; balance: number | null } {
  const usage: number[] = [];
  const adjustments: number[] = [];
  for (const entry of entries) {
    if (!Number.isFinite(entry.hours))
      throw new RangeError(`Ledger ${entry.kind} hours must be finite, got ${entry.hours}.`);
    if (entry.kind === "CHARGE" && entry.hours < 0)
      throw new RangeError(`A CHARGE adds hours used and must be >= 0, got ${entry.hours}.`);
    if (entry.kind === "REFUND" && entry.hours > 0)
      throw new RangeError(`A REFUND gives hours back and must be <= 0, got ${entry.hours}.`);
    (entry.kind === "ADJUSTMENT" ? adjustments : usage).push(entry.hours);
  }
  const used = orderIndependentSum(usage);
  const adjusted = orderIndependentSum(adjustments);
  return { used, adjustments: adjusted, balance: budgetHours === null ? null : budgetHours - used - adjusted };
}

// Floating-point addition is not associative; summing in sorted order makes the
// balance identical however the ledger rows come back from the database.
function orderIndependentSum(values: number[]): number {
  return [...values].sort((a, b) => a - b).reduce((sum, value) => sum + value, 0);
}

/**
 * The entry to append after the effective due date changed (e.g. an extension):
 * the ledger is never rewritten, the difference is charged or refunded.
 * REFUND hours are negative, matching ledgerBalance's signed convention, so the
 * result can be appended as-is. null when nothing needs correcting.
 */
export function correctingEntry({
  chargedSoFar,
  shouldCharge,
}: {
  /** Net hours currently charged for this student + assignment in the ledger. */
  chargedSoFar: number;
  /** Hours per the current effective due date. */
  shouldCharge: number;
}): { kind: "CHARGE" | "REFUND"; hours: number } | null {
  if (!Number.isFinite(chargedSoFar)) throw new RangeError(`chargedSoFar must be finite, got ${chargedSoFar}.`);
  if (!Number.isFinite(shouldCharge) || shouldCharge < 0)
    throw new RangeError(`shouldCharge must be finite and >= 0, got ${shouldCharge}.`);
  const difference = shouldCharge - chargedSoFar;
  if (difference === 0) return null;
  return difference > 0 ? { kind: "CHARGE", hours: difference } : { kind: "REFUND", hours: difference };
}

type PenaltyRule = Pick<LatePolicy, "penaltyPercent" | "penaltyUnit" | "penaltyFloorPercent">;

/**
 * Percent taken off for `lateHours` under a PERCENT_PENALTY rule: penaltyPercent
 * per late hour, or per started day (ceil(lateHours / 24)), never more than
 * 100 − penaltyFloorPercent. Uses the policy's late hours (window and grace
 * already applied), so "per day" counts 24 charged hours, not calendar days.
 */
export function latePenaltyPercent({ lateHours, policy }: { lateHours: number; policy: PenaltyRule }): number {
  const { penaltyPercent, penaltyUnit, penaltyFloorPercent } = policy;
  if (penaltyPercent === null || penaltyUnit === null) {
    throw new RangeError("A PERCENT_PENALTY policy needs both penaltyPercent and penaltyUnit.");
  }
  if (!Number.isFinite(penaltyPercent) || penaltyPercent < 0)
    throw new RangeError(`penaltyPercent must be >= 0, got ${penaltyPercent}.`);
  const floor = penaltyFloorPercent ?? 0;
  if (!Number.isFinite(floor) || floor < 0 || floor > 100)
    throw new RangeError(`penaltyFloorPercent must be within 0–100, got ${floor}.`);
  if (!Number.isFinite(lateHours) || lateHours < 0) throw new RangeError(`lateHours must be >= 0, got ${lateHours}.`);

  const units = penaltyUnit === "HOUR" ? lateHours : Math.ceil(lateHours / 24);
  const raw = Math.min(penaltyPercent * units, 100 - floor);
  // Trim float noise (3 × 0.1 = 0.30000000000000004) so messages and stored values stay clean.
  return Math.round(raw * 1e6) / 1e6;
}

/** Score multiplier in [floor/100, 1] for a PERCENT_PENALTY rule; 1 when not late. */
export function latePenaltyMultiplier({ lateHours, policy }: { lateHours: number; policy: PenaltyRule }): number {
  return (100 - latePenaltyPercent({ lateHours, policy })) / 100;
}

export type GradeConsequence = { kind: "none" } | { kind: "cap"; letter: string } | { kind: "zero" };

/** After the final cutoff the grade is zero; over budget it is capped when the course sets a cap. */
export function gradeConsequence({
  overBudget,
  afterCutoff,
  policy,
}: {
  overBudget: boolean;
  afterCutoff: boolean;
  policy: Pick<LatePolicy, "overBudgetGradeCap">;
}): GradeConsequence {
  if (afterCutoff) return { kind: "zero" };
  if (overBudget && policy.overBudgetGradeCap) return { kind: "cap", letter: policy.overBudgetGradeCap };
  return { kind: "none" };
}
