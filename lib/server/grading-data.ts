import "server-only";
import type { Db } from "./db";
import { compileScheme, type CompiledScheme, type FinalGrade, type StudentScores } from "@/lib/domain/grading";
import { effectiveDueAt, type DueDateExtension } from "@/lib/domain/effective-due";
import type { AssignmentKind, LatePolicy, LedgerEntryKind } from "@/lib/domain/late-policy";
import { lateStanding, type LateStanding } from "@/lib/domain/late-standing";
import { loadScheme, type LoadedScheme } from "./grade-scheme";

// Everything needed to grade a class (or one student): the scheme, the items, the
// late policy and, per student, scores, grade versions and late standing. Reads
// are a handful of set-based queries, so 2,000 × 50 stays one round trip each.

export type GradingAssignment = {
  id: string;
  code: string;
  title: string;
  kind: AssignmentKind;
  points: number;
  categoryId: string | null;
  weight: number | null;
  dueAt: Date | null;
  gradesReleasedAt: Date | null;
  lateHoursApply: boolean;
  acceptsLate: boolean;
};

export type GradeCell = { gradeId: string; score: number | null; version: number; hasFeedback: boolean };

export type GradingStudent = {
  id: string;
  name: string;
  email: string;
  trackId: string | null;
  scores: StudentScores;
  /** Aligned with `assignments`; null = no grade row. */
  cells: (GradeCell | null)[];
  /** Latest submission per assignment index (absent = none). */
  submittedAt: (Date | null)[];
  standing: LateStanding;
  current: FinalGrade;
};

export type GradingData = {
  loaded: LoadedScheme;
  compiled: CompiledScheme;
  assignments: GradingAssignment[];
  policy: LatePolicy | null;
  students: GradingStudent[];
};

export function isReleased(a: { gradesReleasedAt: Date | null }, now: Date): boolean {
  return a.gradesReleasedAt !== null && a.gradesReleasedAt.getTime() <= now.getTime();
}

export function toDomainPolicy(p: {
  kind: LatePolicy["kind"];
  budgetHours: number | null;
  perAssignmentCapHours: number | null;
  excludedWindowStart: string | null;
  excludedWindowEnd: string | null;
  graceMinutes: number;
  coveredKinds: AssignmentKind[];
  overCapAction: LatePolicy["overCapAction"];
  overBudgetGradeCap: string | null;
  finalCutoffAt: Date | null;
  penaltyPercent: number | null;
  penaltyUnit: LatePolicy["penaltyUnit"];
  penaltyFloorPercent: number | null;
}): LatePolicy {
  return {
    kind: p.kind,
    budgetHours: p.budgetHours,
    perAssignmentCapHours: p.perAssignmentCapHours,
    excludedWindow: p.excludedWindowStart && p.excludedWindowEnd ? { start: p.excludedWindowStart, end: p.excludedWindowEnd } : null,
    graceMinutes: p.graceMinutes,
    coveredKinds: p.coveredKinds,
    overCapAction: p.overCapAction,
    overBudgetGradeCap: p.overBudgetGradeCap,
    finalCutoffAt: p.finalCutoffAt,
    penaltyPercent: p.penaltyPercent,
    penaltyUnit: p.penaltyUnit,
    penaltyFloorPercent: p.penaltyFloorPercent,
  };
}

/**
 * Loads and grades the course's enrolled students, or only `studentId` when given.
 * With `releasedOnly`, grades of unreleased assignments are left out entirely (the
 * student's view): they never leave the database for that request.
 */
