import "server-only";
import { formatInZone } from "@/lib/domain/time";
import type { Tx } from "@/lib/server/platform/db";
import { ConflictError, NotFoundError } from "@/lib/server/platform/errors";
import type { AuditInput } from "@/lib/server/platform/audit";

/**
 * Membership changes in one team set run one at a time (a transaction-scoped
 * advisory lock on the set), so two students joining the last seat of a team
 * cannot both get it. The unique (teamSetId, userId) index is the backstop for
 * "a student is in at most one team of a set".
 */
export async function lockTeamSet(tx: Tx, teamSetId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lectern.teamset'), hashtext(${teamSetId}))`;
}

export const teamSetSelect = {
  id: true,
  name: true,
  minSize: true,
  maxSize: true,
  selfFormation: true,
  formationLocksAt: true,
  latenessPolicy: true,
  duePolicy: true,
} as const;

export type TeamSetRow = {
  id: string;
  name: string;
  minSize: number;
  maxSize: number | null;
  selfFormation: boolean;
  formationLocksAt: Date | null;
  latenessPolicy: "CHARGE_EACH" | "SHARED_BUDGET" | "NO_LATE";
  duePolicy: "LATEST_OF_MEMBERS" | "TEAM_ONLY";
};

export async function teamSetIn(tx: Tx, courseId: string, teamSetId: string): Promise<TeamSetRow> {
  const set = await tx.teamSet.findFirst({ where: { id: teamSetId, courseId }, select: teamSetSelect });
  if (!set) throw new NotFoundError("No such team set in this course");
  return set;
}

export async function teamIn(tx: Tx, courseId: string, teamId: string) {
  const team = await tx.team.findFirst({
    where: { id: teamId, courseId },
    select: { id: true, name: true, teamSetId: true, teamSet: { select: teamSetSelect } },
  });
  if (!team) throw new NotFoundError("No such team in this course");
  return team;
}

/** Students may form teams themselves while the set allows it and has not locked. */
export function formationOpen(set: Pick<TeamSetRow, "selfFormation" | "formationLocksAt">, now: Date): boolean {
  return set.selfFormation && (set.formationLocksAt === null || now.getTime() < set.formationLocksAt.getTime());
}

export function assertFormationOpen(set: TeamSetRow, now: Date, timeZone: string): void {
  if (!set.selfFormation) throw new ConflictError(`Teams in ${set.name} are made by the teaching staff.`);
  if (!formationOpen(set, now))
    throw new ConflictError(
      `${set.name} locked on ${formatInZone({ at: set.formationLocksAt!, timeZone })}; ask the teaching staff to change teams.`,
    );
}

/** The person must be an enrolled student of the course. */
export async function enrolledStudent(tx: Tx, courseId: string, userId: string) {
  const member = await tx.membership.findFirst({
    where: { courseId, userId, role: "STUDENT", status: "ENROLLED" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new NotFoundError("No such student in this course");
  return member.user;
}

/**
 * Puts a student in a team (moving them out of another team of the same set),
 * checking the size limit. Caller holds the set's lock. Returns the audit events.
 */
export async function placeInTeam(
  tx: Tx,
  {
    courseId,
    actorId,
    set,
    team,
    userId,
  }: {
    courseId: string;
    actorId: string;
    set: TeamSetRow;
    team: { id: string; name: string };
    userId: string;
  },
): Promise<AuditInput[]> {
  const current = await tx.teamMember.findUnique({
    where: { teamSetId_userId: { teamSetId: set.id, userId } },
    select: { id: true, teamId: true },
  });
  if (current?.teamId === team.id) return [];
  const size = await tx.teamMember.count({ where: { teamId: team.id } });
  if (set.maxSize !== null && size >= set.maxSize)
    throw new ConflictError(`${team.name} is full: teams in ${set.name} have at most ${set.maxSize} members.`);
  const audits: AuditInput[] = [];
  if (current) {
    await tx.teamMember.delete({ where: { id: current.id } });
    audits.push({
      courseId,
      actorId,
      action: "team.member.remove",
      entityType: "Team",
      entityId: current.teamId,
      before: { userId },
    });
  }
  await tx.teamMember.create({ data: { courseId, teamSetId: set.id, teamId: team.id, userId } });
  audits.push({
    courseId,
    actorId,
    action: "team.member.add",
    entityType: "Team",
    entityId: team.id,
    after: { userId },
  });
  return audits;
}
