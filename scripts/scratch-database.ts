// Fresh databases on a PostgreSQL server for the e2e server and the benchmarks:
// created, migrated and (optionally) seeded; dropped when done.
import pg from "pg";
import { createDb } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { migrateDeploy } from "./migrate-lib";

export const adminUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops any database of that name, creates it, migrates it and, unless told not to, seeds the demo courses. */
export async function freshDatabase(name: string, { seed = true }: { seed?: boolean } = {}): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = databaseUrlFor(name);
  await migrateDeploy(url);
  if (seed) {
    const db = createDb(url, 2);
    await seedDatabase({ db });
    await db.$disconnect();
  }
  return url;
}

export function dropDatabase(name: string): Promise<void> {
  return admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
