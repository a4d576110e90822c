import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { compileScheme, type CompiledScheme, type FinalGrade, type StudentScores } from "@/lib/domain/grading";
import { effectiveDueAt, type DueDateExtension } from "@/lib/domain/effective-due";
import {
  isAccepted,
  judgeLateWork,
  type AssignmentKind,
  type LatePolicy,
  type LedgerEntryKind,
} from "@/lib/domain/late-policy";
import { lateStanding, type LateStanding } from "@/lib/domain/late-standing";
import { loadScheme, type LoadedScheme } from "@/lib/server/grading/grade-scheme";
import { policySelect, toDomainPolicy } from "@/lib/server/deadlines/ledger";
import { decodeGradeCells } from "@/lib/server/grading/grade-cells";

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
  /** Team work of this team set (issue 16); absent where a caller does not need it. */
  teamSetId?: string | null;
};

export type GradingStudent = {
  id: string;
  name: string;
  email: string;
  trackId: string | null;
  scores: StudentScores;
  /** Aligned with `assignments` (parallel arrays: one object per cell would be 100,000 allocations). */
  cellScores: (number | null)[];
  /** Grade versions; 0 = no grade row. */
  versions: number[];
  /** Excused cells (Canvas "EX"): no score, left out of the grade. */
  cellExcused: boolean[];
  hasFeedback: boolean[];
  standing: LateStanding;
  current: FinalGrade;
};

export type GradingData = {
  loaded: LoadedScheme;
  compiled: CompiledScheme;
  assignments: GradingAssignment[];
  policy: LatePolicy | null;
  students: GradingStudent[];
  /**
   * The due date in force for a student on assignment `ai` (their own extensions, then course-wide
   * ones), or course-wide when studentId is null: the date lateness is judged against.
   */
  dueAt: (studentId: string | null, ai: number) => Date | null;
};

function nested<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/**
 * A student's scores by assignment id, the keys written in assignment order: one shape for
 * nearly every student, so V8 keeps them fast objects instead of 2,000 dictionaries. A key
 * for each grade that was read (version > 0): a student's view reads no hidden grade.
 */
function scoreMap(
  ids: readonly string[],
  cells: readonly (number | null)[],
  versions: readonly number[],
): Record<string, number | null> {
  const map: Record<string, number | null> = {};
  for (let i = 0; i < ids.length; i++) if (versions[i]! > 0) map[ids[i]!] = cells[i]!;
  return map;
}

export function isReleased(a: { gradesReleasedAt: Date | null }, now: Date): boolean {
  return a.gradesReleasedAt !== null && a.gradesReleasedAt.getTime() <= now.getTime();
}

/**
 * Grades aggregated per student, so 2,000 × 50 cells come back as 2,000 rows, each one text
 * ("index,score,version,feedback,excused;…", index 1-based into `ids`): PostgreSQL arrays of
 * 100,000 cells cost ~90 ms of CPU to parse in node, this format ~10.
 */
function readGrades(
  db: Db,
  { courseId, ids, graded, scope }: { courseId: string; ids: string[]; graded: string[]; scope: StudentScope },
) {
  if (graded.length === 0) return Promise.resolve([]);
  return classRead(
    db,
    scope,
    db.$queryRaw<{ studentId: string; cells: string }[]>`
    SELECT g."studentId", string_agg(concat_ws(',', d."n", coalesce(g."score"::text, ''), g."version", (g."feedback" <> '')::int, g."excused"::int), ';') AS "cells"
    FROM "Grade" g JOIN unnest(${ids}::text[]) WITH ORDINALITY AS d("id", "n") ON d."id" = g."assignmentId"
    WHERE g."courseId" = ${courseId} AND g."assignmentId" = ANY(${graded}::text[]) ${onlyIn(scope, Prisma.sql`g."studentId"`)}
    GROUP BY g."studentId"`,
  );
}

/** Which students a load reads: the whole class, or these ids (one student, or the gradebook's first screen). */
type StudentScope = string[] | null;

/** `AND <column> = ANY(ids)` for a scoped load; nothing for the whole class. */
const onlyIn = (scope: StudentScope, column: Prisma.Sql) =>
  scope ? Prisma.sql`AND ${column} = ANY(${scope}::text[])` : Prisma.empty;

