import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, authorizeStudentRecord, type Viewer } from "@/lib/server/authorization/authz";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditedWriteSql, recordAudit } from "@/lib/server/platform/audit";
import { courseWrite } from "@/lib/server/platform/course-write";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { checkScore, type ScoreCheck } from "@/lib/domain/score-bounds";
import type { CellState, GradeSaveInput } from "@/lib/validation/grades";
import { type FinalGrade, type GradeScheme, type LateConsequence, type SchemeItem } from "@/lib/domain/grading";
import type { LateCell } from "@/lib/domain/late-standing";
import { isReleased, loadGradingData } from "@/lib/server/grading/grading-data";
import { notifyGradeRelease } from "@/lib/server/notify/events";
import { serverNow } from "@/lib/server/platform/clock";
import type { ItemCapChoice } from "@/lib/domain/late-policy";

export type { CellState };

/** A save that named an old version: carries the value that is there now, so nothing is overwritten unseen. */
export class GradeConflictError extends ConflictError {
  constructor(readonly current: CellState) {
    super("Someone else changed this grade after you opened it.");
  }
}

export async function readCell(db: Pick<Db, "grade">, assignmentId: string, studentId: string): Promise<CellState> {
  const row = await db.grade.findUnique({
    where: { assignmentId_studentId: { assignmentId, studentId } },
    select: {
      score: true,
      excused: true,
      feedback: true,
      version: true,
      updatedAt: true,
      basicallyWorks: true,
      grader: { select: { name: true } },
    },
  });
  if (!row)
    return {
      score: null,
      excused: false,
      feedback: "",
      version: 0,
      graderName: null,
      updatedAt: null,
      basicallyWorks: null,
    };
  return {
    score: row.score,
    excused: row.excused,
    feedback: row.feedback,
    version: row.version,
    graderName: row.grader?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
    basicallyWorks: row.basicallyWorks,
  };
}

/**
 * A score outside the bounds of checkScore. `reason` tells the grid whether to ask for an extra-credit
 * confirmation ("needs-extra-credit") or to show the message as a refusal.
 */
export class ScoreBoundError extends ValidationError {
  constructor(
    readonly reason: Extract<ScoreCheck, { ok: false }>["reason"],
    message: string,
  ) {
    super(message, { score: [message] });
  }
}

/** A save for someone who is on the course's list but not enrolled (waitlisted or dropped). */
export class NotEnrolledError extends ConflictError {
  constructor(status: string) {
    super(`This student is ${status.toLowerCase()}: grades are recorded only for enrolled students.`);
  }
}

