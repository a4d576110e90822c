import "server-only";
import { dueDateHistory } from "@/lib/domain/effective-due";
import {
  approvalImpact,
  decisionStatus,
  impactSentence,
  requestedHours,
  ruleVerdict,
  type ApprovalImpact,
  type ExtensionRuleConfig,
  type RuleVerdict,
} from "@/lib/domain/extension-request";
import type { LatePolicy } from "@/lib/domain/late-policy";
import { formatInZone } from "@/lib/domain/time";
import { BULK_TX_OPTIONS, type Db, type Tx } from "@/lib/server/platform/db";
import {
  assertCan,
  authorize,
  can,
  loadCourseContext,
  type CourseContext,
  type Viewer,
} from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { invalidateCourse } from "@/lib/server/platform/cache";
import { instantOf } from "@/lib/server/platform/local-dates";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { notifyExtensionDecision } from "@/lib/server/notify/events";
import { applyStudentGrants } from "@/lib/server/deadlines/extensions";
import {
  assignmentSelect,
  balanceFromSums,
  extensionOrder,
  extensionSelect,
  lockStudentLedgers,
  policySelect,
  toAssessed,
  toDomainPolicy,
  toDueDateExtension,
  type AssignmentRow,
} from "@/lib/server/deadlines/ledger";
import { requestFileType, type AskedChange } from "@/lib/validation/extension-requests";

// Extension requests (issue 17): a student asks on My deadlines, staff decide in one queue (or
// the course's rule decides at once), and an approval is an ordinary per-student GRANT through
// applyStudentGrants (ledger recompute, audit) in the same transaction as the decision, with the
// decision email queued in the outbox in that transaction too.

type Course = CourseContext["course"];

// ---------------------------------------------------------------- one student's standing

type Standing = {
  assignment: AssignmentRow;
  policy: LatePolicy;
  currentDueAt: Date | null;
  latestSubmittedAt: Date | null;
  chargedHours: number;
  balance: number | null;
  used: number;
};

