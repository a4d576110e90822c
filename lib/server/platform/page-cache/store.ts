// Where cached pages live: a byte-bounded LRU in this process, and (with REDIS_URL) a copy
// in Redis that the other instances pick up instead of rendering the page themselves.
// No "server-only" (scripts/server.ts).
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { Redis } from "ioredis";

export type CachedPage = {
  /** Response headers of the render, minus the per-response ones (see `replayable`). */
  headers: [string, string][];
  /** The hash-based policy for this copy (csp.ts). */
  policy: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  storedAt: number;
};

type Wire = { headers: [string, string][]; policy: string; body: string; storedAt: number };

/** Compressed once at store time, so a hit costs no compression at all. */
export function cachedPage(fields: Omit<CachedPage, "gzip" | "br">): CachedPage {
  return {
    ...fields,
    gzip: gzipSync(fields.body, { level: 9 }),
    br: brotliCompressSync(fields.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }),
  };
}

const size = (page: CachedPage) => page.body.length + page.gzip.length + page.br.length + 2_000;

/** A least-recently-used map bounded by the bytes it holds; entries older than `ttlMs` are misses. */
export class PageLru {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, now: number): CachedPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    this.pages.delete(key);
    if (now - page.storedAt >= this.ttlMs) {
      this.bytes -= size(page);
      return null;
    }
    this.pages.set(key, page); // most recently used goes last
    return page;
  }

  set(key: string, page: CachedPage): void {
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= size(old);
    }
    if (size(page) > this.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += size(page);
    for (const [oldest, evicted] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= size(evicted);
    }
  }

  get heldBytes(): number {
    return this.bytes;
  }
}

/** The Redis side: entries expire by themselves, so old versions need no cleaning up. */
export async function readShared(redis: Redis, key: string, now: number, ttlMs: number): Promise<CachedPage | null> {
  const text = await redis.get(key);
  if (!text) return null;
  const wire = JSON.parse(text) as Wire;
  if (now - wire.storedAt >= ttlMs) return null;
  return cachedPage({
    headers: wire.headers,
    policy: wire.policy,
    body: Buffer.from(wire.body, "base64"),
    storedAt: wire.storedAt,
  });
}

export async function writeShared(redis: Redis, key: string, page: CachedPage, ttlMs: number): Promise<void> {
  const wire: Wire = {
    headers: page.headers,
    policy: page.policy,
    body: page.body.toString("base64"),
    storedAt: page.storedAt,
  };
  await redis.set(key, JSON.stringify(wire), "PX", ttlMs);
}
