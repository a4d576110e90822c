// The public pages' version: one number for the whole site, bumped by every course write
// (invalidateCourse in ../cache.ts), read by the page cache on every request. With
// REDIS_URL it lives in Redis, so a write on one instance retires every instance's cached
// pages on their next request; without it (one process) it is a counter in memory.
// No "server-only": scripts/server.ts imports this, and so does Next's bundle of
// ../cache.ts in the same process; globalThis gives both the same client and counter.
import { createHash } from "node:crypto";
import { Redis } from "ioredis";

/**
 * Instances share cache entries only when they share a database: two deployments (or two
 * test runs) on one Redis never read each other's pages.
 */
export function cacheNamespace(): string {
  return `lectern:${
    process.env.LECTERN_CACHE_NAMESPACE ??
    createHash("sha256")
      .update(process.env.DATABASE_URL ?? "")
      .digest("hex")
      .slice(0, 12)
  }`;
}

const shared = globalThis as unknown as { lecternPageRedis?: Redis; lecternPageVersion?: number };

/** The Redis connection of the page cache, or null without REDIS_URL. */
export function pageCacheRedis(): Redis | null {
  if (!process.env.REDIS_URL) return null;
  // The offline queue holds commands issued while the first connection is still opening.
  shared.lecternPageRedis ??= new Redis(process.env.REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
  });
  return shared.lecternPageRedis;
}

const versionKey = () => `${cacheNamespace()}:pages:version`;

/** The current version; throws when Redis cannot answer (the caller then renders afresh). */
export async function readPageVersion(): Promise<string> {
  const redis = pageCacheRedis();
  if (!redis) return String(shared.lecternPageVersion ?? 0);
  return (await redis.get(versionKey())) ?? "0";
}

/** Retires every cached page; throws when Redis cannot take it (the caller retries and logs). */
export async function bumpPageVersion(): Promise<void> {
  const redis = pageCacheRedis();
  if (!redis) {
    shared.lecternPageVersion = (shared.lecternPageVersion ?? 0) + 1;
    return;
  }
  await redis.incr(versionKey());
}
