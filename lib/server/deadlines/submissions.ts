import "server-only";
import { effectiveDueAt } from "@/lib/domain/effective-due";
import {
  assessSubmission,
  correctingEntry,
  capPhrase,
  isAccepted,
  ledgerBalance,
  type ItemConsequence,
  type SubmissionAssessment,
} from "@/lib/domain/late-policy";
import { chargeForRecordedSubmission } from "@/lib/domain/ledger-recompute";
import { formatInZone } from "@/lib/domain/time";
import { submissionFileError, submissionFileType, submissionUrl } from "@/lib/validation/deadlines";
import type { Db } from "@/lib/server/platform/db";
import { authorize, can, loadCourseContext, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/server/platform/errors";
import { SUBMITTABLE_KINDS } from "@/lib/server/deadlines/my-deadlines";
import {
  assignmentSelect,
  extensionOrder,
  extensionSelect,
  lockStudentLedgers,
  policySelect,
  toAssessed,
  toDomainPolicy,
  toDueDateExtension,
} from "@/lib/server/deadlines/ledger";
import { submitTeamWorkAsIndividual } from "@/lib/server/deadlines/team-submissions";

export type SubmissionInput =
  { url: string } | { file: { name: string; size: number; bytes: Uint8Array<ArrayBuffer> } };

export type SubmitResult = {
  submissionId: string;
  submittedAt: Date;
  assessment: SubmissionAssessment;
  /** The ledger change this submission caused (a resubmission charges only the difference). */
  ledgerChange: { kind: "CHARGE" | "REFUND"; hours: number } | null;
  balanceAfter: number | null;
  /** What the late policy does to this item's grade. */
  consequence: ItemConsequence;
  message: string;
};

/** A link or a file, checked as the form checks it; 422 with the field's message otherwise. */
export function parseSubmissionInput(input: SubmissionInput): {
  url: string | null;
  file: { name: string; size: number; bytes: Uint8Array<ArrayBuffer> } | null;
} {
  if ("url" in input) {
    const parsed = submissionUrl.safeParse(input.url);
    if (!parsed.success)
      throw new ValidationError("Please correct the highlighted fields.", { url: [parsed.error.issues[0]!.message] });
    return { url: parsed.data, file: null };
  }
  const error = submissionFileError({ name: input.file.name, size: input.file.bytes.byteLength });
  if (error) throw new ValidationError("Please correct the highlighted fields.", { file: [error] });
  return { url: null, file: input.file };
}

/**
 * A student hands in a link or a file at `now` (the server's clock, never the
 * client's). Under the student's ledger lock: decide with assessSubmission,
 * refuse what the policy refuses, otherwise record the submission and append
 * the correcting charge for this assignment, all in one transaction.
 */
export async function submitWork({
  db,
  viewer,
  slug,
  assignmentId,
  input,
  now,
  expectedLatestId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
  input: SubmissionInput;
  now: Date;
  /** Team assignments only: see submitTeamWork. */
  expectedLatestId?: string | null;
}): Promise<SubmitResult> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.submissions.create" });
  const studentId = ctx.viewer!.userId;
  const { id: courseId, timeZone } = ctx.course;

  const { url, file } = parseSubmissionInput(input);
  // A team assignment is handed in once for the team (issue 16).
  const team = await db.assignment.findFirst({ where: { id: assignmentId, courseId }, select: { teamSetId: true } });
  if (team?.teamSetId)
    return submitTeamWorkAsIndividual({ db, viewer, slug, assignmentId, input, now, expectedLatestId });

  const result = await db.$transaction(
    async (tx) => {
      await lockStudentLedgers(tx, courseId, [studentId]);
      const assignment = await tx.assignment.findFirst({
        where: { id: assignmentId, courseId },
        select: assignmentSelect,
      });
      if (!assignment) throw new NotFoundError("No such assignment in this course");
      if (!SUBMITTABLE_KINDS.has(assignment.kind))
        throw new ConflictError(`${assignment.code} is not handed in through Lectern.`);
      if (assignment.releasedAt && assignment.releasedAt > now) {
        throw new ConflictError(`${assignment.code} opens ${formatInZone({ at: assignment.releasedAt, timeZone })}.`);
      }
      // Read inside the lock: a concurrent submission or recompute has committed by now.
      const [policyRow, events, entries, previous] = [
        await tx.latePolicy.findUnique({ where: { courseId }, select: policySelect }),
        await tx.extension.findMany({
          where: { courseId, assignmentId, OR: [{ studentId: null }, { studentId }] },
          orderBy: extensionOrder,
          select: extensionSelect,
        }),
        await tx.ledgerEntry.findMany({
          where: { courseId, studentId },
          select: { kind: true, hours: true, assignmentId: true },
        }),
        await tx.submission.findFirst({
          where: { courseId, assignmentId, studentId },
          orderBy: [{ submittedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
          select: { submittedAt: true },
        }),
      ];
      const policy = toDomainPolicy(policyRow);
      const dueAt = effectiveDueAt({
        originalDueAt: assignment.dueAt,
        extensions: events.map(toDueDateExtension),
        studentId,
      });
      const balance = ledgerBalance({ budgetHours: policy.budgetHours, entries });
      const chargedSoFar = entries
        .filter((e) => e.assignmentId === assignmentId && e.kind !== "ADJUSTMENT")
        .reduce((s, e) => s + e.hours, 0);
      const assessment = assessSubmission({
        policy,
        assignment: toAssessed(assignment),
        timeZone,
        effectiveDueAt: dueAt,
        submittedAt: now,
        hoursUsedElsewhere: balance.used + balance.adjustments - chargedSoFar,
      });
      if (!isAccepted(assessment.outcome)) throw new ConflictError(assessment.message);

      const submission = await tx.submission.create({
        data: {
          courseId,
          assignmentId,
          studentId,
          submittedAt: now,
          url,
          ...(file
            ? {
                fileName: file.name,
                fileType: submissionFileType(file.name),
                fileSize: file.bytes.byteLength,
                file: { create: { data: file.bytes } },
              }
            : {}),
        },
        select: { id: true },
      });
      const audits: AuditInput[] = [
        {
          courseId,
          actorId: studentId,
          action: "submission.create",
          entityType: "Submission",
          entityId: submission.id,
          after: {
            assignmentId,
            submittedAt: now,
            url,
            fileName: file?.name ?? null,
            fileSize: file?.bytes.byteLength ?? null,
            outcome: assessment.outcome,
            lateHours: assessment.lateHours,
          },
        },
      ];
      // The latest submission counts. A request that waited for the lock can carry an earlier
      // time than one recorded meanwhile; then that later one still sets the charge.
      const shouldCharge =
        previous && previous.submittedAt > now
          ? chargeForRecordedSubmission({
              policy,
              assignment: toAssessed(assignment),
              timeZone,
              effectiveDueAt: dueAt,
              submittedAt: previous.submittedAt,
            }).hours
          : assessment.hoursCharged;
      const change = correctingEntry({ chargedSoFar, shouldCharge });
      if (change) {
        const resubmission = chargedSoFar !== 0 ? ` (resubmission; ${chargedSoFar} h already charged)` : "";
        const entry = await tx.ledgerEntry.create({
          data: {
            courseId,
            studentId,
            assignmentId,
            submissionId: submission.id,
            kind: change.kind,
            hours: change.hours,
            actorId: studentId,
            reason: `${assignment.code} submitted ${formatInZone({ at: now, timeZone })}, ${assessment.lateHours} h late${resubmission}`,
          },
          select: { id: true, kind: true, hours: true, reason: true },
        });
        audits.push({
          courseId,
          actorId: studentId,
          action: change.kind === "CHARGE" ? "ledger.charge" : "ledger.refund",
          entityType: "LedgerEntry",
          entityId: entry.id,
          after: {
            studentId,
            assignmentId,
            submissionId: submission.id,
            kind: entry.kind,
            hours: entry.hours,
            reason: entry.reason,
          },
        });
      }
      await recordAudit(tx, audits);
      const balanceAfter = policy.budgetHours === null ? null : (balance.balance ?? 0) - (change?.hours ?? 0);
      return {
        submission,
        assessment,
        change,
        balanceAfter,
        consequence: assessment.consequence,
        capWords: capPhrase(policy.itemCap),
        code: assignment.code,
      };
    },
    // Waiting on the student's lock happens inside the transaction; give a burst of resubmissions room.
    { maxWait: 10_000, timeout: 20_000 },
  );

  const when = formatInZone({ at: now, timeZone });
  const parts = [`Submitted ${result.code} at ${when}.`];
  if (result.change?.kind === "CHARGE")
    parts.push(`${result.change.hours} late ${result.change.hours === 1 ? "hour" : "hours"} charged.`);
  if (result.change?.kind === "REFUND")
    parts.push(`${-result.change.hours} late ${result.change.hours === -1 ? "hour" : "hours"} refunded.`);
  if (result.assessment.outcome === "flagged_over_cap" || result.assessment.outcome === "flagged_late")
    parts.push("It is flagged as late for the instructor.");
  if (result.balanceAfter !== null)
    parts.push(
      result.balanceAfter >= 0
        ? `${result.balanceAfter} late hours left.`
        : `You are ${-result.balanceAfter} hours over the budget.`,
    );
  if (result.assessment.outcome === "capped") parts.push(`It will be graded ${result.capWords}.`);
  if (result.assessment.outcome === "late_zero")
    parts.push("It is late and cannot use late hours: it scores zero unless the staff grant you an extension.");
  return {
    submissionId: result.submission.id,
    submittedAt: now,
    assessment: result.assessment,
    ledgerChange: result.change,
    balanceAfter: result.balanceAfter,
    consequence: result.consequence,
    message: parts.join(" "),
  };
}

/** A submitted file for download: its owner, or staff who may read all submissions. */
export async function getSubmissionFile({
  db,
  viewer,
  slug,
  submissionId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  submissionId: string;
}) {
  const ctx = await loadCourseContext(db, slug, viewer);
  if (!viewer) throw new UnauthenticatedError();
  const submission = await db.submission.findFirst({
    where: { id: submissionId, courseId: ctx.course.id },
    select: {
      studentId: true,
      fileName: true,
      fileType: true,
      file: { select: { data: true } },
      // A team hand-in keeps its file once, on the team's submission.
      teamSubmission: { select: { fileData: true } },
    },
  });
  const mayRead =
    submission &&
    ((submission.studentId === viewer.userId && can(ctx, "own.deadlines.read")) || can(ctx, "submissions.read.all"));
  if (!submission || !mayRead) {
    // Someone else's submission looks like a missing one to a student; staff-only readers get 403 elsewhere.
    if (submission && !can(ctx, "own.deadlines.read") && !can(ctx, "submissions.read.all")) throw new ForbiddenError();
    throw new NotFoundError("No such submission");
  }
  const data = submission.file?.data ?? submission.teamSubmission?.fileData ?? null;
  if (!data || !submission.fileName) throw new NotFoundError("This submission is a link, not a file");
  return {
    name: submission.fileName,
    type: submission.fileType ?? "application/octet-stream",
    data,
  };
}
