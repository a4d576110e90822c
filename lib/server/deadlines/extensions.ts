import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { effectiveDueAt } from "@/lib/domain/effective-due";
import { parseExtensionCsv, type ExtensionCsvResult } from "@/lib/domain/extension-csv";
import { formatInZone } from "@/lib/domain/time";
import type { Db, Tx } from "@/lib/server/platform/db";
import { authorize, type CourseContext, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { courseWrite } from "@/lib/server/platform/course-write";
import { notifyAnnouncement, notifyCourseExtension } from "@/lib/server/notify/events";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import {
  assignmentSelect,
  lockCourseLedgers,
  lockStudentLedgers,
  policySelect,
  recomputeAssignmentLedgers,
  toDomainPolicy,
  type AssignmentRow,
  type Recomputed,
} from "@/lib/server/deadlines/ledger";

export type ExtensionOutcome = {
  extensionIds: string[];
  announcementId: string | null;
  corrections: number;
  hoursCharged: number;
  hoursRefunded: number;
};

async function assignmentIn(tx: Tx, courseId: string, assignmentId: string): Promise<AssignmentRow> {
  const a = await tx.assignment.findFirst({ where: { id: assignmentId, courseId }, select: assignmentSelect });
  if (!a) throw new NotFoundError("No such assignment in this course");
  return a;
}

async function policyOf(tx: Tx, courseId: string) {
  return toDomainPolicy(await tx.latePolicy.findUnique({ where: { courseId }, select: policySelect }));
}

function describeDue(dueAt: Date | null, timeZone: string): string {
  return dueAt ? formatInZone({ at: dueAt, timeZone }) : "no due date";
}

function sumUp(results: Recomputed[], extensionIds: string[], announcementId: string | null): ExtensionOutcome {
  return {
    extensionIds,
    announcementId,
    corrections: results.reduce((s, r) => s + r.corrections, 0),
    hoursCharged: results.reduce((s, r) => s + r.hoursCharged, 0),
    hoursRefunded: results.reduce((s, r) => s + r.hoursRefunded, 0),
  };
}

/**
 * Extends an assignment for everyone, optionally posting the (edited) announcement
 * in the same transaction, and recomputes every student's charge for it. Takes
 * the course's exclusive ledger lock: one lock and a constant number of
 * statements whatever the class size.
 */
export async function grantCourseExtension({
  db,
  viewer,
  slug,
  assignmentId,
  dueAt,
  reason,
  announcement,
  now = new Date(),
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
  dueAt: Date;
  reason: string;
  announcement: { title: string; body: string } | null;
  now?: Date;
}): Promise<ExtensionOutcome> {
  return courseWrite({ db, viewer, slug, permission: "extensions.grant", bulk: true }, async ({ tx, ctx, me }) => {
    const { id: courseId, timeZone } = ctx.course;
    const actorId = me.userId;
    await lockCourseLedgers(tx, courseId);
    const assignment = await assignmentIn(tx, courseId, assignmentId);
    const policy = await policyOf(tx, courseId);
    const extension = await tx.extension.create({
      data: { courseId, assignmentId, studentId: null, action: "GRANT", dueAt, reason, grantedById: actorId },
      select: { id: true },
    });
    const posted = announcement
      ? await tx.announcement.create({
          data: { courseId, title: announcement.title, body: announcement.body, authorId: actorId, publishedAt: now },
          select: { id: true },
        })
      : null;
    const cause = `Course-wide extension of ${assignment.code} to ${describeDue(dueAt, timeZone)}${reason ? ` (${reason})` : ""}`;
    const recomputed = await recomputeAssignmentLedgers(tx, {
      courseId,
      timeZone,
      policy,
      assignment,
      studentIds: null,
      actorId,
      cause,
    });
    const audits: AuditInput[] = [
      {
        courseId,
        actorId,
        action: "extension.grant",
        entityType: "Extension",
        entityId: extension.id,
        after: { assignmentId, code: assignment.code, studentId: null, dueAt, reason, previousDueAt: assignment.dueAt },
      },
      ...(posted
        ? [
            {
              courseId,
              actorId,
              action: "announcement.create",
              entityType: "Announcement",
              entityId: posted.id,
              after: announcement,
            },
          ]
        : []),
      ...recomputed.audits,
    ];
    await recordAudit(tx, audits);
    await notifyCourseExtension(tx, ctx.course, { extensionId: extension.id, assignment, dueAt, reason, now });
    if (posted && announcement)
      await notifyAnnouncement(tx, ctx.course, { id: posted.id, ...announcement, publishedAt: now });
    return sumUp([recomputed], [extension.id], posted?.id ?? null);
  });
}

async function enrolledStudents(tx: Tx | Db, courseId: string, ids: readonly string[] | null) {
  return tx.membership.findMany({
    where: { courseId, role: "STUDENT", status: "ENROLLED", ...(ids ? { userId: { in: [...ids] } } : {}) },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
}

export type StudentGrant = { assignment: AssignmentRow; studentId: string; dueAt: Date; reason: string };

/**
 * Writes per-student GRANTs (any assignments) and recomputes just those students. Caller holds the
 * locks. The actor is the viewer, or null for a grant no person made (an extension rule's approval).
 */
export async function applyStudentGrants(
  tx: Tx,
  ctx: Pick<CourseContext, "course" | "viewer">,
  grants: StudentGrant[],
  causeLabel: string,
  actorId: string | null = ctx.viewer!.userId,
): Promise<ExtensionOutcome> {
  const { id: courseId, timeZone } = ctx.course;
  const policy = await policyOf(tx, courseId);
  const created = await tx.extension.createManyAndReturn({
    data: grants.map((g) => ({
      courseId,
      assignmentId: g.assignment.id,
      studentId: g.studentId,
      action: "GRANT" as const,
      dueAt: g.dueAt,
      reason: g.reason,
      grantedById: actorId,
    })),
    select: { id: true, assignmentId: true, studentId: true, dueAt: true, reason: true },
  });
  const audits: AuditInput[] = created.map((e) => ({
    courseId,
    actorId,
    action: "extension.grant",
    entityType: "Extension",
    entityId: e.id,
    after: { assignmentId: e.assignmentId, studentId: e.studentId, dueAt: e.dueAt, reason: e.reason, via: causeLabel },
  }));
  // Group by assignment: each group is one bulk recompute (constant statements per assignment).
  const groups = new Map<string, StudentGrant[]>();
  for (const g of grants) groups.set(g.assignment.id, [...(groups.get(g.assignment.id) ?? []), g]);
  const results: Recomputed[] = [];
  for (const list of groups.values()) {
    const assignment = list[0]!.assignment;
    const sameDue = list.every((g) => g.dueAt.getTime() === list[0]!.dueAt.getTime());
    const cause = `${causeLabel}: ${assignment.code} ${sameDue ? `due ${describeDue(list[0]!.dueAt, timeZone)}` : "due dates changed"}`;
    const r = await recomputeAssignmentLedgers(tx, {
      courseId,
      timeZone,
      policy,
      assignment,
      studentIds: list.map((g) => g.studentId),
      actorId,
      cause,
    });
    results.push(r);
    audits.push(...r.audits);
  }
  await recordAudit(tx, audits);
  return sumUp(
    results,
    created.map((e) => e.id),
    null,
  );
}

/** One or many students get a new due date for one assignment, each with the same reason (which only they and staff see). */
export async function grantStudentExtensions({
  db,
  viewer,
  slug,
  assignmentId,
  studentIds,
  dueAt,
  reason,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
  studentIds: readonly string[];
  dueAt: Date;
  reason: string;
}): Promise<ExtensionOutcome> {
  const ids = [...new Set(studentIds)];
  return courseWrite(
    { db, viewer, slug, permission: "extensions.grant", bulk: true },
    async ({ tx, ctx, courseId }) => {
      // Checked after the policy (a refused caller learns nothing) and before any write.
      if (ids.length === 0)
        throw new ValidationError("Choose at least one student.", { studentIds: ["Choose at least one student."] });
      if (!reason.trim())
        throw new ValidationError("Give a reason.", {
          reason: ["Give a reason; the student sees it with the new due date."],
        });
      await lockStudentLedgers(tx, courseId, ids);
      const students = await enrolledStudents(tx, courseId, ids);
      if (students.length !== ids.length)
        throw new ValidationError("Some of the chosen people are not enrolled students of this course.", {
          studentIds: ["Choose enrolled students only."],
        });
      const assignment = await assignmentIn(tx, courseId, assignmentId);
      return applyStudentGrants(
        tx,
        ctx,
        ids.map((studentId) => ({ assignment, studentId, dueAt, reason: reason.trim() })),
        "Personal extension",
      );
    },
  );
}

async function parseCsvFor(db: Db | Tx, ctx: CourseContext, csv: string): Promise<ExtensionCsvResult> {
  // Sequential: this also runs on a transaction's single connection.
  const students = await enrolledStudents(db, ctx.course.id, null);
  const assignments = await db.assignment.findMany({
    where: { courseId: ctx.course.id },
    select: { id: true, code: true },
  });
  return parseExtensionCsv({
    text: csv,
    students: students.map((s) => s.user),
    assignments,
    timeZone: ctx.course.timeZone,
  });
}

/** Checks a CSV of per-student extensions against the roster; writes nothing. */
export async function previewExtensionCsv({
  db,
  viewer,
  slug,
  csv,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  csv: string;
}): Promise<ExtensionCsvResult> {
  const ctx = await authorize({ db, slug, viewer, permission: "extensions.grant" });
  return parseCsvFor(db, ctx, csv);
}

/**
 * Applies a CSV of per-student extensions: all rows or none. The rows are checked
 * again inside the transaction, so a roster change since the preview cannot slip through.
 */
export async function applyExtensionCsv({
  db,
  viewer,
  slug,
  csv,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  csv: string;
}): Promise<{ preview: ExtensionCsvResult; outcome: ExtensionOutcome | null }> {
  return courseWrite(
    { db, viewer, slug, permission: "extensions.grant", bulk: true, changed: (r) => r.outcome !== null },
    async ({ tx, ctx, courseId }) => {
      // Parsed once to learn whose ledgers to lock, then again under the locks.
      const first = await parseCsvFor(tx, ctx, csv);
      if (!first.ok) return { preview: first, outcome: null };
      await lockStudentLedgers(
        tx,
        courseId,
        first.rows.map((r) => r.studentId!),
      );
      const checked = await parseCsvFor(tx, ctx, csv);
      if (!checked.ok) return { preview: checked, outcome: null };
      const assignments = new Map(
        (
          await tx.assignment.findMany({
            where: { courseId, id: { in: checked.rows.map((r) => r.assignmentId!) } },
            select: assignmentSelect,
          })
        ).map((a) => [a.id, a]),
      );
      const grants = checked.rows.map((r) => ({
        assignment: assignments.get(r.assignmentId!)!,
        studentId: r.studentId!,
        dueAt: r.dueAt!,
        reason: r.reason,
      }));
      return { preview: checked, outcome: await applyStudentGrants(tx, ctx, grants, "Extension from CSV import") };
    },
  );
}

/**
 * Ends a GRANT with a new REVOKE event (history is never rewritten) and
 * recomputes the students it covered: everyone for a course-wide grant.
 */
export async function revokeExtension({
  db,
  viewer,
  slug,
  extensionId,
  reason,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  extensionId: string;
  reason: string;
}): Promise<ExtensionOutcome> {
  try {
    return await courseWrite(
      { db, viewer, slug, permission: "extensions.grant", bulk: true },
      async ({ tx, ctx, me }) => {
        const { id: courseId, timeZone } = ctx.course;
        const actorId = me.userId;
        const grant = await tx.extension.findFirst({
          where: { id: extensionId, courseId },
          select: { id: true, action: true, studentId: true, assignmentId: true, dueAt: true },
        });
        if (!grant) throw new NotFoundError("No such extension in this course");
        if (grant.action !== "GRANT")
          throw new ConflictError("Only a grant can be revoked; grant a new extension instead.");
        if (grant.studentId === null) await lockCourseLedgers(tx, courseId);
        else await lockStudentLedgers(tx, courseId, [grant.studentId]);
        const revoked = await tx.extension.findFirst({ where: { revokesId: grant.id }, select: { id: true } });
        if (revoked) throw new ConflictError("This extension has already been revoked.");
        const assignment = await assignmentIn(tx, courseId, grant.assignmentId);
        const policy = await policyOf(tx, courseId);
        const revoke = await tx.extension.create({
          data: {
            courseId,
            assignmentId: grant.assignmentId,
            studentId: grant.studentId,
            action: "REVOKE",
            revokesId: grant.id,
            reason: reason.trim(),
            grantedById: actorId,
          },
          select: { id: true },
        });
        const scope = grant.studentId === null ? "course-wide extension" : "personal extension";
        const cause = `Revoked ${scope} of ${assignment.code} to ${describeDue(grant.dueAt, timeZone)}${reason.trim() ? ` (${reason.trim()})` : ""}`;
        const recomputed = await recomputeAssignmentLedgers(tx, {
          courseId,
          timeZone,
          policy,
          assignment,
          studentIds: grant.studentId === null ? null : [grant.studentId],
          actorId,
          cause,
        });
        await recordAudit(tx, [
          {
            courseId,
            actorId,
            action: "extension.revoke",
            entityType: "Extension",
            entityId: revoke.id,
            before: { grantId: grant.id, dueAt: grant.dueAt, studentId: grant.studentId },
            after: { reason },
          },
          ...recomputed.audits,
        ]);
        return sumUp([recomputed], [revoke.id], null);
      },
    );
  } catch (error) {
    // Two revokes racing on a per-student grant: the unique revokesId lets exactly one win.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new ConflictError("This extension has already been revoked.");
    throw error;
  }
}

export type ExtensionEvent = {
  id: string;
  action: "GRANT" | "REVOKE";
  assignmentId: string;
  assignmentCode: string;
  student: { id: string; name: string; email: string } | null;
  dueAt: Date | null;
  reason: string;
  createdAt: Date;
  grantedBy: string | null;
  revokedAt: Date | null;
  revokesId: string | null;
};

/** The instructor's extensions page: every event, the assignments and the roster for the forms. */
export async function listExtensions({ db, viewer, slug }: { db: Db; viewer: Viewer | null; slug: string }) {
  const ctx = await authorize({ db, slug, viewer, permission: "extensions.grant" });
  const courseId = ctx.course.id;
  const [events, assignments, students] = await Promise.all([
    db.extension.findMany({
      where: { courseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        action: true,
        assignmentId: true,
        studentId: true,
        dueAt: true,
        reason: true,
        createdAt: true,
        revokesId: true,
        assignment: { select: { code: true } },
        student: { select: { id: true, name: true, email: true } },
        grantedBy: { select: { name: true } },
        revokedBy: { select: { createdAt: true } },
      },
    }),
    db.assignment.findMany({
      where: { courseId },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { position: "asc" }],
      select: { id: true, code: true, title: true, kind: true, dueAt: true },
    }),
    db.membership.findMany({
      where: { courseId, role: "STUDENT", status: "ENROLLED" },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const chronological = [...events].reverse();
  return {
    course: ctx.course,
    // Each with the due date everyone has now (course-wide grants applied), which the forms start from.
    assignments: assignments.map((a) => ({
      ...a,
      courseDueAt: effectiveDueAt({
        originalDueAt: a.dueAt,
        extensions: chronological.filter((e) => e.assignmentId === a.id && e.studentId === null),
        studentId: null,
      }),
    })),
    students: students.map((s) => s.user),
    events: events.map((e): ExtensionEvent => ({
      id: e.id,
      action: e.action,
      assignmentId: e.assignmentId,
      assignmentCode: e.assignment.code,
      student: e.student,
      dueAt: e.dueAt,
      reason: e.reason,
      createdAt: e.createdAt,
      grantedBy: e.grantedBy?.name ?? null,
      revokedAt: e.revokedBy?.createdAt ?? null,
      revokesId: e.revokesId,
    })),
  };
}
