/**
 * Demo teams (prisma/seed-data/teams.ts) written after a course is seeded: the
 * team set, its teams in roster order, the team assignments, and each team's
 * hand-ins turned into ONE team submission (the latest a member made), with every
 * member's Submission row pointing at it and every member holding the team's grade.
 *
 * Runs inside the seed's transaction and from plain scripts, so it imports no
 * server-only module; the lateness comes from lib/domain like the app's.
 */
import { teamDueAt } from "@/lib/domain/team-lateness";
import { lateHoursCharged } from "@/lib/domain/late-hours";
import { teamSeeds } from "@/prisma/seed-data/teams";
import { localInstant, type CourseSeed } from "@/prisma/seed-data/types";
import type { Tx } from "@/lib/server/platform/db";

/** student12@nus-lgm.demo → 12; other students (the cross-role demo person) after them. */
function rosterNumber(email: string): number {
  const match = /^student(\d+)@/.exec(email);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

export async function seedTeams(tx: Tx, course: CourseSeed, courseId: string): Promise<void> {
  const seed = teamSeeds[course.slug];
  if (!seed) return;
  const students = (
    await tx.membership.findMany({
      where: { courseId, role: "STUDENT", status: "ENROLLED", ...(seed.track ? { track: { name: seed.track } } : {}) },
      select: { userId: true, user: { select: { email: true } } },
    })
  ).sort((a, b) => rosterNumber(a.user.email) - rosterNumber(b.user.email) || a.user.email.localeCompare(b.user.email));

  const teamSet = await tx.teamSet.create({
    data: {
      courseId,
      name: seed.name,
      minSize: seed.minSize,
      maxSize: seed.maxSize,
      selfFormation: seed.selfFormation,
      formationLocksAt: seed.formationLocks ? localInstant(seed.formationLocks, course.timeZone) : null,
      latenessPolicy: seed.latenessPolicy,
      duePolicy: seed.duePolicy,
    },
    select: { id: true },
  });
  const groups: string[][] = [];
  for (let i = 0; i < students.length; i += seed.demoTeamSize)
    groups.push(students.slice(i, i + seed.demoTeamSize).map((s) => s.userId));
  // A last team below the minimum takes members from the one before it (NUS: 3 + 1 becomes 2 + 2).
  const last = groups.at(-1);
  if (last && groups.length > 1 && last.length < seed.minSize) {
    const previous = groups.at(-2)!;
    while (last.length < seed.minSize && previous.length > seed.minSize) last.unshift(previous.pop()!);
  }
  const teams = [];
  for (const [i, memberIds] of groups.entries()) {
    const team = await tx.team.create({
      data: { courseId, teamSetId: teamSet.id, name: seed.teamName(i + 1) },
      select: { id: true },
    });
    teams.push({ id: team.id, memberIds });
  }
  await tx.teamMember.createMany({
    data: teams.flatMap((t) =>
      t.memberIds.map((userId) => ({ courseId, teamSetId: teamSet.id, teamId: t.id, userId })),
    ),
  });

  const assignments = await tx.assignment.findMany({
    where: { courseId, code: { in: seed.assignments } },
    select: { id: true, dueAt: true },
  });
  await tx.assignment.updateMany({
    where: { id: { in: assignments.map((a) => a.id) } },
    data: { teamSetId: teamSet.id },
  });
  const policy = await tx.latePolicy.findUnique({ where: { courseId } });
  for (const assignment of assignments) await seedTeamHandIns(tx, { courseId, course, assignment, teams, policy });
}

async function seedTeamHandIns(
  tx: Tx,
  {
    courseId,
    course,
    assignment,
    teams,
    policy,
  }: {
    courseId: string;
    course: CourseSeed;
    assignment: { id: string; dueAt: Date | null };
    teams: { id: string; memberIds: string[] }[];
    policy: { graceMinutes: number } | null;
  },
): Promise<void> {
  const [submissions, extensions, grades] = [
    await tx.submission.findMany({
      where: { courseId, assignmentId: assignment.id },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    }),
    await tx.extension.findMany({
      where: { courseId, assignmentId: assignment.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    await tx.grade.findMany({ where: { courseId, assignmentId: assignment.id } }),
  ];
  const extensionEvents = extensions.map((e) => ({ ...e, reason: e.reason || null }));
  for (const team of teams) {
    const handIns = submissions.filter((s) => team.memberIds.includes(s.studentId));
    const final = handIns.at(-1);
    if (!final) continue;
    const due = teamDueAt({
      policy: "LATEST_OF_MEMBERS",
      originalDueAt: assignment.dueAt,
      courseExtensions: extensionEvents.filter((e) => e.studentId === null),
      teamExtensions: [],
      memberExtensions: extensionEvents.filter((e) => e.studentId !== null),
      memberIds: team.memberIds,
    });
    const lateHours = due.dueAt
      ? lateHoursCharged({
          dueAt: due.dueAt,
          submittedAt: final.submittedAt,
          timeZone: course.timeZone,
          graceMinutes: policy?.graceMinutes ?? 0,
        })
      : 0;
    const teamSubmission = await tx.teamSubmission.create({
      data: {
        courseId,
        assignmentId: assignment.id,
        teamId: team.id,
        submittedById: final.studentId,
        submittedAt: final.submittedAt,
        url: final.url,
        fileName: final.fileName,
        fileType: final.fileType,
        fileSize: final.fileSize,
        lateHours,
        outcome: lateHours > 0 ? "flagged_late" : "on_time",
        createdAt: final.submittedAt,
      },
      select: { id: true },
    });
    // The members' own drafts give way to the team's one hand-in.
    await tx.submission.deleteMany({ where: { id: { in: handIns.map((s) => s.id) } } });
    await tx.submission.createMany({
      data: team.memberIds.map((studentId) => ({
        courseId,
        assignmentId: assignment.id,
        studentId,
        submittedAt: final.submittedAt,
        url: final.url,
        fileName: final.fileName,
        fileType: final.fileType,
        fileSize: final.fileSize,
        teamSubmissionId: teamSubmission.id,
        createdAt: final.submittedAt,
      })),
    });
    const teamGrade = grades.find((g) => g.studentId === final.studentId);
    if (!teamGrade) continue;
    await tx.teamGrade.create({
      data: {
        courseId,
        assignmentId: assignment.id,
        teamId: team.id,
        score: teamGrade.score,
        feedback: teamGrade.feedback,
        graderId: teamGrade.graderId,
      },
    });
    for (const studentId of team.memberIds) {
      await tx.grade.upsert({
        where: { assignmentId_studentId: { assignmentId: assignment.id, studentId } },
        create: {
          courseId,
          assignmentId: assignment.id,
          studentId,
          score: teamGrade.score,
          feedback: teamGrade.feedback,
          graderId: teamGrade.graderId,
        },
        update: { score: teamGrade.score, feedback: teamGrade.feedback, graderId: teamGrade.graderId },
      });
    }
  }
}
