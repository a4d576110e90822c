import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db";
import { authorize, viewerOf, type CourseContext, type Viewer } from "../authz";
import { invalidateCourse } from "../cache";
import { logError } from "../log";
import type { Permission } from "../permissions";

export type Tx = Prisma.TransactionClient;

/** Waiting for the course lock under load must not trip Prisma's 2 s / 5 s defaults. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

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
  await refreshCourse(ctx.course.id);
  return result;
}

/**
 * Bumps the course's cache version after a commit. A cold Redis client refuses
 * commands until it has connected (no offline queue), so a first edit in a fresh
 * process would otherwise leave other instances serving the old pages: retry a
 * few times. A failure is logged, never reported as a failed edit (it committed).
 */
export async function refreshCourse(courseId: string): Promise<void> {
  for (const delay of [0, 50, 250, 1000]) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      await invalidateCourse(courseId);
      return;
    } catch (error) {
      if (delay === 1000) logError("cache invalidation failed", error, { courseId });
    }
  }
}
