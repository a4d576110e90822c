// The page cache in front of Next (scripts/server.ts): the rendered HTML of the public
// pages, for viewers who are not signed in, kept per site version (version.ts) so that
// every course write retires it at once on every instance. Why this and not Next's own
// Cache Components: docs/performance.md. No "server-only" (scripts/server.ts).
//
// Switches: LECTERN_PAGE_CACHE=off, LECTERN_PAGE_CACHE_SECONDS (default 60: pages show
// the clock, e.g. the current week and the zone's abbreviation, so a copy lives at most a
// minute even when nothing is written), LECTERN_PAGE_CACHE_MB (default 64, per process).
import type { IncomingMessage, ServerResponse } from "node:http";
import { cachedCopyPolicy } from "./csp";
import { pageCacheKey } from "./eligibility";
import { cachedPage, PageLru, readShared, writeShared, type CachedPage } from "./store";
import { cacheNamespace, pageCacheRedis, readPageVersion } from "./version";

// Per response, or set again for each hit: never copied from the render.
const NOT_REPLAYED = new Set([
  "content-security-policy",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "x-request-id",
  "set-cookie",
]);
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** The response compression (it wraps res.write) and Next's handler it runs. */
type Stages = { compress: (next: () => void) => void; render: () => void };

type Log = { warn(obj: object, msg: string): void };

export type PageCache = {
  /**
   * Answers the request from the cache, or lets Next render it (`compress(() => render())`)
   * and, when the request may be cached, keeps what Next wrote. Never fails a request: any
   * cache trouble falls back to rendering.
   */
  handle(req: IncomingMessage, res: ServerResponse, stages: Stages): Promise<void>;
};

export function createPageCache({ buildId, log }: { buildId: string; log: Log }): PageCache {
  const enabled = process.env.LECTERN_PAGE_CACHE !== "off";
  const ttlMs = 1000 * Number(process.env.LECTERN_PAGE_CACHE_SECONDS ?? 60);
  const lru = new PageLru(1024 * 1024 * Number(process.env.LECTERN_PAGE_CACHE_MB ?? 64), ttlMs);
  // Requests for a page being rendered wait for that render instead of rendering it again.
  const pending = new Map<string, Promise<CachedPage | null>>();
  const redis = pageCacheRedis();
  const namespace = cacheNamespace();

  async function handle(req: IncomingMessage, res: ServerResponse, stages: Stages): Promise<void> {
    const render = () => stages.compress(stages.render);
    const url = enabled ? pageCacheKey(req) : null;
    if (!url) return render();
    let version: string;
    try {
      version = await readPageVersion();
    } catch (error) {
      log.warn({ err: String(error) }, "page cache: version unreadable, rendering");
      return render();
    }
    const key = `${namespace}:page:${buildId}:v${version}:${url}`;
    const hit = lru.get(key, Date.now());
    if (hit) return send(req, res, hit);
    const waiting = pending.get(key);
    if (waiting) {
      const page = await waiting;
      return page ? send(req, res, page) : render();
    }
    let settle!: (page: CachedPage | null) => void;
    pending.set(key, new Promise((resolve) => (settle = resolve)));
    const done = (page: CachedPage | null) => {
      pending.delete(key);
      if (page) lru.set(key, page);
      settle(page);
    };
    const shared = redis ? await readShared(redis, key, Date.now(), ttlMs).catch(() => null) : null;
    if (shared) {
      done(shared);
      return send(req, res, shared);
    }
    res.setHeader("x-lectern-page-cache", "miss");
    // Inside compression, so what is kept is the HTML as Next wrote it.
    stages.compress(() => {
      capture(res, (page) => {
        done(page);
        if (page && redis)
          writeShared(redis, key, page, ttlMs).catch((e) =>
            log.warn({ err: String(e) }, "page cache: Redis write failed"),
          );
      });
      stages.render();
    });
  }

  return { handle };
}

/** Keeps what Next writes (before compression) and hands over a cacheable copy, or null. */
function capture(res: ServerResponse, finish: (page: CachedPage | null) => void): void {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let tooBig = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function" || tooBig) return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > MAX_PAGE_BYTES) tooBig = true;
    else chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  }) as ServerResponse["end"];
  let settled = false;
  const settle = (page: CachedPage | null) => {
    if (settled) return;
    settled = true;
    finish(page);
  };
  res.once("finish", () => settle(tooBig ? null : cacheable(res, Buffer.concat(chunks))));
  res.once("close", () => settle(null)); // aborted before the end: nothing complete to keep
}

function cacheable(res: ServerResponse, body: Buffer): CachedPage | null {
  if (res.statusCode !== 200 || res.getHeader("set-cookie") !== undefined) return null;
  if (!String(res.getHeader("content-type") ?? "").startsWith("text/html")) return null;
  const live = res.getHeader("content-security-policy");
  const policy = typeof live === "string" ? cachedCopyPolicy(live, body.toString("utf8")) : null;
  if (!policy) return null;
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (NOT_REPLAYED.has(name) || name === "x-lectern-page-cache" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.push([name, String(v)]);
  }
  return cachedPage({ headers, policy, body, storedAt: Date.now() });
}

function send(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const accepts = String(req.headers["accept-encoding"] ?? "");
  const [encoding, body] = /\bbr\b(?!;q=0(?:\.0*)?(?:,|$))/.test(accepts)
    ? ["br", page.br]
    : /\bgzip\b(?!;q=0(?:\.0*)?(?:,|$))/.test(accepts)
      ? ["gzip", page.gzip]
      : [null, page.body];
  res.statusCode = 200;
  // Set, not appended: scripts/server.ts has already put the static security headers on it.
  const replayed = new Map<string, string[]>();
  for (const [name, value] of page.headers) replayed.set(name, [...(replayed.get(name) ?? []), value]);
  for (const [name, values] of replayed) res.setHeader(name, values.length === 1 ? values[0]! : values);
  res.setHeader("content-security-policy", page.policy);
  if (!page.headers.some(([name, value]) => name === "vary" && /accept-encoding/i.test(value)))
    res.appendHeader("vary", "Accept-Encoding");
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  res.setHeader("x-lectern-page-cache", "hit");
  res.end(body);
}
