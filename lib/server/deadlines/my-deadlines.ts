import "server-only";
import { dueDateHistory, type DueDateExtension, type DueDateHistoryEntry } from "@/lib/domain/effective-due";
import {
  assessSubmission,
  capPhrase,
  isAccepted,
  type LatePolicy,
  type SubmissionOutcome,
} from "@/lib/domain/late-policy";
import { chargeForRecordedSubmission, dueDateResolver } from "@/lib/domain/ledger-recompute";
import { flagForOutcome, usageHistogram, type LateFlag, type UsageBucket } from "@/lib/domain/late-usage";
import type { Db } from "@/lib/server/platform/db";
import { authorize, authorizeStudentRecord, can, type Viewer } from "@/lib/server/authorization/authz";
import { NotFoundError } from "@/lib/server/platform/errors";
import {
  assignmentSelect,
  balanceFromSums,
  extensionOrder,
  extensionSelect,
  policySelect,
  toAssessed,
  toDomainPolicy,
  toDueDateExtension,
  type AssignmentRow,
  type LedgerSums,
} from "@/lib/server/deadlines/ledger";

/** Kinds a student hands something in for; participation, presentations and exams are graded without an upload. */
export const SUBMITTABLE_KINDS = new Set(["PROJECT", "HOMEWORK", "QUIZ", "LAB"]);

export type PolicySummary = {
  kind: LatePolicy["kind"];
  description: string;
  budgetHours: number | null;
  perAssignmentCapHours: number | null;
  excludedWindow: { start: string; end: string } | null;
  finalCutoffAt: Date | null;
  /** How an over-budget item is graded ("a D or an F (…)"), or null when going over does not change it. */
  overBudgetGrade: string | null;
};

async function loadPolicy(db: Db, courseId: string): Promise<{ policy: LatePolicy; summary: PolicySummary | null }> {
  const row = await db.latePolicy.findUnique({ where: { courseId }, select: policySelect });
  const policy = toDomainPolicy(row);
  const summary = row
    ? {
        kind: policy.kind,
        description: row.description,
        budgetHours: policy.budgetHours,
        perAssignmentCapHours: policy.perAssignmentCapHours,
        excludedWindow: policy.excludedWindow,
        finalCutoffAt: policy.finalCutoffAt,
        overBudgetGrade: policy.overBudgetAction === "CAP_ITEM" ? capPhrase(policy.itemCap) : null,
      }
    : null;
  return { policy, summary };
}

function isCovered(policy: LatePolicy, a: Pick<AssignmentRow, "kind" | "lateHoursApply">): boolean {
  return policy.coveredKinds.includes(a.kind) && a.lateHoursApply;
}

function byAssignment<T extends { assignmentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.assignmentId);
    if (list) list.push(r);
    else map.set(r.assignmentId, [r]);
  }
  return map;
}

// ---------------------------------------------------------------- one student's deadlines

export type LedgerLine = {
  id: string;
  createdAt: Date;
  kind: "CHARGE" | "REFUND" | "ADJUSTMENT";
  hours: number;
  reason: string;
  assignmentCode: string | null;
  actorName: string | null;
};

export type StudentAssignmentRow = {
  id: string;
  code: string;
  title: string;
  kind: AssignmentRow["kind"];
  releasedAt: Date | null;
  originalDueAt: Date | null;
  effectiveDueAt: Date | null;
  /** Due dates that were in force for this student, oldest first; the last is current. */
  history: DueDateHistoryEntry[];
  usesLateHours: boolean;
  acceptsLate: boolean;
  submittable: boolean;
  submissions: number;
  latest: {
    id: string;
    submittedAt: Date;
    url: string | null;
    fileName: string | null;
    fileSize: number | null;
    lateHours: number;
  } | null;
  /** Net hours charged for this assignment (charges minus refunds). */
  chargedHours: number;
  flag: LateFlag | null;
  /** What submitting at `now` would mean; null when the student cannot hand anything in for it. */
  preview: {
    outcome: SubmissionOutcome;
    message: string;
    lateHours: number;
    balanceAfter: number | null;
    overBudget: boolean;
    allowed: boolean;
    notOpenYet: boolean;
  } | null;
};

