/**
 * What a student's lateness means for their grade and for the gradebook's flags.
 *
 * Inputs are the course's late policy, the student's ledger (the authority on
 * hours used, since charges, refunds and adjustments are all in it) and their
 * latest submission per item against the due date in force for them. Each item
 * is judged by judgeLateWork, the same rule the submit page and studentOutcome use;
 * a covered item's charge is what the ledger charged for it when there is one.
 *
 * Items are judged in the order they were handed in, so "the project that takes
 * the total over 144 h" is the one whose charge crosses the budget, and every
 * later late one is over too.
 */
import type { LateConsequence } from "@/lib/domain/grading";
import {
  NO_LATE_POLICY as NO_POLICY,
  isAccepted,
  itemGradeEffect,
  judgeLateWork,
  ledgerBalance,
  type AssignmentKind,
  type LateJudgement,
  type LatePolicy,
  type LedgerEntryKind,
} from "@/lib/domain/late-policy";

export type StandingItem = {
  id: string;
  kind: AssignmentKind;
  lateHoursApply: boolean;
  acceptsLate?: boolean;
};

export type LateCell = {
  itemId: string;
  lateHours: number;
  hoursCharged: number;
  overCap: boolean;
  overBudget: boolean;
  afterCutoff: boolean;
  outcome: LateJudgement["outcome"] | "missing_after_cutoff";
  /** The capped letter's choices are waiting for the grader ("basically works": D, else F). */
  needsDecision: boolean;
};

export type LateStanding = {
  hoursUsed: number;
  balance: number | null;
  overBudget: boolean;
  overCap: boolean;
  afterCutoff: boolean;
  /** Only items that were late or cut off. */
  cells: LateCell[];
  consequences: LateConsequence[];
  /** Items not handed in that can no longer be (refused late, or past the cutoff). */
  missed: string[];
};

export function lateStanding({
  policy,
  timeZone,
  now,
  items,
  ledger,
  handedIn,
  latestSubmission,
  dueFor,
  basicallyWorks = () => undefined,
}: {
  policy: LatePolicy | null;
  timeZone: string;
  now: Date;
  items: readonly StandingItem[];
  /** The student's ledger; itemId names the assignment a CHARGE or REFUND was for. */
  ledger: readonly { kind: LedgerEntryKind; hours: number; itemId?: string | null }[];
  /** Whether the student handed anything in for the item. */
  handedIn: (itemId: string) => boolean;
  /**
   * The student's latest submission time for an item handed in. A caller that knows
   * the work was on time (say, it only loaded submissions after the earliest due
   * date) may answer undefined.
   */
  latestSubmission: (itemId: string) => Date | undefined;
  /** The due date in force for this student (extensions applied). */
  dueFor: (itemId: string) => Date | null;
  /** The grader's call on a capped item: true "basically works", false not, undefined not decided. */
  basicallyWorks?: (itemId: string) => boolean | null | undefined;
}): LateStanding {
  const { used, adjustments, balance } = ledgerBalance({
    budgetHours: policy?.kind === "BUDGET" ? policy.budgetHours : null,
    entries: ledger,
  });
  const cells: LateCell[] = [];
  const consequences: LateConsequence[] = [];
  const missed: string[] = [];
  const cutoff = policy?.finalCutoffAt ?? null;
  // Hours the ledger charged per item (charges net of refunds): the ledger is the record of what a
  // covered submission cost, so it is read rather than recomputed.
  const charged = new Map<string, number>();
  for (const e of ledger) {
    if (e.itemId && e.kind !== "ADJUSTMENT") charged.set(e.itemId, (charged.get(e.itemId) ?? 0) + e.hours);
  }

  const late: { item: StandingItem; due: Date; submittedAt: Date }[] = [];
  for (const item of items) {
    const due = dueFor(item.id);
    if (due === null) continue;
    const assignment = { kind: item.kind, lateHoursApply: item.lateHoursApply, acceptsLate: item.acceptsLate ?? true };
    if (!handedIn(item.id)) {
      if (policy === null || due.getTime() >= now.getTime()) continue;
      const covered = policy.coveredKinds.includes(item.kind) && item.lateHoursApply;
      // Handing nothing in by the cutoff is the same zero as handing it in after.
      if (covered && cutoff !== null && now.getTime() > cutoff.getTime() && due.getTime() < cutoff.getTime()) {
        cells.push({
          itemId: item.id,
          lateHours: 0,
          hoursCharged: 0,
          overCap: false,
          overBudget: false,
          afterCutoff: true,
          outcome: "missing_after_cutoff",
          needsDecision: false,
        });
        consequences.push({ itemId: item.id, kind: "zero" });
        missed.push(item.id);
        continue;
      }
      const ifNow = judgeLateWork({
        policy,
        assignment,
        timeZone,
        effectiveDueAt: due,
        submittedAt: now,
        hoursUsedBefore: 0,
      });
      // Nothing can be handed in any more, or a late hand-in would score zero anyway: missed.
      if (!isAccepted(ifNow.outcome) || ifNow.consequence.kind === "zero") missed.push(item.id);
      continue;
    }
    const submittedAt = latestSubmission(item.id);
    if (submittedAt === undefined || submittedAt.getTime() <= due.getTime()) continue;
    late.push({ item, due, submittedAt });
  }

  // Budget use builds up in hand-in order; adjustments count from the start.
  late.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  let usedSoFar = adjustments;
  for (const { item, due, submittedAt } of late) {
    const assignment = { kind: item.kind, lateHoursApply: item.lateHoursApply, acceptsLate: item.acceptsLate ?? true };
    const judged = judgeLateWork({
      policy: policy ?? NO_POLICY,
      assignment,
      timeZone,
      effectiveDueAt: due,
      submittedAt,
      hoursUsedBefore: usedSoFar,
      hoursCharged: charged.get(item.id),
    });
    if (judged.lateHours === 0) continue;
    usedSoFar += judged.hoursCharged;
    const effect = itemGradeEffect({ consequence: judged.consequence, basicallyWorks: basicallyWorks(item.id) });
    cells.push({
      itemId: item.id,
      lateHours: judged.lateHours,
      hoursCharged: judged.hoursCharged,
      overCap: judged.overCap,
      overBudget: judged.overBudget,
      afterCutoff: judged.outcome === "after_cutoff",
      outcome: judged.outcome,
      needsDecision: effect?.kind === "pending",
    });
    if (effect) consequences.push({ itemId: item.id, ...effect });
  }

  return {
    hoursUsed: used + adjustments,
    balance,
    overBudget: balance !== null && balance < 0,
    overCap: cells.some((c) => c.overCap),
    afterCutoff: cells.some((c) => c.afterCutoff),
    cells,
    consequences,
    missed,
  };
}
