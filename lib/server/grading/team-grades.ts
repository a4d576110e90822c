import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkScore } from "@/lib/domain/score-bounds";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { teamIn } from "@/lib/server/people/teams/team-rules";

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
    const members = await tx.teamMember.findMany({
      where: { teamId: team.id, user: { memberships: { some: { courseId, role: "STUDENT", status: "ENROLLED" } } } },
      select: { userId: true },
    });
    const memberIds = new Set(members.map((m) => m.userId));
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
    const grades = await tx.grade.findMany({
      where: { assignmentId: assignment.id, studentId: { in: [...memberIds] } },
      select: { id: true, studentId: true, score: true, feedback: true, excused: true },
    });
    const current = new Map(grades.map((g) => [g.studentId, g]));
    let changed = 0;
    for (const userId of memberIds) {
      const score = input.overrides[userId] ?? input.score;
      const old = current.get(userId);
      if (old && old.score === score && old.feedback === input.feedback && !old.excused) continue;
      const grade = old
        ? await tx.grade.update({
            where: { id: old.id },
            data: { score, feedback: input.feedback, excused: false, graderId: actorId, version: { increment: 1 } },
            select: { id: true, version: true },
          })
        : await tx.grade.create({
            data: {
              courseId,
              assignmentId: assignment.id,
              studentId: userId,
              score,
              feedback: input.feedback,
              graderId: actorId,
            },
            select: { id: true, version: true },
          });
      changed += 1;
      audits.push({
        courseId,
        actorId,
        action: "grade.update",
        entityType: "Grade",
        entityId: grade.id,
        before: old ? { score: old.score, feedback: old.feedback, excused: old.excused } : null,
        after: {
          score,
          feedback: input.feedback,
          studentId: userId,
          assignmentId: assignment.id,
          teamId: team.id,
          override: userId in input.overrides,
        },
      });
    }
    await recordAudit(tx, audits);
    return { version: saved.version, changed };
  });
}
