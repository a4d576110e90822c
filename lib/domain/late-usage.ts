/**
 * Course-wide summaries of late-hour usage for the staff page: a histogram of
 * students by hours used (the chart) and the flags shown next to each student.
 */
import type { SubmissionOutcome } from "@/lib/domain/late-policy";

export type UsageBucket = { label: string; min: number; max: number | null; students: number };

/**
 * Students per band of hours used. Bands are 0, then steps of `step` up to the
 * budget, then "over budget"; without a budget, steps up to the largest use.
 */
export function usageHistogram({
  used,
  budgetHours,
  step = 24,
}: {
  used: readonly number[];
  budgetHours: number | null;
  step?: number;
}): UsageBucket[] {
  if (!Number.isInteger(step) || step <= 0) throw new RangeError(`step must be a positive integer, got ${step}.`);
  const top = budgetHours ?? Math.max(0, ...used);
  const buckets: UsageBucket[] = [{ label: "0 h", min: 0, max: 0, students: 0 }];
  for (let lo = 1; lo <= Math.max(top, 1); lo += step) {
    const hi = Math.min(lo + step - 1, Math.max(top, 1));
    buckets.push({ label: `${lo}–${hi} h`, min: lo, max: hi, students: 0 });
  }
  if (budgetHours !== null)
    buckets.push({ label: `over ${budgetHours} h`, min: budgetHours + 1, max: null, students: 0 });
  for (const hours of used) {
    // Net use can be negative after a generous adjustment; it counts as none.
    const h = Math.max(0, hours);
    const bucket = buckets.find((b) => h >= b.min && (b.max === null || h <= b.max)) ?? buckets.at(-1)!;
    bucket.students += 1;
  }
  return buckets;
}

export type LateFlag = "over_budget" | "over_cap" | "after_cutoff" | "late";

/** The flag a latest submission earns, if any; refused_over_cap on record means a revoke pushed it over. */
export function flagForOutcome(outcome: SubmissionOutcome): LateFlag | null {
  switch (outcome) {
    case "flagged_over_cap":
    case "refused_over_cap":
      return "over_cap";
    case "after_cutoff":
      return "after_cutoff";
    case "flagged_late":
    case "refused_not_accepted":
      return "late";
    default:
      return null;
  }
}

export const FLAG_LABELS: Record<LateFlag, string> = {
  over_budget: "Over budget",
  over_cap: "Over the per-assignment cap",
  after_cutoff: "After the final cutoff",
  late: "Late (no late hours)",
};
