import "server-only";
import { cache } from "react";
import type { Db } from "@/lib/server/platform/db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/platform/errors";
import { isStorableText } from "@/lib/server/platform/storable";
import {
  coursePageRule,
  isSitePermission,
  permissions,
  roleAllows,
  type Audience,
  type CourseRole,
  type Permission,
} from "@/lib/server/authorization/permissions";

export type Viewer = { userId: string; email: string; name: string };

type MembershipStatus = "ENROLLED" | "WAITLISTED" | "DROPPED";

export type CourseContext = {
  course: { id: string; slug: string; code: string; title: string; timeZone: string };
  viewer: Viewer | null;
  /** The viewer's role while enrolled; waitlisted or dropped members have none. */
  role: CourseRole | null;
  membership: { id: string; status: MembershipStatus; role: CourseRole } | null;
};

type CourseRow = {
  id: string;
  slug: string;
  code: string;
  title: string;
  timeZone: string;
  membershipId: string | null;
  status: MembershipStatus | null;
  role: CourseRole | null;
};

/**
 * One round trip for the course and the viewer's membership: every request authorizes,
 * and two model queries cost more CPU than the rest of a grade save. Deduplicated per
 * server render with React's cache(): a course page's layout, its metadata and each of the
 * page's data calls authorize, and they share this one query. (Outside a server render, in
 * server actions, route handlers and tests, cache() is a plain call: every write re-reads.)
 */
const courseRow = cache(async (db: Db, slug: string, userId: string | null): Promise<CourseRow | undefined> => {
  const [row] = await db.$queryRaw<
    CourseRow[]
  >`SELECT c."id", c."slug", c."code", c."title", c."timeZone", m."id" AS "membershipId", m."status"::text AS "status", m."role"::text AS "role"
    FROM "Course" c
    LEFT JOIN "Membership" m ON m."courseId" = c."id" AND m."userId" = ${userId}
    WHERE c."slug" = ${slug}`;
  return row;
});

export async function loadCourseContext(db: Db, slug: string, viewer: Viewer | null): Promise<CourseContext> {
  // Checked before the query: a slug PostgreSQL rejects (a NUL byte, lone surrogates) must be a 404, not a 500.
  if (typeof slug !== "string" || !isStorableText(slug)) throw new NotFoundError("No such course");
  const row = await courseRow(db, slug, viewer?.userId ?? null);
  if (!row) throw new NotFoundError("No such course");
  // New objects per caller: the cached row is shared, what callers get is theirs.
  const course = { id: row.id, slug: row.slug, code: row.code, title: row.title, timeZone: row.timeZone };
  const membership =
    row.membershipId && row.status && row.role ? { id: row.membershipId, status: row.status, role: row.role } : null;
  const role = membership?.status === "ENROLLED" ? membership.role : null;
  return { course, viewer, role, membership };
}

export function can(ctx: Pick<CourseContext, "role"> & { viewer?: Viewer | null }, permission: Permission): boolean {
  if (isSitePermission(permission)) return false; // never granted through one course's role
  return roleAllows(permission, ctx.role, Boolean(ctx.viewer));
}

/** Throws unless the viewer may do `permission` in the course; returns the context. */
export function assertCan(ctx: CourseContext, permission: Permission): CourseContext {
  if (can(ctx, permission)) return ctx;
  if (!ctx.viewer) throw new UnauthenticatedError();
  // A member who lacks the right and a stranger to the course get the same answer.
  throw new ForbiddenError();
}

/** The signed-in viewer of a context whose permission needs a role (so a viewer). */
export function viewerOf(ctx: CourseContext): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

/**
 * For permissions that are not about one course ("site.*"): allowed when the
 * viewer holds one of the listed roles, enrolled, in any course.
 */
export async function authorizeSite(params: {
  db: Db;
  viewer: Viewer | null;
  permission: Permission;
}): Promise<Viewer> {
  const allowed: readonly Audience[] = permissions[params.permission];
  if (allowed.includes("public") && params.viewer) return params.viewer;
  if (!params.viewer) throw new UnauthenticatedError();
  if (allowed.includes("signedIn")) return params.viewer;
  const roles = allowed.filter((a): a is CourseRole => a !== "public" && a !== "signedIn");
  const holds = await params.db.membership.count({
    where: { userId: params.viewer.userId, status: "ENROLLED", role: { in: roles } },
  });
  if (holds === 0) throw new ForbiddenError();
  return params.viewer;
}

/**
 * For permissions that are about neither one course nor a role ("notifications.unsubscribe":
 * the signed link in an email is its own authority): allowed exactly when the table grants it
 * to the public, or to any signed-in person and there is one.
 */
export function authorizeAnyone(params: { viewer: Viewer | null; permission: Permission }): void {
  if (roleAllows(params.permission, null, Boolean(params.viewer))) return;
  if (!params.viewer) throw new UnauthenticatedError();
  throw new ForbiddenError();
}

/**
 * One student's records (submissions, grades, late hours). Staff with `all`
 * see anyone who is a member of the course; a student with `own` sees only
 * their own. Someone else's record is a 404, so its existence is not revealed.
 */
export async function authorizeStudentRecord(params: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  studentId: string;
  own: Permission;
  all: Permission;
}): Promise<CourseContext & { scope: "all" | "own" }> {
  const ctx = await loadCourseContext(params.db, params.slug, params.viewer);
  if (!ctx.viewer) throw new UnauthenticatedError();
  let scope: "all" | "own";
  if (can(ctx, params.all)) scope = "all";
  else if (ctx.viewer.userId === params.studentId && can(ctx, params.own)) scope = "own";
  else if (can(ctx, params.own) || ctx.role) throw new NotFoundError("No such student in this course");
  else throw new ForbiddenError();
  if (typeof params.studentId !== "string" || !isStorableText(params.studentId))
    throw new NotFoundError("No such student in this course");
  const member = await params.db.membership.findUnique({
    where: { courseId_userId: { courseId: ctx.course.id, userId: params.studentId } },
    select: { id: true },
  });
  if (!member) throw new NotFoundError("No such student in this course");
  return { ...ctx, scope };
}

export async function authorize(params: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  permission: Permission;
}): Promise<CourseContext> {
  const ctx = await loadCourseContext(params.db, params.slug, params.viewer);
  assertCan(ctx, params.permission);
  return ctx;
}

/**
 * The early page check (coursePageRules) for a request path such as
 * "/courses/csc490/manage/roster": throws 401/403/404 like the page itself would.
 */
export async function assertCoursePageAccess({
  db,
  ctx,
  path,
}: {
  db: Db;
  ctx: CourseContext;
  path: string;
}): Promise<void> {
  const prefix = `/courses/${ctx.course.slug}`;
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return;
  const subpath = path.slice(prefix.length) || "/";
  const rule = coursePageRule(subpath);
  if (!rule) return;
  if ("permission" in rule) {
    assertCan(ctx, rule.permission);
    return;
  }
  let studentId: string;
  try {
    studentId = decodeURIComponent(rule.path.exec(subpath)?.[1] ?? "");
  } catch {
    throw new NotFoundError("No such student in this course");
  }
  await authorizeStudentRecord({
    db,
    slug: ctx.course.slug,
    viewer: ctx.viewer,
    studentId,
    own: rule.record.own,
    all: rule.record.all,
  });
}