/** The assignment and the enrolled student, both inside the course, or 404. */
async function assertCellInCourse(db: Db, courseId: string, assignmentId: string, studentId: string) {
  const [assignment, membership] = await Promise.all([
    db.assignment.findFirst({
      where: { id: assignmentId, courseId },
      select: { id: true, code: true, title: true, points: true, dueAt: true, gradesReleasedAt: true },
    }),
    db.membership.findUnique({
      where: { courseId_userId: { courseId, userId: studentId } },
      select: { role: true, status: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  if (!assignment || !membership || membership.role !== "STUDENT") throw new NotFoundError("No such grade");
  return { assignment, student: { id: studentId, ...membership.user, status: membership.status } };
}

/** A late item the policy grades at one of two letters, waiting for (or carrying) the grader's call. */
export type CapDecision = {
  /** Best first: the first when the work "basically works", else the second. */
  choices: ItemCapChoice[];
  lateHours: number;
  overCap: boolean;
  overBudget: boolean;
  basicallyWorks: boolean | null;
};

/** The D/F decision the late policy asks of the grader on this student's item, or null when it asks none. */
async function capDecisionFor({
  db,
  course,
  assignmentId,
  studentId,
  basicallyWorks,
}: {
  db: Db;
  course: { id: string; timeZone: string };
  assignmentId: string;
  studentId: string;
  basicallyWorks: boolean | null;
}): Promise<CapDecision | null> {
  const data = await loadGradingData({ db, course, now: serverNow(), studentId });
  const cell = data.students[0]?.standing.cells.find((c) => c.itemId === assignmentId);
  const choices = data.policy?.itemCap ?? [];
  if (!cell || cell.outcome !== "capped" || choices.length < 2) return null;
  return { choices, lateHours: cell.lateHours, overCap: cell.overCap, overBudget: cell.overBudget, basicallyWorks };
}

export class NoCapDecisionError extends ValidationError {
  constructor() {
    const message = "The late policy does not ask for a D or F call on this work.";
    super(message, { basicallyWorks: [message] });
  }
}

async function assertCapDecision(args: {
  db: Db;
  course: { id: string; timeZone: string };
  assignmentId: string;
  studentId: string;
}): Promise<void> {
  if (!(await capDecisionFor({ ...args, basicallyWorks: null }))) throw new NoCapDecisionError();
}

/**
 * Saves one cell (score and/or feedback) if it is still at the version the grader
 * read. Of concurrent saves of one cell the first wins; the others get
 * GradeConflictError with the winner's value. Audited in the same transaction.
 */
export async function saveGrade({
  db,
  slug,
  viewer,
  assignmentId,
  studentId,
  input,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  assignmentId: string;
  studentId: string;
  input: GradeSaveInput;
}): Promise<CellState> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.edit" });
  const courseId = ctx.course.id;
  const actor = ctx.viewer!;

  // The hot path of grading: two statements, no interactive transaction. The first reads the
  // cell and checks it belongs to the course (an assignment of it, an enrolled student of it).
  const [cell] = await db.$queryRaw<
    {
      points: number;
      role: string | null;
      status: string | null;
      id: string | null;
      score: number | null;
      excused: boolean | null;
      feedback: string | null;
      version: number | null;
      updatedAt: Date | null;
      graderName: string | null;
      basicallyWorks: boolean | null;
    }[]
  >`
    SELECT a."points", m."role"::text AS "role", m."status"::text AS "status", g."id", g."score", g."excused", g."feedback", g."version", g."updatedAt", u."name" AS "graderName", g."basicallyWorks"
    FROM "Assignment" a
    LEFT JOIN "Membership" m ON m."courseId" = a."courseId" AND m."userId" = ${studentId}
    LEFT JOIN "Grade" g ON g."assignmentId" = a."id" AND g."studentId" = ${studentId}
    LEFT JOIN "User" u ON u."id" = g."graderId"
    WHERE a."id" = ${assignmentId} AND a."courseId" = ${courseId}`;
  if (!cell || cell.role !== "STUDENT") throw new NotFoundError("No such grade");
  // Issue 18 finding 7: a waitlisted or dropped person gets no grade written, not even feedback.
  // assumed: a grade given before a student dropped stays as it was (no seed page says otherwise).
  if (cell.status !== "ENROLLED") throw new NotEnrolledError(cell.status ?? "not enrolled");
  // The same bound as the grid and the CSV import: above the points only as confirmed extra credit,
  // above twice the points never.
  let extraCredit = false;
  if (typeof input.score === "number") {
    const check = checkScore({ score: input.score, points: cell.points, extraCredit: input.extraCredit });
    if (!check.ok) throw new ScoreBoundError(check.reason, check.message);
    extraCredit = check.extraCredit;
  }
  const row =
    cell.id === null
      ? undefined
      : {
          id: cell.id,
          score: cell.score,
          excused: cell.excused!,
          feedback: cell.feedback!,
          version: cell.version!,
          updatedAt: cell.updatedAt!,
          graderName: cell.graderName,
          basicallyWorks: cell.basicallyWorks,
        };
  if ((row?.version ?? 0) !== input.version) throw new GradeConflictError(await readCell(db, assignmentId, studentId));

  // Typing a score (or clearing the cell) ends an excuse; excusing clears the score.
  const excused = input.excused ?? (input.score !== undefined ? false : (row?.excused ?? false));
  const next = {
    score: excused ? null : input.score !== undefined ? input.score : (row?.score ?? null),
    excused,
    feedback: input.feedback ?? row?.feedback ?? "",
    basicallyWorks: input.basicallyWorks !== undefined ? input.basicallyWorks : (row?.basicallyWorks ?? null),
  };
  if (
    row &&
    row.score === next.score &&
    row.excused === next.excused &&
    row.feedback === next.feedback &&
    row.basicallyWorks === next.basicallyWorks
  ) {
    // Nothing changed: no new version, no audit event.
    return {
      score: row.score,
      excused: row.excused,
      feedback: row.feedback,
      version: row.version,
      graderName: row.graderName,
      updatedAt: row.updatedAt.toISOString(),
      basicallyWorks: row.basicallyWorks,
    };
  }
  // A D/F call is only for an item the late policy grades at one of two letters for this student.
  if (
    input.basicallyWorks !== undefined &&
    input.basicallyWorks !== null &&
    next.basicallyWorks !== row?.basicallyWorks
  )
    await assertCapDecision({ db, course: ctx.course, assignmentId, studentId });

  // The second statement writes the grade only if it is still at the version read (a compare-and-set
  // on the row, so of two concurrent saves exactly one matches) and appends its audit event in the
  // same statement, hence the same transaction. No row back = someone else got there first.
  const audit = {
    courseId,
    actorId: actor.userId,
    action: row ? "grade.update" : "grade.create",
    entityType: "grade",
    before: row
      ? {
          score: row.score,
          excused: row.excused,
          feedback: row.feedback,
          version: row.version,
          basicallyWorks: row.basicallyWorks,
        }
      : null,
    after: {
      score: next.score,
      excused: next.excused,
      feedback: next.feedback,
      basicallyWorks: next.basicallyWorks,
      assignmentId,
      studentId,
      ...(extraCredit ? { extraCredit: true } : {}),
    },
  };
  const write = row
    ? Prisma.sql`UPDATE "Grade" SET "score" = ${next.score}, "excused" = ${next.excused}, "feedback" = ${next.feedback}, "basicallyWorks" = ${next.basicallyWorks}, "graderId" = ${actor.userId},
          "version" = "version" + 1, "updatedAt" = now()
        WHERE "id" = ${row.id} AND "version" = ${row.version}
        RETURNING "id", "version", "updatedAt"`
    : // Two first saves of one cell race on the unique key; the loser inserts nothing.
      Prisma.sql`INSERT INTO "Grade" ("id", "courseId", "assignmentId", "studentId", "score", "excused", "feedback", "basicallyWorks", "graderId", "version", "updatedAt")
        VALUES (${randomUUID()}, ${courseId}, ${assignmentId}, ${studentId}, ${next.score}, ${next.excused}, ${next.feedback}, ${next.basicallyWorks}, ${actor.userId}, 1, now())
        ON CONFLICT ("assignmentId", "studentId") DO NOTHING
        RETURNING "id", "version", "updatedAt"`;
  const [saved] = await db.$queryRaw<{ id: string; version: number; updatedAt: Date }[]>`
    WITH "written" AS (${write}),
    "audited" AS (${auditedWriteSql(audit, "written")})
    SELECT "id", "version", "updatedAt" FROM "written"`;
  if (!saved) throw new GradeConflictError(await readCell(db, assignmentId, studentId));
  return {
    score: next.score,
    excused: next.excused,
    feedback: next.feedback,
    version: saved.version,
    graderName: actor.name,
    updatedAt: saved.updatedAt.toISOString(),
    basicallyWorks: next.basicallyWorks,
  };
}

export type GradeHistoryEntry = {
  at: string;
  actorName: string | null;
  action: string;
  /** The score before and after; "EX" when the grade was excused. */
  before: number | "EX" | null;
  after: number | "EX" | null;
  feedbackChanged: boolean;
  /** Present when the event changed the D/F call: true "basically works", false not, null undecided. */
  basicallyWorks?: boolean | null;
};

export type GradeDetail = {
  assignment: { id: string; code: string; title: string; points: number; dueAt: string | null; released: boolean };
  student: { id: string; name: string; email: string };
  cell: CellState;
  submissions: { submittedAt: string; fileName: string | null }[];
  /** Staff only; null for the student's own view. */
  history: GradeHistoryEntry[] | null;
  /** Staff only: the D or F the late policy asks the grader to choose on this item; null when it asks none. */
  capDecision: CapDecision | null;
};

/**
 * One grade with its feedback, submissions and change history. Staff may read any
 * student's; a student only their own, once released. For a student, another
 * student's id or an unreleased assignment is simply "not found".
 */
export async function getGradeDetail({
  db,
  slug,
  viewer,
  assignmentId,
  studentId,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  assignmentId: string;
  studentId: string;
  now: Date;
}): Promise<GradeDetail> {
  // Staff read anyone's; a student only their own, and anyone else's id is a 404.
  const ctx = await authorizeStudentRecord({
    db,
    slug,
    viewer,
    studentId,
    own: "own.grades.read",
    all: "gradebook.read",
  });
  const staff = ctx.scope === "all";
  const courseId = ctx.course.id;
  const { assignment, student } = await assertCellInCourse(db, courseId, assignmentId, studentId);
  const released = isReleased(assignment, now);
  if (!staff && !released) throw new NotFoundError("No such grade");

  const [cell, submissions, gradeRow] = await Promise.all([
    readCell(db, assignmentId, studentId),
    db.submission.findMany({
      where: { courseId, assignmentId, studentId },
      orderBy: { submittedAt: "desc" },
      take: 5,
      select: { submittedAt: true, fileName: true },
    }),
    db.grade.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId } }, select: { id: true } }),
  ]);
  let history: GradeHistoryEntry[] | null = null;
  let capDecision: CapDecision | null = null;
  if (staff) {
    capDecision = await capDecisionFor({
      db,
      course: ctx.course,
      assignmentId,
      studentId,
      basicallyWorks: cell.basicallyWorks ?? null,
    });
    const events = gradeRow
      ? await db.auditEvent.findMany({
          where: { courseId, entityType: "grade", entityId: gradeRow.id },
          orderBy: { id: "asc" },
          select: { createdAt: true, action: true, before: true, after: true, actor: { select: { name: true } } },
        })
      : [];
    history = events.map((e) => {
      type Logged = { score?: number | null; excused?: boolean; feedback?: string; basicallyWorks?: boolean | null };
      const before = (e.before ?? null) as Logged | null;
      const after = (e.after ?? null) as Logged | null;
      // The D/F call, when this event changed it.
      const call =
        (before?.basicallyWorks ?? null) !== (after?.basicallyWorks ?? null)
          ? (after?.basicallyWorks ?? null)
          : undefined;
      return {
        at: e.createdAt.toISOString(),
        actorName: e.actor?.name ?? null,
        action: e.action,
        before: before?.excused ? "EX" : (before?.score ?? null),
        after: after?.excused ? "EX" : (after?.score ?? null),
        feedbackChanged: (before?.feedback ?? "") !== (after?.feedback ?? ""),
        ...(call !== undefined ? { basicallyWorks: call } : {}),
      };
    });
  }
  return {
    assignment: {
      id: assignment.id,
      code: assignment.code,
      title: assignment.title,
      points: assignment.points,
      dueAt: assignment.dueAt?.toISOString() ?? null,
      released,
    },
    student: { id: student.id, name: student.name, email: student.email },
    cell: staff ? cell : { ...cell, graderName: null, version: 0 },
    submissions: submissions.map((s) => ({ submittedAt: s.submittedAt.toISOString(), fileName: s.fileName })),
    history,
    capDecision,
  };
}

