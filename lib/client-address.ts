// The address a request came from, as the per-address sign-in limit needs it. Shared by
// scripts/server.ts (which resolves it from the socket) and the data layer (which reads it),
// so no "server-only" here.
import { BlockList, isIP } from "node:net";

/**
 * Which X-Forwarded-For entries to believe. By default none: the server is reached directly,
 * and any client can send any header. TRUSTED_PROXIES lists proxy addresses or CIDR ranges
 * (e.g. "10.0.0.0/8, 127.0.0.1"): entries added by those are believed, walking from the right.
 * TRUSTED_PROXY_HOPS=n instead believes the n right-most hops (n proxies in front, whatever
 * their addresses).
 */
export type ProxyTrust = { proxies: BlockList | null; hops: number };

export function proxyTrust(env: Record<string, string | undefined> = process.env): ProxyTrust {
  const list = (env.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  let proxies: BlockList | null = null;
  if (list.length) {
    proxies = new BlockList();
    for (const entry of list) {
      const [address = "", bits] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
      if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      if (bits === undefined) proxies.addAddress(address, family);
      else proxies.addSubnet(address, Number(bits), family);
    }
  }
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error("TRUSTED_PROXY_HOPS must be a whole number ≥ 0");
  return { proxies, hops };
}

/** "::ffff:203.0.113.9" (IPv4 on a dual-stack socket) is 203.0.113.9. */
function normalise(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

function isTrusted(address: string, proxies: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy, in which case the
 * proxies' X-Forwarded-For entries are followed leftwards up to the first address that is not
 * a trusted proxy (or the configured number of hops). Entries further left are whatever the
 * client claimed and are never used.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: ProxyTrust,
): string {
  const socket = normalise(socketAddress ?? "") || "unknown";
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map(normalise)
      .filter((e) => isIP(e) !== 0),
    socket,
  ];
  if (trust.proxies) {
    let i = chain.length - 1;
    while (i > 0 && isTrusted(chain[i]!, trust.proxies)) i--;
    return chain[i]!;
  }
  return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
}

/**
 * scripts/server.ts: replaces X-Forwarded-For with the one resolved address (and drops
 * X-Real-IP), so nothing downstream can read a client's made-up entry.
 */
export function overwriteForwardedFor(
  req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } },
  trust: ProxyTrust,
): string {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
  req.headers["x-forwarded-for"] = address;
  delete req.headers["x-real-ip"];
  return address;
}
