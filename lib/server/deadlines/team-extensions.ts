import "server-only";
import { formatInZone } from "@/lib/domain/time";
import { TX_OPTIONS, type Db, type Tx } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { instantOf } from "@/lib/server/platform/local-dates";
import { assignmentSelect, lockStudentLedgers, policySelect, toDomainPolicy } from "@/lib/server/deadlines/ledger";
import { recomputeTeamAssignmentLedgers, teamDeadlines } from "@/lib/server/deadlines/team-ledger";
import { teamIn } from "@/lib/server/people/teams/team-rules";

type Args = { db: Db; viewer: Viewer | null; slug: string; teamId: string; assignmentId: string };

export type TeamExtensionOutcome = {
  extensionId: string;
  corrections: number;
  hoursCharged: number;
  hoursRefunded: number;
  /** "Group 3's deadline for P2 is now Fri 12 Dec, 18:00 EST." */
  message: string;
};

/** The team, the team assignment of its set, and everyone whose ledger the change can touch, locked. */
async function prepare(tx: Tx, courseId: string, teamId: string, assignmentId: string) {
  const team = await teamIn(tx, courseId, teamId);
  const assignment = await tx.assignment.findFirst({
    where: { id: assignmentId, courseId },
    select: { ...assignmentSelect, teamSetId: true },
  });
  if (!assignment) throw new NotFoundError("No such assignment in this course");
  if (assignment.teamSetId !== team.teamSetId)
    throw new ConflictError(`${assignment.code} is not handed in by the teams of ${team.teamSet.name}.`);
  const [current, handedIn] = [
    await tx.teamMember.findMany({ where: { teamId }, select: { userId: true } }),
    await tx.submission.findMany({
      where: { courseId, assignmentId, teamSubmission: { teamId } },
      distinct: ["studentId"],
      select: { studentId: true },
    }),
  ];
  const memberIds = current.map((m) => m.userId);
  await lockStudentLedgers(tx, courseId, [...memberIds, ...handedIn.map((s) => s.studentId)]);
  return { team, assignment, memberIds };
}

async function finish(
  tx: Tx,
  {
    courseId,
    timeZone,
    actorId,
    prepared,
    extensionId,
    action,
    cause,
  }: {
    courseId: string;
    timeZone: string;
    actorId: string;
    prepared: Awaited<ReturnType<typeof prepare>>;
    extensionId: string;
    action: "teamExtension.grant" | "teamExtension.revoke";
    cause: string;
  },
): Promise<TeamExtensionOutcome> {
  const { team, assignment, memberIds } = prepared;
  const policy = toDomainPolicy(await tx.latePolicy.findUnique({ where: { courseId }, select: policySelect }));
  const recomputed = await recomputeTeamAssignmentLedgers(tx, {
    courseId,
    timeZone,
    policy,
    assignment,
    teamPolicies: team.teamSet,
    studentIds: null,
    teamIds: [team.id],
    actorId,
    cause,
  });
  const dueOf = await teamDeadlines(tx, {
    courseId,
    assignment,
    duePolicy: team.teamSet.duePolicy,
    teamIds: [team.id],
    studentIds: memberIds,
  });
  const due = dueOf(team.id, memberIds).dueAt;
  const row = await tx.teamExtension.findUniqueOrThrow({ where: { id: extensionId } });
  await recordAudit(tx, [
    {
      courseId,
      actorId,
      action,
      entityType: "TeamExtension",
      entityId: extensionId,
      after: { ...row, teamDueAt: due },
    },
    ...recomputed.audits,
  ]);
  return {
    extensionId,
    corrections: recomputed.corrections,
    hoursCharged: recomputed.hoursCharged,
    hoursRefunded: recomputed.hoursRefunded,
    message: `${team.name}'s deadline for ${assignment.code} is now ${due ? formatInZone({ at: due, timeZone }) : "none"}, for every member.`,
  };
}

/** A per-team extension: applies to every member of the team; their charges are recomputed in the same transaction. */
export async function grantTeamExtension({
  db,
  viewer,
  slug,
  teamId,
  assignmentId,
  dueLocal,
  reason,
}: Args & { dueLocal: { date: string; time: string }; reason: string }): Promise<TeamExtensionOutcome> {
  const ctx = await authorize({ db, slug, viewer, permission: "extensions.grant" });
  const { id: courseId, timeZone } = ctx.course;
  const dueAt = instantOf(dueLocal, timeZone)!;
  if (!reason.trim()) throw new ValidationError("Give a reason.", { reason: ["Give a reason; the team sees it."] });
  return db.$transaction(async (tx) => {
    const prepared = await prepare(tx, courseId, teamId, assignmentId);
    const grant = await tx.teamExtension.create({
      data: {
        courseId,
        assignmentId,
        teamId,
        action: "GRANT",
        dueAt,
        reason: reason.trim(),
        grantedById: ctx.viewer!.userId,
      },
      select: { id: true },
    });
    return finish(tx, {
      courseId,
      timeZone,
      actorId: ctx.viewer!.userId,
      prepared,
      extensionId: grant.id,
      action: "teamExtension.grant",
      cause: `team extension for ${prepared.team.name}`,
    });
  }, TX_OPTIONS);
}

export async function revokeTeamExtension({
  db,
  viewer,
  slug,
  extensionId,
  reason,
}: Omit<Args, "teamId" | "assignmentId"> & { extensionId: string; reason: string }): Promise<TeamExtensionOutcome> {
  const ctx = await authorize({ db, slug, viewer, permission: "extensions.grant" });
  const { id: courseId, timeZone } = ctx.course;
  return db.$transaction(async (tx) => {
    const grant = await tx.teamExtension.findFirst({
      where: { id: extensionId, courseId, action: "GRANT" },
      select: { id: true, teamId: true, assignmentId: true, revokedBy: { select: { id: true } } },
    });
    if (!grant) throw new NotFoundError("No such team extension");
    if (grant.revokedBy) throw new ConflictError("This extension was already revoked.");
    const prepared = await prepare(tx, courseId, grant.teamId, grant.assignmentId);
    const revoke = await tx.teamExtension.create({
      data: {
        courseId,
        assignmentId: grant.assignmentId,
        teamId: grant.teamId,
        action: "REVOKE",
        revokesId: grant.id,
        reason: reason.trim(),
        grantedById: ctx.viewer!.userId,
      },
      select: { id: true },
    });
    return finish(tx, {
      courseId,
      timeZone,
      actorId: ctx.viewer!.userId,
      prepared,
      extensionId: revoke.id,
      action: "teamExtension.revoke",
      cause: `team extension for ${prepared.team.name} revoked`,
    });
  }, TX_OPTIONS);
}
