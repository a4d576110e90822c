import "server-only";
import { verify } from "@node-rs/argon2";
import { DEMO_PASSWORD, demoAccounts } from "@/prisma/seed-data/demo-accounts";
import type { Db } from "@/lib/server/platform/db";

export const DEMO_EMAIL_DOMAIN_SUFFIX = ".demo";
export const DEMO_PASSWORD_TEXT = DEMO_PASSWORD;

export type DemoHint = { password: string; examples: { email: string; label: string }[] };

function labelOf(account: ReturnType<typeof demoAccounts>[number]): string {
  const roles = account.memberships.map((m) => `${m.role === "TA" ? "TA" : m.role.toLowerCase()} in ${m.courseSlug}`);
  return roles.join(", ");
}

// The hint costs a query and (when it shows) one argon2 check; keep the answer briefly.
const globalForDemo = globalThis as unknown as { lecternDemoHint?: { at: number; value: Promise<DemoHint | null> } };
const HINT_TTL_MS = 30_000;

/**
 * The demo password shows on the sign-in page only while the demo seed is
 * loaded: the seed's demo accounts exist and still have the demo password (an
 * operator who changed them, or a database without the seed, shows nothing).
 */
export async function demoSignInHint(db: Db, now: number = Date.now()): Promise<DemoHint | null> {
  const cached = globalForDemo.lecternDemoHint;
  if (cached && now - cached.at < HINT_TTL_MS) return cached.value;
  const value = loadHint(db);
  globalForDemo.lecternDemoHint = { at: now, value };
  value.catch(() => (globalForDemo.lecternDemoHint = undefined));
  return value;
}

/** Tests: forget the cached answer. */
export function resetDemoHint(): void {
  globalForDemo.lecternDemoHint = undefined;
}

async function loadHint(db: Db): Promise<DemoHint | null> {
  const accounts = demoAccounts();
  const users = await db.user.findMany({
    where: { email: { in: accounts.map((a) => a.email) } },
    select: { email: true, passwordHash: true },
  });
  if (users.length === 0) return null;
  // The seed hashes the demo password once per run, so there are only a few distinct hashes;
  // check each once and list the accounts that still open with the demo password.
  const hashes = [...new Set(users.map((u) => u.passwordHash).filter((h): h is string => Boolean(h)))].slice(0, 5);
  const valid = new Set<string>();
  for (const h of hashes) if (await verify(h, DEMO_PASSWORD).catch(() => false)) valid.add(h);
  const open = new Set(users.filter((u) => u.passwordHash && valid.has(u.passwordHash)).map((u) => u.email));
  const examples = accounts.filter((a) => open.has(a.email)).map((a) => ({ email: a.email, label: labelOf(a) }));
  return examples.length ? { password: DEMO_PASSWORD, examples } : null;
}