/** Shows (or hides again) an assignment's grades to its students; audited. */
export async function setGradesReleased({
  db,
  slug,
  viewer,
  assignmentId,
  release,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  assignmentId: string;
  release: boolean;
  now: Date;
}): Promise<{ code: string; gradesReleasedAt: Date | null }> {
  return courseWrite({ db, viewer, slug, permission: "grades.release" }, async ({ tx, ctx, me, courseId }) => {
    const assignment = await tx.assignment.findFirst({
      where: { id: assignmentId, courseId },
      select: { id: true, code: true, title: true, gradesReleasedAt: true },
    });
    if (!assignment) throw new NotFoundError("No such assignment");
    const gradesReleasedAt = release ? now : null;
    if (release && !assignment.gradesReleasedAt)
      await notifyGradeRelease(tx, ctx.course, { assignment, releasedAt: now });
    await tx.assignment.update({ where: { id: assignment.id }, data: { gradesReleasedAt } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: release ? "grades.release" : "grades.unrelease",
      entityType: "assignment",
      entityId: assignment.id,
      before: { gradesReleasedAt: assignment.gradesReleasedAt },
      after: { gradesReleasedAt },
    });
    return { code: assignment.code, gradesReleasedAt };
  });
}

export type MyGradeRow = {
  id: string;
  code: string;
  title: string;
  points: number;
  categoryId: string | null;
  dueAt: string | null;
  released: boolean;
  score: number | null;
  excused: boolean;
  feedback: string;
  lateHours: number;
  zeroed: boolean;
  /** The late policy graded this item at a letter (Brown's D or F): the letter and the points it counts as. */
  capped: { letter: string | null; countedPoints: number } | null;
  /** What the late policy did to this item, in words a student reads ("Late written homework: scores zero"). */
  lateNote: string | null;
};

