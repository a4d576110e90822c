import { spawn } from "node:child_process";
import path from "node:path";

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
export function migrateDeploy(url: string, { quiet = true } = {}): Promise<void> {
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
