import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

// With REDIS_URL the limits are shared by every instance; without it, per process.
function makeLimiter(keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
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

const globalLimiters = globalThis as unknown as { lecternSignIn?: { account: RateLimiterAbstract; address: RateLimiterAbstract } };

function signInLimiters() {
  globalLimiters.lecternSignIn ??= {
    // 10 failures per account per 15 minutes; 50 per address (a shared lab NAT is common).
    account: makeLimiter("signin:account", Number(process.env.SIGNIN_ACCOUNT_LIMIT ?? 10), 15 * 60),
    address: makeLimiter("signin:address", Number(process.env.SIGNIN_ADDRESS_LIMIT ?? 50), 15 * 60),
  };
  return globalLimiters.lecternSignIn;
}

/** True when either the account or the address has used up its failed attempts. */
export async function signInBlocked({ email, address }: { email: string; address: string }): Promise<boolean> {
  const { account, address: byAddress } = signInLimiters();
  const [a, b] = await Promise.all([account.get(email), byAddress.get(address)]);
  return (a?.remainingPoints ?? 1) <= 0 || (b?.remainingPoints ?? 1) <= 0;
}

export async function recordFailedSignIn({ email, address }: { email: string; address: string }): Promise<void> {
  const { account, address: byAddress } = signInLimiters();
  await Promise.allSettled([account.consume(email), byAddress.consume(address)]).then((results) => {
    for (const r of results) if (r.status === "rejected" && !(r.reason instanceof RateLimiterRes)) throw r.reason;
  });
}

export async function clearFailedSignIns({ email }: { email: string }): Promise<void> {
  await signInLimiters().account.delete(email);
}
