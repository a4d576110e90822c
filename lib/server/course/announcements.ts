import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { cachedForCourse } from "@/lib/server/platform/cache";
import { NotFoundError } from "@/lib/server/platform/errors";
import { atomFeed } from "@/lib/domain/atom";
import { markdownToHtml } from "@/lib/server/course/markdown-html";

export type AnnouncementDto = {
  id: string;
  title: string;
  body: string;
  publishedAt: Date;
  updatedAt: Date;
  pinned: boolean;
  author: string | null;
};

// The cache holds every announcement, scheduled ones too; what is published is
// decided per request against `now`, so a scheduled post appears on time without
// anyone invalidating the cache.
async function loadAnnouncements(db: Db, courseId: string): Promise<AnnouncementDto[]> {
  const rows = await db.announcement.findMany({
    where: { courseId },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      pinned: true,
      author: { select: { name: true } },
    },
  });
  return rows.map(({ author, ...a }) => ({ ...a, author: author?.name ?? null }));
}

/** Every announcement of the course, scheduled ones too, through the course cache. */
export function courseAnnouncements(db: Db, courseId: string) {
  return cachedForCourse({ courseId, key: "announcements", load: () => loadAnnouncements(db, courseId) });
}

/** Pinned first, then newest first; only what is published at `now`. */
export function publishedOrder(list: readonly AnnouncementDto[], now: Date): AnnouncementDto[] {
  return list
    .filter((a) => a.publishedAt.getTime() <= now.getTime())
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.publishedAt.getTime() - a.publishedAt.getTime());
}

export async function getCourseAnnouncements({
  db,
  slug,
  viewer,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}) {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  const all = await courseAnnouncements(db, ctx.course.id);
  return { course: ctx.course, announcements: publishedOrder(all, now) };
}

export async function getAnnouncement({
  db,
  slug,
  viewer,
  id,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  id: string;
  now: Date;
}) {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  const all = await courseAnnouncements(db, ctx.course.id);
  const announcement = all.find((a) => a.id === id && a.publishedAt.getTime() <= now.getTime());
  if (!announcement) throw new NotFoundError("No such announcement");
  return { course: ctx.course, announcement };
}

/** The course's announcements as an Atom feed, newest first (a feed has no "pinned"). */
export async function getAnnouncementsFeed({
  db,
  slug,
  origin,
  now,
}: {
  db: Db;
  slug: string;
  origin: string;
  now: Date;
}): Promise<string> {
  // Feed readers carry no session; the feed holds public content only.
  const ctx = await authorize({ db, slug, viewer: null, permission: "course.read" });
  const all = await courseAnnouncements(db, ctx.course.id);
  const published = all.filter((a) => a.publishedAt.getTime() <= now.getTime());
  const base = `${origin}/courses/${encodeURIComponent(ctx.course.slug)}/announcements`;
  const updated =
    published.reduce<Date | null>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), null) ??
    // An empty feed is as old as the course (Atom requires <updated>; 1970 would be a lie).
    (await db.course.findUniqueOrThrow({ where: { id: ctx.course.id }, select: { createdAt: true } })).createdAt;
  return atomFeed({
    id: base,
    title: `${ctx.course.code}: ${ctx.course.title} — announcements`,
    selfUrl: `${base}/feed.xml`,
    pageUrl: base,
    updated,
    entries: published.map((a) => ({
      id: `${base}/${a.id}`,
      title: a.title,
      link: `${base}/${a.id}`,
      published: a.publishedAt,
      updated: a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt,
      author: a.author,
      html: markdownToHtml(a.body),
    })),
  });
}
