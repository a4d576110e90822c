import "server-only";
import { BULK_TX_OPTIONS, TX_OPTIONS, type Db, type Tx } from "@/lib/server/platform/db";
import { authorize, viewerOf, type CourseContext, type Viewer } from "@/lib/server/authorization/authz";
import { invalidateCourse } from "@/lib/server/platform/cache";
import type { Permission } from "@/lib/server/authorization/permissions";

/**
 * The shape of every course write: authorize through the policy, run the change
 * and its audit events in one transaction, then (after commit) bump the course's
 * cache version so the public pages show the edit at once.
 *
 * `bulk`: the change touches a whole course's rows (a CSV, a course-wide recompute) and gets
 * BULK_TX_OPTIONS. `changed`: whether the result wrote anything (a refused import did not),
 * so the cache is left alone when nothing changed.
 */
export async function courseWrite<T>(
  {
    db,
    viewer,
    slug,
    permission,
    bulk = false,
    changed = () => true,
  }: {
    db: Db;
    viewer: Viewer | null;
    slug: string;
    permission: Permission;
    bulk?: boolean;
    changed?: (result: T) => boolean;
  },
  change: (args: { tx: Tx; ctx: CourseContext; me: Viewer; courseId: string }) => Promise<T>,
): Promise<T> {
  const ctx = await authorize({ db, slug, viewer, permission });
  const me = viewerOf(ctx);
  const result = await db.$transaction(
    (tx) => change({ tx, ctx, me, courseId: ctx.course.id }),
    bulk ? BULK_TX_OPTIONS : TX_OPTIONS,
  );
  if (changed(result)) await invalidateCourse(ctx.course.id);
  return result;
}
