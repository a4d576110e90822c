import { describe, expect, it } from "vitest";
import { cachedCopyPolicy, inlineScriptHashes, policyNonce } from "@/lib/server/platform/page-cache/csp";
import { pageCacheKey } from "@/lib/server/platform/page-cache/eligibility";
import { cachedPage, PageLru } from "@/lib/server/platform/page-cache/store";

const get = (url: string, headers: Record<string, string> = {}) => ({
  method: "GET",
  url,
  headers: { host: "lectern.example", ...headers },
});

describe("which requests the page cache answers", () => {
  it.each([
    "/courses",
    "/courses/csc490",
    "/courses/csc490/schedule",
    "/courses/csc490/schedule?show=all",
    "/courses/csc490/announcements",
    "/courses/csc490/announcements/cm3abc123",
    "/courses/csc490/assignments",
    "/courses/csc490/speakers",
  ])("the public page %s, for a visitor who is not signed in", (url) => {
    expect(pageCacheKey(get(url))).toBe(`lectern.example${url}`);
  });

  it.each([
    "/courses/csc490/me",
    "/courses/csc490/grades",
    "/courses/csc490/gradebook",
    "/courses/csc490/late-hours",
    "/courses/csc490/manage",
    "/courses/csc490/manage/schedule",
    "/courses/csc490/people/u1",
    "/courses/import",
    "/signin",
    "/api/health",
    "/courses/csc490/calendar.ics",
    "/courses/CSC490/schedule",
  ])("never %s (the viewer's own, a form, or not a page)", (url) => {
    expect(pageCacheKey(get(url))).toBeNull();
  });

  it("never for a viewer with a session cookie, whatever its prefix or chunking", () => {
    for (const cookie of [
      "next-auth.session-token=abc",
      "theme=dark; __Secure-next-auth.session-token=abc",
      "next-auth.session-token.0=abc; next-auth.session-token.1=def",
    ])
      expect(pageCacheKey(get("/courses/csc490/schedule", { cookie }))).toBeNull();
    // next-auth's CSRF and callback cookies say nothing about who is signed in.
    expect(pageCacheKey(get("/courses/csc490/schedule", { cookie: "next-auth.csrf-token=x" }))).not.toBeNull();
  });

  it("never for client navigations, prefetches, server actions or writes", () => {
    expect(pageCacheKey(get("/courses/csc490/schedule", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(get("/courses/csc490/schedule", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageCacheKey(get("/courses/csc490/schedule?_rsc=1x2y"))).toBeNull();
    expect(pageCacheKey(get("/courses/csc490", { "next-action": "abc" }))).toBeNull();
    expect(pageCacheKey({ ...get("/courses/csc490"), method: "POST" })).toBeNull();
    expect(pageCacheKey(get("/courses/csc490", { authorization: "Bearer x" }))).toBeNull();
  });

  it("keys by host, so one host's absolute links never reach another", () => {
    expect(pageCacheKey(get("/courses", { host: "A.example" }))).toBe("a.example/courses");
  });
});

const LIVE =
  "default-src 'self'; script-src 'self' 'nonce-N0nce+/=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

describe("the policy of a cached copy", () => {
  // Hand-computed: printf '%s' 'self.__next_f.push([0])' | openssl dgst -sha256 -binary | base64
  const PUSH = "self.__next_f.push([0])";
  const PUSH_HASH = "VXfQxoId3eHgS78yBQY2mYYWuOAzZGdxULBMV816UdU=";

  it("allows the render's own inline scripts by hash and nothing else inline", () => {
    const html = [
      `<script src="/_next/static/chunks/a.js" async nonce="N0nce+/="></script>`,
      `<script nonce="N0nce+/=">${PUSH}</script>`,
      `<script nonce="N0nce+/=">${PUSH}</script>`,
      `<script>window.__pwned=1</script>`,
      `<script nonce="guessed">window.__pwned=2</script>`,
    ].join("");
    expect(inlineScriptHashes(html, "N0nce+/=")).toEqual([`'sha256-${PUSH_HASH}'`]);
    expect(cachedCopyPolicy(LIVE, html)).toBe(
      `default-src 'self'; script-src 'self' 'sha256-${PUSH_HASH}'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`,
    );
  });

  it("is not derived from a policy without a nonce", () => {
    expect(policyNonce("default-src 'self'")).toBeNull();
    expect(cachedCopyPolicy("default-src 'self'; script-src 'self'", "<p>x</p>")).toBeNull();
  });
});

describe("the in-process store", () => {
  const page = (bytes: number, storedAt = 0) =>
    cachedPage({ headers: [], policy: "", body: Buffer.alloc(bytes, "a"), storedAt });

  it("expires entries after their time to live", () => {
    const lru = new PageLru(10_000_000, 60_000);
    lru.set("k", page(100, 1_000));
    expect(lru.get("k", 60_999)).not.toBeNull();
    expect(lru.get("k", 61_000)).toBeNull();
    expect(lru.heldBytes).toBe(0);
  });

  it("stays within its bytes by dropping the least recently used", () => {
    const one = page(10_000);
    const lru = new PageLru(3 * (10_000 + one.gzip.length + one.br.length + 2_000), 60_000);
    for (const k of ["a", "b", "c"]) lru.set(k, page(10_000));
    lru.get("a", 0); // a is now the most recently used
    lru.set("d", page(10_000));
    expect(lru.get("b", 0)).toBeNull();
    for (const k of ["a", "c", "d"]) expect(lru.get(k, 0)).not.toBeNull();
  });
});
