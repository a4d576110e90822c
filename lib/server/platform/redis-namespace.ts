import "server-only";
import { createHash } from "node:crypto";

/**
 * The prefix of every Redis key (page cache, sign-in limits). Instances share entries only when
 * they share a database: two deployments (or two test runs) on one Redis never read each other's
 * keys. LECTERN_CACHE_NAMESPACE overrides it (the e2e servers give each run its own).
 */
export const redisNamespace = `lectern:${
  process.env.LECTERN_CACHE_NAMESPACE ??
  createHash("sha256")
    .update(process.env.DATABASE_URL ?? "")
    .digest("hex")
    .slice(0, 12)
}`;
