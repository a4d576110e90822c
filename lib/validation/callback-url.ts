/**
 * Where to send someone after sign-in. Only a path and query on this site: an open redirect
 * after sign-in is a phishing aid. Prefix checks on the raw text ("starts with / but not //")
 * are not enough, because browsers strip tabs and newlines before parsing ("/\t/evil.example"
 * becomes "//evil.example"); so the target is parsed the way a browser parses it, against this
 * site's origin, and only a same-origin result is kept.
 */
export const AFTER_SIGN_IN = "/courses";

export function sameOriginPath(target: unknown, origin: string, fallback: string = AFTER_SIGN_IN): string {
  if (typeof target !== "string" || target === "") return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    // "http://[" and the like: not a place to go.
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // "/.//evil.example" parses to the path "//evil.example", which is protocol-relative again
  // when used as a link: one leading slash only.
  return url.pathname.replace(/^\/+/, "/") + url.search;
}

/**
 * Whether next-auth itself can read a callbackUrl (its assertConfig: a path, or an absolute
 * http(s) URL). Anything else, in the query or in its callback-url cookie, makes next-auth
 * answer 500 "server configuration" before any callback of ours runs; a cookie like that broke
 * sign-in for that browser until it expired. app/api/auth refuses such a query with 400 and
 * proxy.ts drops such a cookie.
 */
export function nextAuthCanParse(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"] as const;
