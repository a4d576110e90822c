import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { NotFoundError } from "@/lib/server/platform/errors";
import type { AnnouncementInput } from "@/lib/validation/announcement";
import { instantOf, localInputOf } from "@/lib/server/platform/local-dates";
import { courseWrite } from "@/lib/server/platform/course-write";
import { notifyAnnouncement } from "@/lib/server/notify/events";
import { cancelNotifications } from "@/lib/server/notify/outbox";

export type EditableAnnouncement = {
  id: string;
  title: string;
  body: string;
  pinned: boolean;
  publishedAt: Date;
  publishLocal: string;
  author: string | null;
};

/** Every announcement, scheduled ones too, newest first. */
export async function getAnnouncementsForEdit({ db, viewer, slug }: { db: Db; viewer: Viewer | null; slug: string }) {
  const ctx = await authorize({ db, slug, viewer, permission: "announcements.post" });
  const rows = await db.announcement.findMany({
    where: { courseId: ctx.course.id },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, body: true, pinned: true, publishedAt: true, author: { select: { name: true } } },
  });
  return {
    course: ctx.course,
    announcements: rows.map(({ author, ...a }): EditableAnnouncement => ({
      ...a,
      author: author?.name ?? null,
      publishLocal: localInputOf(a.publishedAt, ctx.course.timeZone),
    })),
  };
}

/** Posts (no announcementId) or edits an announcement; a blank publish time means now. */
export async function saveAnnouncement({
  db,
  viewer,
  slug,
  input,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: AnnouncementInput;
  now: Date;
}): Promise<{ id: string; created: boolean }> {
  return courseWrite({ db, viewer, slug, permission: "announcements.post" }, async ({ tx, me, ctx, courseId }) => {
    const publishedAt = instantOf(input.publishAt, ctx.course.timeZone);
    if (input.announcementId) {
      const before = await tx.announcement.findFirst({
        where: { id: input.announcementId, courseId },
        select: { id: true, title: true, body: true, pinned: true, publishedAt: true },
      });
      if (!before) throw new NotFoundError("No such announcement in this course");
      const data = {
        title: input.title,
        body: input.body,
        pinned: input.pinned,
        publishedAt: publishedAt ?? before.publishedAt,
      };
      await tx.announcement.update({ where: { id: before.id }, data });
      if (before.publishedAt > now) {
        // Not out yet: its queued emails carry the edited text and time instead.
        await cancelNotifications(tx, `announcement:${before.id}`, { remove: true });
        await notifyAnnouncement(tx, { ...ctx.course }, { id: before.id, ...data });
      }
      await recordAudit(tx, {
        courseId,
        actorId: me.userId,
        action: "announcement.update",
        entityType: "Announcement",
        entityId: before.id,
        before,
        after: data,
      });
      return { id: before.id, created: false };
    }
    const data = { title: input.title, body: input.body, pinned: input.pinned, publishedAt: publishedAt ?? now };
    const created = await tx.announcement.create({
      data: { courseId, authorId: me.userId, ...data },
      select: { id: true },
    });
    await notifyAnnouncement(tx, ctx.course, { id: created.id, ...data });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "announcement.create",
      entityType: "Announcement",
      entityId: created.id,
      after: data,
    });
    return { id: created.id, created: true };
  });
}

export async function deleteAnnouncement({
  db,
  viewer,
  slug,
  announcementId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  announcementId: string;
}): Promise<void> {
  await courseWrite({ db, viewer, slug, permission: "announcements.post" }, async ({ tx, me, courseId }) => {
    const before = await tx.announcement.findFirst({
      where: { id: announcementId, courseId },
      select: { id: true, title: true, body: true, pinned: true, publishedAt: true },
    });
    if (!before) throw new NotFoundError("No such announcement in this course");
    await tx.announcement.delete({ where: { id: before.id } });
    await cancelNotifications(tx, `announcement:${before.id}`);
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "announcement.delete",
      entityType: "Announcement",
      entityId: before.id,
      before,
    });
  });
}
