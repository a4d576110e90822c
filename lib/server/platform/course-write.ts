import "server-only";
import { TX_OPTIONS, type Db, type Tx } from "@/lib/server/platform/db";
import { authorize, viewerOf, type CourseContext, type Viewer } from "@/lib/server/authorization/authz";
import { invalidateCourse } from "@/lib/server/platform/cache";
import type { Permission } from "@/lib/server/authorization/permissions";

/**
 * The shape of every manage write: authorize through the policy, run the change
 * and its audit events in one transaction, then (after commit) bump the course's
 * cache version so the public pages show the edit at once.
 */
export async function courseWrite<T>(
  { db, viewer, slug, permission }: { db: Db; viewer: Viewer | null; slug: string; permission: Permission },
  change: (args: { tx: Tx; ctx: CourseContext; me: Viewer; courseId: string }) => Promise<T>,
): Promise<T> {
  const ctx = await authorize({ db, slug, viewer, permission });
  const me = viewerOf(ctx);
  const result = await db.$transaction((tx) => change({ tx, ctx, me, courseId: ctx.course.id }), TX_OPTIONS);
  await invalidateCourse(ctx.course.id);
  return result;
}
