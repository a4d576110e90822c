import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorizeAnyone, authorizeSite, type Viewer } from "@/lib/server/authorization/authz";
import { NotFoundError } from "@/lib/server/platform/errors";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/server/notify/kinds";
import { readUnsubscribeToken, type UnsubscribeScope } from "@/lib/server/notify/unsubscribe-token";

export type NotificationSettings = { email: string; emailOn: Record<NotificationKind, boolean> };

function settingsOf(email: string, off: readonly string[]): NotificationSettings {
  return {
    email,
    emailOn: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !off.includes(k)])) as Record<
      NotificationKind,
      boolean
    >,
  };
}

export async function getNotificationSettings({
  db,
  viewer,
}: {
  db: Db;
  viewer: Viewer | null;
}): Promise<NotificationSettings> {
  const me = await authorizeSite({ db, viewer, permission: "site.notifications.manage" });
  const row = await db.notificationSetting.findUnique({ where: { userId: me.userId }, select: { emailOff: true } });
  return settingsOf(me.email, row?.emailOff ?? []);
}

export async function saveNotificationSettings({
  db,
  viewer,
  emailOn,
}: {
  db: Db;
  viewer: Viewer | null;
  emailOn: readonly NotificationKind[];
}): Promise<NotificationSettings> {
  const me = await authorizeSite({ db, viewer, permission: "site.notifications.manage" });
  const emailOff = NOTIFICATION_KINDS.filter((k) => !emailOn.includes(k));
  await db.notificationSetting.upsert({
    where: { userId: me.userId },
    create: { userId: me.userId, emailOff },
    update: { emailOff },
  });
  return settingsOf(me.email, emailOff);
}

/** Who and what a link would unsubscribe, without changing anything (the page a link opens). */
export async function describeUnsubscribe({
  db,
  token,
  viewer = null,
}: {
  db: Db;
  token: string;
  /** Whoever opened the link, signed in or not: the token decides, not the session. */
  viewer?: Viewer | null;
}): Promise<{ email: string; scope: UnsubscribeScope; alreadyOff: boolean }> {
  authorizeAnyone({ viewer, permission: "notifications.unsubscribe" });
  const claim = readUnsubscribeToken(token);
  if (!claim) throw new NotFoundError("This unsubscribe link is not valid.");
  const user = await db.user.findUnique({
    where: { id: claim.userId },
    select: { email: true, notificationSetting: { select: { emailOff: true } } },
  });
  if (!user) throw new NotFoundError("This unsubscribe link is not valid.");
  const off = user.notificationSetting?.emailOff ?? [];
  const alreadyOff =
    claim.scope === "ALL" ? NOTIFICATION_KINDS.every((k) => off.includes(k)) : off.includes(claim.scope);
  return { email: user.email, scope: claim.scope, alreadyOff };
}

/**
 * The signed link's effect: that kind of email (or all) off for the token's person. No sign-in:
 * the token is the authority (permission "notifications.unsubscribe" is public). Idempotent.
 */
export async function unsubscribeWithToken({
  db,
  token,
  viewer = null,
}: {
  db: Db;
  token: string;
  viewer?: Viewer | null;
}): Promise<{ email: string; scope: UnsubscribeScope }> {
  const { email, scope } = await describeUnsubscribe({ db, token, viewer });
  const claim = readUnsubscribeToken(token)!;
  const kinds: NotificationKind[] = scope === "ALL" ? [...NOTIFICATION_KINDS] : [scope];
  // One statement, so two clicks at once cannot lose each other's kind.
  await db.$executeRaw`INSERT INTO "NotificationSetting" ("userId", "emailOff", "updatedAt")
    VALUES (${claim.userId}, ${kinds}::"NotificationKind"[], now())
    ON CONFLICT ("userId") DO UPDATE SET "updatedAt" = now(),
      "emailOff" = ARRAY(SELECT DISTINCT k FROM unnest("NotificationSetting"."emailOff" || EXCLUDED."emailOff") AS k ORDER BY k)`;
  return { email, scope };
}
