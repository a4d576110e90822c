// `npm start` / `npm run dev`: with DATABASE_URL, run Next against it. Without it,
// serve an embedded PostgreSQL (PGlite, data under .data/) from this process and
// point Next at it, so both paths use the same client, migrations and seed.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createDb } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { migrateDeploy } from "./migrate-lib";
import { EmbeddedPortTaken, startEmbeddedPostgres } from "./embedded-postgres";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";

// A local install needs no configuration: keep a generated session secret under .data/.
function ensureAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  mkdirSync(".data", { recursive: true });
  const file = ".data/nextauth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function main(): Promise<void> {
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.LECTERN_DATA_DIR ?? ".data/pg";
    mkdirSync(dataDir, { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir });
    process.env.DATABASE_URL = embedded.url;
    stopEmbedded = embedded.stop;
    console.log(`[lectern] embedded PostgreSQL (PGlite) at ${embedded.url}, data in ${dataDir}`);
  }
  const url = process.env.DATABASE_URL;
  await migrateDeploy(url, { quiet: false });
  if (process.env.LECTERN_SKIP_SEED !== "1") {
    const db = createDb(url, 2);
    const { created } = await seedDatabase({ db });
    await db.$disconnect();
    if (created.length) console.log(`[lectern] seeded demo courses: ${created.join(", ")}`);
  }
  if (mode === "start" && !existsSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/BUILD_ID`)) {
    console.log("[lectern] no production build yet: running next build");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  // Production runs our server (request ids, JSON logs, graceful shutdown); dev runs next dev.
  const next =
    mode === "start"
      ? spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
          stdio: "inherit",
          env: { ...process.env, PORT: port, NODE_ENV: "production" },
        })
      : spawn("npx", ["next", "dev", "-p", port], { stdio: "inherit", env: process.env });
  const forward = (signal: NodeJS.Signals) => next.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  next.on("exit", (code) => {
    // The app is gone either way: stop the embedded database (a failure to stop is not the exit code's story).
    void Promise.resolve(stopEmbedded?.())
      .catch(() => undefined)
      .then(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  // A taken port is a configuration matter: one line that says what to set, no stack trace.
  if (error instanceof EmbeddedPortTaken) console.error(`[lectern] ${error.message}`);
  else console.error("[lectern] failed to start:", error);
  process.exit(1);
});