export type MyGrades = {
  course: { slug: string; code: string; title: string; timeZone: string };
  student: { name: string };
  rows: MyGradeRow[];
  current: FinalGrade;
  late: {
    hoursUsed: number;
    balance: number | null;
    budgetHours: number | null;
    overBudget: boolean;
  };
  categories: {
    id: string;
    name: string;
    weight: number;
    dropLowest: number;
    allowedMisses: number;
    trackName: string | null;
  }[];
  /** For the what-if calculator, which runs in the browser on the student's own data only. */
  scheme: GradeScheme;
  items: SchemeItem[];
  scores: Record<string, number | null>;
  excused: string[];
  trackId: string | null;
  consequences: LateConsequence[];
  missed: string[];
};

/** The signed-in student's own released grades, feedback and standing. Scoped to the viewer's id only. */
export async function getMyGrades({
  db,
  slug,
  viewer,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}): Promise<MyGrades> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.grades.read" });
  const studentId = ctx.viewer!.userId;
  const [data, feedback] = await Promise.all([
    loadGradingData({ db, course: ctx.course, now, studentId, releasedOnly: true }),
    db.grade.findMany({
      where: { courseId: ctx.course.id, studentId, assignment: { gradesReleasedAt: { not: null, lte: now } } },
      select: { assignmentId: true, feedback: true },
    }),
  ]);
  const me = data.students[0];
  if (!me) throw new NotFoundError("No grades for you in this course");
  const feedbackBy = new Map(feedback.map((f) => [f.assignmentId, f.feedback]));
  const lateBy = new Map(me.standing.cells.map((c) => [c.itemId, c]));
  const zeroed = new Set(me.standing.consequences.filter((c) => c.kind === "zero").map((c) => c.itemId));
  const effectBy = new Map(me.standing.consequences.map((c) => [c.itemId, c]));
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, title: ctx.course.title, timeZone: ctx.course.timeZone },
    student: { name: me.name },
    rows: data.assignments
      .filter((a) => a.categoryId !== null || isReleased(a, now))
      .map((a) => {
        const ai = data.assignments.indexOf(a);
        const released = isReleased(a, now);
        const score = released ? me.cellScores[ai]! : null;
        return {
          id: a.id,
          code: a.code,
          title: a.title,
          points: a.points,
          categoryId: a.categoryId,
          // The date in force for this student (their extensions, course-wide moves), never the original.
          dueAt: data.dueAt(me.id, ai)?.toISOString() ?? null,
          released,
          score,
          excused: released && me.cellExcused[ai]!,
          feedback: released ? (feedbackBy.get(a.id) ?? "") : "",
          lateHours: lateBy.get(a.id)?.lateHours ?? 0,
          zeroed: zeroed.has(a.id),
          capped: released ? cappedResult(effectBy.get(a.id), score, a.points) : null,
          lateNote: lateNote(lateBy.get(a.id), effectBy.get(a.id)),
        };
      }),
    current: me.current,
    late: {
      hoursUsed: me.standing.hoursUsed,
      balance: me.standing.balance,
      budgetHours: data.policy?.kind === "BUDGET" ? data.policy.budgetHours : null,
      overBudget: me.standing.overBudget,
    },
    categories: data.loaded.categories.map((c) => ({
      id: c.id,
      name: c.name,
      weight: c.weight,
      dropLowest: c.dropLowest,
      allowedMisses: c.allowedMisses,
      trackName: c.trackName,
    })),
    scheme: data.loaded.scheme,
    items: data.loaded.items,
    scores: me.scores.scores,
    excused: me.scores.excused ?? [],
    trackId: me.trackId,
    consequences: me.standing.consequences,
    missed: me.standing.missed,
  };
}

