import "server-only";
import { BULK_TX_OPTIONS, type Db } from "@/lib/server/platform/db";
import type { Tx } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { ConflictError } from "@/lib/server/platform/errors";
import type { GradeImportInput } from "@/lib/validation/grades";
import { loadGradingData } from "@/lib/server/grading/grading-data";
import {
  diffImport,
  type ImportChange,
  type ImportLink,
  type ImportPreview,
  type ImportRoster,
} from "@/lib/server/grading/grade-import-diff";

// A grades CSV (Canvas's gradebook layout) in two steps: the preview says what would change and
// asks about what matched nothing; the apply writes exactly that, with the Canvas links it
// learned, in one transaction, each change audited.

type Input = Pick<GradeImportInput, "header" | "rows" | "choices">;

/** Every membership with its Canvas identity, the assignments' Canvas ids and the course's ignored columns. */
export async function loadImportRoster(db: Db | Tx, courseId: string): Promise<ImportRoster> {
  const [members, assignments, course] = await Promise.all([
    db.$queryRaw<ImportRoster["members"]>`
      SELECT m."userId", u."name", u."email", m."role"::text AS "role", m."status"::text AS "status",
             m."canvasUserId", m."sisUserId", m."sisLoginId"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."courseId" = ${courseId}`,
    db.assignment.findMany({ where: { courseId, canvasId: { not: null } }, select: { id: true, canvasId: true } }),
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { canvasIgnoredColumns: true } }),
  ]);
  return {
    members,
    canvasIds: new Map(assignments.map((a) => [a.id, a.canvasId!])),
    ignoredColumns: course.canvasIgnoredColumns,
  };
}

async function plan(db: Db, course: { id: string; timeZone: string }, input: Input, now: Date) {
  const [data, roster] = await Promise.all([loadGradingData({ db, course, now }), loadImportRoster(db, course.id)]);
  return diffImport(data, roster, input);
}

/** What an import would do; writes nothing. */
export async function previewGradeImport({
  db,
  slug,
  viewer,
  input,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  input: Input;
  now: Date;
}): Promise<ImportPreview> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.import" });
  return (await plan(db, ctx.course, input, now)).preview;
}

/**
 * Applies exactly the previewed changes and links in one transaction, each audited. If any
 * grade moved since the preview (its version differs), or a student is no longer enrolled,
 * nothing is written.
 */
export async function applyGradeImport({
  db,
  slug,
  viewer,
  input,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  input: Input & Pick<GradeImportInput, "previewToken">;
  now: Date;
}): Promise<{ created: number; updated: number; linked: number }> {
  const ctx = await authorize({ db, slug, viewer, permission: "grades.import" });
  const w = { courseId: ctx.course.id, actorId: ctx.viewer!.userId };
  const { changes, links, preview } = await plan(db, ctx.course, input, now);
  if (!input.previewToken || input.previewToken !== preview.previewToken) {
    throw new ConflictError(
      "Grades changed since the preview (or the file did). Preview the import again before applying it.",
    );
  }
  const fresh = changes.filter((c) => c.kind === "new");
  const updates = changes.filter((c) => c.kind === "changed");
  return db.$transaction(async (tx) => {
    await lockEnrolled(tx, w.courseId, changes);
    const audit = [
      ...(await createGrades(tx, w, fresh)),
      ...(await updateGrades(tx, w, updates)),
      ...(await writeLinks(tx, w, links)),
    ];
    for (let i = 0; i < audit.length; i += 5000) await recordAudit(tx, audit.slice(i, i + 5000));
    return { created: fresh.length, updated: updates.length, linked: links.length };
  }, BULK_TX_OPTIONS);
}

type Writer = { courseId: string; actorId: string };

