// A strict script policy for a cached copy of a page. No "server-only" (scripts/server.ts).
//
// A page rendered for one request carries that request's nonce (proxy.ts); a copy served to
// many requests cannot, or the nonce would be known to everyone. So the copy gets a
// hash-based policy instead: each inline script Next wrote for that render (the ones
// carrying the render's nonce) is allowed by its SHA-256, and external scripts by 'self'
// ('strict-dynamic' is dropped: with it, 'self' would be ignored and Next's chunks, which
// carry no integrity attribute, could not load). An inline script anyone else put into
// the HTML, such as a stored injection that survived sanitizing, lacks the nonce, so its
// hash is not in the policy and the browser refuses to run it.
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The sha256 sources of the inline scripts in `html` that carry `nonce`, in order, without repeats. */
export function inlineScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const carried = /\snonce\s*=\s*"([^"]*)"/i.exec(attributes)?.[1];
    if (carried !== nonce || body.length === 0) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** The nonce of a page policy (`script-src … 'nonce-…'`), or null. */
export function policyNonce(policy: string): string | null {
  return /script-src[^;]*'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}

/**
 * The policy for a cached copy of `html`, derived from the policy it was rendered under:
 * the same directives, with script-src's nonce and 'strict-dynamic' replaced by the hashes
 * of that render's inline scripts. Null when the policy has no nonce (nothing to derive).
 */
export function cachedCopyPolicy(livePolicy: string, html: string): string | null {
  const nonce = policyNonce(livePolicy);
  if (!nonce) return null;
  const hashes = inlineScriptHashes(html, nonce);
  return livePolicy
    .split(";")
    .map((directive) => {
      const tokens = directive.trim().split(/\s+/);
      if (tokens[0] !== "script-src") return directive.trim();
      const kept = tokens.filter((t) => !t.startsWith("'nonce-") && t !== "'strict-dynamic'");
      return [...kept, ...hashes].join(" ");
    })
    .join("; ");
}
