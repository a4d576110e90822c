import "server-only";
import { redisNamespace } from "@/lib/server/platform/redis-namespace";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

// With REDIS_URL the limits are shared by every instance; without it, per process.

// Connections of the Redis-backed limiters. A fresh client has no offline queue (so an
// outage falls through to the in-memory insurance limiter at once), which also means
// its very first commands fail until it has connected: a cold instance would count a
// sign-in only locally. waitForRedis() gives it a moment first.
const clients: Redis[] = [];

function makeLimiter(name: string, points: number, duration: number): RateLimiterAbstract {
  const keyPrefix = `${redisNamespace}:${name}`;
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    clients.push(client);
    return new RateLimiterRedis({
      storeClient: client,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
  }
  return new RateLimiterMemory({ keyPrefix, points, duration });
}

async function waitForRedis(timeoutMs = 1_000): Promise<void> {
  const cold = clients.filter((c) => c.status === "connecting" || c.status === "wait" || c.status === "connect");
  if (cold.length === 0) return;
  await Promise.race([
    Promise.all(
      cold.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.once("ready", () => resolve());
            c.once("error", () => resolve());
          }),
      ),
    ),
    new Promise((resolve) => setTimeout(resolve, timeoutMs)),
  ]);
}

export const SIGNIN_WINDOW_SECONDS = 15 * 60;

type Limiters = { account: RateLimiterAbstract; address: RateLimiterAbstract };
const globalLimiters = globalThis as unknown as { lecternSignIn?: Limiters };

function signInLimiters(): Limiters {
  globalLimiters.lecternSignIn ??= {
    // 10 failures per account per 15 minutes; 50 per address (a shared lab NAT is common).
    account: makeLimiter("signin:account", Number(process.env.SIGNIN_ACCOUNT_LIMIT ?? 10), SIGNIN_WINDOW_SECONDS),
    address: makeLimiter("signin:address", Number(process.env.SIGNIN_ADDRESS_LIMIT ?? 50), SIGNIN_WINDOW_SECONDS),
  };
  return globalLimiters.lecternSignIn;
}

/** Tests: forget this process's limiters and their connections (limits are re-read from the environment; Redis keeps its counts). */
export function resetSignInLimits(): void {
  globalLimiters.lecternSignIn = undefined;
  for (const client of clients.splice(0)) client.disconnect();
}

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * Takes one attempt from both the account's and the address's allowance before
 * the password is checked, so a burst of parallel guesses cannot all slip past
 * a check-then-record window. Returns false when either allowance is used up;
 * the password must then not be checked at all.
 */
export async function beginSignInAttempt({ email, address }: { email: string; address: string }): Promise<boolean> {
  const { account, address: byAddress } = signInLimiters();
  await waitForRedis();
  const results = await Promise.allSettled([account.consume(accountKey(email)), byAddress.consume(address)]);
  for (const r of results) {
    if (r.status === "rejected") {
      if (r.reason instanceof RateLimiterRes) return false;
      throw r.reason;
    }
  }
  return true;
}

/** After a successful sign-in: the account starts afresh and the address gets its attempt back. */
export async function signInSucceeded({ email, address }: { email: string; address: string }): Promise<void> {
  const { account, address: byAddress } = signInLimiters();
  await Promise.allSettled([account.delete(accountKey(email)), byAddress.reward(address, 1)]);
}
