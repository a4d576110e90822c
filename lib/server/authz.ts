import "server-only";
import type { Db } from "./db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";
import { roleAllows, type CourseRole, type Permission } from "./permissions";

export type Viewer = { userId: string; email: string; name: string };

export type CourseContext = {
  course: { id: string; slug: string; code: string; title: string; timeZone: string };
  viewer: Viewer | null;
  /** The viewer's role while enrolled; waitlisted or dropped members have none. */
  role: CourseRole | null;
  membership: { id: string; status: "ENROLLED" | "WAITLISTED" | "DROPPED"; role: CourseRole } | null;
};

export async function loadCourseContext(db: Db, slug: string, viewer: Viewer | null): Promise<CourseContext> {
  const course = await db.course.findUnique({
    where: { slug },
    select: { id: true, slug: true, code: true, title: true, timeZone: true },
  });
  if (!course) throw new NotFoundError("No such course");
  const membership = viewer
    ? await db.membership.findUnique({
        where: { courseId_userId: { courseId: course.id, userId: viewer.userId } },
        select: { id: true, status: true, role: true },
      })
    : null;
  const role = membership?.status === "ENROLLED" ? membership.role : null;
  return { course, viewer, role, membership };
}

export function can(ctx: Pick<CourseContext, "role">, permission: Permission): boolean {
  return roleAllows(permission, ctx.role);
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

/** For pages that only signed-in people see: returns the viewer or throws 401. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

export function isStaff(role: CourseRole | null): boolean {
  return role === "INSTRUCTOR" || role === "TA";
}
