import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorizeSite, type Viewer } from "@/lib/server/authorization/authz";
import { NotFoundError } from "@/lib/server/platform/errors";
import type { NotificationKind } from "@/lib/server/notify/kinds";

export type OutboxEntry = {
  id: string;
  courseCode: string | null;
  /** The course's zone, for showing times (UTC for a message of no course). */
  timeZone: string;
  toAddress: string;
  kind: NotificationKind;
  subject: string;
  text: string;
  status: "PENDING" | "SENT" | "FAILED" | "CANCELLED";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** The local outbox exists only while no SMTP server is configured (development, the embedded default). */
export function localOutboxEnabled(): boolean {
  return !process.env.SMTP_URL;
}

/**
 * The local outbox, newest first: the messages of the courses the viewer teaches (another
 * course's mail, and messages of no course, are not theirs to read). A 404 with SMTP_URL set:
 * real mail then goes to real inboxes, not to a page.
 */
export async function listLocalOutbox({
  db,
  viewer,
  limit = 200,
}: {
  db: Db;
  viewer: Viewer | null;
  limit?: number;
}): Promise<OutboxEntry[]> {
  if (!localOutboxEnabled()) throw new NotFoundError("There is no local outbox: mail goes out through SMTP_URL.");
  const me = await authorizeSite({ db, viewer, permission: "site.outbox.read" });
  const rows = await db.outboxMessage.findMany({
    where: {
      course: { memberships: { some: { userId: me.userId, role: "INSTRUCTOR", status: "ENROLLED" } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      course: { select: { code: true, timeZone: true } },
      toAddress: true,
      kind: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return rows.map(({ course, ...r }) => ({
    ...r,
    courseCode: course?.code ?? null,
    timeZone: course?.timeZone ?? "UTC",
  }));
}
