import { execFileSync } from "node:child_process";
import path from "node:path";

// Prisma's CLI tries to download native engines first; a failing dummy path skips
// that (with /bin/true, migrate deploy would exit 0 and apply nothing).
export const offlinePrismaEnv = {
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

/** Applies pending migrations in prisma/migrations to the database at `url`. */
export function migrateDeploy(url: string, { quiet = true } = {}): void {
  const prismaBin = path.resolve("node_modules/.bin/prisma");
  execFileSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, ...offlinePrismaEnv, DATABASE_URL: url },
    stdio: quiet ? "pipe" : "inherit",
  });
}
