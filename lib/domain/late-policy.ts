/**
 * A course's late policy and the pure rules that apply it to one piece of late work.
 *
 * Three policy kinds:
 * - BUDGET: each student has a pool of late hours for the term; lateness is
 *   charged against it through an append-only ledger.
 * - FLAG_ONLY: lateness is recorded and shown to staff, nothing is charged.
 * - PERCENT_PENALTY: the score is multiplied down per late hour or started day,
 *   never below penaltyFloorPercent.
 *
 * What happens past a limit is data, not code shaped after one course:
 * - overCapAction (more than perAssignmentCapHours on one item) and overBudgetAction
 *   (the student's total goes over budgetHours) are each REFUSE, FLAG (accept, flag
 *   for staff) or CAP_ITEM (accept, and that ITEM is graded at one of `itemCap`'s letters).
 * - Late work of a kind the policy does not cover gets uncoveredLateAction: FLAG,
 *   ZERO (accepted and recorded, scores zero) or REFUSE; kinds in lateRefusedKinds
 *   are never accepted late.
 * The course letter always follows from the percent: no rule here caps it.
 */
import { lateHoursCharged } from "@/lib/domain/late-hours";
import { formatInZone } from "@/lib/domain/time";

export type AssignmentKind = "PROJECT" | "HOMEWORK" | "QUIZ" | "LAB" | "EXAM" | "PARTICIPATION" | "PRESENTATION";

export type LimitAction = "REFUSE" | "FLAG" | "CAP_ITEM";
export type UncoveredLateAction = "FLAG" | "ZERO" | "REFUSE";
/** A letter an over-limit item may be graded at, and the percent of the item's points it counts as. */
export type ItemCapChoice = { letter: "D" | "F"; percent: number };

export type LatePolicy = {
  kind: "BUDGET" | "FLAG_ONLY" | "PERCENT_PENALTY";
  budgetHours: number | null;
  perAssignmentCapHours: number | null;
  excludedWindow: { start: string; end: string } | null;
  graceMinutes: number;
  coveredKinds: AssignmentKind[];
  overCapAction: LimitAction;
  overBudgetAction: LimitAction;
  /**
   * The grades a CAP_ITEM item can get, best first. One choice: the item is capped at it.
   * Two: the grader decides — the first when the work "basically works", else the second.
   */
  itemCap: ItemCapChoice[];
  uncoveredLateAction: UncoveredLateAction;
  /** Kinds never accepted late, whatever the assignment says. */
  lateRefusedKinds: AssignmentKind[];
  finalCutoffAt: Date | null;
  penaltyPercent: number | null;
  penaltyUnit: "HOUR" | "DAY" | null;
  penaltyFloorPercent: number | null;
};

/** The policy of a course that states none: lateness is recorded, nothing is charged or refused. */
export const NO_LATE_POLICY: LatePolicy = {
  kind: "FLAG_ONLY",
  budgetHours: null,
  perAssignmentCapHours: null,
  excludedWindow: null,
  graceMinutes: 0,
  coveredKinds: [],
  overCapAction: "FLAG",
  overBudgetAction: "FLAG",
  itemCap: [],
  uncoveredLateAction: "FLAG",
  lateRefusedKinds: [],
  finalCutoffAt: null,
  penaltyPercent: null,
  penaltyUnit: null,
  penaltyFloorPercent: null,
};

export type SubmissionOutcome =
  | "on_time"
  | "charged"
  | "refused_not_accepted"
  | "refused_over_cap"
  | "refused_over_budget"
  | "flagged_over_cap"
  | "capped"
  | "flagged_late"
  | "late_zero"
  | "after_cutoff";

const REFUSED_OUTCOMES: ReadonlySet<SubmissionOutcome> = new Set([
  "refused_not_accepted",
  "refused_over_cap",
  "refused_over_budget",
  "after_cutoff",
]);

/** Whether a submission with this outcome is taken at all (a refused one is not stored). */
export function isAccepted(outcome: SubmissionOutcome): boolean {
  return !REFUSED_OUTCOMES.has(outcome);
}

