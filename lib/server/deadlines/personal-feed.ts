import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/platform/db";
import { authorize, viewerOf, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { buildCalendar } from "@/lib/server/course/calendar";
import { NotFoundError } from "@/lib/server/platform/errors";
import { deadlinesFor } from "@/lib/server/deadlines/due-dates";

// A student's secret calendar feed: the course calendar with THEIR effective
// deadlines, per-student extensions included. The token in the URL is the only
// credential (calendar apps carry no session), so it is long, random, and
// regenerating it revokes the old URL.

const newToken = () => randomBytes(24).toString("base64url");

export function personalFeedPath(token: string): string {
  return `/feeds/${token}.ics`;
}

async function studentMembership(db: Db, slug: string, viewer: Viewer | null) {
  const ctx = await authorize({ db, slug, viewer, permission: "own.feed.manage" });
  return {
    ctx,
    membership: await db.membership.findUniqueOrThrow({
      where: { id: ctx.membership!.id },
      select: { id: true, feedToken: true },
    }),
  };
}

/** The viewer's feed path, created on first use. */
export async function getMyFeed({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
}): Promise<{ path: string; course: { slug: string; code: string } }> {
  const { ctx, membership } = await studentMembership(db, slug, viewer);
  let token = membership.feedToken;
  if (!token) {
    token = newToken();
    // Only set when still empty: two first visits at once agree on one token.
    await db.membership.updateMany({ where: { id: membership.id, feedToken: null }, data: { feedToken: token } });
    token = (await db.membership.findUniqueOrThrow({ where: { id: membership.id }, select: { feedToken: true } }))
      .feedToken!;
  }
  return { path: personalFeedPath(token), course: { slug: ctx.course.slug, code: ctx.course.code } };
}

/** A new secret URL; the old one stops working at once. */
export async function regenerateMyFeed({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
}): Promise<{ path: string }> {
  const { ctx, membership } = await studentMembership(db, slug, viewer);
  const token = newToken();
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: membership.id }, data: { feedToken: token } });
    await recordAudit(tx, {
      courseId: ctx.course.id,
      actorId: viewerOf(ctx).userId,
      action: "feed.regenerate",
      entityType: "Membership",
      entityId: membership.id,
      before: { hadToken: Boolean(membership.feedToken) },
      after: { hadToken: true },
    });
  });
  return { path: personalFeedPath(token) };
}

/** The feed for a token; an unknown or revoked token looks like nothing at all. */
export async function getPersonalCalendar({
  db,
  token,
  origin,
}: {
  db: Db;
  token: string;
  origin: string;
}): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new NotFoundError();
  const membership = await db.membership.findUnique({
    where: { feedToken: token },
    select: { courseId: true, userId: true, role: true, status: true, user: { select: { name: true } } },
  });
  if (!membership || membership.role !== "STUDENT" || membership.status !== "ENROLLED") throw new NotFoundError();
  const assignments = await deadlinesFor({ db, courseId: membership.courseId, studentId: membership.userId });
  return buildCalendar(db, membership.courseId, origin, { assignments, studentName: membership.user.name });
}
