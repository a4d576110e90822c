// Serves the production build for the end-to-end tests on a fresh database of the
// real PostgreSQL (TEST_PG_URL's server), migrated and seeded, dropped on exit.
// Two instances share that database and Redis (ports P and P+2), as a deployment
// with several instances would: tests can edit through one and read the other.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { dropDatabase, freshDatabase } from "./scratch-database";
import { waitUntilHealthy } from "./wait-healthy";

const port = Number(process.argv[2] ?? 3100);
const ports = [port, port + 2];
const dbName = `lectern_e2e_${port}`;

const databaseUrl = await freshDatabase(dbName);

const shared = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  // A fresh namespace per run: the seed's ids repeat, an old run's cache must not.
  LECTERN_CACHE_NAMESPACE: `e2e-${randomUUID()}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production",
  NODE_ENV: "production" as const,
  HOSTNAME: "127.0.0.1",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};

// One after the other, so "the last one answers" means all are up.
const servers: ChildProcess[] = [];
for (const p of ports) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    stdio: "inherit",
    env: { ...shared, PORT: String(p), NEXTAUTH_URL: `http://127.0.0.1:${p}` },
  });
  child.on("exit", (code) => void stopAll(code ?? 1));
  servers.push(child);
  await waitUntilHealthy({ ports: [p], child, timeoutMs: 120_000, what: `instance on port ${p}` });
}

let exiting = false;
async function stopAll(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  for (const s of servers) s.kill("SIGTERM");
  const running = servers.filter((s) => s.exitCode === null);
  await Promise.all(running.map((s) => new Promise((r) => s.once("exit", r))));
  await dropDatabase(dbName).catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