/**
 * A whole-class read, given room to aggregate in memory. At the default 4 MB of work_mem
 * PostgreSQL sorted the 2,000 × 50 grades on disk (340 ms; 206 ms hashed in memory).
 * `hashJoin` is for the not-handed-in anti-join: the planner merge-joined 100,000 pairs
 * after sorting both sides (1,000 ms; hashed, 207 ms; EXPLAIN ANALYZE on the bench class).
 * SET LOCAL ends with the read's own transaction. Scoped reads (a student, a screenful) are small: as is.
 */
function classRead<T>(
  db: Db,
  scope: StudentScope,
  read: Prisma.PrismaPromise<T>,
  { hashJoin = false } = {},
): Promise<T> {
  if (scope) return read;
  const settings = [
    db.$executeRaw`SET LOCAL work_mem = '32MB'`,
    ...(hashJoin ? [db.$executeRaw`SET LOCAL enable_mergejoin = off`] : []),
  ];
  return db.$transaction([...settings, read]).then((results) => results.at(-1) as T);
}

/**
 * Loads and grades the course's enrolled students, or only `studentId` when given, or only
 * the first `firstStudents` by name (the gradebook's first screen: issue 14.2, the rest is
 * loaded after the page). With `releasedOnly`, grades of unreleased assignments are left out
 * entirely (the student's view): they never leave the database for that request.
 */
