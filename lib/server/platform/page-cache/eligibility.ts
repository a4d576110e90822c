// Which requests the page cache may answer. No "server-only": scripts/server.ts
// imports this outside Next's React Server bundle.
//
// Only the public pages the issue names (catalog, course home, schedule, announcements,
// assignments, speakers), only for viewers who are not signed in, and only full
// documents: client navigations (RSC payloads), prefetches and server actions always
// go to Next. Every other page shows something of the viewer's own and is never cached.

const PUBLIC_PAGE =
  /^\/courses(?:\/(?!import$)[a-z0-9-]+(?:\/(?:schedule|announcements|assignments|speakers|announcements\/[A-Za-z0-9_-]+))?)?\/?$/;

// next-auth's cookie (`next-auth.session-token`, `__Secure-…`, split as `….0`, `….1`):
// any cookie of that name means a viewer who may be signed in, so the page is theirs.
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?[^=;]*session-token(?:\.\d+)?=/i;

type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/** The cache key (host + path + query) when this request may be served from the page cache, else null. */
export function pageCacheKey(req: RequestLike): string | null {
  if (req.method !== "GET" || !req.url) return null;
  const h = req.headers;
  if (h["rsc"] || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"]) return null;
  const cookie = typeof h.cookie === "string" ? h.cookie : Array.isArray(h.cookie) ? h.cookie.join(";") : "";
  if (SESSION_COOKIE.test(cookie)) return null;
  if (typeof h.authorization === "string") return null;
  const [path = "", query = ""] = req.url.split("?", 2);
  if (path.length > 200 || query.length > 200 || !PUBLIC_PAGE.test(path)) return null;
  // ?_rsc=… is a client navigation's payload, not the document.
  if (/(?:^|&)_rsc=/.test(query)) return null;
  const host = typeof h.host === "string" ? h.host.toLowerCase().slice(0, 100) : "";
  return `${host}${req.url}`;
}
