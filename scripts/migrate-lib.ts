import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// Prisma's CLI tries to download native engines first; a failing dummy path skips
// that (with /bin/true, migrate deploy would exit 0 and apply nothing).
export const offlinePrismaEnv = {
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

/**
 * Applies pending migrations in prisma/migrations to the database at `url`.
 * Asynchronous on purpose: the embedded PostgreSQL is served from the calling
 * process, so blocking it while the CLI connects would deadlock.
 */
export async function migrateDeploy(url: string, { quiet = true } = {}): Promise<void> {
  // Prisma's CLI takes seconds to start (15-30 s of a busy machine's second `npm start`) just to
  // find nothing to do: ask the database first, and run it only when a migration is not applied.
  if (await everyMigrationApplied(url)) return;
  return runMigrateDeploy(url, quiet);
}

const MIGRATIONS = path.resolve("prisma/migrations");

/**
 * True when `_prisma_migrations` records every migration folder as applied and nothing as
 * failed or half-done: exactly when `prisma migrate deploy` would apply nothing. Anything
 * else (no table yet, a failed migration, an unreadable database) is left to the CLI.
 */
export async function everyMigrationApplied(url: string, folder = MIGRATIONS): Promise<boolean> {
  const wanted = readdirSync(folder).filter((name) => existsSync(path.join(folder, name, "migration.sql")));
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM "_prisma_migrations"`,
    );
    if (rows.some((r) => !r.finished && !r.rolled_back)) return false;
    const applied = new Set(rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function runMigrateDeploy(url: string, quiet: boolean): Promise<void> {
  const prismaBin = path.resolve("node_modules/.bin/prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      env: { ...process.env, ...offlinePrismaEnv, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`prisma migrate deploy failed (exit ${code})\n${output}`));
      if (!quiet) process.stdout.write(withoutAdapterUrlWarning(output));
      resolve();
    });
  });
}

/**
 * Prisma 6.19's CLI requires `url` in schema.prisma's datasource (without it: P1012), and then
 * warns on every run that the url is not used because prisma.config.ts gives a driver adapter.
 * Both are true and nothing is wrong, so `npm start` leaves that paragraph out.
 */
export function withoutAdapterUrlWarning(output: string): string {
  return output.replace(
    /WARNING: Your schema specifies the following datasource properties[\s\S]*?only using driver adapters\.\n*/,
    "",
  );
}