/** What a late item's grade becomes: nothing, zero, or one of the policy's capped letters. */
export type ItemConsequence = { kind: "none" } | { kind: "zero" } | { kind: "cap"; choices: ItemCapChoice[] };

export type LateJudgement = {
  late: boolean;
  /** Late hours by the policy's rules (window and grace applied when the item is covered). */
  lateHours: number;
  /** Hours the budget is charged: at most the per-item cap under CAP_ITEM, 0 unless BUDGET and covered. */
  hoursCharged: number;
  outcome: SubmissionOutcome;
  overCap: boolean;
  overBudget: boolean;
  consequence: ItemConsequence;
};

export type SubmissionAssessment = Omit<LateJudgement, "overCap" | "consequence"> & {
  /** Budget left after this submission; null unless the policy is BUDGET with a budget. */
  balanceAfter: number | null;
  /** Percent taken off the score: 0 unless PERCENT_PENALTY, never more than 100 − floor. */
  penaltyPercent: number;
  consequence: ItemConsequence;
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

/** Whether the policy's late hours apply to the item (its kind is covered and the item does not opt out). */
export function isCovered(policy: LatePolicy, item: Pick<AssessedAssignment, "kind" | "lateHoursApply">): boolean {
  return policy.coveredKinds.includes(item.kind) && item.lateHoursApply;
}

/**
 * The one rule for what late work means; every page, the gradebook and studentOutcome use it.
 *
 * Order of rules, first match wins:
 * 1. No due date, or not late → on_time.
 * 2. Late and not accepted late (the assignment says so, its kind is in lateRefusedKinds,
 *    or it is uncovered and uncoveredLateAction is REFUSE) → refused_not_accepted.
 * 3. Late and past the course's finalCutoffAt → after_cutoff (zero, nothing charged).
 *    An extension beyond the cutoff is honoured: only late submissions are cut off.
 * 4. Not covered → flagged_late, or late_zero (accepted, recorded, scores zero); never charged.
 * 5. Over perAssignmentCapHours → refused_over_cap / flagged_over_cap (charged in full) /
 *    capped (charged the cap's hours, the item graded at itemCap).
 * 6. BUDGET whose total goes over budgetHours → refused_over_budget / charged and flagged /
 *    capped. Otherwise charged; FLAG_ONLY → flagged_late.
 *
 * `hoursUsedBefore` is what the student had already used (net) before this item; `hoursCharged`
 * lets a caller that holds the ledger pass what it actually charged for this item.
 */
export function judgeLateWork({
  policy,
  assignment,
  timeZone,
  effectiveDueAt,
  submittedAt,
  hoursUsedBefore,
  hoursCharged: recorded,
}: {
  policy: LatePolicy;
  assignment: AssessedAssignment;
  timeZone: string;
  effectiveDueAt: Date | null;
  submittedAt: Date;
  hoursUsedBefore: number;
  hoursCharged?: number;
}): LateJudgement {
  const onTime: LateJudgement = {
    late: false,
    lateHours: 0,
    hoursCharged: 0,
    outcome: "on_time",
    overCap: false,
    overBudget: false,
    consequence: { kind: "none" },
  };
  if (effectiveDueAt === null) return onTime;
  const covered = isCovered(policy, assignment);
  const lateHours = lateHoursCharged({
    dueAt: effectiveDueAt,
    submittedAt,
    timeZone,
    excludedWindow: covered ? (policy.excludedWindow ?? undefined) : undefined,
    graceMinutes: policy.graceMinutes,
  });
  if (lateHours === 0) return onTime;

  const late = { ...onTime, late: true, lateHours };
  const refusedLate =
    !assignment.acceptsLate ||
    policy.lateRefusedKinds.includes(assignment.kind) ||
    (!covered && policy.uncoveredLateAction === "REFUSE");
  if (refusedLate) return { ...late, outcome: "refused_not_accepted" };
  if (policy.finalCutoffAt !== null && submittedAt.getTime() > policy.finalCutoffAt.getTime()) {
    return { ...late, outcome: "after_cutoff", consequence: { kind: "zero" } };
  }
  if (!covered) {
    return policy.uncoveredLateAction === "ZERO"
      ? { ...late, outcome: "late_zero", consequence: { kind: "zero" } }
      : { ...late, outcome: "flagged_late" };
  }

  const cap = policy.perAssignmentCapHours;
  const overCap = cap !== null && lateHours > cap;
  const capItem = { kind: "cap", choices: policy.itemCap } as const;
  if (overCap && policy.overCapAction === "REFUSE") return { ...late, overCap, outcome: "refused_over_cap" };
  const usesBudget = policy.kind === "BUDGET";
  // "you cannot use more than 72 hours per project": a capped item costs the cap, not more.
  const computed = !usesBudget ? 0 : overCap && policy.overCapAction === "CAP_ITEM" ? cap : lateHours;
  const hoursCharged = usesBudget ? (recorded ?? computed) : 0;
  const overBudget = usesBudget && policy.budgetHours !== null && hoursUsedBefore + hoursCharged > policy.budgetHours;
  const base = { ...late, overCap, overBudget, hoursCharged };

  if (overCap && policy.overCapAction === "CAP_ITEM") return { ...base, outcome: "capped", consequence: capItem };
  if (overBudget && policy.overBudgetAction === "REFUSE")
    return { ...base, hoursCharged: 0, outcome: "refused_over_budget" };
  if (overBudget && policy.overBudgetAction === "CAP_ITEM") return { ...base, outcome: "capped", consequence: capItem };
  if (overCap) return { ...base, outcome: "flagged_over_cap" };
  return { ...base, outcome: policy.kind === "FLAG_ONLY" ? "flagged_late" : "charged" };
}

/**
 * What a submission at `submittedAt` would mean, with the sentence shown before the student
 * confirms. The rules are judgeLateWork's; this adds the balance, the penalty and the words.
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
  const judged = judgeLateWork({
    policy,
    assignment,
    timeZone,
    effectiveDueAt,
    submittedAt,
    hoursUsedBefore: hoursUsedElsewhere,
  });
  const usesBudget = policy.kind === "BUDGET" && policy.budgetHours !== null;
  const balanceAfter = usesBudget ? policy.budgetHours! - hoursUsedElsewhere - judged.hoursCharged : null;
  const penaltyPercent =
    policy.kind === "PERCENT_PENALTY" && judged.late && isAccepted(judged.outcome) && judged.consequence.kind === "none"
      ? latePenaltyPercent({ lateHours: judged.lateHours, policy })
      : 0;
  const { overCap: _overCap, ...rest } = judged;
  return {
    ...rest,
    balanceAfter,
    penaltyPercent,
    message: assessmentMessage({
      policy,
      judged,
      name: assignment.name,
      covered: isCovered(policy, assignment),
      timeZone,
      balanceAfter,
      effectiveDueAt,
    }),
  };
}

function assessmentMessage({
  policy,
  judged,
  name = "This assignment",
  covered,
  timeZone,
  balanceAfter,
  effectiveDueAt,
}: {
  policy: LatePolicy;
  judged: LateJudgement;
  name?: string;
  covered: boolean;
  timeZone: string;
  balanceAfter: number | null;
  effectiveDueAt: Date | null;
}): string {
  const { lateHours, hoursCharged } = judged;
  const late = hours(lateHours);
  const cost = `Submitting now costs ${hours(hoursCharged, "late hour")}`;
  const left =
    balanceAfter === null
      ? "."
      : balanceAfter < 0
        ? `, ${hours(-balanceAfter)} over the budget.`
        : `, leaving ${balanceAfter}.`;
  const capWords = capPhrase(policy.itemCap);
  switch (judged.outcome) {
    case "on_time":
      return effectiveDueAt === null ? `${name} has no due date.` : "On time; no late hours.";
    case "refused_not_accepted":
      return `${name} cannot be submitted late.`;
    case "after_cutoff": {
      const cutoff = formatInZone({ at: policy.finalCutoffAt!, timeZone });
      return `The course's final cutoff (${cutoff}) has passed; ${name} can no longer be handed in.`;
    }
    case "flagged_late":
      return covered
        ? `Submitting now is ${late} late; it will be flagged as late.`
        : `${name} does not use late hours; submitting now (${late} late) flags it as late.`;
    case "late_zero":
      return `${name} cannot use late hours: submitting now (${late} late) is recorded, and it scores zero unless the staff grant you an extension.`;
    case "refused_over_cap":
      return `${name} is past its ${policy.perAssignmentCapHours}-hour cap (${late} late); the course does not accept it.`;
    case "refused_over_budget":
      return `${name} is ${late} late, more than the late hours you have left; the course does not accept it.`;
    case "flagged_over_cap":
      return `${name} is past its ${policy.perAssignmentCapHours}-hour cap (${late} late); it will be flagged for the instructor. ${cost}${left}`;
    case "capped":
      return judged.overCap
        ? `${name} is ${late} late, past its ${policy.perAssignmentCapHours}-hour cap: it is accepted, ${hours(hoursCharged, "late hour")} are charged, and it will be graded ${capWords}.${balanceAfter !== null && balanceAfter < 0 ? ` You are ${hours(-balanceAfter)} over the budget.` : ""}`
        : `${cost}${left} Over the budget, ${name} will be graded ${capWords}.`;
    case "charged":
      if (policy.kind === "PERCENT_PENALTY")
        return `Submitting now is ${late} late: a ${latePenaltyPercent({ lateHours, policy })}% penalty.`;
      return `${cost}${left}`;
  }
}

/** "a D or an F (the staff decide)", "at most a D". */
export function capPhrase(choices: readonly ItemCapChoice[]): string {
  const article = (l: string) => (/^[AEFHILMNORSX]/.test(l) ? "an" : "a");
  if (choices.length === 0) return "with a capped grade";
  if (choices.length === 1) return `at most ${article(choices[0]!.letter)} ${choices[0]!.letter}`;
  return `${choices.map((c) => `${article(c.letter)} ${c.letter}`).join(" or ")} (the staff decide whether it basically works)`;
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

/** How a judged item counts in the grade, once the grader's "basically works" call is known. */
export type ItemGradeEffect =
  | { kind: "zero" }
  | { kind: "cap"; letter: ItemCapChoice["letter"]; percent: number }
  /** A capped item whose letter the grader has not chosen yet: left out until they do. */
  | { kind: "pending" };

export function itemGradeEffect({
  consequence,
  basicallyWorks,
}: {
  consequence: ItemConsequence;
  basicallyWorks: boolean | null | undefined;
}): ItemGradeEffect | null {
  if (consequence.kind === "none") return null;
  if (consequence.kind === "zero") return { kind: "zero" };
  const [better, worse] = consequence.choices;
  if (!better) return { kind: "zero" };
  if (!worse) return { kind: "cap", letter: better.letter, percent: better.percent };
  if (basicallyWorks === null || basicallyWorks === undefined) return { kind: "pending" };
  const chosen = basicallyWorks ? better : worse;
  return { kind: "cap", letter: chosen.letter, percent: chosen.percent };
}

/**
 * The item consequence of a standing already known (used where members are charged one by one,
 * as on team assignments): zero after the cutoff; over the budget, the policy's CAP_ITEM grade.
 */
export function gradeConsequence({
  overBudget,
  afterCutoff,
  policy,
}: {
  overBudget: boolean;
  afterCutoff: boolean;
  policy: Pick<LatePolicy, "overBudgetAction" | "itemCap">;
}): ItemConsequence {
  if (afterCutoff) return { kind: "zero" };
  if (overBudget && policy.overBudgetAction === "CAP_ITEM") return { kind: "cap", choices: policy.itemCap };
  return { kind: "none" };
}
