import "server-only";
import type { Db } from "@/lib/server/platform/db";
import type { Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { courseWrite } from "@/lib/server/platform/course-write";
import { ConflictError, NotFoundError } from "@/lib/server/platform/errors";
import {
  assertFormationOpen,
  enrolledStudent,
  lockTeamSet,
  placeInTeam,
  teamIn,
  teamSetIn,
} from "@/lib/server/people/teams/team-rules";

// Students forming their own teams (NUS: "groups of 2-3 students"), until the set locks.
type Args = { db: Db; viewer: Viewer | null; slug: string; now: Date };
const FORM = "own.team.form" as const;

/** A student starts a team and is its first member; they must not already be in one of the set. */
export async function createOwnTeam({ teamSetId, name, now, ...args }: Args & { teamSetId: string; name: string }) {
  return courseWrite({ ...args, permission: FORM }, async ({ tx, ctx, me, courseId }) => {
    const set = await teamSetIn(tx, courseId, teamSetId);
    assertFormationOpen(set, now, ctx.course.timeZone);
    await enrolledStudent(tx, courseId, me.userId);
    await lockTeamSet(tx, teamSetId);
    const already = await tx.teamMember.findUnique({
      where: { teamSetId_userId: { teamSetId, userId: me.userId } },
      select: { team: { select: { name: true } } },
    });
    if (already) throw new ConflictError(`You are already in ${already.team.name}; leave it first.`);
    if (await tx.team.findFirst({ where: { teamSetId, name }, select: { id: true } }))
      throw new ConflictError(`There is already a team called ${name}; choose another name.`);
    const team = await tx.team.create({ data: { courseId, teamSetId, name }, select: { id: true, name: true } });
    await recordAudit(tx, [
      {
        courseId,
        actorId: me.userId,
        action: "team.create",
        entityType: "Team",
        entityId: team.id,
        after: { teamSetId, name },
      },
      ...(await placeInTeam(tx, { courseId, actorId: me.userId, set, team, userId: me.userId })),
    ]);
    return team;
  });
}

/** Join a team of the set while it is open; moves the student out of their current team. */
export async function joinTeam({ teamId, now, ...args }: Args & { teamId: string }) {
  return courseWrite({ ...args, permission: FORM }, async ({ tx, ctx, me, courseId }) => {
    const team = await teamIn(tx, courseId, teamId);
    assertFormationOpen(team.teamSet, now, ctx.course.timeZone);
    await enrolledStudent(tx, courseId, me.userId);
    await lockTeamSet(tx, team.teamSetId);
    await recordAudit(
      tx,
      await placeInTeam(tx, { courseId, actorId: me.userId, set: team.teamSet, team, userId: me.userId }),
    );
  });
}

/** Leave one's team while the set is open; the last one out leaves an empty team, deleted if it never handed in. */
export async function leaveTeam({ teamId, now, ...args }: Args & { teamId: string }) {
  return courseWrite({ ...args, permission: FORM }, async ({ tx, ctx, me, courseId }) => {
    const team = await teamIn(tx, courseId, teamId);
    assertFormationOpen(team.teamSet, now, ctx.course.timeZone);
    await lockTeamSet(tx, team.teamSetId);
    const removed = await tx.teamMember.deleteMany({ where: { teamId, userId: me.userId } });
    if (removed.count === 0) throw new NotFoundError("You are not in this team");
    const audits: AuditInput[] = [
      {
        courseId,
        actorId: me.userId,
        action: "team.member.remove",
        entityType: "Team",
        entityId: teamId,
        before: { userId: me.userId },
      },
    ];
    const [left, handedIn] = [
      await tx.teamMember.count({ where: { teamId } }),
      await tx.teamSubmission.count({ where: { teamId } }),
    ];
    if (left === 0 && handedIn === 0) {
      await tx.team.delete({ where: { id: teamId } });
      audits.push({
        courseId,
        actorId: me.userId,
        action: "team.delete",
        entityType: "Team",
        entityId: teamId,
        before: { name: team.name, teamSetId: team.teamSetId },
      });
    }
    await recordAudit(tx, audits);
  });
}
