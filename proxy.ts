// Next 16's proxy (formerly middleware). For every page request: refuses malformed
// percent-encoding with 400 (it used to reach the route and answer 500), gives the course
// layout the decoded path for its early permission check, and sets a fresh CSP nonce (Next
// reads it from the request's Content-Security-Policy header and puts it on its own scripts;
// every page renders dynamically, so no cached page carries a stale nonce). For next-auth it
// drops a callback-url cookie next-auth cannot read (which made every sign-in in that browser
// answer 500).
import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, contentSecurityPolicy, HSTS, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
import { CALLBACK_URL_COOKIES, nextAuthCanParse } from "@/lib/validation/callback-url";
import { canonicalPath } from "@/lib/request-path";

function badRequest(message: string): NextResponse {
  const response = new NextResponse(`${message}\n`, {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8", "Content-Security-Policy": API_CSP },
  });
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  return response;
}

function authRequest(request: NextRequest): NextResponse {
  const bad = CALLBACK_URL_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !nextAuthCanParse(value);
  });
  if (bad.length === 0) return NextResponse.next();
  // next-auth reads cookies through next/headers, which sees these rewritten request headers.
  for (const name of bad) request.cookies.delete(name);
  const headers = new Headers(request.headers);
  headers.set("cookie", request.cookies.toString());
  const response = NextResponse.next({ request: { headers } });
  for (const name of bad) response.cookies.delete(name);
  return response;
}

export function proxy(request: NextRequest) {
  const path = canonicalPath(request.nextUrl.pathname);
  if (path === null) return badRequest("Bad request: the address contains malformed percent-encoding.");
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return authRequest(request);

  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The course layout checks page permissions before streaming (coursePageRules); it needs the
  // path, each segment decoded ("/courses/%63sci1390" is csci1390), and this always overwrites
  // whatever a client sent under that name.
  headers.set("x-lectern-path", path);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set(HSTS.key, HSTS.value);
  return response;
}

export const config = {
  matcher: [
    // Every page, whatever its path ends with (".csv" and ".txt" once skipped the layout's early
    // check), and next-auth. Other API routes are left out: the proxy would buffer their bodies
    // (proxyClientMaxBodySize) before the route's own limit could refuse them; they get
    // API_CSP from next.config.ts and decode their own params (lib/server/platform/route.ts).
    "/((?!api/|_next/static|_next/image|favicon.ico).*)",
    "/api/auth/:path*",
  ],
};
