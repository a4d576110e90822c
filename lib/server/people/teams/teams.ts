import "server-only";
import type { Db } from "@/lib/server/platform/db";
import type { Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { courseWrite } from "@/lib/server/platform/course-write";
import type { Tx } from "@/lib/server/platform/db";
import { ConflictError, NotFoundError } from "@/lib/server/platform/errors";
import { instantOf } from "@/lib/server/platform/local-dates";
import type { TeamSetInput } from "@/lib/validation/teams";
import {
  enrolledStudent,
  lockTeamSet,
  placeInTeam,
  teamIn,
  teamSetIn,
  teamSetSelect,
} from "@/lib/server/people/teams/team-rules";

type Args = { db: Db; viewer: Viewer | null; slug: string };
const EDIT = "teams.edit" as const;

/** Create or update a team set; every change is audited with before and after. */
export async function saveTeamSet({ input, ...args }: Args & { input: TeamSetInput }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, ctx, me, courseId }) => {
    const data = {
      name: input.name,
      minSize: input.minSize,
      maxSize: input.maxSize,
      selfFormation: input.selfFormation,
      formationLocksAt: instantOf(input.formationLocksAt, ctx.course.timeZone),
      latenessPolicy: input.latenessPolicy,
      duePolicy: input.duePolicy,
    };
    const clash = await tx.teamSet.findFirst({
      where: { courseId, name: input.name, ...(input.teamSetId ? { NOT: { id: input.teamSetId } } : {}) },
      select: { id: true },
    });
    if (clash) throw new ConflictError(`This course already has a team set called ${input.name}.`);
    const before = input.teamSetId ? await teamSetIn(tx, courseId, input.teamSetId) : null;
    const set = before
      ? await tx.teamSet.update({ where: { id: before.id }, data, select: teamSetSelect })
      : await tx.teamSet.create({ data: { courseId, ...data }, select: teamSetSelect });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: before ? "teamSet.update" : "teamSet.create",
      entityType: "TeamSet",
      entityId: set.id,
      before,
      after: set,
    });
    return set;
  });
}

/** Make an assignment a team assignment of a set (or an individual one again), before anyone hands it in. */
export async function setAssignmentTeamSet({
  assignmentId,
  teamSetId,
  ...args
}: Args & { assignmentId: string; teamSetId: string | null }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, me, courseId }) => {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, courseId },
      select: { id: true, code: true, teamSetId: true },
    });
    if (!assignment) throw new NotFoundError("No such assignment in this course");
    if (teamSetId) await teamSetIn(tx, courseId, teamSetId);
    if (assignment.teamSetId === teamSetId) return;
    const handedIn = await tx.submission.count({ where: { courseId, assignmentId } });
    if (handedIn > 0)
      throw new ConflictError(
        `${assignment.code} already has submissions; it can no longer change between team and individual work.`,
      );
    await tx.assignment.update({ where: { id: assignmentId }, data: { teamSetId } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "assignment.teamSet",
      entityType: "Assignment",
      entityId: assignmentId,
      before: { teamSetId: assignment.teamSetId },
      after: { teamSetId },
    });
  });
}

async function uniqueTeamName(tx: Tx, teamSetId: string, name: string, except?: string) {
  const clash = await tx.team.findFirst({
    where: { teamSetId, name, ...(except ? { NOT: { id: except } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ConflictError(`There is already a team called ${name} in this set.`);
}

export async function createTeam({ teamSetId, name, ...args }: Args & { teamSetId: string; name: string }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, me, courseId }) => {
    await teamSetIn(tx, courseId, teamSetId);
    await lockTeamSet(tx, teamSetId);
    await uniqueTeamName(tx, teamSetId, name);
    const team = await tx.team.create({ data: { courseId, teamSetId, name }, select: { id: true, name: true } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "team.create",
      entityType: "Team",
      entityId: team.id,
      after: { teamSetId, name },
    });
    return team;
  });
}

export async function renameTeam({ teamId, name, ...args }: Args & { teamId: string; name: string }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, me, courseId }) => {
    const team = await teamIn(tx, courseId, teamId);
    await lockTeamSet(tx, team.teamSetId);
    await uniqueTeamName(tx, team.teamSetId, name, teamId);
    await tx.team.update({ where: { id: teamId }, data: { name } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "team.rename",
      entityType: "Team",
      entityId: teamId,
      before: { name: team.name },
      after: { name },
    });
  });
}

/** A team that has handed anything in keeps its history: it cannot be deleted, only emptied. */
export async function deleteTeam({ teamId, ...args }: Args & { teamId: string }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, me, courseId }) => {
    const team = await teamIn(tx, courseId, teamId);
    await lockTeamSet(tx, team.teamSetId);
    const handedIn = await tx.teamSubmission.count({ where: { teamId } });
    if (handedIn > 0)
      throw new ConflictError(`${team.name} has handed in work; remove its members instead of deleting it.`);
    const members = await tx.teamMember.findMany({ where: { teamId }, select: { userId: true } });
    await tx.team.delete({ where: { id: teamId } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "team.delete",
      entityType: "Team",
      entityId: teamId,
      before: { name: team.name, teamSetId: team.teamSetId, members: members.map((m) => m.userId) },
    });
  });
}

/** Staff put a student in a team (moving them from another team of the set); size limits hold for staff too. */
export async function addTeamMember({ teamId, userId, ...args }: Args & { teamId: string; userId: string }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, me, courseId }) => {
    const team = await teamIn(tx, courseId, teamId);
    await enrolledStudent(tx, courseId, userId);
    await lockTeamSet(tx, team.teamSetId);
    await recordAudit(tx, await placeInTeam(tx, { courseId, actorId: me.userId, set: team.teamSet, team, userId }));
  });
}

/** Removing a member never touches their submissions or ledger: the history stays theirs. */
export async function removeTeamMember({ teamId, userId, ...args }: Args & { teamId: string; userId: string }) {
  return courseWrite({ ...args, permission: EDIT }, async ({ tx, me, courseId }) => {
    const team = await teamIn(tx, courseId, teamId);
    await lockTeamSet(tx, team.teamSetId);
    const removed = await tx.teamMember.deleteMany({ where: { teamId, userId } });
    if (removed.count === 0) throw new NotFoundError("No such member in this team");
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "team.member.remove",
      entityType: "Team",
      entityId: teamId,
      before: { userId },
    });
  });
}
