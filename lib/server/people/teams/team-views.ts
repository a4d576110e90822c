import "server-only";
import type { TeamDue } from "@/lib/domain/team-lateness";
import type { Db, Tx } from "@/lib/server/platform/db";
import { authorize, can, type Viewer } from "@/lib/server/authorization/authz";
import { assignmentSelect } from "@/lib/server/deadlines/ledger";
import { teamDeadlines } from "@/lib/server/deadlines/team-ledger";
import { previewTeamSubmission } from "@/lib/server/deadlines/team-submissions";
import { formationOpen, teamSetSelect, type TeamSetRow } from "@/lib/server/people/teams/team-rules";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TeamHandIn = {
  id: string;
  submittedBy: string | null;
  submittedAt: Date;
  fileName: string | null;
  url: string | null;
  lateHours: number;
  outcome: string;
};

export type TeamWork = {
  assignmentId: string;
  code: string;
  title: string;
  teamDueAt: Date | null;
  /** Why the team's deadline is what it is, in words. */
  dueSource: string;
  handIns: TeamHandIn[];
  /** The team's extensions still in force (a revocation ends one). */
  extensions: { id: string; dueAt: Date | null; reason: string }[];
  grade: { score: number | null; feedback: string; version: number; overrides: Record<string, number> } | null;
};

export type TeamMemberView = { userId: string; name: string; email: string; lateHours: number };

export type TeamView = { id: string; name: string; belowMin: boolean; members: TeamMemberView[]; work: TeamWork[] };

export type TeamSetView = TeamSetRow & {
  open: boolean;
  assignments: { id: string; code: string; title: string; dueAt: Date | null }[];
  teams: TeamView[];
  unassigned: { userId: string; name: string; email: string }[];
};

function describeSource(due: TeamDue, names: Map<string, string>): string {
  switch (due.source.kind) {
    case "original":
      return "the assignment's due date";
    case "course":
      return "a course-wide extension";
    case "team":
      return "the team's extension";
    case "member":
      return `${names.get(due.source.userId) ?? "a member"}'s extension (the latest of the members')`;
  }
}

async function teamSetsWithWork(tx: Tx | Db, courseId: string, teamFilter: Prisma.TeamWhereInput) {
  const sets = await tx.teamSet.findMany({
    where: { courseId },
    orderBy: { name: "asc" },
    select: {
      ...teamSetSelect,
      assignments: { orderBy: [{ dueAt: "asc" }, { code: "asc" }], select: assignmentSelect },
      teams: {
        where: teamFilter,
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          members: {
            orderBy: { joinedAt: "asc" },
            select: { userId: true, user: { select: { name: true, email: true } } },
          },
          submissions: {
            orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
            select: {
              id: true,
              assignmentId: true,
              submittedAt: true,
              fileName: true,
              url: true,
              lateHours: true,
              outcome: true,
              submittedBy: { select: { name: true } },
            },
          },
          grades: { select: { assignmentId: true, score: true, feedback: true, version: true, overrides: true } },
          extensions: {
            where: { action: "GRANT", revokedBy: { is: null } },
            orderBy: { createdAt: "desc" },
            select: { id: true, assignmentId: true, dueAt: true, reason: true },
          },
        },
      },
    },
  });
  const view: TeamSetView[] = [];
  for (const set of sets) {
    const memberIds = set.teams.flatMap((t) => t.members.map((m) => m.userId));
    const names = new Map(set.teams.flatMap((t) => t.members.map((m) => [m.userId, m.user.name] as const)));
    const lateRows = await tx.ledgerEntry.groupBy({
      by: ["studentId"],
      where: {
        courseId,
        studentId: { in: memberIds },
        assignmentId: { in: set.assignments.map((a) => a.id) },
        kind: { in: ["CHARGE", "REFUND"] },
      },
      _sum: { hours: true },
    });
    const lateOf = new Map(lateRows.map((r) => [r.studentId, r._sum.hours ?? 0]));
    const dueResolvers = new Map<string, Awaited<ReturnType<typeof teamDeadlines>>>();
    for (const a of set.assignments)
      dueResolvers.set(
        a.id,
        await teamDeadlines(tx as Tx, {
          courseId,
          assignment: a,
          duePolicy: set.duePolicy,
          teamIds: set.teams.map((t) => t.id),
          studentIds: memberIds,
        }),
      );
    const teams: TeamView[] = set.teams.map((t) => {
      const ids = t.members.map((m) => m.userId);
      return {
        id: t.id,
        name: t.name,
        belowMin: t.members.length < set.minSize,
        members: t.members.map((m) => ({
          userId: m.userId,
          name: m.user.name,
          email: m.user.email,
          lateHours: lateOf.get(m.userId) ?? 0,
        })),
        work: set.assignments.map((a) => {
          const due = dueResolvers.get(a.id)!(t.id, ids);
          const grade = t.grades.find((g) => g.assignmentId === a.id);
          return {
            assignmentId: a.id,
            code: a.code,
            title: a.title,
            teamDueAt: due.dueAt,
            dueSource: describeSource(due, names),
            handIns: t.submissions
              .filter((s) => s.assignmentId === a.id)
              .map((s) => ({
                id: s.id,
                submittedBy: s.submittedBy?.name ?? null,
                submittedAt: s.submittedAt,
                fileName: s.fileName,
                url: s.url,
                lateHours: s.lateHours,
                outcome: s.outcome,
              })),
            extensions: t.extensions
              .filter((x) => x.assignmentId === a.id)
              .map(({ id, dueAt, reason }) => ({ id, dueAt, reason })),
            grade: grade
              ? {
                  score: grade.score,
                  feedback: grade.feedback,
                  version: grade.version,
                  overrides: grade.overrides as Record<string, number>,
                }
              : null,
          };
        }),
      };
    });
    view.push({
      ...set,
      open: false,
      assignments: set.assignments.map((a) => ({ id: a.id, code: a.code, title: a.title, dueAt: a.dueAt })),
      teams,
      unassigned: [],
    });
  }
  return view;
}

