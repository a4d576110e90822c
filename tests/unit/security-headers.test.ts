import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { API_CSP, contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

describe("Content-Security-Policy", () => {
  it("lets scripts run only with the request's nonce, never inline or eval, and forbids framing", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["upgrade-insecure-requests"]).toBeUndefined();
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: true }))["script-src"]).toContain(
      "'unsafe-eval'",
    );
    expect(
      directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true }))["upgrade-insecure-requests"],
    ).toEqual([]);
    expect(directives(API_CSP)["default-src"]).toEqual(["'none'"]);
  });

  it("the proxy sends a fresh nonce per request and tells the layout the real path", () => {
    const request = (path: string) =>
      new NextRequest(`http://localhost${path}`, { headers: { "x-lectern-path": "/spoofed" } });
    const a = proxy(request("/courses/csc490/manage"));
    const b = proxy(request("/courses/csc490/manage"));
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(nonceOf(a.headers.get("content-security-policy"))).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(
      nonceOf(b.headers.get("content-security-policy")),
    );
    // NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way.
    expect(a.headers.get("x-middleware-request-x-lectern-path")).toBe("/courses/csc490/manage");
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(
      a.headers.get("content-security-policy"),
    );
  });

  it("static headers: no sniffing, a referrer policy, no framing", () => {
    const h = Object.fromEntries(STATIC_SECURITY_HEADERS.map((x) => [x.key, x.value]));
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["X-Frame-Options"]).toBe("DENY");
  });
});