/** What a capped item counts as: the grading scheme's rule (the lower of the score and the cap; the cap when no score yet). */
function cappedResult(effect: LateConsequence | undefined, score: number | null, points: number): MyGradeRow["capped"] {
  if (effect?.kind !== "cap" || points <= 0) return null;
  const raw = score === null ? effect.percent : (Math.min(Math.max(score, 0), points) / points) * 100;
  const percent = Math.min(raw, effect.percent);
  return { letter: effect.letter ?? null, countedPoints: Math.round(points * percent) / 100 };
}

/** The late policy's effect on one item, said to the student. */
function lateNote(cell: LateCell | undefined, effect: LateConsequence | undefined): string | null {
  if (!cell) return null;
  switch (cell.outcome) {
    case "missing_after_cutoff":
      return "Not handed in by the last day of classes: scores zero.";
    case "after_cutoff":
      return "Handed in after the final cutoff: scores zero.";
    case "late_zero":
      return `Handed in ${cell.lateHours} h late, and this kind of work cannot use late hours: scores zero.`;
    case "capped": {
      const why = cell.overCap ? "more late hours than one assignment may use" : "over the late-hour budget";
      if (effect?.kind === "cap")
        return `Handed in ${why}: graded ${effect.letter ?? "capped"} (${effect.percent}% of the points).`;
      return `Handed in ${why}: it will be graded a D or an F once the staff decide whether it basically works.`;
    }
    default:
      return null;
  }
}