/** The due date in force for the student, their latest hand-in, what it costs, and their budget. */
async function standingOf(db: Db | Tx, course: Course, studentId: string, assignmentId: string): Promise<Standing> {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, courseId: course.id },
    select: assignmentSelect,
  });
  if (!assignment) throw new NotFoundError("No such assignment in this course");
  // Sequential: this also runs on a transaction's single connection.
  const policy = toDomainPolicy(
    await db.latePolicy.findUnique({ where: { courseId: course.id }, select: policySelect }),
  );
  const extensions = await db.extension.findMany({
    where: { courseId: course.id, assignmentId, OR: [{ studentId: null }, { studentId }] },
    orderBy: extensionOrder,
    select: extensionSelect,
  });
  const latest = await db.submission.findFirst({
    where: { courseId: course.id, assignmentId, studentId },
    orderBy: [{ submittedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    select: { submittedAt: true },
  });
  const entries = await db.ledgerEntry.findMany({
    where: { courseId: course.id, studentId },
    select: { kind: true, hours: true, assignmentId: true },
  });
  const history = dueDateHistory({
    originalDueAt: assignment.dueAt,
    extensions: extensions.map(toDueDateExtension),
    studentId,
  });
  const sums = balanceFromSums(policy.budgetHours, entries);
  const chargedHours = entries
    .filter((e) => e.kind !== "ADJUSTMENT" && e.assignmentId === assignmentId)
    .reduce((s, e) => s + e.hours, 0);
  return {
    assignment,
    policy,
    currentDueAt: history.at(-1)!.dueAt,
    latestSubmittedAt: latest?.submittedAt ?? null,
    chargedHours,
    balance: sums.balance,
    used: sums.used + sums.adjustments,
  };
}

function newDueOf(asked: AskedChange, currentDueAt: Date, timeZone: string): Date {
  return "hours" in asked
    ? new Date(currentDueAt.getTime() + asked.hours * 3_600_000)
    : instantOf(asked.dueLocal, timeZone)!;
}

async function ruleOf(db: Db | Tx, courseId: string): Promise<ExtensionRuleConfig | null> {
  return db.extensionRule.findUnique({
    where: { courseId },
    select: { enabled: true, maxHours: true, beforeDeadlineOnly: true, maxPerStudent: true },
  });
}

export type RequestPreview = {
  assignment: { id: string; code: string; title: string };
  currentDueAt: Date;
  requestedDueAt: Date;
  hours: number;
  impact: ApprovalImpact;
  sentence: string;
  /** Whether the course's rule would approve it the moment it is sent. */
  rule: RuleVerdict;
};

async function previewFor(
  db: Db | Tx,
  course: Course,
  studentId: string,
  assignmentId: string,
  asked: AskedChange,
  now: Date,
): Promise<RequestPreview & { standing: Standing }> {
  const standing = await standingOf(db, course, studentId, assignmentId);
  const { assignment, currentDueAt } = standing;
  if (!currentDueAt)
    throw new ValidationError(`${assignment.code} has no due date to extend.`, {
      assignmentId: ["This assignment has no due date."],
    });
  const requestedDueAt = newDueOf(asked, currentDueAt, course.timeZone);
  if (requestedDueAt.getTime() <= currentDueAt.getTime()) {
    const message = `Ask for a date after the current due date, ${formatInZone({ at: currentDueAt, timeZone: course.timeZone })}.`;
    throw new ValidationError(message, "hours" in asked ? { hours: [message] } : { date: [message] });
  }
  const impact = approvalImpact({
    policy: standing.policy,
    assignment: toAssessed(assignment),
    timeZone: course.timeZone,
    currentDueAt,
    newDueAt: requestedDueAt,
    latestSubmittedAt: standing.latestSubmittedAt,
    chargedHours: standing.chargedHours,
    balance: standing.balance,
    now,
  });
  const approvedByRuleBefore = await db.extensionRequest.count({
    where: { courseId: course.id, studentId, automatic: true, status: { in: ["APPROVED", "PARTLY_APPROVED"] } },
  });
  return {
    standing,
    assignment: { id: assignment.id, code: assignment.code, title: assignment.title },
    currentDueAt,
    requestedDueAt,
    hours: requestedHours(currentDueAt, requestedDueAt),
    impact,
    sentence: impactSentence(impact),
    rule: ruleVerdict({
      rule: await ruleOf(db, course.id),
      currentDueAt,
      requestedDueAt,
      requestedAt: now,
      approvedByRuleBefore,
    }),
  };
}

/** What a request would ask for and what approving it would do to the student's late hours; writes nothing. */
export async function previewExtensionRequest({
  db,
  viewer,
  slug,
  assignmentId,
  asked,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
  asked: AskedChange;
  now: Date;
}): Promise<RequestPreview> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.extension-requests.create" });
  const { standing: _standing, ...preview } = await previewFor(
    db,
    ctx.course,
    ctx.viewer!.userId,
    assignmentId,
    asked,
    now,
  );
  return preview;
}

// ---------------------------------------------------------------- deciding (a person or the rule)

type Decision = { outcome: "approve" | "deny"; dueAt?: Date; message: string };

type PendingRow = {
  id: string;
  assignmentId: string;
  studentId: string;
  requestedDueAt: Date;
  status: string;
};

