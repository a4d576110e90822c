import "server-only";
import { createHash } from "node:crypto";

/**
 * A feed body with a strong ETag, answering 304 when the poller already has it.
 * Calendar apps and feed readers poll often; most polls then cost no body at all.
 */
export function feedResponse(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const common = { ETag: etag, "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim() === etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...headers, ...common } });
}
