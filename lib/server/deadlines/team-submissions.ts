import "server-only";
import {
  correctingEntry,
  capPhrase,
  gradeConsequence,
  type ItemConsequence as GradeConsequence,
  type SubmissionOutcome,
} from "@/lib/domain/late-policy";
import { chargeTeamSubmission, teamSubmissionPreview } from "@/lib/domain/team-lateness";
import { formatInZone } from "@/lib/domain/time";
import { submissionFileType } from "@/lib/validation/deadlines";
import type { Db, Tx } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { ConflictError, NotFoundError } from "@/lib/server/platform/errors";
import { SUBMITTABLE_KINDS } from "@/lib/server/deadlines/my-deadlines";
import {
  assignmentSelect,
  lockStudentLedgers,
  newLedgerId,
  policySelect,
  toAssessed,
  toDomainPolicy,
} from "@/lib/server/deadlines/ledger";
import { ledgerSumsFor, teamDeadlines } from "@/lib/server/deadlines/team-ledger";
import { parseSubmissionInput, type SubmissionInput, type SubmitResult } from "@/lib/server/deadlines/submissions";
import { teamSetSelect } from "@/lib/server/people/teams/team-rules";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TeamMemberResult = {
  userId: string;
  name: string;
  change: { kind: "CHARGE" | "REFUND"; hours: number } | null;
  balanceAfter: number | null;
  consequence: GradeConsequence;
};

export type TeamSubmitResult = {
  teamSubmissionId: string;
  teamName: string;
  submittedAt: Date;
  lateHours: number;
  outcome: SubmissionOutcome;
  members: TeamMemberResult[];
  message: string;
};

/**
 * Submissions of one team run one at a time (the team's lock, taken under the set's
 * shared lock so membership changes wait for them), then every member's ledger lock.
 */
