import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

// With REDIS_URL the limits are shared by every instance; without it, per process.
const namespace =
  process.env.LECTERN_CACHE_NAMESPACE ??
  createHash("sha256")
    .update(process.env.DATABASE_URL ?? "")
    .digest("hex")
    .slice(0, 12);

// Connections of the Redis-backed limiters. A fresh client has no offline queue (so an
// outage falls through to the in-memory insurance limiter at once), which also means
// its very first commands fail until it has connected: a cold instance would count a
// sign-in only locally. waitForRedis() gives it a moment first.
const clients: Redis[] = [];

function makeLimiter(name: string, points: number, duration: number): RateLimiterAbstract {
  const keyPrefix = `lectern:${namespace}:${name}`;
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

type Limiters = { address: RateLimiterAbstract };
const globalLimiters = globalThis as unknown as { lecternSignIn?: Limiters };

function signInLimiters(): Limiters {
  globalLimiters.lecternSignIn ??= {
    // 50 attempts per address per 15 minutes across all accounts (a shared lab NAT is common).
    // The per-account side is backoff (lib/server/people/sign-in-backoff.ts), not a lockout.
    address: makeLimiter("signin:address", Number(process.env.SIGNIN_ADDRESS_LIMIT ?? 50), SIGNIN_WINDOW_SECONDS),
  };
  return globalLimiters.lecternSignIn;
}

/** Tests: forget this process's limiters and their connections (limits are re-read from the environment; Redis keeps its counts). */
export function resetSignInLimits(): void {
  globalLimiters.lecternSignIn = undefined;
  for (const client of clients.splice(0)) client.disconnect();
}

/**
 * Takes one attempt from the address's allowance before the password is checked, so a burst
 * of parallel guesses cannot slip past a check-then-record window. False when it is used up;
 * the password must then not be checked at all.
 */
export async function takeAddressAttempt(address: string): Promise<boolean> {
  const { address: byAddress } = signInLimiters();
  await waitForRedis();
  try {
    await byAddress.consume(address);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** After a successful sign-in the address gets its attempt back. */
export async function addressSucceeded(address: string): Promise<void> {
  await signInLimiters()
    .address.reward(address, 1)
    .catch(() => undefined);
}
