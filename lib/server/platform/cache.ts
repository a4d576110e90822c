import "server-only";
import { redisNamespace } from "@/lib/server/platform/redis-namespace";
import { Redis } from "ioredis";

// Course pages read through this cache. Each course has a version number; a write
// bumps it, so every entry of the old version is simply never read again. With
// REDIS_URL the versions and entries live in Redis and every instance sees a
// write at once; without it (one process) they live in memory.

type Store = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  incr(key: string): Promise<number>;
};

class MemoryStore implements Store {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  async get(key: string) {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (hit.expires < Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return hit.value;
  }
  async set(key: string, value: string, ttlSeconds: number) {
    if (this.entries.size > 5000) this.entries.clear(); // crude bound; entries are cheap to rebuild
    this.entries.set(key, { value, expires: Date.now() + ttlSeconds * 1000 });
  }
  async incr(key: string) {
    const next = Number((await this.get(key)) ?? 0) + 1;
    this.entries.set(key, { value: String(next), expires: Number.MAX_SAFE_INTEGER });
    return next;
  }
}

class RedisStore implements Store {
  constructor(private readonly redis: Redis) {}
  async get(key: string) {
    return this.redis.get(key);
  }
  async set(key: string, value: string, ttlSeconds: number) {
    await this.redis.set(key, value, "EX", ttlSeconds);
  }
  async incr(key: string) {
    return this.redis.incr(key);
  }
}

const globalForCache = globalThis as unknown as { lecternCache?: Store };
function store(): Store {
  globalForCache.lecternCache ??= process.env.REDIS_URL
    ? // The offline queue holds commands issued while the first connection is still opening.
      new RedisStore(
        new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000 }),
      )
    : new MemoryStore();
  return globalForCache.lecternCache;
}

// Dates survive the round trip through JSON.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : v;
  });
}
function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v) =>
    v && typeof v === "object" && typeof v.$date === "string" && Object.keys(v).length === 1 ? new Date(v.$date) : v,
  ) as T;
}

const namespace = redisNamespace;
const versionKey = (courseId: string) => `${namespace}:course:${courseId}:version`;

/** Reads `load()` through the course's cache. A cache outage only costs speed, never correctness. */
export async function cachedForCourse<T>({
  courseId,
  key,
  load,
  ttlSeconds = 600,
}: {
  courseId: string;
  key: string;
  load: () => Promise<T>;
  ttlSeconds?: number;
}): Promise<T> {
  if (process.env.LECTERN_CACHE === "off") return load();
  let entryKey: string | null = null;
  try {
    const version = (await store().get(versionKey(courseId))) ?? "0";
    entryKey = `${namespace}:course:${courseId}:v${version}:${key}`;
    const hit = await store().get(entryKey);
    if (hit !== null) return decode<T>(hit);
  } catch {
    return load();
  }
  const value = await load();
  await store()
    .set(entryKey, encode(value), ttlSeconds)
    .catch(() => undefined);
  return value;
}

/**
 * Call after any write to a course's content, after the transaction commits. It
 * never throws: the write is saved whatever happens here, so a cache outage is
 * logged (entries then expire by their TTL) instead of reported as a failed save.
 */
export async function invalidateCourse(courseId: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await store().incr(versionKey(courseId));
      return;
    } catch (error) {
      if (attempt === 3) {
        const { logError } = await import("@/lib/server/platform/log");
        logError("cache invalidation failed; course pages may be stale until entries expire", error, { courseId });
        return;
      }
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/**
 * Since when a feed has had this exact representation (named by its ETag): the first time this
 * ETag was served for `key`, or `now` when it is new. That is an honest Last-Modified however the
 * content changed, deletions included, and a feed that changes back gets a new date. Null when
 * the store is down (the response then goes without Last-Modified; its ETag still validates).
 */
export async function representationSince({
  key,
  etag,
  now,
}: {
  key: string;
  etag: string;
  now: Date;
}): Promise<Date | null> {
  const entry = `${namespace}:feed-since:${key}`;
  try {
    const hit = await store().get(entry);
    let at = now.getTime();
    if (hit) {
      const [seen, since] = JSON.parse(hit) as [string, number];
      if (seen === etag) return new Date(since);
      // HTTP dates count whole seconds: a change within the second the old body was first served
      // must still read as newer, or a poller holding the old body would get 304.
      at = Math.max(at, (Math.floor(since / 1000) + 1) * 1000);
    }
    await store().set(entry, JSON.stringify([etag, at]), 30 * 86_400);
    return new Date(at);
  } catch {
    return null;
  }
}
