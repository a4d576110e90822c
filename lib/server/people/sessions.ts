import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/platform/db";

/**
 * Server-side sessions (issue 18.8). The next-auth cookie is a signed JWT that used to be good
 * for its whole 7 days whatever happened; now it names a Session row, checked on every request
 * (the jwt callback in auth.ts), so signing out, a password change (`npm run user:password`) and
 * an instructor dropping someone end the sessions at once.
 */
export const SESSION_SECONDS = 7 * 24 * 3600;

export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000) },
  });
  return id;
}

/** The user of a session that exists, is not revoked and has not expired; else null. */
export async function liveSessionUser(db: Db, id: unknown, now: Date): Promise<string | null> {
  if (typeof id !== "string" || !id) return null;
  const row = await db.session.findFirst({
    where: { id, revokedAt: null, expiresAt: { gt: now } },
    select: { userId: true },
  });
  return row?.userId ?? null;
}

export async function revokeSession(db: Db, id: unknown, now: Date): Promise<void> {
  if (typeof id !== "string" || !id) return;
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

/** Every session of a user, in the caller's transaction (password change, dropped from a course). */
export async function revokeUserSessions(
  tx: Db | Prisma.TransactionClient,
  userId: string,
  now: Date,
): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
