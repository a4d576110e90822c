// Signed unsubscribe tokens: the link in every email works without signing in, because the
// token itself says who and what, and only this server (holding NEXTAUTH_SECRET) can make one.
// No "server-only" here: the worker process imports this outside Next.
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/server/notify/kinds";

export type UnsubscribeScope = NotificationKind | "ALL";

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed");
  return value;
}

function mac(body: string): string {
  // A purpose prefix, so this HMAC can never be mistaken for another use of the same secret.
  return createHmac("sha256", secret()).update(`lectern-unsubscribe:${body}`).digest("base64url");
}

export function unsubscribeToken(userId: string, scope: UnsubscribeScope): string {
  const body = Buffer.from(JSON.stringify([userId, scope]), "utf8").toString("base64url");
  return `${body}.${mac(body)}`;
}

/** The token's user and scope, or null for anything not made by unsubscribeToken with this secret. */
export function readUnsubscribeToken(token: string): { userId: string; scope: UnsubscribeScope } | null {
  if (typeof token !== "string" || token.length > 500) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [userId, scope] = value as unknown[];
    if (typeof userId !== "string" || typeof scope !== "string") return null;
    if (scope !== "ALL" && !(NOTIFICATION_KINDS as readonly string[]).includes(scope)) return null;
    return { userId, scope: scope as UnsubscribeScope };
  } catch {
    return null;
  }
}

/**
 * The RFC 8058 one-click address for the link in an email: mail apps POST
 * "List-Unsubscribe=One-Click" there (a route handler), while a person's click opens the page
 * at the link itself, which asks before changing anything (mail scanners open links too).
 */
export function oneClickUnsubscribeUrl(pageUrl: string): string {
  return pageUrl.replace(/\/unsubscribe\/([^/]+)$/, "/api/unsubscribe/$1");
}
