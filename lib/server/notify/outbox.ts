import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/server/notify/kinds";
import { UNSUBSCRIBE_SLOT, type MessageBody } from "@/lib/server/notify/messages";
import { unsubscribeToken } from "@/lib/server/notify/unsubscribe-token";
import { wakeWorkers } from "@/lib/server/notify/wake";

type Tx = Prisma.TransactionClient;

/** Who gets it: the course's enrolled members (optionally of some roles), or named people. */
export type Audience =
  { courseId: string; roles?: ("INSTRUCTOR" | "TA" | "STUDENT" | "AUDITOR")[] } | { userIds: string[] };

/** The public origin links in emails point at (the configured NEXTAUTH_URL, as for feeds). */
export function mailOrigin(): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through
    }
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

async function recipients(
  tx: Tx,
  audience: Audience,
  kind: NotificationKind,
): Promise<{ id: string; email: string }[]> {
  // Opted-out people are left out here, in the same query: they never get a row.
  const optedIn = Prisma.sql`NOT EXISTS (SELECT 1 FROM "NotificationSetting" s WHERE s."userId" = u."id" AND ${kind}::"NotificationKind" = ANY(s."emailOff"))`;
  if ("userIds" in audience) {
    if (audience.userIds.length === 0) return [];
    return tx.$queryRaw`SELECT u."id", u."email" FROM "User" u WHERE u."id" = ANY(${audience.userIds}::text[]) AND ${optedIn}`;
  }
  const roles = audience.roles ?? ["INSTRUCTOR", "TA", "STUDENT", "AUDITOR"];
  return tx.$queryRaw`SELECT u."id", u."email" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."courseId" = ${audience.courseId} AND m."status" = 'ENROLLED' AND m."role"::text = ANY(${roles}::text[]) AND ${optedIn}
    ORDER BY u."id"`;
}

/**
 * Queues one email per recipient, inside the caller's transaction: the message exists exactly
 * when the event that causes it commits. The idempotency key "<eventKey>:<recipient>" is unique,
 * so queuing the same event twice adds nothing. Returns how many rows were added.
 */
export async function enqueueNotification(
  tx: Tx,
  {
    eventKey,
    courseId,
    kind,
    audience,
    message,
    availableAt,
  }: {
    eventKey: string;
    courseId: string | null;
    kind: NotificationKind;
    audience: Audience;
    message: MessageBody;
    availableAt: Date;
  },
): Promise<number> {
  const people = await recipients(tx, audience, kind);
  if (people.length === 0) return 0;
  const origin = mailOrigin();
  const urls = people.map((p) => `${origin}/unsubscribe/${unsubscribeToken(p.id, kind)}`);
  const added = await tx.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "idempotencyKey", "courseId", "recipientId", "toAddress", "kind", "subject", "text", "html", "unsubscribeUrl", "availableAt")
    SELECT r.id, ${eventKey} || ':' || r.uid, ${courseId}, r.uid, r.email, ${kind}::"NotificationKind", ${message.subject},
           replace(${message.text}, ${UNSUBSCRIBE_SLOT}, r.url), replace(${message.html}, ${UNSUBSCRIBE_SLOT}, r.url), r.url, ${availableAt}
    FROM unnest(${people.map(() => randomUUID())}::text[], ${people.map((p) => p.id)}::text[], ${people.map((p) => p.email)}::text[], ${urls}::text[]) AS r(id, uid, email, url)
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
  wakeWorkers();
  return added;
}

/**
 * A scheduled event that went away (a deleted announcement): its unsent messages are cancelled,
 * or with `remove` deleted (an edit queues them again with the new text).
 */
export async function cancelNotifications(tx: Tx, eventKey: string, { remove = false } = {}): Promise<number> {
  const pattern = `${eventKey.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_")}:%`;
  // Only messages no worker has claimed: one being sent right now is left to finish.
  return remove
    ? tx.$executeRaw`DELETE FROM "OutboxMessage" WHERE "status" = 'PENDING' AND "lockedBy" IS NULL AND "idempotencyKey" LIKE ${pattern}`
    : tx.$executeRaw`UPDATE "OutboxMessage" SET "status" = 'CANCELLED'
        WHERE "status" = 'PENDING' AND "lockedBy" IS NULL AND "idempotencyKey" LIKE ${pattern}`;
}
