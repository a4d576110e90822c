import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, can, type Viewer } from "@/lib/server/authorization/authz";
import { NotFoundError } from "@/lib/server/platform/errors";
import { gradeDistribution, scoreStats, type GradeDistribution, type ScoreStats } from "@/lib/domain/grading";
import { isReleased, loadGradingData, type GradingData } from "@/lib/server/grading/grading-data";

export type AssignmentSummary = {
  id: string;
  code: string;
  title: string;
  points: number;
  categoryName: string | null;
  dueAt: string | null;
  released: boolean;
  gradesReleasedAt: string | null;
  enrolled: number;
  graded: number;
  submissions: number;
  late: number;
  mean: number | null;
  median: number | null;
};

export type GradebookStats = {
  course: { slug: string; code: string; title: string; timeZone: string };
  canRelease: boolean;
  canImport: boolean;
  assignments: AssignmentSummary[];
  distribution: GradeDistribution;
};

/** Enrolled students who handed in anything, per assignment id. */
async function submissionCounts(db: Db, courseId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ assignmentId: string; n: number }[]>`
    SELECT s."assignmentId", count(DISTINCT s."studentId")::int AS "n"
    FROM "Submission" s JOIN "Membership" m ON m."courseId" = s."courseId" AND m."userId" = s."studentId"
    WHERE s."courseId" = ${courseId} AND m."role" = 'STUDENT' AND m."status" = 'ENROLLED'
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.assignmentId, r.n]));
}

function summarize(
  data: GradingData,
  submitted: Map<string, number>,
  ai: number,
  now: Date,
): { summary: AssignmentSummary; stats: ScoreStats } {
  const a = data.assignments[ai]!;
  const categoryName = a.categoryId ? (data.loaded.categories.find((c) => c.id === a.categoryId)?.name ?? null) : null;
  const scores = data.students.map((s) => s.cellScores[ai]!);
  const stats = scoreStats({ scores, points: a.points });
  const submissions = submitted.get(a.id) ?? 0;
  let late = 0;
  for (const s of data.students) {
    if (s.standing.cells.some((c) => c.itemId === a.id && c.lateHours > 0)) late++;
  }
  return {
    stats,
    summary: {
      id: a.id,
      code: a.code,
      title: a.title,
      points: a.points,
      categoryName,
      dueAt: data.dueAt(null, ai)?.toISOString() ?? null,
      released: isReleased(a, now),
      gradesReleasedAt: a.gradesReleasedAt?.toISOString() ?? null,
      enrolled: data.students.length,
      graded: stats.count,
      submissions,
      late,
      mean: stats.mean,
      median: stats.median,
    },
  };
}

/** Per assignment: counts, mean, median, release state; per course: current letters. */
export async function getGradebookStats({
  db,
  slug,
  viewer,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}): Promise<GradebookStats> {
  const ctx = await authorize({ db, slug, viewer, permission: "gradebook.read" });
  const [data, submitted] = await Promise.all([
    loadGradingData({ db, course: ctx.course, now }),
    submissionCounts(db, ctx.course.id),
  ]);
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, title: ctx.course.title, timeZone: ctx.course.timeZone },
    canRelease: can(ctx, "grades.release"),
    canImport: can(ctx, "grades.import"),
    assignments: data.assignments.map((_, ai) => summarize(data, submitted, ai, now).summary),
    distribution: gradeDistribution({
      letters: data.students.map((s) => s.current.letter),
      cutoffs: data.loaded.scheme.cutoffs,
    }),
  };
}

export type AssignmentStats = {
  course: { slug: string; code: string; timeZone: string };
  canRelease: boolean;
  summary: AssignmentSummary;
  stats: ScoreStats;
};

export async function getAssignmentStats({
  db,
  slug,
  viewer,
  assignmentId,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  assignmentId: string;
  now: Date;
}): Promise<AssignmentStats> {
  const ctx = await authorize({ db, slug, viewer, permission: "gradebook.read" });
  const [data, submitted] = await Promise.all([
    loadGradingData({ db, course: ctx.course, now }),
    submissionCounts(db, ctx.course.id),
  ]);
  const ai = data.assignments.findIndex((a) => a.id === assignmentId);
  if (ai < 0) throw new NotFoundError("No such assignment");
  const { summary, stats } = summarize(data, submitted, ai, now);
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, timeZone: ctx.course.timeZone },
    canRelease: can(ctx, "grades.release"),
    summary,
    stats,
  };
}
