import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/platform/db";

/**
 * Sign-in backoff instead of a lockout (issue 18.3): ten wrong passwords used to lock the real
 * user out for 15 minutes, so anyone could lock anyone out. Now failures count per account
 * *and address*: a stranger guessing from their address slows only themself (after
 * PAIR_FREE failures, each try waits 1 s, 2 s, 4 s … up to 15 minutes). A global count per
 * account (from every address, against password spraying from many addresses) delays tries
 * after ACCOUNT_FREE failures, but from an address the user has signed in from before by at
 * most USUAL_CAP_SECONDS. A success clears both counts. Counts are taken before the password
 * is checked, in one row update each, so parallel guesses cannot slip past.
 */
const PAIR_FREE = () => Number(process.env.SIGNIN_PAIR_FREE ?? 5);
const ACCOUNT_FREE = () => Number(process.env.SIGNIN_ACCOUNT_FREE ?? 20);
export const MAX_DELAY_SECONDS = 15 * 60;
export const USUAL_CAP_SECONDS = 60;
// A count with no failure for this long starts again from zero.
const FORGET_AFTER = "1 hour";

const pairKey = (email: string, address: string) => `pair:${email}|${address}`;
const accountKey = (email: string) => `account:${email}`;

class Throttled extends Error {}

/**
 * Counts one try against `key` if its backoff has passed; false (nothing counted) if not.
 * Delay after f failures: 0 while f < free, then 2^(f - free) seconds, at most `cap`.
 */
async function takeTry(tx: Prisma.TransactionClient, key: string, free: number, cap: number, now: Date) {
  const rows = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "lastAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE
      SET "failures" = CASE WHEN t."lastAt" < ${now}::timestamptz - ${FORGET_AFTER}::interval THEN 1 ELSE t."failures" + 1 END,
          "lastAt" = ${now}
      WHERE t."lastAt" + make_interval(secs => LEAST(${cap}::float8,
              CASE WHEN t."failures" < ${free}::int THEN 0 ELSE power(2, t."failures" - ${free}::int) END)) <= ${now}
    RETURNING "failures"`;
  return rows.length === 1;
}

/**
 * Before a password is checked: takes a try from the account+address count and from the
 * account's global count. False means "too many attempts": check nothing.
 */
export async function beginSignInTry(
  db: Db,
  { email, address, userId, now }: { email: string; address: string; userId: string | null; now: Date },
): Promise<boolean> {
  const usual = userId ? (await db.signInAddress.count({ where: { userId, address } })) > 0 : false;
  try {
    await db.$transaction(async (tx) => {
      if (!(await takeTry(tx, pairKey(email, address), PAIR_FREE(), MAX_DELAY_SECONDS, now))) throw new Throttled();
      const cap = usual ? USUAL_CAP_SECONDS : MAX_DELAY_SECONDS;
      if (!(await takeTry(tx, accountKey(email), ACCOUNT_FREE(), cap, now))) throw new Throttled();
    });
    return true;
  } catch (error) {
    if (error instanceof Throttled) return false;
    throw error;
  }
}

/** The right password: both counts start afresh, and this address becomes a usual one. */
export async function signInTrySucceeded(
  db: Db,
  { email, address, userId, now }: { email: string; address: string; userId: string; now: Date },
): Promise<void> {
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: { in: [pairKey(email, address), accountKey(email)] } } }),
    db.signInAddress.upsert({
      where: { userId_address: { userId, address } },
      create: { userId, address, lastSuccessAt: now },
      update: { lastSuccessAt: now },
    }),
  ]);
}
