import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkScore } from "@/lib/domain/score-bounds";
import type { Db, Tx } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { teamIn } from "@/lib/server/people/teams/team-rules";
import { GradeConflictError, readCell, ScoreBoundError, type CellState } from "@/lib/server/grading/grades";
import type { TeamCellSaveInput } from "@/lib/validation/teams";

export type TeamGradeInput = {
  assignmentId: string;
  teamId: string;
  /** The team's score; null clears it. */
  score: number | null;
  feedback: string;
  /** Members whose grade differs from the team's: userId → their score. */
  overrides: Record<string, number>;
  /** The TeamGrade version the grader read (null: there was none). */
  version: number | null;
  extraCredit?: boolean;
};

function assertScore(score: number, points: number, extraCredit: boolean, field: string): void {
  const check = checkScore({ score, points, extraCredit });
  if (!check.ok) throw new ValidationError("Please correct the highlighted fields.", { [field]: [check.message] });
}

/**
 * One grade for the team: written to every current member's Grade row (the
 * gradebook and My grades read those), except members with an override, who get
 * theirs. The team grade, every member grade it changes and the overrides are
 * audited in one transaction; a stale version is a 409, never a lost grade.
 */
export async function saveTeamGrade({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: TeamGradeInput;
}): Promise<{ version: number; changed: number }> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.edit" });
  const courseId = ctx.course.id;
  const actorId = ctx.viewer!.userId;
  return db.$transaction(async (tx) => {
    const team = await teamIn(tx, courseId, input.teamId);
    const assignment = await tx.assignment.findFirst({
      where: { id: input.assignmentId, courseId },
      select: { id: true, code: true, points: true, teamSetId: true },
    });
    if (!assignment) throw new NotFoundError("No such assignment in this course");
    if (assignment.teamSetId !== team.teamSetId)
      throw new ConflictError(`${assignment.code} is not graded by the teams of ${team.teamSet.name}.`);
    const memberIds = await enrolledMemberIds(tx, courseId, team.id);
    for (const userId of Object.keys(input.overrides))
      if (!memberIds.has(userId))
        throw new ValidationError("Please correct the highlighted fields.", {
          overrides: ["An override names someone who is not in this team."],
        });
    if (input.score !== null) assertScore(input.score, assignment.points, input.extraCredit ?? false, "score");
    for (const [userId, score] of Object.entries(input.overrides))
      assertScore(score, assignment.points, input.extraCredit ?? false, `override.${userId}`);

    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lectern.teamgrade'), hashtext(${team.id + assignment.id}))`;
    const before = await tx.teamGrade.findUnique({
      where: { assignmentId_teamId: { assignmentId: assignment.id, teamId: team.id } },
    });
    if ((before?.version ?? null) !== input.version)
      throw new ConflictError(
        `Someone else changed ${team.name}'s grade for ${assignment.code} meanwhile; reload to see it.`,
      );
    const data = {
      score: input.score,
      feedback: input.feedback,
      graderId: actorId,
      overrides: input.overrides as Prisma.InputJsonValue,
    };
    const saved = before
      ? await tx.teamGrade.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.teamGrade.create({ data: { courseId, assignmentId: assignment.id, teamId: team.id, ...data } });
    const audits: AuditInput[] = [
      {
        courseId,
        actorId,
        action: "teamGrade.update",
        entityType: "TeamGrade",
        entityId: saved.id,
        before: before && { score: before.score, feedback: before.feedback, overrides: before.overrides },
        after: {
          score: saved.score,
          feedback: saved.feedback,
          overrides: saved.overrides,
          teamId: team.id,
          assignmentId: assignment.id,
        },
      },
    ];
    const written = await writeMemberGrades(tx, {
      courseId,
      actorId,
      actorName: ctx.viewer!.name,
      assignmentId: assignment.id,
      teamId: team.id,
      memberIds,
      score: input.score,
      overrides: input.overrides,
      feedback: input.feedback,
    });
    audits.push(...written.audits);
    const changed = written.cells.size;
    await recordAudit(tx, audits);
    return { version: saved.version, changed };
  });
}

/** The enrolled members of a team (a dropped student keeps their grade but gets no new one). */
async function enrolledMemberIds(tx: Tx, courseId: string, teamId: string): Promise<Set<string>> {
  const members = await tx.teamMember.findMany({
    where: { teamId, user: { memberships: { some: { courseId, role: "STUDENT", status: "ENROLLED" } } } },
    select: { userId: true },
  });
  return new Set(members.map((m) => m.userId));
}

/**
 * Writes the team's grade to the Grade row of each of `memberIds` (their override if they have one),
 * skipping rows already at that value; one audit event per row written. `feedback` undefined keeps each
 * member's own feedback (a score typed in the gradebook says nothing about feedback).
 */
