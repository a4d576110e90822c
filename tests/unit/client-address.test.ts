// Issue 18.2: the per-address sign-in limit must key on an address the client cannot choose.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overwriteForwardedFor, proxyTrust, resolveClientAddress } from "@/lib/client-address";

describe("resolveClientAddress", () => {
  const direct = proxyTrust({});

  it("with no trusted proxy, takes the socket and ignores whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6", direct)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6, 7.7.7.7", direct)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, direct)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, "6.6.6.6", direct)).toBe("unknown");
  });

  it("TRUSTED_PROXIES: follows the trusted proxies' entries leftwards to the first untrusted one", () => {
    const trust = proxyTrust({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" });
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9", trust)).toBe("203.0.113.9");
    // The client claimed 6.6.6.6; the proxy appended what it saw.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", trust)).toBe("203.0.113.9");
    // A request that did not come through the proxy: its header is not believed.
    expect(resolveClientAddress("198.51.100.4", "6.6.6.6", trust)).toBe("198.51.100.4");
    expect(resolveClientAddress("127.0.0.1", "garbage, ", trust)).toBe("127.0.0.1");
  });

  it("TRUSTED_PROXY_HOPS: believes exactly that many hops from the right", () => {
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 203.0.113.9", proxyTrust({ TRUSTED_PROXY_HOPS: "1" }))).toBe(
      "203.0.113.9",
    );
    expect(
      resolveClientAddress("10.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2", proxyTrust({ TRUSTED_PROXY_HOPS: "2" })),
    ).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.1", undefined, proxyTrust({ TRUSTED_PROXY_HOPS: "3" }))).toBe("10.0.0.1");
  });

  it("refuses a configuration it cannot understand (the server then does not start)", () => {
    expect(() => proxyTrust({ TRUSTED_PROXIES: "proxy.internal" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => proxyTrust({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

// What scripts/server.ts does to each request, on a real socket: a client sending a new
// X-Forwarded-For on every try still arrives with its own address.
describe("overwriteForwardedFor on a real server", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const trust = proxyTrust({});
    server = http.createServer((req, res) => {
      overwriteForwardedFor(req, trust);
      res.end(JSON.stringify({ xff: req.headers["x-forwarded-for"], realIp: req.headers["x-real-ip"] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("replaces a spoofed header with the socket's address, every time", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": `1.2.3.${i}`, "x-real-ip": `4.5.6.${i}` },
      });
      const body = (await res.json()) as { xff: string; realIp: string | null };
      expect(body.realIp).toBeNull();
      seen.add(body.xff);
    }
    expect([...seen]).toEqual(["127.0.0.1"]);
  });
});
