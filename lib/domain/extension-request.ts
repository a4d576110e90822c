/**
 * Extension requests (issue 17), pure: how many hours a request asks for, what approving it
 * would do to the student's late hours (shown before they send it), and whether the course's
 * automatic rule approves it. No database, `now` passed in.
 */
import { chargeForRecordedSubmission } from "@/lib/domain/ledger-recompute";
import { assessSubmission, type AssessedAssignment, type LatePolicy } from "@/lib/domain/late-policy";

const HOUR = 3_600_000;

/** Hours from the due date in force to the one asked for (fractional; a later date is positive). */
export function requestedHours(currentDueAt: Date, requestedDueAt: Date): number {
  return (requestedDueAt.getTime() - currentDueAt.getTime()) / HOUR;
}

export type ApprovalImpact =
  | {
      /** Work is on record: approval changes what it is charged now. */
      kind: "submitted";
      chargedNow: number;
      chargedAfter: number;
      /** Hours given back by approval (0 when the work was on time anyway). */
      refund: number;
      balanceNow: number | null;
      balanceAfter: number | null;
    }
  | {
      /** Nothing handed in yet: what handing in at `now` would cost, today and after approval. */
      kind: "not-submitted";
      lateNow: number;
      lateAfter: number;
      balanceNow: number | null;
    };

/**
 * What approving `newDueAt` would do. With work on record, its charge is recomputed under the new
 * date as the ledger recompute would; without, a hand-in at `now` is assessed under both dates.
 */
export function approvalImpact({
  policy,
  assignment,
  timeZone,
  currentDueAt,
  newDueAt,
  latestSubmittedAt,
  chargedHours,
  balance,
  now,
}: {
  policy: LatePolicy;
  assignment: AssessedAssignment;
  timeZone: string;
  currentDueAt: Date | null;
  newDueAt: Date;
  latestSubmittedAt: Date | null;
  /** Net hours charged for this assignment so far. */
  chargedHours: number;
  /** Budget left now (null: no budget). */
  balance: number | null;
  now: Date;
}): ApprovalImpact {
  if (latestSubmittedAt) {
    const after = chargeForRecordedSubmission({
      policy,
      assignment,
      timeZone,
      effectiveDueAt: newDueAt,
      submittedAt: latestSubmittedAt,
    }).hours;
    const refund = chargedHours - after;
    return {
      kind: "submitted",
      chargedNow: chargedHours,
      chargedAfter: after,
      refund,
      balanceNow: balance,
      balanceAfter: balance === null ? null : balance + refund,
    };
  }
  const at = (dueAt: Date | null) =>
    assessSubmission({ policy, assignment, timeZone, effectiveDueAt: dueAt, submittedAt: now, hoursUsedElsewhere: 0 })
      .lateHours;
  return { kind: "not-submitted", lateNow: at(currentDueAt), lateAfter: at(newDueAt), balanceNow: balance };
}

const hours = (n: number) => `${n} late hour${n === 1 ? "" : "s"}`;

/** The sentence the request form shows before sending. */
export function impactSentence(impact: ApprovalImpact): string {
  if (impact.kind === "submitted") {
    if (impact.refund > 0)
      return `Your work is already in: approval refunds ${hours(impact.refund)} (charged ${impact.chargedNow}, then ${impact.chargedAfter})${impact.balanceAfter === null ? "" : `, leaving ${impact.balanceAfter} in your budget`}.`;
    return `Your work is already in and costs ${hours(impact.chargedNow)}; approval changes nothing in your late hours.`;
  }
  if (impact.lateNow > 0)
    return impact.lateAfter > 0
      ? `Handing in now costs ${hours(impact.lateNow)}; after approval it would cost ${hours(impact.lateAfter)}.`
      : `Handing in now costs ${hours(impact.lateNow)}; after approval it would be on time.`;
  return "You are not late yet: approval moves the date from which late hours would count.";
}

export type ExtensionRuleConfig = {
  enabled: boolean;
  maxHours: number;
  beforeDeadlineOnly: boolean;
  /** Approvals by the rule per student in the course (a course is one term); null: no limit. */
  maxPerStudent: number | null;
};

export type RuleVerdict = { approve: true; why: string } | { approve: false; why: string };

/**
 * The course's rule, e.g. "approve requests of at most 48 h made before the deadline, at most
 * twice per student per term". Anything it does not approve waits for a person; the rule never denies.
 * assumed: "twice per student" counts the rule's own approvals in this course (a course is one term);
 * approvals by a person do not use them up.
 */
export function ruleVerdict({
  rule,
  currentDueAt,
  requestedDueAt,
  requestedAt,
  approvedByRuleBefore,
}: {
  rule: ExtensionRuleConfig | null;
  currentDueAt: Date;
  requestedDueAt: Date;
  requestedAt: Date;
  approvedByRuleBefore: number;
}): RuleVerdict {
  if (!rule || !rule.enabled) return { approve: false, why: "The course has no automatic rule." };
  const asked = requestedHours(currentDueAt, requestedDueAt);
  if (asked > rule.maxHours) return { approve: false, why: `Asks for more than ${rule.maxHours} h.` };
  if (rule.beforeDeadlineOnly && requestedAt.getTime() >= currentDueAt.getTime())
    return { approve: false, why: "Made after the deadline." };
  if (rule.maxPerStudent !== null && approvedByRuleBefore >= rule.maxPerStudent)
    return { approve: false, why: `The rule already approved ${approvedByRuleBefore} of this student's requests.` };
  return {
    approve: true,
    why: `At most ${rule.maxHours} h${rule.beforeDeadlineOnly ? ", made before the deadline" : ""}${rule.maxPerStudent === null ? "" : `, approval ${approvedByRuleBefore + 1} of ${rule.maxPerStudent} for this student`}.`,
  };
}

/** Approved as asked, approved with an earlier date than asked ("partly"), or later still (approved). */
export function decisionStatus(requestedDueAt: Date, decidedDueAt: Date): "APPROVED" | "PARTLY_APPROVED" {
  return decidedDueAt.getTime() < requestedDueAt.getTime() ? "PARTLY_APPROVED" : "APPROVED";
}
