// Serves the production build for the end-to-end tests on a fresh database of the
// real PostgreSQL (TEST_PG_URL's server), migrated and seeded, dropped on exit.
import { spawn } from "node:child_process";
import pg from "pg";
import { createDb } from "@/lib/server/db";
import { seedDatabase } from "@/lib/server/seed";
import { migrateDeploy } from "./migrate-lib";

const port = process.argv[2] ?? "3100";
const adminUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `lectern_e2e_${port}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await admin(`CREATE DATABASE "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();
await migrateDeploy(databaseUrl);
const seedDb = createDb(databaseUrl, 2);
await seedDatabase({ db: seedDb });
await seedDb.$disconnect();

const env = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production" };
const next = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { stdio: "inherit", env: { ...env, PORT: port, HOSTNAME: "127.0.0.1", NODE_ENV: "production" } });
const stop = () => next.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", async (code) => {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  process.exit(code ?? 0);
});
