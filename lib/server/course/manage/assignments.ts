import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import type { AssignmentInput } from "@/lib/validation/assignment";
import { instantOf, localInputOf } from "@/lib/server/platform/local-dates";
import { courseWrite } from "@/lib/server/platform/course-write";
import type { Tx } from "@/lib/server/platform/db";

export type EditableAssignment = {
  id: string;
  code: string;
  title: string;
  kind: AssignmentInput["kind"];
  description: string;
  releasedAt: Date | null;
  dueAt: Date | null;
  /** datetime-local values in the course's zone, for the form. */
  releasedLocal: string;
  dueLocal: string;
  points: number;
  categoryId: string | null;
  weight: number | null;
  lateHoursApply: boolean;
  acceptsLate: boolean;
  hasWork: boolean;
};

export async function getAssignmentsForEdit({ db, viewer, slug }: { db: Db; viewer: Viewer | null; slug: string }) {
  const ctx = await authorize({ db, slug, viewer, permission: "assignments.edit" });
  const courseId = ctx.course.id;
  const [rows, categories] = await Promise.all([
    db.assignment.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { dueAt: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        title: true,
        kind: true,
        description: true,
        releasedAt: true,
        dueAt: true,
        points: true,
        categoryId: true,
        weight: true,
        lateHoursApply: true,
        acceptsLate: true,
        _count: { select: { grades: true, submissions: true } },
      },
    }),
    db.gradingCategory.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const tz = ctx.course.timeZone;
  return {
    course: ctx.course,
    categories,
    assignments: rows.map(({ _count, ...a }): EditableAssignment => ({
      ...a,
      releasedLocal: localInputOf(a.releasedAt, tz),
      dueLocal: localInputOf(a.dueAt, tz),
      hasWork: _count.grades + _count.submissions > 0,
    })),
  };
}

async function dataOf(tx: Tx, courseId: string, timeZone: string, input: AssignmentInput) {
  if (input.categoryId) {
    const category = await tx.gradingCategory.findFirst({
      where: { id: input.categoryId, courseId },
      select: { id: true },
    });
    if (!category)
      throw new ValidationError("Please correct the highlighted fields.", {
        categoryId: ["Pick a category of this course"],
      });
  }
  return {
    code: input.code,
    title: input.title,
    kind: input.kind,
    description: input.description,
    releasedAt: instantOf(input.releasedAt, timeZone),
    dueAt: instantOf(input.dueAt, timeZone),
    points: input.points,
    categoryId: input.categoryId,
    weight: input.weight,
    lateHoursApply: input.lateHoursApply,
    acceptsLate: input.acceptsLate,
  };
}

const snapshotSelect = {
  code: true,
  title: true,
  kind: true,
  description: true,
  releasedAt: true,
  dueAt: true,
  points: true,
  categoryId: true,
  weight: true,
  lateHoursApply: true,
  acceptsLate: true,
} as const;

/** Creates (no assignmentId) or updates an assignment; local times are read in the course's zone. */
export async function saveAssignment({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: AssignmentInput;
}): Promise<{ id: string; created: boolean }> {
  return courseWrite({ db, viewer, slug, permission: "assignments.edit" }, async ({ tx, me, ctx, courseId }) => {
    const data = await dataOf(tx, courseId, ctx.course.timeZone, input);
    const clash = await tx.assignment.findFirst({
      where: { courseId, code: input.code, ...(input.assignmentId ? { id: { not: input.assignmentId } } : {}) },
      select: { id: true },
    });
    if (clash)
      throw new ValidationError("Please correct the highlighted fields.", {
        code: [`Another assignment is already ${input.code}`],
      });
    if (input.assignmentId) {
      const before = await tx.assignment.findFirst({
        where: { id: input.assignmentId, courseId },
        select: { id: true, ...snapshotSelect },
      });
      if (!before) throw new NotFoundError("No such assignment in this course");
      await tx.assignment.update({ where: { id: before.id }, data });
      await recordAudit(tx, {
        courseId,
        actorId: me.userId,
        action: "assignment.update",
        entityType: "Assignment",
        entityId: before.id,
        before,
        after: data,
      });
      return { id: before.id, created: false };
    }
    const position = await tx.assignment.count({ where: { courseId } });
    const created = await tx.assignment.create({ data: { courseId, ...data, position }, select: { id: true } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "assignment.create",
      entityType: "Assignment",
      entityId: created.id,
      after: data,
    });
    return { id: created.id, created: true };
  });
}

/** Deletes an assignment that nobody has handed in or been graded on; otherwise refuses (grades would go with it). */
export async function deleteAssignment({
  db,
  viewer,
  slug,
  assignmentId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  assignmentId: string;
}): Promise<void> {
  await courseWrite({ db, viewer, slug, permission: "assignments.edit" }, async ({ tx, me, courseId }) => {
    const before = await tx.assignment.findFirst({
      where: { id: assignmentId, courseId },
      select: { id: true, ...snapshotSelect, _count: { select: { grades: true, submissions: true, ledger: true } } },
    });
    if (!before) throw new NotFoundError("No such assignment in this course");
    const { _count, ...snap } = before;
    if (_count.grades + _count.submissions + _count.ledger > 0) {
      throw new ConflictError(`${before.code} has submissions or grades; it cannot be deleted`);
    }
    await tx.assignment.delete({ where: { id: before.id } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "assignment.delete",
      entityType: "Assignment",
      entityId: before.id,
      before: snap,
    });
  });
}
