// Issue 18.1: the sign-in callbackUrl must stay on this site, however a browser would parse it.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sameOriginPath } from "@/lib/validation/callback-url";

const ORIGIN = "http://localhost:3000";

describe("sameOriginPath (sign-in callbackUrl)", () => {
  it("refuses the attacker's reproductions: tab, newline, backslash, protocol-relative, other origins", () => {
    for (const evil of [
      "/\t/evil.example/phish", // the browser strips the tab: //evil.example/phish
      "/\n/evil.example/phish",
      "/\r\n/evil.example/phish",
      "//evil.example/phish",
      "/\\evil.example/phish",
      "\\\\evil.example",
      "http://evil.example/phish",
      "https://localhost:3000/x", // another scheme is another origin
      "javascript:alert(1)",
      "http://[", // unparseable: used to answer 500 from next-auth
    ])
      expect(sameOriginPath(evil, ORIGIN), JSON.stringify(evil)).toBe("/courses");
  });

  it("keeps the path and query of a same-site target, dropping the fragment", () => {
    expect(sameOriginPath("/courses/csci1390/gradebook?tab=2#x", ORIGIN)).toBe("/courses/csci1390/gradebook?tab=2");
    expect(sameOriginPath("http://localhost:3000/courses/csc490", ORIGIN)).toBe("/courses/csc490");
    expect(sameOriginPath(undefined, ORIGIN)).toBe("/courses");
    expect(sameOriginPath(["/a", "/b"], ORIGIN)).toBe("/courses");
  });

  it("never gives a path a browser would read as another host", () => {
    expect(sameOriginPath("/.//evil.example/phish", ORIGIN)).toBe("/evil.example/phish");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const path = sameOriginPath(s, ORIGIN);
        expect(path.startsWith("/")).toBe(true);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        // As a link target (what router.push does), the browser stays here too.
        expect(path.startsWith("//")).toBe(false);
        expect(path.startsWith("/\\")).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
