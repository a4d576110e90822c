import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DueDateExtension } from "@/lib/domain/effective-due";
import { z } from "zod";
import { ledgerBalance, NO_LATE_POLICY, type AssessedAssignment, type LatePolicy } from "@/lib/domain/late-policy";
import { correctionReason, planCorrections } from "@/lib/domain/ledger-recompute";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import type { Db, Tx } from "@/lib/server/platform/db";
import { NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { recomputeIfTeamAssignment } from "@/lib/server/deadlines/team-ledger";

// ---------------------------------------------------------------- locking
//
// Every write to a student's ledger runs under a transaction-scoped advisory lock,
// so two submissions (or a submission and a recompute) for the same student never
// read the same balance and both charge it. Locks form a hierarchy taken in one
// order: the course (shared by per-student work, exclusive for course-wide
// recomputes), then students sorted by key. A course-wide recompute therefore
// takes ONE lock however many students it touches, and nothing can deadlock.

const COURSE_NAMESPACE = "lectern.ledger";

/** Exclusive: no per-student ledger write in the course runs until this transaction ends. */
export async function lockCourseLedgers(tx: Tx, courseId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${COURSE_NAMESPACE}), hashtext(${courseId}))`;
}

/** Shared course lock, then each student's lock in key order. */
export async function lockStudentLedgers(tx: Tx, courseId: string, studentIds: readonly string[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${COURSE_NAMESPACE}), hashtext(${courseId}))`;
  const ids = [...new Set(studentIds)];
  if (ids.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtext(${courseId}), k)
    FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest(${ids}::text[]) AS s ORDER BY k) AS keys`;
}

// ---------------------------------------------------------------- policy

export const policySelect = {
  kind: true,
  budgetHours: true,
  perAssignmentCapHours: true,
  excludedWindowStart: true,
  excludedWindowEnd: true,
  graceMinutes: true,
  coveredKinds: true,
  overCapAction: true,
  overBudgetAction: true,
  itemCap: true,
  uncoveredLateAction: true,
  lateRefusedKinds: true,
  finalCutoffAt: true,
  penaltyPercent: true,
  penaltyUnit: true,
  penaltyFloorPercent: true,
  description: true,
} satisfies Prisma.LatePolicySelect;

type PolicyRow = Prisma.LatePolicyGetPayload<{ select: typeof policySelect }>;

/** The stored item cap; a malformed value (it is JSON) is refused rather than guessed at. */
const itemCapSchema = z.array(z.object({ letter: z.enum(["D", "F"]), percent: z.number().min(0).max(100) })).max(2);

/** The one reading of a stored policy; a course without a policy records lateness and charges nothing. */
export function toDomainPolicy(row: PolicyRow | null): LatePolicy {
  if (!row) return NO_LATE_POLICY;
  return {
    kind: row.kind,
    budgetHours: row.budgetHours,
    perAssignmentCapHours: row.perAssignmentCapHours,
    excludedWindow:
      row.excludedWindowStart && row.excludedWindowEnd
        ? { start: row.excludedWindowStart, end: row.excludedWindowEnd }
        : null,
    graceMinutes: row.graceMinutes,
    coveredKinds: row.coveredKinds,
    overCapAction: row.overCapAction,
    overBudgetAction: row.overBudgetAction,
    itemCap: itemCapSchema.parse(row.itemCap),
    uncoveredLateAction: row.uncoveredLateAction,
    lateRefusedKinds: row.lateRefusedKinds,
    finalCutoffAt: row.finalCutoffAt,
    penaltyPercent: row.penaltyPercent,
    penaltyUnit: row.penaltyUnit,
    penaltyFloorPercent: row.penaltyFloorPercent,
  };
}

export const assignmentSelect = {
  id: true,
  code: true,
  title: true,
  kind: true,
  dueAt: true,
  releasedAt: true,
  lateHoursApply: true,
  acceptsLate: true,
  position: true,
} satisfies Prisma.AssignmentSelect;
export type AssignmentRow = Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>;

export function toAssessed(
  a: Pick<AssignmentRow, "kind" | "lateHoursApply" | "acceptsLate" | "code">,
): AssessedAssignment {
  return { kind: a.kind, lateHoursApply: a.lateHoursApply, acceptsLate: a.acceptsLate, name: a.code };
}

export const extensionSelect = {
  id: true,
  assignmentId: true,
  studentId: true,
  action: true,
  dueAt: true,
  revokesId: true,
  createdAt: true,
  reason: true,
} satisfies Prisma.ExtensionSelect;

/** Events in insertion order (createdAt, then id), as effectiveDueAt expects. */
export const extensionOrder = [
  { createdAt: "asc" },
  { id: "asc" },
] satisfies Prisma.ExtensionOrderByWithRelationInput[];

export function toDueDateExtension(
  e: Prisma.ExtensionGetPayload<{ select: typeof extensionSelect }>,
): DueDateExtension {
  return {
    id: e.id,
    studentId: e.studentId,
    action: e.action,
    dueAt: e.dueAt,
    revokesId: e.revokesId,
    createdAt: e.createdAt,
    reason: e.reason,
  };
}

// ---------------------------------------------------------------- bulk recompute

/** A cuid-shaped id ("c" + 24 base-36 characters, time first) for rows inserted with raw SQL. */
export function newLedgerId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = Array.from(randomBytes(15), (b) => (b % 36).toString(36)).join("");
  return `c${time}${random}`;
}

export type Recomputed = { corrections: number; hoursCharged: number; hoursRefunded: number; audits: AuditInput[] };

/**
 * Appends a correcting CHARGE or REFUND for every student of `studentIds` (null =
 * the whole course) whose charge for the assignment differs from what their
 * latest submission costs under the due date now in force. A constant number of
 * statements whatever the class size: the events, the latest submissions and the
 * charges so far are read in bulk, the plan is computed in memory and written
 * with one INSERT. Run inside the transaction that changed the due date, after
 * taking the matching lock.
 */
export async function recomputeAssignmentLedgers(
  tx: Tx,
  {
    courseId,
    timeZone,
    policy,
    assignment,
    studentIds,
    actorId,
    cause,
  }: {
    courseId: string;
    timeZone: string;
    policy: LatePolicy;
    assignment: Pick<AssignmentRow, "id" | "code" | "kind" | "dueAt" | "lateHoursApply" | "acceptsLate">;
    studentIds: readonly string[] | null;
    actorId: string | null;
    cause: string;
  },
): Promise<Recomputed> {
  // A team assignment is charged per team, against the team's deadline (issue 16).
  const team = await recomputeIfTeamAssignment(tx, {
    courseId,
    timeZone,
    policy,
    assignment,
    studentIds,
    actorId,
    cause,
  });
  if (team) return team;
  const only = studentIds ? [...new Set(studentIds)] : null;
  if (only && only.length === 0) return { corrections: 0, hoursCharged: 0, hoursRefunded: 0, audits: [] };
  const studentFilter = only ? Prisma.sql`AND "studentId" = ANY(${only}::text[])` : Prisma.empty;

  const [events, latest, charged] = [
    await tx.extension.findMany({
      where: {
        courseId,
        assignmentId: assignment.id,
        ...(only ? { OR: [{ studentId: null }, { studentId: { in: only } }] } : {}),
      },
      orderBy: extensionOrder,
      select: extensionSelect,
    }),
    await tx.$queryRaw<{ id: string; studentId: string; submittedAt: Date }[]>`
      SELECT DISTINCT ON ("studentId") "id", "studentId", "submittedAt"
      FROM "Submission"
      WHERE "courseId" = ${courseId} AND "assignmentId" = ${assignment.id} ${studentFilter}
      ORDER BY "studentId", "submittedAt" DESC, "createdAt" DESC, "id" DESC`,
    await tx.$queryRaw<{ studentId: string; hours: bigint | number }[]>`
      SELECT "studentId", COALESCE(SUM("hours"), 0) AS "hours"
      FROM "LedgerEntry"
      WHERE "courseId" = ${courseId} AND "assignmentId" = ${assignment.id} AND "kind" IN ('CHARGE', 'REFUND') ${studentFilter}
      GROUP BY "studentId"`,
  ];

  const plan = planCorrections({
    policy,
    assignment: toAssessed(assignment),
    timeZone,
    originalDueAt: assignment.dueAt,
    extensions: events.map(toDueDateExtension),
    latest: latest.map((r) => ({ studentId: r.studentId, submissionId: r.id, submittedAt: r.submittedAt })),
    charged: new Map(charged.map((r) => [r.studentId, Number(r.hours)])),
    studentIds: only,
  });
  if (plan.length === 0) return { corrections: 0, hoursCharged: 0, hoursRefunded: 0, audits: [] };

  // One INSERT of arrays (unnest) whatever the class size: a fixed number of bind
  // parameters, so it never splits into batches, and none of the ORM's per-row work.
  const created = plan.map((p) => ({
    id: newLedgerId(),
    studentId: p.studentId,
    submissionId: p.submissionId,
    kind: p.kind,
    hours: p.hours,
    reason: correctionReason({
      cause,
      code: assignment.code,
      chargedSoFar: p.chargedSoFar,
      shouldCharge: p.shouldCharge,
    }),
  }));
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("id", "courseId", "studentId", "assignmentId", "submissionId", "kind", "hours", "reason", "actorId")
    SELECT e.id, ${courseId}, e.student, ${assignment.id}, e.submission, e.kind::"LedgerKind", e.hours, e.reason, ${actorId}
    FROM unnest(
      ${created.map((e) => e.id)}::text[], ${created.map((e) => e.studentId)}::text[], ${created.map((e) => e.submissionId)}::text[],
      ${created.map((e) => e.kind)}::text[], ${created.map((e) => e.hours)}::int[], ${created.map((e) => e.reason)}::text[]
    ) AS e(id, student, submission, kind, hours, reason)`;
  return recomputedOf({ courseId, actorId, assignmentId: assignment.id, created });
}