/** Decides one pending request inside the caller's transaction (which holds the student's ledger lock). */
async function decideOne(
  tx: Tx,
  ctx: Pick<CourseContext, "course" | "viewer">,
  request: PendingRow,
  decision: Decision,
  { actorId, automatic, now, why }: { actorId: string | null; automatic: boolean; now: Date; why?: string },
): Promise<{ status: "APPROVED" | "PARTLY_APPROVED" | "DENIED"; dueAt: Date | null }> {
  if (request.status !== "PENDING") throw new ConflictError("This request has already been decided.");
  const { course } = ctx;
  const assignment = await tx.assignment.findFirstOrThrow({
    where: { id: request.assignmentId, courseId: course.id },
    select: assignmentSelect,
  });
  let status: "APPROVED" | "PARTLY_APPROVED" | "DENIED" = "DENIED";
  let dueAt: Date | null = null;
  let extensionId: string | null = null;
  if (decision.outcome === "approve") {
    dueAt = decision.dueAt ?? request.requestedDueAt;
    const standing = await standingOf(tx, course, request.studentId, request.assignmentId);
    if (standing.currentDueAt && dueAt.getTime() <= standing.currentDueAt.getTime())
      throw new ValidationError("Approve a date after the student's current due date.", {
        date: [`Choose a date after ${formatInZone({ at: standing.currentDueAt, timeZone: course.timeZone })}.`],
      });
    status = decisionStatus(request.requestedDueAt, dueAt);
    const label = automatic ? "Extension request approved by the course's rule" : "Extension request approved";
    const granted = await applyStudentGrants(
      tx,
      ctx,
      [{ assignment, studentId: request.studentId, dueAt, reason: decision.message || "Extension request approved" }],
      label,
      actorId,
    );
    extensionId = granted.extensionIds[0]!;
  }
  const updated = await tx.extensionRequest.updateMany({
    where: { id: request.id, courseId: course.id, status: "PENDING" },
    data: {
      status,
      decidedDueAt: dueAt,
      decisionMessage: decision.message,
      decidedById: actorId,
      decidedAt: now,
      automatic,
      extensionId,
    },
  });
  if (updated.count !== 1) throw new ConflictError("This request has already been decided.");
  await recordAudit(tx, {
    courseId: course.id,
    actorId,
    action: automatic ? "extension-request.auto-decide" : "extension-request.decide",
    entityType: "ExtensionRequest",
    entityId: request.id,
    before: { status: "PENDING", requestedDueAt: request.requestedDueAt },
    after: {
      status,
      decidedDueAt: dueAt,
      message: decision.message,
      automatic,
      extensionId,
      ...(why ? { rule: why } : {}),
    },
  });
  await notifyExtensionDecision(tx, course, {
    requestId: request.id,
    studentId: request.studentId,
    assignment,
    outcome: status,
    dueAt,
    message: decision.message,
    automatic,
    now,
  });
  return { status, dueAt };
}

// ---------------------------------------------------------------- the student's side

export type NewRequest = {
  assignmentId: string;
  asked: AskedChange;
  reason: string;
  file: { name: string; size: number; bytes: Uint8Array<ArrayBuffer> } | null;
};

/**
 * A student's request, in one transaction under their ledger lock: the row, its audit event and,
 * when the course's rule approves it, the decision (GRANT, ledger recompute, audit, email).
 */
export async function createExtensionRequest({
  db,
  viewer,
  slug,
  input,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: NewRequest;
  now: Date;
}): Promise<{ id: string; status: "PENDING" | "APPROVED" | "PARTLY_APPROVED" | "DENIED"; dueAt: Date | null }> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.extension-requests.create" });
  const studentId = ctx.viewer!.userId;
  const courseId = ctx.course.id;
  const result = await db.$transaction(async (tx) => {
    await lockStudentLedgers(tx, courseId, [studentId]);
    const open = await tx.extensionRequest.findFirst({
      where: { courseId, studentId, assignmentId: input.assignmentId, status: "PENDING" },
      select: { id: true },
    });
    if (open) throw new ConflictError("You already have a pending request for this assignment; wait for its decision.");
    const preview = await previewFor(tx, ctx.course, studentId, input.assignmentId, input.asked, now);
    const row = await tx.extensionRequest.create({
      data: {
        courseId,
        assignmentId: input.assignmentId,
        studentId,
        currentDueAt: preview.currentDueAt,
        requestedDueAt: preview.requestedDueAt,
        reason: input.reason,
        fileName: input.file?.name ?? null,
        fileType: input.file ? requestFileType(input.file.name) : null,
        fileSize: input.file?.size ?? null,
        createdAt: now,
        ...(input.file ? { file: { create: { data: input.file.bytes } } } : {}),
      },
      select: { id: true, assignmentId: true, studentId: true, requestedDueAt: true, status: true },
    });
    await recordAudit(tx, {
      courseId,
      actorId: studentId,
      action: "extension-request.create",
      entityType: "ExtensionRequest",
      entityId: row.id,
      after: {
        assignmentId: input.assignmentId,
        currentDueAt: preview.currentDueAt,
        requestedDueAt: preview.requestedDueAt,
        hours: preview.hours,
        file: input.file?.name ?? null,
      },
    });
    if (!preview.rule.approve) return { id: row.id, status: "PENDING" as const, dueAt: null };
    const decided = await decideOne(
      tx,
      ctx,
      row,
      { outcome: "approve", message: "" },
      { actorId: null, automatic: true, now, why: preview.rule.why },
    );
    return { id: row.id, ...decided };
  }, BULK_TX_OPTIONS);
  if (result.status !== "PENDING") await invalidateCourse(courseId);
  return result;
}