async function lockTeam(tx: Tx, teamSetId: string, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('lectern.teamset'), hashtext(${teamSetId}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lectern.team'), hashtext(${teamId}))`;
}

/** The team assignment, the viewer's team in its set and the team's members, or a 404/409 naming what is missing. */
export async function viewersTeamFor(tx: Tx | Db, courseId: string, assignmentId: string, userId: string) {
  const assignment = await tx.assignment.findFirst({
    where: { id: assignmentId, courseId },
    select: { ...assignmentSelect, teamSet: { select: teamSetSelect } },
  });
  if (!assignment) throw new NotFoundError("No such assignment in this course");
  if (!assignment.teamSet) throw new ConflictError(`${assignment.code} is not a team assignment.`);
  const membership = await tx.teamMember.findUnique({
    where: { teamSetId_userId: { teamSetId: assignment.teamSet.id, userId } },
    select: {
      team: {
        select: {
          id: true,
          name: true,
          members: { orderBy: { joinedAt: "asc" }, select: { userId: true, user: { select: { name: true } } } },
        },
      },
    },
  });
  if (!membership)
    throw new ConflictError(
      `${assignment.code} is handed in by a team, and you are not in one yet: join a team on My team.`,
    );
  return { assignment, teamSet: assignment.teamSet, team: membership.team };
}

/**
 * Any member hands in the team's work at `now`: one TeamSubmission, one Submission
 * row per member pointing at it (so every member's deadlines, ledger and grades read
 * it), and at most one ledger change per member, all in one transaction.
 *
 * `expectedLatestId` is the team's latest submission the member saw when they
 * pressed Submit (null: none). If a teammate submitted meanwhile the request is
 * refused with who did it and when, instead of silently replacing their work; of
 * two members pressing Submit at the same moment, one wins and the other is told.
 * undefined skips the check (the individual submit form, which shows no team state).
 */
export async function submitTeamWork({
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
  expectedLatestId: string | null | undefined;
}): Promise<TeamSubmitResult> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.submissions.create" });
  const me = ctx.viewer!;
  const { id: courseId, timeZone } = ctx.course;
  const { url, file } = parseSubmissionInput(input);
  const first = await viewersTeamFor(db, courseId, assignmentId, me.userId);

  return db.$transaction(
    async (tx) => {
      await lockTeam(tx, first.teamSet.id, first.team.id);
      // Read again under the lock: the team may have changed while we waited.
      const { assignment, teamSet, team } = await viewersTeamFor(tx, courseId, assignmentId, me.userId);
      if (team.id !== first.team.id)
        throw new ConflictError("Your team changed while you were submitting; reload and try again.");
      const memberIds = team.members.map((m) => m.userId);
      await lockStudentLedgers(tx, courseId, memberIds);
      if (!SUBMITTABLE_KINDS.has(assignment.kind))
        throw new ConflictError(`${assignment.code} is not handed in through Lectern.`);
      if (assignment.releasedAt && assignment.releasedAt > now)
        throw new ConflictError(`${assignment.code} opens ${formatInZone({ at: assignment.releasedAt, timeZone })}.`);

      const latest = await tx.teamSubmission.findFirst({
        where: { courseId, assignmentId, teamId: team.id },
        orderBy: [{ submittedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
        select: { id: true, submittedAt: true, submittedBy: { select: { name: true } } },
      });
      if (expectedLatestId !== undefined && (latest?.id ?? null) !== expectedLatestId && latest) {
        throw new ConflictError(
          `${latest.submittedBy?.name ?? "A teammate"} submitted ${assignment.code} for ${team.name} at ${formatInZone({ at: latest.submittedAt, timeZone })} while you were on this page. Look at their submission; submit again to replace it.`,
        );
      }

      const policy = toDomainPolicy(await tx.latePolicy.findUnique({ where: { courseId }, select: policySelect }));
      const dueOf = await teamDeadlines(tx, {
        courseId,
        assignment,
        duePolicy: teamSet.duePolicy,
        teamIds: [team.id],
        studentIds: memberIds,
      });
      const sums = await ledgerSumsFor(tx, { courseId, assignmentId, studentIds: memberIds });
      const members = team.members.map((m) => ({
        userId: m.userId,
        name: m.user.name,
        hoursUsedElsewhere: sums.get(m.userId)!.used - sums.get(m.userId)!.chargedHere,
      }));
      const charge = chargeTeamSubmission({
        teamPolicy: teamSet.latenessPolicy,
        policy,
        assignment: toAssessed(assignment),
        timeZone,
        teamDueAt: dueOf(team.id, memberIds).dueAt,
        submittedAt: now,
        members,
      });
      if (charge.refused) throw new ConflictError(charge.message);

      const fileFields = file
        ? { fileName: file.name, fileType: submissionFileType(file.name), fileSize: file.bytes.byteLength }
        : { fileName: null, fileType: null, fileSize: null };
      const teamSubmission = await tx.teamSubmission.create({
        data: {
          courseId,
          assignmentId,
          teamId: team.id,
          submittedById: me.userId,
          submittedAt: now,
          url,
          ...fileFields,
          fileData: file?.bytes ?? null,
          lateHours: charge.lateHours,
          outcome: charge.outcome,
        },
        select: { id: true },
      });
      const rows = await tx.submission.createManyAndReturn({
        data: memberIds.map((studentId) => ({
          courseId,
          assignmentId,
          studentId,
          submittedAt: now,
          url,
          ...fileFields,
          teamSubmissionId: teamSubmission.id,
        })),
        select: { id: true, studentId: true },
      });
      const rowOf = new Map(rows.map((r) => [r.studentId, r.id]));
      const when = formatInZone({ at: now, timeZone });
      const audits: AuditInput[] = [
        {
          courseId,
          actorId: me.userId,
          action: "teamSubmission.create",
          entityType: "TeamSubmission",
          entityId: teamSubmission.id,
          after: {
            assignmentId,
            teamId: team.id,
            submittedAt: now,
            url,
            fileName: fileFields.fileName,
            members: memberIds,
            outcome: charge.outcome,
            lateHours: charge.lateHours,
          },
        },
      ];
      const results: TeamMemberResult[] = [];
      const entries: Prisma.LedgerEntryCreateManyInput[] = [];
      for (const m of charge.members) {
        const chargedSoFar = sums.get(m.userId)!.chargedHere;
        const change = correctingEntry({ chargedSoFar, shouldCharge: m.hoursCharged });
        if (change) {
          const resubmission = chargedSoFar !== 0 ? ` (resubmission; ${chargedSoFar} h already charged)` : "";
          entries.push({
            id: newLedgerId(),
            courseId,
            studentId: m.userId,
            assignmentId,
            submissionId: rowOf.get(m.userId)!,
            kind: change.kind,
            hours: change.hours,
            actorId: me.userId,
            reason: `${assignment.code} team submission by ${me.name} for ${team.name}, ${when}, ${charge.lateHours} h late${resubmission}`,
          });
        }
        const balanceAfter =
          policy.budgetHours === null ? null : policy.budgetHours - sums.get(m.userId)!.used - (change?.hours ?? 0);
        results.push({
          userId: m.userId,
          name: m.name,
          change,
          balanceAfter,
          consequence: gradeConsequence({
            overBudget: balanceAfter !== null && balanceAfter < 0,
            afterCutoff: false,
            policy,
          }),
        });
      }
      if (entries.length > 0) await tx.ledgerEntry.createMany({ data: entries });
      for (const e of entries)
        audits.push({
          courseId,
          actorId: me.userId,
          action: e.kind === "CHARGE" ? "ledger.charge" : "ledger.refund",
          entityType: "LedgerEntry",
          entityId: e.id!,
          after: {
            studentId: e.studentId,
            assignmentId,
            submissionId: e.submissionId,
            teamSubmissionId: teamSubmission.id,
            kind: e.kind,
            hours: e.hours,
            reason: e.reason,
          },
        });
      await recordAudit(tx, audits);
      return {
        teamSubmissionId: teamSubmission.id,
        teamName: team.name,
        submittedAt: now,
        lateHours: charge.lateHours,
        outcome: charge.outcome,
        members: results,
        message: resultMessage({
          code: assignment.code,
          team: team.name,
          when,
          results,
          viewerId: me.userId,
          lateness: teamSet.latenessPolicy,
        }),
      };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

function resultMessage({
  code,
  team,
  when,
  results,
  viewerId,
  lateness,
}: {
  code: string;
  team: string;
  when: string;
  results: TeamMemberResult[];
  viewerId: string;
  lateness: string;
}): string {
  const parts = [`Submitted ${code} for ${team} at ${when}.`];
  const changed = results.filter((r) => r.change);
  const who = (r: TeamMemberResult) => (r.userId === viewerId ? "you" : r.name);
  if (changed.length > 0) {
    const hours = (r: TeamMemberResult) =>
      `${who(r)} ${r.change!.hours > 0 ? "" : "refunded "}${Math.abs(r.change!.hours)} h`;
    parts.push(
      `${lateness === "SHARED_BUDGET" ? "From the team's shared budget" : "Late hours"}: ${changed.map(hours).join(", ")}.`,
    );
  }
  for (const r of results)
    if (r.consequence.kind === "cap")
      parts.push(
        `Over the budget, ${r.userId === viewerId ? "your" : `${r.name}'s`} ${code} is graded ${capPhrase(r.consequence.choices)}.`,
      );
  return parts.join(" ");
}

/** The individual submit form on a team assignment: hand in for the team, in the individual result's shape. */
export async function submitTeamWorkAsIndividual(args: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
  input: SubmissionInput;
  now: Date;
  expectedLatestId?: string | null;
}): Promise<SubmitResult> {
  const result = await submitTeamWork({ ...args, expectedLatestId: args.expectedLatestId });
  const mine = result.members.find((m) => m.userId === args.viewer?.userId);
  return {
    submissionId: result.teamSubmissionId,
    submittedAt: result.submittedAt,
    assessment: {
      late: result.lateHours > 0,
      lateHours: result.lateHours,
      hoursCharged: mine?.change?.kind === "CHARGE" ? mine.change.hours : 0,
      outcome: result.outcome,
      overBudget: (mine?.balanceAfter ?? 0) < 0,
      balanceAfter: mine?.balanceAfter ?? null,
      penaltyPercent: 0,
      consequence: mine?.consequence ?? { kind: "none" },
      message: result.message,
    },
    ledgerChange: mine?.change ?? null,
    balanceAfter: mine?.balanceAfter ?? null,
    consequence: mine?.consequence ?? { kind: "none" },
    message: result.message,
  };
}

/** What submitting now would cost each member, in words, for the My team page. */
export async function previewTeamSubmission(
  tx: Tx | Db,
  {
    courseId,
    timeZone,
    assignmentId,
    viewerId,
    now,
  }: { courseId: string; timeZone: string; assignmentId: string; viewerId: string; now: Date },
): Promise<{ message: string; refused: boolean; lateHours: number; teamDueAt: Date | null }> {
  const { assignment, teamSet, team } = await viewersTeamFor(tx, courseId, assignmentId, viewerId);
  const memberIds = team.members.map((m) => m.userId);
  const policy = toDomainPolicy(await tx.latePolicy.findUnique({ where: { courseId }, select: policySelect }));
  const dueOf = await teamDeadlines(tx as Tx, {
    courseId,
    assignment,
    duePolicy: teamSet.duePolicy,
    teamIds: [team.id],
    studentIds: memberIds,
  });
  const sums = await ledgerSumsFor(tx as Tx, { courseId, assignmentId, studentIds: memberIds });
  const members = team.members.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    hoursUsedElsewhere: sums.get(m.userId)!.used - sums.get(m.userId)!.chargedHere,
  }));
  const teamDueAt = dueOf(team.id, memberIds).dueAt;
  const assessment = chargeTeamSubmission({
    teamPolicy: teamSet.latenessPolicy,
    policy,
    assignment: toAssessed(assignment),
    timeZone,
    teamDueAt,
    submittedAt: now,
    members,
  });
  const message = teamSubmissionPreview({
    teamPolicy: teamSet.latenessPolicy,
    assessment,
    members: members.map((m) => ({
      userId: m.userId,
      balanceBefore: policy.budgetHours === null ? null : policy.budgetHours - m.hoursUsedElsewhere,
    })),
    assignmentName: assignment.code,
    viewerId,
  });
  return { message, refused: assessment.refused, lateHours: assessment.lateHours, teamDueAt };
}
