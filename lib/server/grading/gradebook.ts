import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, can, type Viewer } from "@/lib/server/authorization/authz";
import type { GradeScheme, LateConsequence, SchemeItem } from "@/lib/domain/grading";
import { loadGradingData } from "@/lib/server/grading/grading-data";

// The gradebook grid's data, shaped for the wire: one compact row per student with
// arrays aligned to `assignments`, so 2,000 × 50 cells stay a small payload.

export type GradebookAssignment = {
  id: string;
  code: string;
  title: string;
  points: number;
  categoryId: string | null;
  categoryName: string | null;
  released: boolean;
  dueAt: string | null;
  /** Team work (issue 16): handed in and graded by the teams of this set. */
  teamSetId: string | null;
};

export type GradebookRow = {
  id: string;
  name: string;
  email: string;
  trackId: string | null;
  /** The student's team in each team set (names shown beside the student; team work saves through them). */
  teams: { setId: string; id: string; name: string }[];
  /** Scores aligned with assignments; null = blank. */
  scores: (number | null)[];
  /** Grade versions; 0 = no grade row yet (the save creates it). */
  versions: number[];
  /** Assignment indexes whose grade has feedback. */
  feedback: number[];
  /** Assignment indexes whose grade is excused (shown as EX, left out of the grade). */
  excused: number[];
  /**
   * [assignment index, late hours, flags] for late or cut-off items; flags: 1 over cap, 2 after cutoff,
   * 4 graded at the policy's capped letter (Brown's D/F), 8 that letter waits for the grader's call.
   */
  late: [number, number, number][];
  hoursUsed: number;
  balance: number | null;
  flags: { overBudget: boolean; overCap: boolean; afterCutoff: boolean };
  /** Late-policy inputs the client needs to regrade the row after an edit. */
  consequences: LateConsequence[];
  missed: string[];
  current: { percent: number | null; letter: string | null };
};

export type GradebookData = {
  course: { slug: string; code: string; title: string; timeZone: string };
  permissions: { edit: boolean; release: boolean; import: boolean; scheme: boolean };
  assignments: GradebookAssignment[];
  categories: { id: string; name: string }[];
  policy: { kind: string; budgetHours: number | null; capHours: number | null; cutoffAt: string | null } | null;
  scheme: GradeScheme;
  items: SchemeItem[];
  /** The course's team sets; empty when it has no team work. */
  teamSets: { id: string; name: string }[];
  /** The page's first screen of rows (by name), or every row (getGradebookRows). */
  rows: GradebookRow[];
  /** Enrolled students in all: more than `rows` when the page sends only its first screen. */
  rowsTotal: number;
};

/**
 * Rows the gradebook page renders and sends with itself: a tall screen's worth (about 25 rows
 * of 40 px) plus the grid's overscan. The grid asks for the rest once it is on screen
 * (GET /api/courses/[slug]/gradebook/rows): issue 14.2, the first paint needs the visible rows.
 */
export const FIRST_SCREEN_ROWS = 60;

/** Every team set of the course and each student's team in it: two statements whatever the class size. */
async function teamsOf(db: Db, courseId: string) {
  const [sets, members] = await Promise.all([
    db.teamSet.findMany({ where: { courseId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.teamMember.findMany({
      where: { courseId },
      select: { userId: true, teamSetId: true, team: { select: { id: true, name: true } } },
    }),
  ]);
  const byStudent = new Map<string, GradebookRow["teams"]>();
  for (const m of members) {
    const list = byStudent.get(m.userId) ?? [];
    list.push({ setId: m.teamSetId, id: m.team.id, name: m.team.name });
    byStudent.set(m.userId, list);
  }
  return { sets, byStudent };
}

/** The positions of the true flags: a row's per-cell flags sent as short index lists. */
const indexesWhere = (flags: boolean[]) => flags.flatMap((flag, i) => (flag ? [i] : []));

export async function getGradebook({
  db,
  slug,
  viewer,
  now,
  firstStudents,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
  /** Only the first rows by name (the page's first screen); the default is every row. */
  firstStudents?: number;
}): Promise<GradebookData> {
  const ctx = await authorize({ db, slug, viewer, permission: "gradebook.read" });
  const [data, rowsTotal, teams] = await Promise.all([
    loadGradingData({ db, course: ctx.course, now, firstStudents }),
    firstStudents === undefined
      ? null
      : db.membership.count({ where: { courseId: ctx.course.id, role: "STUDENT", status: "ENROLLED" } }),
    teamsOf(db, ctx.course.id),
  ]);
  const categoryName = new Map(data.loaded.categories.map((c) => [c.id, c.name]));
  const index = new Map(data.assignments.map((a, i) => [a.id, i]));
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, title: ctx.course.title, timeZone: ctx.course.timeZone },
    permissions: {
      edit: can(ctx, "grades.edit"),
      release: can(ctx, "grades.release"),
      import: can(ctx, "grades.import"),
      scheme: can(ctx, "scheme.edit"),
    },
    assignments: data.assignments.map((a, i) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      points: a.points,
      categoryId: a.categoryId,
      categoryName: a.categoryId ? (categoryName.get(a.categoryId) ?? null) : null,
      released: a.gradesReleasedAt !== null && a.gradesReleasedAt <= now,
      // The course-wide date in force (CSC 490's A3–A6 moved for everyone), not the original.
      dueAt: data.dueAt(null, i)?.toISOString() ?? null,
      teamSetId: a.teamSetId ?? null,
    })),
    categories: data.loaded.categories.map((c) => ({ id: c.id, name: c.name })),
    policy: data.policy
      ? {
          kind: data.policy.kind,
          budgetHours: data.policy.budgetHours,
          capHours: data.policy.perAssignmentCapHours,
          cutoffAt: data.policy.finalCutoffAt?.toISOString() ?? null,
        }
      : null,
    scheme: data.loaded.scheme,
    items: data.loaded.items,
    teamSets: teams.sets,
    rows: data.students.map((s) => ({
      id: s.id,
      name: s.name,
      email: s.email,
      trackId: s.trackId,
      teams: teams.byStudent.get(s.id) ?? [],
      scores: s.cellScores,
      versions: s.versions,
      feedback: indexesWhere(s.hasFeedback),
      excused: indexesWhere(s.cellExcused),
      late: s.standing.cells.map((c) => [
        index.get(c.itemId)!,
        c.lateHours,
        (c.overCap ? 1 : 0) | (c.afterCutoff ? 2 : 0) | (c.outcome === "capped" ? 4 : 0) | (c.needsDecision ? 8 : 0),
      ]),
      hoursUsed: s.standing.hoursUsed,
      balance: s.standing.balance,
      flags: { overBudget: s.standing.overBudget, overCap: s.standing.overCap, afterCutoff: s.standing.afterCutoff },
      consequences: s.standing.consequences,
      missed: s.standing.missed,
      current: { percent: s.current.percent, letter: s.current.letter },
    })),
    rowsTotal: rowsTotal ?? data.students.length,
  };
}

/** Every row of the gradebook, for the grid to load after its first screen. */
export async function getGradebookRows(args: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}): Promise<{ rows: GradebookRow[] }> {
  const { rows } = await getGradebook(args);
  return { rows };
}