export type MyExtensionRequest = {
  id: string;
  assignmentId: string;
  assignmentCode: string;
  currentDueAt: Date | null;
  requestedDueAt: Date;
  reason: string;
  fileName: string | null;
  status: "PENDING" | "APPROVED" | "PARTLY_APPROVED" | "DENIED";
  decidedDueAt: Date | null;
  decisionMessage: string;
  automatic: boolean;
  createdAt: Date;
  decidedAt: Date | null;
};

const requestSelect = {
  id: true,
  assignmentId: true,
  assignment: { select: { code: true } },
  currentDueAt: true,
  requestedDueAt: true,
  reason: true,
  fileName: true,
  status: true,
  decidedDueAt: true,
  decisionMessage: true,
  automatic: true,
  createdAt: true,
  decidedAt: true,
} as const;

function toMine({ assignment, ...r }: { assignment: { code: string } } & Omit<MyExtensionRequest, "assignmentCode">) {
  return { ...r, assignmentCode: assignment.code };
}

/** The signed-in student's own requests in the course, newest first: nobody else's. */
export async function getMyExtensionRequests({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<MyExtensionRequest[]> {
  const ctx = await authorize({ db, slug, viewer, permission: "own.extension-requests.read" });
  const rows = await db.extensionRequest.findMany({
    where: { courseId: ctx.course.id, studentId: ctx.viewer!.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: requestSelect,
  });
  return rows.map(toMine);
}

// ---------------------------------------------------------------- the staff queue

export type QueueRequest = MyExtensionRequest & {
  student: { id: string; name: string; email: string };
  hours: number;
  decidedByName: string | null;
  /** The student's late hours: used so far and what is left (null: no budget). */
  standing: { used: number; balance: number | null; budgetHours: number | null };
  /** The student's other requests in this course, newest first. */
  earlier: {
    id: string;
    assignmentCode: string;
    status: MyExtensionRequest["status"];
    automatic: boolean;
    createdAt: Date;
  }[];
};

export type ExtensionQueue = {
  course: Course;
  pending: QueueRequest[];
  /** The latest decisions (people's and the rule's), newest first. */
  decided: QueueRequest[];
  rule: ExtensionRuleConfig | null;
  canDecide: boolean;
  canEditRule: boolean;
};

/** Pending requests with each student's standing and earlier requests, and the latest decisions. */
export async function getExtensionQueue({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<ExtensionQueue> {
  const ctx = await authorize({ db, slug, viewer, permission: "extension-requests.review" });
  const courseId = ctx.course.id;
  const select = {
    ...requestSelect,
    student: { select: { id: true, name: true, email: true } },
    decidedBy: { select: { name: true } },
  } as const;
  const [pending, decided, policyRow, rule] = await Promise.all([
    db.extensionRequest.findMany({
      where: { courseId, status: "PENDING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select,
    }),
    db.extensionRequest.findMany({
      where: { courseId, status: { not: "PENDING" } },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
      take: 50,
      select,
    }),
    db.latePolicy.findUnique({ where: { courseId }, select: policySelect }),
    ruleOf(db, courseId),
  ]);
  const budgetHours = toDomainPolicy(policyRow).budgetHours;
  const studentIds = [...new Set([...pending, ...decided].map((r) => r.student.id))];
  const [sums, history] = await Promise.all([
    db.ledgerEntry.groupBy({
      by: ["studentId", "kind"],
      where: { courseId, studentId: { in: studentIds } },
      _sum: { hours: true },
    }),
    db.extensionRequest.findMany({
      where: { courseId, studentId: { in: studentIds } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        studentId: true,
        assignment: { select: { code: true } },
        status: true,
        automatic: true,
        createdAt: true,
      },
    }),
  ]);
  const standingOfStudent = (id: string) => {
    const b = balanceFromSums(
      budgetHours,
      sums.filter((s) => s.studentId === id).map((s) => ({ kind: s.kind, hours: s._sum.hours ?? 0 })),
    );
    return { used: b.used + b.adjustments, balance: b.balance, budgetHours };
  };
  const toQueue = (r: (typeof pending)[number]): QueueRequest => ({
    ...toMine(r),
    student: r.student,
    hours: r.currentDueAt ? requestedHours(r.currentDueAt, r.requestedDueAt) : 0,
    decidedByName: r.decidedBy?.name ?? null,
    standing: standingOfStudent(r.student.id),
    earlier: history
      .filter((h) => h.studentId === r.student.id && h.id !== r.id)
      .map((h) => ({
        id: h.id,
        assignmentCode: h.assignment.code,
        status: h.status,
        automatic: h.automatic,
        createdAt: h.createdAt,
      })),
  });
  return {
    course: ctx.course,
    pending: pending.map(toQueue),
    decided: decided.map(toQueue),
    rule,
    canDecide: can(ctx, "extension-requests.decide"),
    canEditRule: can(ctx, "extension-rules.edit"),
  };
}

/**
 * Staff decide one request or many at once (the same decision for each): approve the date asked
 * for, approve another date (partly approved when earlier than asked), or deny with a message. All
 * or nothing: one transaction under the students' ledger locks.
 */
export async function decideExtensionRequests({
  db,
  viewer,
  slug,
  requestIds,
  decision,
  message: rawMessage,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  requestIds: readonly string[];
  decision: { kind: "approve" } | { kind: "other"; dueLocal: { date: string; time: string } } | { kind: "deny" };
  /** To the student, in the decision email; required for a denial. */
  message: string;
  now: Date;
}): Promise<{ decided: number }> {
  const ctx = await authorize({ db, slug, viewer, permission: "extension-requests.decide" });
  const courseId = ctx.course.id;
  const ids = [...new Set(requestIds)];
  const rows = await db.extensionRequest.findMany({
    where: { id: { in: ids }, courseId },
    select: { id: true, studentId: true },
  });
  if (rows.length !== ids.length) throw new NotFoundError("No such extension request in this course");
  const message = rawMessage.trim();
  if (decision.kind === "deny" && !message)
    throw new ValidationError("Tell the student why.", {
      message: ["Tell the student why: the message goes to them."],
    });
  const decided = await db.$transaction(async (tx) => {
    await lockStudentLedgers(tx, courseId, [...new Set(rows.map((r) => r.studentId))]);
    const fresh = await tx.extensionRequest.findMany({
      where: { id: { in: ids }, courseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, assignmentId: true, studentId: true, requestedDueAt: true, status: true },
    });
    const dueAt = decision.kind === "other" ? instantOf(decision.dueLocal, ctx.course.timeZone)! : undefined;
    // Sequential: one connection per transaction.
    for (const request of fresh)
      await decideOne(
        tx,
        ctx,
        request,
        { outcome: decision.kind === "deny" ? "deny" : "approve", dueAt, message },
        { actorId: ctx.viewer!.userId, automatic: false, now },
      );
    return fresh.length;
  }, BULK_TX_OPTIONS);
  await invalidateCourse(courseId);
  return { decided };
}

// ---------------------------------------------------------------- the rule and the file

export async function saveExtensionRule({
  db,
  viewer,
  slug,
  rule,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  rule: ExtensionRuleConfig;
}): Promise<ExtensionRuleConfig> {
  const ctx = await authorize({ db, slug, viewer, permission: "extension-rules.edit" });
  const courseId = ctx.course.id;
  return db.$transaction(async (tx) => {
    const before = await ruleOf(tx, courseId);
    const saved = await tx.extensionRule.upsert({
      where: { courseId },
      create: { courseId, ...rule },
      update: rule,
      select: { enabled: true, maxHours: true, beforeDeadlineOnly: true, maxPerStudent: true },
    });
    await recordAudit(tx, {
      courseId,
      actorId: ctx.viewer!.userId,
      action: "extension-rule.save",
      entityType: "ExtensionRule",
      entityId: courseId,
      before,
      after: saved,
    });
    return saved;
  });
}

/** The file a student attached: the student themself, or staff who review requests; anyone else a 404. */
export async function getExtensionRequestFile({
  db,
  viewer,
  slug,
  requestId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  requestId: string;
}): Promise<{ name: string; type: string; bytes: Uint8Array }> {
  const ctx = await loadCourseContext(db, slug, viewer);
  const staff = can(ctx, "extension-requests.review");
  if (!staff) assertCan(ctx, "own.extension-requests.read");
  const row = await db.extensionRequest.findFirst({
    where: { id: requestId, courseId: ctx.course.id, ...(staff ? {} : { studentId: ctx.viewer!.userId }) },
    select: { fileName: true, fileType: true, file: { select: { data: true } } },
  });
  if (!row?.file || !row.fileName) throw new NotFoundError("No such file");
  return { name: row.fileName, type: row.fileType ?? "application/octet-stream", bytes: row.file.data };
}