export type StudentDeadlines = {
  course: { id: string; slug: string; code: string; title: string; timeZone: string };
  student: { id: string; name: string; email: string };
  policy: PolicySummary | null;
  balance: LedgerSums & { budgetHours: number | null };
  overBudget: boolean;
  assignments: StudentAssignmentRow[];
  ledger: LedgerLine[];
};

async function studentDeadlines({
  db,
  course,
  student,
  now,
}: {
  db: Db;
  course: StudentDeadlines["course"];
  student: StudentDeadlines["student"];
  now: Date;
}): Promise<StudentDeadlines> {
  const courseId = course.id;
  const [{ policy, summary }, assignments, extensions, submissions, entries] = await Promise.all([
    loadPolicy(db, courseId),
    db.assignment.findMany({
      where: { courseId },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { position: "asc" }, { code: "asc" }],
      select: assignmentSelect,
    }),
    // Only course-wide events and the student's own: other students' extensions and reasons never leave the server.
    db.extension.findMany({
      where: { courseId, OR: [{ studentId: null }, { studentId: student.id }] },
      orderBy: extensionOrder,
      select: extensionSelect,
    }),
    db.submission.findMany({
      where: { courseId, studentId: student.id },
      orderBy: [{ submittedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: { id: true, assignmentId: true, submittedAt: true, url: true, fileName: true, fileSize: true },
    }),
    db.ledgerEntry.findMany({
      where: { courseId, studentId: student.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        createdAt: true,
        kind: true,
        hours: true,
        reason: true,
        assignmentId: true,
        assignment: { select: { code: true } },
        actor: { select: { name: true } },
      },
    }),
  ]);

  const balance = balanceFromSums(policy.budgetHours, entries);
  const overBudget = balance.balance !== null && balance.balance < 0;
  const eventsByAssignment = byAssignment(
    extensions.map((e) => ({ ...toDueDateExtension(e), assignmentId: e.assignmentId })),
  );
  const subsByAssignment = byAssignment(submissions);
  const chargedByAssignment = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === "ADJUSTMENT" || !e.assignmentId) continue;
    chargedByAssignment.set(e.assignmentId, (chargedByAssignment.get(e.assignmentId) ?? 0) + e.hours);
  }

  const rows = assignments.map((a): StudentAssignmentRow => {
    const events: DueDateExtension[] = eventsByAssignment.get(a.id) ?? [];
    const history = dueDateHistory({ originalDueAt: a.dueAt, extensions: events, studentId: student.id });
    const effective = history.at(-1)!.dueAt;
    const subs = subsByAssignment.get(a.id) ?? [];
    const latestSub = subs[0] ?? null;
    const chargedHours = chargedByAssignment.get(a.id) ?? 0;
    const recorded = latestSub
      ? chargeForRecordedSubmission({
          policy,
          assignment: toAssessed(a),
          timeZone: course.timeZone,
          effectiveDueAt: effective,
          submittedAt: latestSub.submittedAt,
        }).assessment
      : null;
    const submittable = SUBMITTABLE_KINDS.has(a.kind);
    let preview: StudentAssignmentRow["preview"] = null;
    if (submittable) {
      const notOpenYet = a.releasedAt !== null && a.releasedAt > now;
      const elsewhere = balance.used + balance.adjustments - chargedHours;
      const p = assessSubmission({
        policy,
        assignment: toAssessed(a),
        timeZone: course.timeZone,
        effectiveDueAt: effective,
        submittedAt: now,
        hoursUsedElsewhere: elsewhere,
      });
      preview = {
        outcome: p.outcome,
        message: p.message,
        lateHours: p.lateHours,
        balanceAfter: p.balanceAfter,
        overBudget: p.overBudget,
        allowed: !notOpenYet && isAccepted(p.outcome),
        notOpenYet,
      };
    }
    return {
      id: a.id,
      code: a.code,
      title: a.title,
      kind: a.kind,
      releasedAt: a.releasedAt,
      originalDueAt: a.dueAt,
      effectiveDueAt: effective,
      history,
      usesLateHours: isCovered(policy, a),
      acceptsLate: a.acceptsLate,
      submittable,
      submissions: subs.length,
      latest: latestSub
        ? {
            id: latestSub.id,
            submittedAt: latestSub.submittedAt,
            url: latestSub.url,
            fileName: latestSub.fileName,
            fileSize: latestSub.fileSize,
            lateHours: recorded!.lateHours,
          }
        : null,
      chargedHours,
      flag: recorded ? flagForOutcome(recorded.outcome) : null,
      preview,
    };
  });

  return {
    course,
    student,
    policy: summary,
    balance: { ...balance, budgetHours: policy.budgetHours },
    overBudget,
    assignments: rows,
    ledger: entries.map((e) => ({
      id: e.id,
      createdAt: e.createdAt,
      kind: e.kind,
      hours: e.hours,
      reason: e.reason,
      assignmentCode: e.assignment?.code ?? null,
      actorName: e.actor?.name ?? null,
    })),
  };
}

