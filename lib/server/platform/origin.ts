import "server-only";
import { headers } from "next/headers";

/**
 * The site's public origin for absolute links (feeds, webcal). The configured
 * NEXTAUTH_URL wins, so a forged Host header cannot put someone else's address
 * into a cached feed; otherwise the request's own (proxy-aware) host.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's host
    }
  }
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
