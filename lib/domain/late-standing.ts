/**
 * What a student's lateness means for their grade and for the gradebook's flags.
 *
 * Inputs are the course's late policy, the student's ledger (the authority on
 * hours used, since charges, refunds and adjustments are all in it) and their
 * latest submission per item against the due date in force for them. A covered
 * item's late hours are what the ledger charged for it; others (and covered items
 * the ledger has no charge for) are computed with lateHoursCharged.
 *
 * - overBudget: the ledger balance is below zero → the letter is capped
 *   (gradeConsequence, Brown's D/F rule) when the policy names a cap.
 * - afterCutoff: a late submission after finalCutoffAt, or a covered item still
 *   missing once the cutoff has passed → that item scores zero.
 * - overCap: a covered item handed in more than perAssignmentCapHours late.
 */
import type { LateConsequence } from "@/lib/domain/grading";
import { lateHoursCharged } from "@/lib/domain/late-hours";
import {
  gradeConsequence,
  ledgerBalance,
  type AssignmentKind,
  type LatePolicy,
  type LedgerEntryKind,
} from "@/lib/domain/late-policy";

export type StandingItem = {
  id: string;
  kind: AssignmentKind;
  lateHoursApply: boolean;
};

export type LateCell = { itemId: string; lateHours: number; overCap: boolean; afterCutoff: boolean };

export type LateStanding = {
  hoursUsed: number;
  balance: number | null;
  overBudget: boolean;
  overCap: boolean;
  afterCutoff: boolean;
  /** Only items that were late or cut off. */
  cells: LateCell[];
  consequences: LateConsequence[];
  gradeCap: string | null;
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
}): LateStanding {
  const { used, adjustments, balance } = ledgerBalance({
    budgetHours: policy?.kind === "BUDGET" ? policy.budgetHours : null,
    entries: ledger,
  });
  const overBudget = balance !== null && balance < 0;
  const cells: LateCell[] = [];
  const consequences: LateConsequence[] = [];
  const cutoff = policy?.finalCutoffAt ?? null;
  // Hours the ledger charged per item (charges net of refunds): the ledger is the record of what a
  // covered submission cost, so it is read rather than recomputed.
  const charged = new Map<string, number>();
  for (const e of ledger) {
    if (e.itemId && e.kind !== "ADJUSTMENT") charged.set(e.itemId, (charged.get(e.itemId) ?? 0) + e.hours);
  }

  for (const item of items) {
    const due = dueFor(item.id);
    if (due === null) continue;
    const covered = policy !== null && policy.coveredKinds.includes(item.kind) && item.lateHoursApply;
    if (!handedIn(item.id)) {
      // Handing nothing in by the cutoff is the same zero as handing it in after.
      if (covered && cutoff !== null && now.getTime() > cutoff.getTime() && due.getTime() < cutoff.getTime()) {
        cells.push({ itemId: item.id, lateHours: 0, overCap: false, afterCutoff: true });
        consequences.push({ itemId: item.id, kind: "zero" });
      }
      continue;
    }
    const submittedAt = latestSubmission(item.id);
    if (submittedAt === undefined || submittedAt.getTime() <= due.getTime()) continue;
    const recorded = covered ? charged.get(item.id) : undefined;
    const lateHours =
      recorded ??
      lateHoursCharged({
        dueAt: due,
        submittedAt,
        timeZone,
        excludedWindow: covered ? (policy?.excludedWindow ?? undefined) : undefined,
        graceMinutes: policy?.graceMinutes ?? 0,
      });
    if (lateHours === 0) continue;
    const overCap = covered && policy?.perAssignmentCapHours != null && lateHours > policy.perAssignmentCapHours;
    const afterCutoff = cutoff !== null && submittedAt.getTime() > cutoff.getTime();
    cells.push({ itemId: item.id, lateHours, overCap, afterCutoff });
    if (afterCutoff) consequences.push({ itemId: item.id, kind: "zero" });
  }

  const consequence = policy ? gradeConsequence({ overBudget, afterCutoff: false, policy }) : { kind: "none" as const };
  return {
    hoursUsed: used + adjustments,
    balance,
    overBudget,
    overCap: cells.some((c) => c.overCap),
    afterCutoff: cells.some((c) => c.afterCutoff),
    cells,
    consequences,
    gradeCap: consequence.kind === "cap" ? consequence.letter : null,
  };
}
