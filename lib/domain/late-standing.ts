/**
 * What a student's lateness means for their grade and for the gradebook's flags.
 *
 * Inputs are the course's late policy, the student's ledger (the authority on
 * hours used, since charges, refunds and adjustments are all in it) and their
 * latest submission per item against the due date in force for them.
 *
 * - overBudget: the ledger balance is below zero → the letter is capped
 *   (gradeConsequence, Brown's D/F rule) when the policy names a cap.
 * - afterCutoff: a late submission after finalCutoffAt, or a covered item still
 *   missing once the cutoff has passed → that item scores zero.
 * - overCap: a covered item handed in more than perAssignmentCapHours late.
 */
import type { LateConsequence } from "./grading";
import { lateHoursCharged } from "./late-hours";
import { gradeConsequence, ledgerBalance, type AssignmentKind, type LatePolicy, type LedgerEntryKind } from "./late-policy";

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
  latestSubmission,
  dueFor,
}: {
  policy: LatePolicy | null;
  timeZone: string;
  now: Date;
  items: readonly StandingItem[];
  ledger: readonly { kind: LedgerEntryKind; hours: number }[];
  /** The student's latest submission time per item id (absent = nothing handed in). */
  latestSubmission: (itemId: string) => Date | undefined;
  /** The due date in force for this student (extensions applied). */
  dueFor: (itemId: string) => Date | null;
}): LateStanding {
  const { used, adjustments, balance } = ledgerBalance({ budgetHours: policy?.kind === "BUDGET" ? policy.budgetHours : null, entries: ledger });
  const overBudget = balance !== null && balance < 0;
  const cells: LateCell[] = [];
  const consequences: LateConsequence[] = [];
  const cutoff = policy?.finalCutoffAt ?? null;

  for (const item of items) {
    const due = dueFor(item.id);
    if (due === null) continue;
    const covered = policy !== null && policy.coveredKinds.includes(item.kind) && item.lateHoursApply;
    const submittedAt = latestSubmission(item.id);
    if (submittedAt === undefined) {
      // Handing nothing in by the cutoff is the same zero as handing it in after.
      if (covered && cutoff !== null && now.getTime() > cutoff.getTime() && due.getTime() < cutoff.getTime()) {
        cells.push({ itemId: item.id, lateHours: 0, overCap: false, afterCutoff: true });
        consequences.push({ itemId: item.id, kind: "zero" });
      }
      continue;
    }
    if (submittedAt.getTime() <= due.getTime()) continue;
    const lateHours = lateHoursCharged({
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
