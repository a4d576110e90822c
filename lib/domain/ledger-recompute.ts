/**
 * Charging a recorded submission and planning the ledger corrections that follow
 * a change of due date (an extension, a revoke) or a resubmission.
 *
 * The ledger is append-only: for every affected (student, assignment) the plan
 * compares what is charged so far with what the latest submission should cost
 * under the due date now in force, and appends the difference via
 * correctingEntry. Nothing here touches the database; callers load rows in bulk
 * and write the plan with one createMany.
 */
import { effectiveDueAt, type DueDateExtension } from "@/lib/domain/effective-due";
import {
  assessSubmission,
  correctingEntry,
  type AssessedAssignment,
  type LatePolicy,
  type SubmissionAssessment,
} from "@/lib/domain/late-policy";

/**
 * Hours a submission that is already on record costs under `effectiveDueAt`.
 *
 * Same as assessSubmission's hoursCharged, except for one case: a recorded
 * submission that a later revoke pushes past the per-assignment cap was accepted
 * when it was made, so it keeps costing its late hours (and is flagged over the
 * cap) rather than silently becoming free.
 */
export function chargeForRecordedSubmission({
  policy,
  assignment,
  timeZone,
  effectiveDueAt: dueAt,
  submittedAt,
}: {
  policy: LatePolicy;
  assignment: AssessedAssignment;
  timeZone: string;
  effectiveDueAt: Date | null;
  submittedAt: Date;
}): { hours: number; assessment: SubmissionAssessment } {
  const assessment = assessSubmission({
    policy,
    assignment,
    timeZone,
    effectiveDueAt: dueAt,
    submittedAt,
    hoursUsedElsewhere: 0,
  });
  const hours =
    (assessment.outcome === "refused_over_cap" || assessment.outcome === "refused_over_budget") &&
    policy.kind === "BUDGET"
      ? assessment.lateHours
      : assessment.hoursCharged;
  return { hours, assessment };
}

export type PlannedCorrection = {
  studentId: string;
  submissionId: string | null;
  kind: "CHARGE" | "REFUND";
  /** Signed, as stored: CHARGE > 0, REFUND < 0. */
  hours: number;
  chargedSoFar: number;
  shouldCharge: number;
  effectiveDueAt: Date | null;
};

/**
 * The corrections to append for one assignment. `latest` holds each student's
 * latest submission; `charged` the net CHARGE+REFUND hours already in the ledger
 * for this assignment. A student with charges but no submission is refunded in
 * full. `studentIds` restricts the plan (per-student extensions); null = everyone.
 */
export function planCorrections({
  policy,
  assignment,
  timeZone,
  originalDueAt,
  extensions,
  latest,
  charged,
  studentIds = null,
}: {
  policy: LatePolicy;
  assignment: AssessedAssignment;
  timeZone: string;
  originalDueAt: Date | null;
  extensions: readonly DueDateExtension[];
  latest: readonly { studentId: string; submissionId: string; submittedAt: Date }[];
  charged: ReadonlyMap<string, number>;
  studentIds?: readonly string[] | null;
}): PlannedCorrection[] {
  const only = studentIds ? new Set(studentIds) : null;
  const latestByStudent = new Map(latest.map((row) => [row.studentId, row]));
  const students = new Set<string>([...latestByStudent.keys(), ...charged.keys()]);
  const dueFor = dueDateResolver({ originalDueAt, extensions });

  const plan: PlannedCorrection[] = [];
  for (const studentId of [...students].sort()) {
    if (only && !only.has(studentId)) continue;
    const dueAt = dueFor(studentId);
    const row = latestByStudent.get(studentId);
    const shouldCharge = row
      ? chargeForRecordedSubmission({
          policy,
          assignment,
          timeZone,
          effectiveDueAt: dueAt,
          submittedAt: row.submittedAt,
        }).hours
      : 0;
    const chargedSoFar = charged.get(studentId) ?? 0;
    const correction = correctingEntry({ chargedSoFar, shouldCharge });
    if (!correction) continue;
    plan.push({
      studentId,
      submissionId: row?.submissionId ?? null,
      kind: correction.kind,
      hours: correction.hours,
      chargedSoFar,
      shouldCharge,
      effectiveDueAt: dueAt,
    });
  }
  return plan;
}

/**
 * effectiveDueAt for many students of one assignment without rescanning every
 * event per student: students with no personal events share the course-wide date.
 */
export function dueDateResolver({
  originalDueAt,
  extensions,
}: {
  originalDueAt: Date | null;
  extensions: readonly DueDateExtension[];
}): (studentId: string | null) => Date | null {
  const personal = new Set<string>();
  for (const e of extensions) if (e.studentId !== null) personal.add(e.studentId);
  const courseDue = effectiveDueAt({
    originalDueAt,
    extensions: extensions.filter((e) => e.studentId === null),
    studentId: null,
  });
  return (studentId) => {
    if (studentId === null || !personal.has(studentId)) return courseDue;
    // Keep the caller's order among the events: effectiveDueAt breaks createdAt ties by input order.
    return effectiveDueAt({
      originalDueAt,
      extensions: extensions.filter((e) => e.studentId === null || e.studentId === studentId),
      studentId,
    });
  };
}

/** Plain-language reason for a correcting entry: what changed and the before → after charge. */
export function correctionReason({
  cause,
  code,
  chargedSoFar,
  shouldCharge,
}: {
  cause: string;
  code: string;
  chargedSoFar: number;
  shouldCharge: number;
}): string {
  return `${cause}: ${code} charge recomputed from ${chargedSoFar} h to ${shouldCharge} h`;
}