/** The signed-in student's deadlines, submissions and late-hour ledger in one course. */
export async function getMyDeadlines({
  db,
  viewer,
  slug,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  now: Date;
}): Promise<StudentDeadlines> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.deadlines.read" });
  const me = ctx.viewer!;
  return studentDeadlines({ db, course: ctx.course, student: { id: me.userId, name: me.name, email: me.email }, now });
}

/**
 * One student's ledger and deadlines: staff with ledger.read.all, or the student
 * themself. Another student's ledger is a 404 to a student (its existence is not revealed).
 */
export async function getStudentLedger({
  db,
  viewer,
  slug,
  studentId,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  studentId: string;
  now: Date;
}): Promise<StudentDeadlines & { canAdjust: boolean }> {
  const ctx = await authorizeStudentRecord({
    db,
    slug,
    viewer,
    studentId,
    own: "own.late-hours.read",
    all: "ledger.read.all",
  });
  const member = await db.membership.findFirst({
    where: { courseId: ctx.course.id, userId: studentId, role: "STUDENT" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new NotFoundError("No such student in this course");
  const deadlines = await studentDeadlines({ db, course: ctx.course, student: member.user, now });
  return { ...deadlines, canAdjust: can(ctx, "ledger.adjust") };
}

// ---------------------------------------------------------------- the whole course (staff)

export type CourseLateHoursRow = {
  id: string;
  name: string;
  email: string;
  used: number;
  adjustments: number;
  balance: number | null;
  /** Net hours charged per assignment code (covered assignments only). */
  perAssignment: Record<string, number>;
  flags: { kind: LateFlag; code: string | null }[];
  /** The student's teams (issue 16), e.g. ["Group 3"]. */
  teams: string[];
};

export type CourseLateHours = {
  course: { id: string; slug: string; code: string; title: string; timeZone: string };
  policy: PolicySummary | null;
  canAdjust: boolean;
  canGrant: boolean;
  assignments: {
    id: string;
    code: string;
    title: string;
    effectiveDueAt: Date | null;
    usesLateHours: boolean;
    totalHours: number;
  }[];
  students: CourseLateHoursRow[];
  histogram: UsageBucket[];
  totals: { students: number; hoursUsed: number; overBudget: number; overCap: number; afterCutoff: number };
};

/** Every enrolled student's late-hour use, per-assignment charges and flags; a constant number of queries. */
export async function getCourseLateHours({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<CourseLateHours> {
  const ctx = await authorize({ db, slug, viewer, permission: "ledger.read.all" });
  const courseId = ctx.course.id;
  const [{ policy, summary }, assignments, members, sums, latest, extensions, teamRows] = await Promise.all([
    loadPolicy(db, courseId),
    db.assignment.findMany({
      where: { courseId },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { position: "asc" }, { code: "asc" }],
      select: assignmentSelect,
    }),
    db.membership.findMany({
      where: { courseId, role: "STUDENT", status: "ENROLLED" },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    db.ledgerEntry.groupBy({ by: ["studentId", "assignmentId", "kind"], where: { courseId }, _sum: { hours: true } }),
    db.$queryRaw<{ studentId: string; assignmentId: string; submittedAt: Date }[]>`
      SELECT DISTINCT ON ("studentId", "assignmentId") "studentId", "assignmentId", "submittedAt"
      FROM "Submission" WHERE "courseId" = ${courseId}
      ORDER BY "studentId", "assignmentId", "submittedAt" DESC, "createdAt" DESC, "id" DESC`,
    db.extension.findMany({ where: { courseId }, orderBy: extensionOrder, select: extensionSelect }),
    db.teamMember.findMany({
      where: { courseId },
      orderBy: { team: { name: "asc" } },
      select: { userId: true, team: { select: { name: true } } },
    }),
  ]);
  const teamsOf = new Map<string, string[]>();
  for (const t of teamRows) teamsOf.set(t.userId, [...(teamsOf.get(t.userId) ?? []), t.team.name]);

  const codeOf = new Map(assignments.map((a) => [a.id, a.code]));
  const eventsByAssignment = byAssignment(
    extensions.map((e) => ({ ...toDueDateExtension(e), assignmentId: e.assignmentId })),
  );
  const resolvers = new Map(
    assignments.map((a) => [
      a.id,
      dueDateResolver({ originalDueAt: a.dueAt, extensions: eventsByAssignment.get(a.id) ?? [] }),
    ]),
  );
  const assignmentById = new Map(assignments.map((a) => [a.id, a]));

  const rows = new Map<
    string,
    CourseLateHoursRow & { sums: { kind: "CHARGE" | "REFUND" | "ADJUSTMENT"; hours: number }[] }
  >();
  for (const m of members)
    rows.set(m.user.id, {
      ...m.user,
      used: 0,
      adjustments: 0,
      balance: policy.budgetHours,
      perAssignment: {},
      flags: [],
      teams: teamsOf.get(m.user.id) ?? [],
      sums: [],
    });
  for (const s of sums) {
    const row = rows.get(s.studentId);
    if (!row) continue; // dropped students keep their ledger, but the page lists the enrolled
    const hours = s._sum.hours ?? 0;
    row.sums.push({ kind: s.kind, hours });
    if (s.kind !== "ADJUSTMENT" && s.assignmentId) {
      const code = codeOf.get(s.assignmentId) ?? "?";
      row.perAssignment[code] = (row.perAssignment[code] ?? 0) + hours;
    }
  }
  for (const sub of latest) {
    const row = rows.get(sub.studentId);
    const a = assignmentById.get(sub.assignmentId);
    if (!row || !a) continue;
    const { assessment } = chargeForRecordedSubmission({
      policy,
      assignment: toAssessed(a),
      timeZone: ctx.course.timeZone,
      effectiveDueAt: resolvers.get(a.id)!(sub.studentId),
      submittedAt: sub.submittedAt,
    });
    const flag = flagForOutcome(assessment.outcome);
    if (flag && flag !== "late") row.flags.push({ kind: flag, code: a.code });
  }
  const students: CourseLateHoursRow[] = [...rows.values()].map(({ sums: perKind, ...row }) => {
    const b = balanceFromSums(policy.budgetHours, perKind);
    const flags =
      b.balance !== null && b.balance < 0 ? [{ kind: "over_budget" as const, code: null }, ...row.flags] : row.flags;
    return { ...row, used: b.used, adjustments: b.adjustments, balance: b.balance, flags };
  });

  const totalsByCode = new Map<string, number>();
  for (const s of students)
    for (const [code, h] of Object.entries(s.perAssignment)) totalsByCode.set(code, (totalsByCode.get(code) ?? 0) + h);
  const count = (kind: LateFlag) => students.filter((s) => s.flags.some((f) => f.kind === kind)).length;
  return {
    course: ctx.course,
    policy: summary,
    canAdjust: can(ctx, "ledger.adjust"),
    canGrant: can(ctx, "extensions.grant"),
    assignments: assignments.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      effectiveDueAt: resolvers.get(a.id)!(null),
      usesLateHours: isCovered(policy, a),
      totalHours: totalsByCode.get(a.code) ?? 0,
    })),
    students,
    histogram: usageHistogram({ used: students.map((s) => s.used + s.adjustments), budgetHours: policy.budgetHours }),
    totals: {
      students: students.length,
      hoursUsed: students.reduce((sum, s) => sum + s.used + s.adjustments, 0),
      overBudget: count("over_budget"),
      overCap: count("over_cap"),
      afterCutoff: count("after_cutoff"),
    },
  };
}