/** The staff Teams page: every set, team, member (with late hours on the set's work), hand-in and team grade. */
export async function getTeamsPage({
  db,
  viewer,
  slug,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  now: Date;
}) {
  const ctx = await authorize({ db, slug, viewer, permission: "teams.read" });
  const courseId = ctx.course.id;
  const sets = await teamSetsWithWork(db, courseId, {});
  const students = await db.membership.findMany({
    where: { courseId, role: "STUDENT", status: "ENROLLED" },
    orderBy: { user: { name: "asc" } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  for (const set of sets) {
    const placed = new Set(set.teams.flatMap((t) => t.members.map((m) => m.userId)));
    set.open = formationOpen(set, now);
    set.unassigned = students.filter((s) => !placed.has(s.userId)).map((s) => ({ userId: s.userId, ...s.user }));
  }
  const assignments = await db.assignment.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { dueAt: "asc" }],
    select: { id: true, code: true, title: true, teamSetId: true },
  });
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, timeZone: ctx.course.timeZone },
    canEdit: can(ctx, "teams.edit"),
    canExtend: can(ctx, "extensions.grant"),
    canGrade: can(ctx, "grades.edit"),
    teamSets: sets,
    assignments,
  };
}

/**
 * My team: for each team set, the student's team (or the teams they may join while
 * the set is open), and for each team assignment every hand-in (who, what, when),
 * the team's deadline and why, and what submitting now would cost each member.
 * Only the viewer's own team is read: another team looks like none at all.
 */
export async function getMyTeams({
  db,
  viewer,
  slug,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  now: Date;
}) {
  const ctx = await authorize({ db, slug, viewer, permission: "own.team.read" });
  const me = ctx.viewer!;
  const courseId = ctx.course.id;
  const sets = await teamSetsWithWork(db, courseId, { members: { some: { userId: me.userId } } });
  const result = [];
  for (const set of sets) {
    const open = formationOpen(set, now);
    const mine = set.teams[0] ?? null;
    const joinable = open
      ? (
          await db.team.findMany({
            where: { teamSetId: set.id, courseId, NOT: mine ? { id: mine.id } : undefined },
            orderBy: { name: "asc" },
            select: { id: true, name: true, _count: { select: { members: true } } },
          })
        )
          .map((t) => ({ id: t.id, name: t.name, size: t._count.members }))
          .filter((t) => set.maxSize === null || t.size < set.maxSize)
      : [];
    const previews = new Map<string, { message: string; refused: boolean }>();
    if (mine)
      for (const a of set.assignments)
        previews.set(
          a.id,
          await previewTeamSubmission(db, {
            courseId,
            timeZone: ctx.course.timeZone,
            assignmentId: a.id,
            viewerId: me.userId,
            now,
          }),
        );
    const myRows = mine
      ? await db.submission.findMany({
          where: { courseId, studentId: me.userId, teamSubmission: { teamId: mine.id } },
          select: { id: true, teamSubmissionId: true },
        })
      : [];
    const myGrades = await db.grade.findMany({
      where: {
        courseId,
        studentId: me.userId,
        assignmentId: { in: set.assignments.map((a) => a.id) },
        assignment: { gradesReleasedAt: { lte: now } },
      },
      select: { assignmentId: true, score: true, feedback: true },
    });
    result.push({
      ...set,
      open,
      myTeam: mine && {
        ...mine,
        members: mine.members.map(({ userId, name, lateHours }) => ({ userId, name, lateHours })),
        work: mine.work.map((w) => ({
          ...w,
          grade: null,
          myGrade: myGrades.find((g) => g.assignmentId === w.assignmentId) ?? null,
          preview: previews.get(w.assignmentId) ?? null,
          latestId: w.handIns[0]?.id ?? null,
          handIns: w.handIns.map((h) => ({
            ...h,
            myRowId: myRows.find((r) => r.teamSubmissionId === h.id)?.id ?? null,
          })),
        })),
      },
      teams: [],
      joinable,
    });
  }
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, timeZone: ctx.course.timeZone },
    viewerId: me.userId,
    canForm: can(ctx, "own.team.form"),
    teamSets: result,
  };
}
