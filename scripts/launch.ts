// `npm start` / `npm run dev`: with DATABASE_URL, run Next against it. Without it,
// serve an embedded PostgreSQL (PGlite, data under .data/) from this process and
// point Next at it, so both paths use the same client, migrations and seed.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createDb } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { buildIsCurrent, sourceFingerprint, writeBuildStamp } from "./build-stamp";
import { migrateDeploy } from "./migrate-lib";
import { EmbeddedPortTaken, startEmbeddedPostgres } from "./embedded-postgres";

const mode = process.argv[2] === "dev" ? "dev" : "start";
// Each phase of a start says how long it took (bench/startup.ts reads these lines).
const began = performance.now();
const phase = (what: string, since: number) =>
  console.log(`[lectern] ${what}: ${((performance.now() - since) / 1000).toFixed(1)} s`);
const port = process.env.PORT ?? "3000";

// A local install needs no configuration: keep a generated session secret under .data/.
function ensureAuthSecret(): void {
  if (process.env.NEXTAUTH_SECRET) return;
  mkdirSync(".data", { recursive: true });
  const file = ".data/nextauth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

// Builds only when the sources changed since the last build (build-stamp.ts), and without
// next build's TypeScript pass (next.config.ts reads LECTERN_SKIP_TYPECHECK): checking types is
// the test command's job (`npm run typecheck`, .ci/run), and it was 52 s of a first start.
// Runs beside the migration and the seed (they wait on the database, the build on the CPU).
let building: ChildProcess | null = null;
function ensureCurrentBuild(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const fingerprint = sourceFingerprint(process.cwd());
  if (buildIsCurrent(distDir, fingerprint)) {
    console.log(`[lectern] the build in ${distDir}/ is current: not building`);
    return Promise.resolve();
  }
  console.log(
    existsSync(`${distDir}/BUILD_ID`)
      ? "[lectern] the sources changed since the last build: running next build"
      : "[lectern] no production build yet: running next build",
  );
  const build = (building = spawn("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, LECTERN_SKIP_TYPECHECK: process.env.LECTERN_SKIP_TYPECHECK ?? "1" },
  }));
  const buildBegan = performance.now();
  return new Promise((resolve, reject) => {
    build.on("error", reject);
    build.on("exit", (code) => {
      building = null;
      if (code !== 0) return reject(new Error("next build failed"));
      writeBuildStamp(distDir, fingerprint);
      phase("next build", buildBegan);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let since = performance.now();
  // The embedded database first: a start that cannot have its port (a second checkout) stops
  // here, before a build is under way that its exit would leave running in .next/.
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.LECTERN_DATA_DIR ?? ".data/pg";
    mkdirSync(dataDir, { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir });
    process.env.DATABASE_URL = embedded.url;
    stopEmbedded = embedded.stop;
    console.log(`[lectern] embedded PostgreSQL (PGlite) at ${embedded.url}, data in ${dataDir}`);
    phase("embedded PostgreSQL", since);
  }
  const built = mode === "start" ? ensureCurrentBuild() : Promise.resolve();
  // Until it is awaited below, a failed build must not count as an unhandled rejection.
  built.catch(() => undefined);
  const url = process.env.DATABASE_URL;
  since = performance.now();
  await migrateDeploy(url, { quiet: false });
  phase("migrations", since);
  since = performance.now();
  if (process.env.LECTERN_SKIP_SEED !== "1") {
    const db = createDb(url, 2);
    const { created } = await seedDatabase({ db });
    await db.$disconnect();
    if (created.length) console.log(`[lectern] seeded demo courses: ${created.join(", ")}`);
    phase("seed", since);
  }
  await built;
  phase("ready to start the server, since launch", began);
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
  building?.kill("SIGTERM");
  process.exit(1);
});
