// Issue 18.5 and 18.6 at the proxy: every page path reaches it (".csv" and ".txt" too), the
// course layout gets the decoded path, malformed percent-encoding is a 400, and a callback-url
// cookie next-auth cannot read is dropped instead of breaking sign-in with a 500.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { config, proxy } from "@/proxy";
import { canonicalPath } from "@/lib/request-path";

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("which requests the proxy sees", () => {
  it("every page path, whatever it ends with, and next-auth; not static chunks or other API routes", () => {
    for (const url of [
      "/courses/csci1390/gradebook",
      "/courses/csci1390/people/x.csv",
      "/courses/csci1390/people/x.txt",
      "/courses/csci1390/calendar.ics",
      "/robots.txt",
      "/api/auth/csrf",
      "/api/auth/callback/credentials",
    ])
      expect(matches(url), url).toBe(true);
    for (const url of ["/_next/static/chunks/a.js", "/api/courses/csci1390/submissions", "/api/health"])
      expect(matches(url), url).toBe(false);
  });
});

describe("the decoded path for the course layout", () => {
  it("decodes each segment, so an encoded slug is the slug", () => {
    expect(canonicalPath("/courses/%63sci1390/gradebook")).toBe("/courses/csci1390/gradebook");
    expect(canonicalPath("/courses/csci1390/people/a%2Fb")).toBe("/courses/csci1390/people/a%2Fb");
    const res = proxy(new NextRequest("http://localhost/courses/%63sci1390/gradebook"));
    expect(res.headers.get("x-middleware-request-x-lectern-path")).toBe("/courses/csci1390/gradebook");
    expect(res.headers.get("content-security-policy")).toMatch(/nonce-/);
  });

  it("malformed percent-encoding is a 400 with the security headers, never a 500", async () => {
    for (const path of ["/courses/%C0%AF", "/courses/%", "/courses/%ED%A0%80", "/courses/csci1390/people/%E0%A4%A"]) {
      expect(canonicalPath(path), path).toBeNull();
      const res = proxy(new NextRequest(`http://localhost${path}`));
      expect(res.status, path).toBe(400);
      expect(await res.text()).toMatch(/malformed percent-encoding/);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});

describe("next-auth's callback-url cookie", () => {
  it("drops one next-auth cannot parse (from the request it sees, and from the browser)", () => {
    const res = proxy(
      new NextRequest("http://localhost/api/auth/csrf", {
        headers: { cookie: "next-auth.callback-url=http%3A%2F%2F%5B; other=1" },
      }),
    );
    expect(res.headers.get("x-middleware-request-cookie")).toBe("other=1");
    expect(res.headers.get("set-cookie")).toMatch(/^next-auth\.callback-url=;.*Expires=Thu, 01 Jan 1970/i);
  });

  it("leaves a readable one alone", () => {
    const res = proxy(
      new NextRequest("http://localhost/api/auth/csrf", {
        headers: { cookie: "next-auth.callback-url=%2Fcourses%2Fcsc490" },
      }),
    );
    expect(res.headers.get("x-middleware-request-cookie")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