/** Grades go only to enrolled students: their memberships are held for the transaction, or it aborts. */
async function lockEnrolled(tx: Tx, courseId: string, changes: ImportChange[]): Promise<void> {
  const ids = [...new Set(changes.map((c) => c.studentId))];
  if (!ids.length) return;
  const held = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership"
    WHERE "courseId" = ${courseId} AND "userId" = ANY(${ids}::text[]) AND "role" = 'STUDENT' AND "status" = 'ENROLLED'
    FOR SHARE`;
  if (held.length !== ids.length)
    throw new ConflictError("A student's enrolment changed since the preview; nothing was imported. Preview again.");
}

const scoreOf = (v: number | "EX" | null) => (v === "EX" ? null : v);

async function createGrades(tx: Tx, w: Writer, fresh: ImportChange[]): Promise<AuditInput[]> {
  if (!fresh.length) return [];
  const extra = new Set(fresh.filter((c) => c.extraCredit).map((c) => `${c.assignmentId}|${c.studentId}`));
  let created: { id: string; assignmentId: string; studentId: string; score: number | null; excused: boolean }[];
  try {
    created = await tx.grade.createManyAndReturn({
      data: fresh.map((c) => ({
        courseId: w.courseId,
        assignmentId: c.assignmentId,
        studentId: c.studentId,
        score: scoreOf(c.after),
        excused: c.after === "EX",
        graderId: w.actorId,
        version: 1,
      })),
      select: { id: true, assignmentId: true, studentId: true, score: true, excused: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new ConflictError(
        "Someone graded some of these cells since the preview; nothing was imported. Preview again.",
      );
    throw error;
  }
  return created.map((g) => ({
    ...w,
    action: "grade.import",
    entityType: "grade",
    entityId: g.id,
    before: null,
    after: {
      score: g.score,
      excused: g.excused,
      feedback: "",
      version: 1,
      assignmentId: g.assignmentId,
      studentId: g.studentId,
      ...(extra.has(`${g.assignmentId}|${g.studentId}`) ? { extraCredit: true } : {}),
    },
  }));
}

async function updateGrades(tx: Tx, w: Writer, updates: ImportChange[]): Promise<AuditInput[]> {
  if (!updates.length) return [];
  // Look the rows up by (assignment, student) and lock them, so the version check below is final.
  const locked = await tx.$queryRaw<
    { id: string; assignmentId: string; studentId: string; feedback: string; version: number }[]
  >`
    SELECT g."id", g."assignmentId", g."studentId", g."feedback", g."version" FROM "Grade" g
    JOIN unnest(${updates.map((c) => c.assignmentId)}::text[], ${updates.map((c) => c.studentId)}::text[]) AS k("assignmentId", "studentId")
      ON g."assignmentId" = k."assignmentId" AND g."studentId" = k."studentId"
    WHERE g."courseId" = ${w.courseId}
    FOR UPDATE OF g`;
  const rowBy = new Map(locked.map((r) => [`${r.assignmentId}|${r.studentId}`, r]));
  const rows = updates.map((c) => {
    const r = rowBy.get(`${c.assignmentId}|${c.studentId}`);
    if (!r || r.version !== c.version)
      throw new ConflictError(
        `${c.studentName}'s ${c.code} changed since the preview; nothing was imported. Preview again.`,
      );
    return r;
  });
  const count = await tx.$executeRaw`
    UPDATE "Grade" AS g SET "score" = v."score", "excused" = v."excused", "version" = g."version" + 1, "graderId" = ${w.actorId}, "updatedAt" = now()
    FROM unnest(${rows.map((r) => r.id)}::text[], ${updates.map((c) => scoreOf(c.after))}::float8[], ${updates.map((c) => c.after === "EX")}::boolean[], ${updates.map((c) => c.version)}::int[]) AS v("id", "score", "excused", "version")
    WHERE g."id" = v."id" AND g."version" = v."version" AND g."courseId" = ${w.courseId}`;
  if (count !== updates.length)
    throw new ConflictError("Some grades changed since the preview; nothing was imported. Preview again.");
  return updates.map((c, i) => ({
    ...w,
    action: "grade.import",
    entityType: "grade",
    entityId: rows[i]!.id,
    before: { score: scoreOf(c.before), excused: c.before === "EX", feedback: rows[i]!.feedback, version: c.version },
    after: {
      score: scoreOf(c.after),
      excused: c.after === "EX",
      feedback: rows[i]!.feedback,
      version: c.version + 1,
      assignmentId: c.assignmentId,
      studentId: c.studentId,
      ...(c.extraCredit ? { extraCredit: true } : {}),
    },
  }));
}

/** The Canvas ids the import learned or was told, stored so the next import needs no mapping. */
async function writeLinks(tx: Tx, w: Writer, links: ImportLink[]): Promise<AuditInput[]> {
  const audit: AuditInput[] = [];
  const event = (entityType: string, entityId: string, before: unknown, after: unknown): AuditInput => ({
    ...w,
    action: "canvas.link",
    entityType,
    entityId,
    before,
    after,
  });
  try {
    for (const link of links) {
      if (link.kind === "assignment") {
        await tx.assignment.update({
          where: { id: link.assignmentId, courseId: w.courseId },
          data: { canvasId: link.canvasId },
        });
        audit.push(event("Assignment", link.assignmentId, { canvasId: link.replaces }, { canvasId: link.canvasId }));
      } else if (link.kind === "student") {
        const membership = await tx.membership.findUniqueOrThrow({
          where: { courseId_userId: { courseId: w.courseId, userId: link.userId } },
          select: { id: true, canvasUserId: true, sisUserId: true, sisLoginId: true },
        });
        const { id, ...before } = membership;
        const after = { canvasUserId: link.canvasUserId, sisUserId: link.sisUserId, sisLoginId: link.sisLoginId };
        await tx.membership.update({ where: { id }, data: after });
        audit.push(event("Membership", id, before, after));
      }
    }
  } catch (error) {
    // Another import linked the same Canvas id to someone else meanwhile (a unique index per course).
    if ((error as { code?: string }).code === "P2002")
      throw new ConflictError("Another import linked these Canvas ids meanwhile; nothing was imported. Preview again.");
    throw error;
  }
  const ignore = links.filter((l) => l.kind === "ignore").map((l) => l.key);
  const unignore = new Set(links.filter((l) => l.kind === "unignore").map((l) => l.key));
  if (ignore.length || unignore.size) {
    const { canvasIgnoredColumns: before } = await tx.course.findUniqueOrThrow({
      where: { id: w.courseId },
      select: { canvasIgnoredColumns: true },
    });
    const after = [...new Set([...before.filter((k) => !unignore.has(k)), ...ignore])];
    await tx.course.update({ where: { id: w.courseId }, data: { canvasIgnoredColumns: after } });
    audit.push(event("Course", w.courseId, { canvasIgnoredColumns: before }, { canvasIgnoredColumns: after }));
  }
  return audit;
}