/** What a recompute wrote, with one audit event per appended entry (the caller records them). */
export function recomputedOf({
  courseId,
  actorId,
  assignmentId,
  created,
}: {
  courseId: string;
  actorId: string | null;
  assignmentId: string;
  created: {
    id: string;
    studentId: string;
    submissionId: string | null;
    kind: "CHARGE" | "REFUND";
    hours: number;
    reason: string;
  }[];
}): Recomputed {
  const audits: AuditInput[] = created.map((e) => ({
    courseId,
    actorId,
    action: e.kind === "CHARGE" ? "ledger.charge" : "ledger.refund",
    entityType: "LedgerEntry",
    entityId: e.id,
    after: {
      studentId: e.studentId,
      assignmentId,
      submissionId: e.submissionId,
      kind: e.kind,
      hours: e.hours,
      reason: e.reason,
    },
  }));
  return {
    corrections: created.length,
    hoursCharged: created.filter((e) => e.hours > 0).reduce((s, e) => s + e.hours, 0),
    hoursRefunded: created.filter((e) => e.hours < 0).reduce((s, e) => s - e.hours, 0),
    audits,
  };
}

// ---------------------------------------------------------------- balances

export type LedgerSums = { used: number; adjustments: number; balance: number | null };

/** Balance from per-kind sums (as GROUP BY returns them), through the domain's ledgerBalance. */
export function balanceFromSums(
  budgetHours: number | null,
  sums: { kind: "CHARGE" | "REFUND" | "ADJUSTMENT"; hours: number }[],
): LedgerSums {
  return ledgerBalance({ budgetHours, entries: sums });
}

