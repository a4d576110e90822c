import "server-only";
import { createHash } from "node:crypto";
import { representationSince } from "@/lib/server/platform/cache";

// Calendar apps and feed readers poll often; a poll for an unchanged feed should cost no body.
// Validators and conditional GET as RFC 9110 says (§8.8, §13.1, §13.2.2):
// - the ETag is weak (W/"…"): the body goes out brotli/gzip-compressed by our server, and a
//   strong tag would have to differ per encoding; clients echo it as they got it;
// - If-None-Match is compared weakly (W/"x" matches "x"), "*" matches any current feed, and
//   when it is present If-Modified-Since is not looked at;
// - Last-Modified is when this exact body was first served (representationSince), so an
//   If-Modified-Since poller gets 304 only for a body it really has.

type Options = {
  /** Names the feed for its Last-Modified record ("calendar:<course>", a hash of a token). */
  key: string;
  now: Date;
  /** A personal feed: the ETag is keyed by the feed's secret, and no shared cache may keep it. */
  secret?: string;
  /** Headers for both the 200 and the 304 (the 200 adds the representation's own, such as Content-Type). */
  always?: Record<string, string>;
};

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** If-None-Match against the current ETag, by weak comparison (RFC 9110 §13.1.2). */
export function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => opaque(t) === opaque(etag));
}

/** If-Modified-Since: not modified when the body is no newer than the date the client has (to the second). */
export function notModifiedSince(header: string, lastModified: Date): boolean {
  const since = Date.parse(header);
  if (Number.isNaN(since)) return false; // an invalid date is ignored (§13.1.3)
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export async function feedResponse(
  request: Request,
  body: string,
  headers: Record<string, string>,
  { key, now, secret, always = {} }: Options,
): Promise<Response> {
  const hash = createHash("sha256");
  if (secret) hash.update(`${secret}\u0000`); // equal feeds of two students get different tags
  const etag = `W/"${hash.update(body).digest("base64url").slice(0, 27)}"`;
  const since = await representationSince({ key, etag, now });
  const common: Record<string, string> = {
    ...always,
    ETag: etag,
    "Cache-Control": secret ? "private, no-cache" : "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
    ...(since ? { "Last-Modified": since.toUTCString() } : {}),
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const conditional = request.method === "GET" || request.method === "HEAD";
  const unchanged =
    ifNoneMatch !== null
      ? noneMatch(ifNoneMatch, etag)
      : conditional && ifModifiedSince !== null && since !== null && notModifiedSince(ifModifiedSince, since);
  if (unchanged) return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...headers, ...common } });
}