export async function loadGradingData({
  db,
  course,
  now,
  studentId,
  releasedOnly = false,
}: {
  db: Db;
  course: { id: string; timeZone: string };
  now: Date;
  studentId?: string;
  releasedOnly?: boolean;
}): Promise<GradingData> {
  const courseId = course.id;
  const onlyStudent = studentId !== undefined;
  const [loaded, assignments, policyRow, members, grades, submissions, ledger, extensions] = await Promise.all([
    loadScheme(db, courseId),
    db.assignment.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { code: "asc" }],
      select: { id: true, code: true, title: true, kind: true, points: true, categoryId: true, weight: true, dueAt: true, gradesReleasedAt: true, lateHoursApply: true, acceptsLate: true },
    }),
    db.latePolicy.findUnique({ where: { courseId } }),
    db.membership.findMany({
      where: { courseId, role: "STUDENT", status: "ENROLLED", ...(onlyStudent ? { userId: studentId } : {}) },
      select: { userId: true, trackId: true, user: { select: { name: true, email: true } } },
    }),
    onlyStudent
      ? db.$queryRaw<{ id: string; studentId: string; assignmentId: string; score: number | null; version: number; hasFeedback: boolean }[]>`
          SELECT g."id", g."studentId", g."assignmentId", g."score", g."version", (g."feedback" <> '') AS "hasFeedback"
          FROM "Grade" g JOIN "Assignment" a ON a."id" = g."assignmentId"
          WHERE g."courseId" = ${courseId} AND g."studentId" = ${studentId}
            AND (${!releasedOnly} OR (a."gradesReleasedAt" IS NOT NULL AND a."gradesReleasedAt" <= ${now}))`
      : db.$queryRaw<{ id: string; studentId: string; assignmentId: string; score: number | null; version: number; hasFeedback: boolean }[]>`
          SELECT "id", "studentId", "assignmentId", "score", "version", ("feedback" <> '') AS "hasFeedback"
          FROM "Grade" WHERE "courseId" = ${courseId}`,
    onlyStudent
      ? db.$queryRaw<{ studentId: string; assignmentId: string; at: Date }[]>`
          SELECT "studentId", "assignmentId", max("submittedAt") AS "at" FROM "Submission"
          WHERE "courseId" = ${courseId} AND "studentId" = ${studentId} GROUP BY 1, 2`
      : db.$queryRaw<{ studentId: string; assignmentId: string; at: Date }[]>`
          SELECT "studentId", "assignmentId", max("submittedAt") AS "at" FROM "Submission"
          WHERE "courseId" = ${courseId} GROUP BY 1, 2`,
    db.ledgerEntry.findMany({ where: { courseId, ...(onlyStudent ? { studentId } : {}) }, select: { studentId: true, kind: true, hours: true } }),
    db.extension.findMany({
      where: { courseId, ...(onlyStudent ? { OR: [{ studentId: null }, { studentId }] } : {}) },
      orderBy: { createdAt: "asc" },
      select: { id: true, assignmentId: true, studentId: true, action: true, dueAt: true, revokesId: true, createdAt: true, reason: true },
    }),
  ]);

  const compiled = compileScheme({ scheme: loaded.scheme, items: loaded.items });
  const policy = policyRow ? toDomainPolicy(policyRow) : null;
  const assignmentIndex = new Map(assignments.map((a, i) => [a.id, i]));

  // The due date in force: course-wide per assignment, personal ones only for the students who have them.
  const extensionsByAssignment = new Map<string, DueDateExtension[]>();
  const personal = new Set<string>();
  for (const e of extensions) {
    let list = extensionsByAssignment.get(e.assignmentId);
    if (!list) extensionsByAssignment.set(e.assignmentId, (list = []));
    list.push(e);
    if (e.studentId) personal.add(`${e.studentId}|${e.assignmentId}`);
  }
  const courseDue = assignments.map((a) => effectiveDueAt({ originalDueAt: a.dueAt, extensions: extensionsByAssignment.get(a.id) ?? [], studentId: null }));

  const members_ = [...members].sort((x, y) => x.user.name.localeCompare(y.user.name) || x.user.email.localeCompare(y.user.email));
  const byStudent = new Map<string, number>(members_.map((m, i) => [m.userId, i]));
  const n = assignments.length;
  const cells = members_.map(() => new Array<GradeCell | null>(n).fill(null));
  const scoreMaps = members_.map(() => ({}) as Record<string, number | null>);
  for (const g of grades) {
    const si = byStudent.get(g.studentId);
    const ai = assignmentIndex.get(g.assignmentId);
    if (si === undefined || ai === undefined) continue;
    cells[si]![ai] = { gradeId: g.id, score: g.score, version: g.version, hasFeedback: g.hasFeedback };
    scoreMaps[si]![g.assignmentId] = g.score;
  }
  const submitted = members_.map(() => new Array<Date | null>(n).fill(null));
  for (const s of submissions) {
    const si = byStudent.get(s.studentId);
    const ai = assignmentIndex.get(s.assignmentId);
    if (si !== undefined && ai !== undefined) submitted[si]![ai] = s.at;
  }
  const ledgers = members_.map(() => [] as { kind: LedgerEntryKind; hours: number }[]);
  for (const e of ledger) {
    const si = byStudent.get(e.studentId);
    if (si !== undefined) ledgers[si]!.push({ kind: e.kind, hours: e.hours });
  }

  const standingItems = assignments.map((a) => ({ id: a.id, kind: a.kind, lateHoursApply: a.lateHoursApply }));
  const released = assignments.map((a) => isReleased(a, now));
  const students: GradingStudent[] = members_.map((m, si) => {
    const latest = submitted[si]!;
    const standing = lateStanding({
      policy,
      timeZone: course.timeZone,
      now,
      items: standingItems,
      ledger: ledgers[si]!,
      latestSubmission: (id) => latest[assignmentIndex.get(id)!] ?? undefined,
      dueFor: (id) => {
        const ai = assignmentIndex.get(id)!;
        if (!personal.has(`${m.userId}|${id}`)) return courseDue[ai]!;
        return effectiveDueAt({ originalDueAt: assignments[ai]!.dueAt, extensions: extensionsByAssignment.get(id) ?? [], studentId: m.userId });
      },
    });
    if (releasedOnly) {
      // What a student sees must not move because of an item whose grades are still hidden.
      standing.consequences = standing.consequences.filter((c) => released[assignmentIndex.get(c.itemId)!]);
    }
    const scores: StudentScores = { scores: scoreMaps[si]!, chosenTrackId: m.trackId };
    return {
      id: m.userId,
      name: m.user.name,
      email: m.user.email,
      trackId: m.trackId,
      scores,
      cells: cells[si]!,
      submittedAt: latest,
      standing,
      current: compiled.grade({ student: scores, mode: "current", consequences: standing.consequences, gradeCap: standing.gradeCap }),
    };
  });

  return { loaded, compiled, assignments, policy, students };
}