// ---------------------------------------------------------------- manual adjustments

/**
 * An instructor's ADJUSTMENT (a Dean's note, a correction): `hours` is the signed
 * change to hours used, so a negative number gives hours back. Appended under the
 * student's ledger lock with its audit event.
 */
export async function adjustLedger({
  db,
  viewer,
  slug,
  studentId,
  hours,
  reason,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  studentId: string;
  hours: number;
  reason: string;
}): Promise<{ entryId: string; balance: LedgerSums }> {
  const ctx = await authorize({ db, slug, viewer, permission: "ledger.adjust" });
  const courseId = ctx.course.id;
  const actorId = ctx.viewer!.userId;
  if (!Number.isInteger(hours) || hours === 0 || Math.abs(hours) > 1000)
    throw new ValidationError("Adjust by a whole number of hours between 1 and 1000.", {
      hours: ["Enter a whole number of hours between 1 and 1000."],
    });
  if (!reason.trim())
    throw new ValidationError("Give a reason.", { reason: ["Give a reason; the student sees it in their ledger."] });
  return db.$transaction(async (tx) => {
    await lockStudentLedgers(tx, courseId, [studentId]);
    const member = await tx.membership.findFirst({
      where: { courseId, userId: studentId, role: "STUDENT" },
      select: { id: true },
    });
    if (!member) throw new NotFoundError("No such student in this course");
    const entry = await tx.ledgerEntry.create({
      data: { courseId, studentId, kind: "ADJUSTMENT", hours, reason: reason.trim(), actorId },
      select: { id: true },
    });
    await recordAudit(tx, {
      courseId,
      actorId,
      action: "ledger.adjust",
      entityType: "LedgerEntry",
      entityId: entry.id,
      after: { studentId, kind: "ADJUSTMENT", hours, reason: reason.trim() },
    });
    const [policy, entries] = [
      await tx.latePolicy.findUnique({ where: { courseId }, select: { budgetHours: true } }),
      await tx.ledgerEntry.findMany({ where: { courseId, studentId }, select: { kind: true, hours: true } }),
    ];
    return { entryId: entry.id, balance: ledgerBalance({ budgetHours: policy?.budgetHours ?? null, entries }) };
  });
}