async function writeMemberGrades(
  tx: Tx,
  w: {
    courseId: string;
    actorId: string;
    actorName: string;
    assignmentId: string;
    teamId: string;
    memberIds: ReadonlySet<string>;
    score: number | null;
    overrides: Record<string, number>;
    feedback?: string;
  },
): Promise<{ audits: AuditInput[]; cells: Map<string, CellState> }> {
  const grades = await tx.grade.findMany({
    where: { assignmentId: w.assignmentId, studentId: { in: [...w.memberIds] } },
    select: { id: true, studentId: true, score: true, feedback: true, excused: true },
  });
  const current = new Map(grades.map((g) => [g.studentId, g]));
  const audits: AuditInput[] = [];
  const cells = new Map<string, CellState>();
  for (const userId of w.memberIds) {
    const score = w.overrides[userId] ?? w.score;
    const old = current.get(userId);
    const feedback = w.feedback ?? old?.feedback ?? "";
    if (old && old.score === score && old.feedback === feedback && !old.excused) continue;
    const select = { id: true, version: true, updatedAt: true } as const;
    const grade = old
      ? await tx.grade.update({
          where: { id: old.id },
          data: { score, feedback, excused: false, graderId: w.actorId, version: { increment: 1 } },
          select,
        })
      : await tx.grade.create({
          data: {
            courseId: w.courseId,
            assignmentId: w.assignmentId,
            studentId: userId,
            score,
            feedback,
            graderId: w.actorId,
          },
          select,
        });
    cells.set(userId, {
      score,
      excused: false,
      feedback,
      version: grade.version,
      graderName: w.actorName,
      updatedAt: grade.updatedAt.toISOString(),
    });
    audits.push({
      courseId: w.courseId,
      actorId: w.actorId,
      action: "grade.update",
      entityType: "Grade",
      entityId: grade.id,
      before: old ? { score: old.score, feedback: old.feedback, excused: old.excused } : null,
      after: {
        score,
        feedback,
        studentId: userId,
        assignmentId: w.assignmentId,
        teamId: w.teamId,
        override: userId in w.overrides,
      },
    });
  }
  return { audits, cells };
}

export type TeamCellSaved = {
  /** The typed member's cell as saved. */
  cell: CellState;
  /** The other members' cells the save changed (team scope). */
  members: { studentId: string; cell: CellState }[];
  team: { id: string; name: string };
};

/**
 * A score typed in the gradebook on team work, for a member of a team. scope "team": the team's grade
 * (written to every member without an override; the typed member's own override ends). scope
 * "member": that member's override (the rest of the team is untouched); a blank override ends it,
 * and the member follows the team's grade again. The TeamGrade and every Grade row it changes are
 * written and audited in one transaction; the typed cell must still be at the version the grader read.
 */
export async function saveTeamGradeCell({
  db,
  viewer,
  slug,
  assignmentId,
  studentId,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
  studentId: string;
  input: TeamCellSaveInput;
}): Promise<TeamCellSaved> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.edit" });
  const courseId = ctx.course.id;
  const actor = ctx.viewer!;
  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, courseId },
      select: { id: true, code: true, points: true, teamSetId: true },
    });
    if (!assignment) throw new NotFoundError("No such grade");
    if (!assignment.teamSetId) throw new ConflictError(`${assignment.code} is not team work: grade it per student.`);
    const membership = await tx.teamMember.findUnique({
      where: { teamSetId_userId: { teamSetId: assignment.teamSetId, userId: studentId } },
      select: { team: { select: { id: true, name: true } } },
    });
    if (!membership) throw new NotFoundError("This student is in no team for this assignment");
    const team = membership.team;
    const memberIds = await enrolledMemberIds(tx, courseId, team.id);
    if (!memberIds.has(studentId)) throw new NotFoundError("No such grade");
    if (input.score !== null) {
      const check = checkScore({ score: input.score, points: assignment.points, extraCredit: input.extraCredit });
      if (!check.ok) throw new ScoreBoundError(check.reason, check.message);
    }

    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lectern.teamgrade'), hashtext(${team.id + assignment.id}))`;
    const mine = await readCell(tx, assignment.id, studentId);
    if (mine.version !== input.version) throw new GradeConflictError(mine);
    const before = await tx.teamGrade.findUnique({
      where: { assignmentId_teamId: { assignmentId: assignment.id, teamId: team.id } },
    });
    const overrides = { ...((before?.overrides ?? {}) as Record<string, number>) };
    let score = before?.score ?? null;
    if (input.scope === "team") {
      score = input.score;
      delete overrides[studentId];
    } else if (input.score === null) delete overrides[studentId];
    else overrides[studentId] = input.score;

    const data = { score, graderId: actor.userId, overrides: overrides as Prisma.InputJsonValue };
    const saved = before
      ? await tx.teamGrade.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.teamGrade.create({ data: { courseId, assignmentId: assignment.id, teamId: team.id, ...data } });
    const written = await writeMemberGrades(tx, {
      courseId,
      actorId: actor.userId,
      actorName: actor.name,
      assignmentId: assignment.id,
      teamId: team.id,
      // A member's own score touches no one else; the team's reaches every member.
      memberIds: input.scope === "team" ? memberIds : new Set([studentId]),
      score,
      overrides,
    });
    await recordAudit(tx, [
      {
        courseId,
        actorId: actor.userId,
        action: "teamGrade.update",
        entityType: "TeamGrade",
        entityId: saved.id,
        before: before && { score: before.score, overrides: before.overrides },
        after: {
          score: saved.score,
          overrides: saved.overrides,
          teamId: team.id,
          assignmentId: assignment.id,
          via: "gradebook",
          scope: input.scope,
          studentId,
        },
      },
      ...written.audits,
    ]);
    const cell = written.cells.get(studentId) ?? mine;
    written.cells.delete(studentId);
    return {
      cell,
      members: [...written.cells].map(([id, c]) => ({ studentId: id, cell: c })),
      team,
    };
  });
}
