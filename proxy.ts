// Next 16's proxy (formerly middleware): a fresh CSP nonce for every page
// request. Next reads the nonce from the request's Content-Security-Policy
// header and puts it on its own scripts; every page renders dynamically (the
// root layout reads the session), so no cached page carries a stale nonce.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS } from "@/lib/security-headers";

export function proxy(request: NextRequest) {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The course layout checks page permissions before streaming (coursePageRules); it needs the
  // path, and this always overwrites whatever a client sent under that name.
  headers.set("x-lectern-path", request.nextUrl.pathname);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set(HSTS.key, HSTS.value);
  return response;
}

export const config = {
  matcher: [
    // Pages only (prefetches too, so x-lectern-path is always ours): API routes and static
    // files get the static headers from next.config.ts.
    "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:ics|xml|yaml|csv|png|svg|ico|txt)$).*)",
  ],
};