export async function loadGradingData({
  db,
  course,
  now,
  studentId,
  firstStudents,
  releasedOnly = false,
}: {
  db: Db;
  course: { id: string; timeZone: string };
  now: Date;
  studentId?: string;
  firstStudents?: number;
  releasedOnly?: boolean;
}): Promise<GradingData> {
  const courseId = course.id;
  // Sorted by the database: a JS localeCompare sort of 2,000 names costs more than the whole query.
  // Raw SQL for the per-student reads: Prisma's row mapping of 2,000 members and thousands of
  // ledger entries cost ten times the queries themselves.
  const membersRead = db.$queryRaw<{ userId: string; trackId: string | null; name: string; email: string }[]>`
      SELECT m."userId", m."trackId", u."name", u."email"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."courseId" = ${courseId} AND m."role" = 'STUDENT' AND m."status" = 'ENROLLED' ${studentId !== undefined ? Prisma.sql`AND m."userId" = ${studentId}` : Prisma.empty}
      ORDER BY u."name", u."email" ${firstStudents !== undefined ? Prisma.sql`LIMIT ${firstStudents}` : Prisma.empty}`;
  // A first screen reads the rest for its students only, so it waits for their ids (one round trip).
  const scope: StudentScope =
    studentId !== undefined
      ? [studentId]
      : firstStudents !== undefined
        ? (await membersRead).map((m) => m.userId)
        : null;
  const assignmentsRead = db.assignment.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      kind: true,
      points: true,
      categoryId: true,
      weight: true,
      dueAt: true,
      gradesReleasedAt: true,
      lateHoursApply: true,
      acceptsLate: true,
      teamSetId: true,
    },
  });
  // The grades, the longest read, need only the assignments: start them as soon as those are in,
  // beside the other reads. (The no-op catch marks the promise handled until it is awaited below.)
  const gradesRead = assignmentsRead.then((list) =>
    readGrades(db, {
      courseId,
      ids: list.map((a) => a.id),
      graded: (releasedOnly ? list.filter((a) => isReleased(a, now)) : list).map((a) => a.id),
      scope,
    }),
  );
  gradesRead.catch(() => undefined);
  const [loaded, assignments, policyRow, members, ledger, extensions] = await Promise.all([
    loadScheme(db, courseId),
    assignmentsRead,
    db.latePolicy.findUnique({ where: { courseId }, select: policySelect }),
    membersRead,
    db.$queryRaw<{ studentId: string; assignmentId: string | null; kind: LedgerEntryKind; hours: number }[]>`
      SELECT "studentId", "assignmentId", "kind"::text AS "kind", "hours" FROM "LedgerEntry"
      WHERE "courseId" = ${courseId} ${onlyIn(scope, Prisma.sql`"studentId"`)}`,
    db.extension.findMany({
      where: { courseId, ...(scope ? { OR: [{ studentId: null }, { studentId: { in: scope } }] } : {}) },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        assignmentId: true,
        studentId: true,
        action: true,
        dueAt: true,
        revokesId: true,
        createdAt: true,
        reason: true,
      },
    }),
  ]);
  const policy = policyRow ? toDomainPolicy(policyRow) : null;
  const ids = assignments.map((a) => a.id);
  const released = assignments.map((a) => isReleased(a, now));

  // The due date in force: course-wide per assignment, personal ones only for the students who have them.
  // Per-student lookups are nested maps, not "student|assignment" strings: building and hashing
  // 300,000 such keys per load cost more than the queries.
  const extensionsByAssignment = new Map<string, DueDateExtension[]>();
  const personal = new Map<string, Set<string>>();
  for (const e of extensions) {
    let list = extensionsByAssignment.get(e.assignmentId);
    if (!list) extensionsByAssignment.set(e.assignmentId, (list = []));
    list.push(e);
    if (e.studentId) nested(personal, e.studentId, () => new Set<string>()).add(e.assignmentId);
  }
  const courseDue = assignments.map((a) =>
    effectiveDueAt({ originalDueAt: a.dueAt, extensions: extensionsByAssignment.get(a.id) ?? [], studentId: null }),
  );
  // No due date in force for anyone can be earlier than this, so only later submissions can be late.
  const earliestDue = assignments.map((a) => {
    const dates = [a.dueAt, ...(extensionsByAssignment.get(a.id) ?? []).map((e) => e.dueAt)].filter(
      (d): d is Date => d !== null,
    );
    return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null;
  });
  // Due dates go as one timestamptz[]: a text cast in the join condition ran once per submission.
  const withDue = assignments.flatMap((a, i) =>
    earliestDue[i] ? [{ id: a.id, due: earliestDue[i]!.toISOString() }] : [],
  );
  // Items where not handing in already decides the grade: nothing is accepted any more, or a late
  // hand-in would score zero. Who has not handed them in is read below (the rest never need it).
  const decidedIfMissing = policy
    ? assignments
        .filter((a, i) => {
          const due = courseDue[i] ?? null;
          if (due === null || due.getTime() >= now.getTime() || a.categoryId === null) return false;
          const ifNow = judgeLateWork({
            policy,
            assignment: a,
            timeZone: course.timeZone,
            effectiveDueAt: due,
            submittedAt: now,
            hoursUsedBefore: 0,
          });
          return !isAccepted(ifNow.outcome) || ifNow.consequence.kind === "zero";
        })
        .map((a) => a.id)
    : [];

  const [grades, lateSubmissions, missing, decisions] = await Promise.all([
    gradesRead,
    withDue.length
      ? db.$queryRaw<{ studentId: string; assignmentId: string; at: Date }[]>`
          SELECT s."studentId", s."assignmentId", max(s."submittedAt") AS "at"
          FROM "Submission" s
          JOIN unnest(${withDue.map((d) => d.id)}::text[], ${withDue.map((d) => d.due)}::timestamptz[]) AS d("id", "due") ON d."id" = s."assignmentId"
          WHERE s."courseId" = ${courseId} AND s."submittedAt" > d."due" ${onlyIn(scope, Prisma.sql`s."studentId"`)}
          GROUP BY 1, 2`
      : Promise.resolve([]),
    decidedIfMissing.length
      ? classRead(
          db,
          scope,
          db.$queryRaw<{ studentId: string; assignmentId: string }[]>`
          SELECT m."userId" AS "studentId", a."id" AS "assignmentId"
          FROM "Membership" m JOIN "Assignment" a ON a."courseId" = m."courseId"
          WHERE m."courseId" = ${courseId} AND m."role" = 'STUDENT' AND m."status" = 'ENROLLED'
            ${onlyIn(scope, Prisma.sql`m."userId"`)}
            AND a."id" = ANY(${decidedIfMissing}::text[])
            AND NOT EXISTS (SELECT 1 FROM "Submission" s WHERE s."courseId" = m."courseId" AND s."assignmentId" = a."id" AND s."studentId" = m."userId")`,
          { hashJoin: true },
        )
      : Promise.resolve([]),
    // The grader's D/F calls: few rows, so read apart from the packed grade cells.
    db.grade.findMany({
      where: { courseId, basicallyWorks: { not: null }, ...(scope ? { studentId: { in: scope } } : {}) },
      select: { studentId: true, assignmentId: true, basicallyWorks: true },
    }),
  ]);
  const calls = new Map<string, Map<string, boolean>>();
  for (const d of decisions)
    nested(calls, d.studentId, () => new Map<string, boolean>()).set(d.assignmentId, d.basicallyWorks!);

  const dueAt = (studentId: string | null, ai: number): Date | null => {
    const a = assignments[ai]!;
    if (studentId === null || !personal.get(studentId)?.has(a.id)) return courseDue[ai] ?? null;
    return effectiveDueAt({ originalDueAt: a.dueAt, extensions: extensionsByAssignment.get(a.id) ?? [], studentId });
  };

  const compiled = compileScheme({ scheme: loaded.scheme, items: loaded.items });
  const assignmentIndex = new Map(assignments.map((a, i) => [a.id, i]));
  const sorted = members;
  const byStudent = new Map<string, number>(sorted.map((m, i) => [m.userId, i]));
  const n = assignments.length;
  const cellScores = sorted.map(() => new Array<number | null>(n).fill(null));
  const versions = sorted.map(() => new Array<number>(n).fill(0));
  const feedback = sorted.map(() => new Array<boolean>(n).fill(false));
  const excused = sorted.map(() => new Array<boolean>(n).fill(false));
  for (const g of grades) {
    const si = byStudent.get(g.studentId);
    if (si !== undefined)
      decodeGradeCells(g.cells, {
        scores: cellScores[si]!,
        versions: versions[si]!,
        feedback: feedback[si]!,
        excused: excused[si]!,
      });
  }

  const late = new Map<string, Map<string, Date>>();
  for (const s of lateSubmissions) nested(late, s.studentId, () => new Map<string, Date>()).set(s.assignmentId, s.at);
  const notHandedIn = new Map<string, Set<string>>();
  for (const m of missing) nested(notHandedIn, m.studentId, () => new Set<string>()).add(m.assignmentId);
  const ledgers = sorted.map(() => [] as { kind: LedgerEntryKind; hours: number; itemId: string | null }[]);
  for (const e of ledger) {
    const si = byStudent.get(e.studentId);
    if (si !== undefined) ledgers[si]!.push({ kind: e.kind, hours: e.hours, itemId: e.assignmentId });
  }

  const standingItems = assignments.map((a) => ({
    id: a.id,
    kind: a.kind,
    lateHoursApply: a.lateHoursApply,
    acceptsLate: a.acceptsLate,
  }));
  const students: GradingStudent[] = sorted.map((m, si) => {
    const lateOf = late.get(m.userId);
    const missingOf = notHandedIn.get(m.userId);
    const callsOf = calls.get(m.userId);
    const standing = lateStanding({
      policy,
      timeZone: course.timeZone,
      now,
      items: standingItems,
      ledger: ledgers[si]!,
      handedIn: (id) => !missingOf?.has(id),
      basicallyWorks: (id) => callsOf?.get(id),
      latestSubmission: (id) => lateOf?.get(id),
      dueFor: (id) => dueAt(m.userId, assignmentIndex.get(id)!),
    });
    if (releasedOnly) {
      // What a student sees must not move because of an item whose grades are still hidden.
      standing.consequences = standing.consequences.filter((c) => released[assignmentIndex.get(c.itemId)!]);
    }
    const excusedIds = ids.filter((_, ai) => excused[si]![ai]);
    const scores: StudentScores = {
      scores: scoreMap(ids, cellScores[si]!, versions[si]!),
      chosenTrackId: m.trackId,
      ...(excusedIds.length ? { excused: excusedIds } : {}),
      ...(standing.missed.length ? { missed: standing.missed } : {}),
    };
    return {
      id: m.userId,
      name: m.name,
      email: m.email,
      trackId: m.trackId,
      scores,
      cellScores: cellScores[si]!,
      versions: versions[si]!,
      cellExcused: excused[si]!,
      hasFeedback: feedback[si]!,
      standing,
      current: compiled.grade({
        student: scores,
        mode: "current",
        consequences: standing.consequences,
      }),
    };
  });

  return { loaded, compiled, assignments, policy, students, dueAt };
}
