import "server-only";
import type { Db } from "@/lib/server/platform/db";
import type { CourseContext } from "@/lib/server/authorization/authz";
import { NotFoundError } from "@/lib/server/platform/errors";
import { isStorableText } from "@/lib/server/platform/storable";
import { getAnnouncement } from "@/lib/server/course/announcements";

/**
 * Pages under /courses/[slug] that show one record named in the path. The course layout
 * runs these before anything streams, so a missing record is a real 404 (Next sends a 200
 * once the loading boundary's shell is out, and a notFound() from the page comes too late).
 * Each check is the page's own loader, or the same scoped query: what the page would not
 * show, this calls missing. Adding such a page is one line here.
 */
const RECORD_PAGES: readonly {
  path: RegExp;
  exists: (p: { db: Db; ctx: CourseContext; id: string; now: Date }) => Promise<unknown>;
}[] = [
  {
    path: /^\/announcements\/([^/]+)\/?$/,
    exists: ({ db, ctx, id, now }) => getAnnouncement({ db, slug: ctx.course.slug, viewer: ctx.viewer, id, now }),
  },
  {
    path: /^\/gradebook\/assignments\/([^/]+)\/?$/,
    exists: async ({ db, ctx, id }) => {
      const found = await db.assignment.findFirst({ where: { id, courseId: ctx.course.id }, select: { id: true } });
      if (!found) throw new NotFoundError("No such assignment");
    },
  },
];

export async function assertCoursePageRecord({
  db,
  ctx,
  path,
  now,
}: {
  db: Db;
  ctx: CourseContext;
  path: string;
  now: Date;
}): Promise<void> {
  const prefix = `/courses/${ctx.course.slug}`;
  if (!path.startsWith(`${prefix}/`)) return;
  const subpath = path.slice(prefix.length);
  for (const page of RECORD_PAGES) {
    const match = page.path.exec(subpath);
    if (!match) continue;
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      throw new NotFoundError("Malformed address");
    }
    if (!isStorableText(id)) throw new NotFoundError("Malformed address");
    await page.exists({ db, ctx, id, now });
    return;
  }
}
