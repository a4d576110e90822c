// `npm run bench:startup`: how long `npm start` takes to serve its first page, the first
// time (as on a clean clone: no build, no database) and the second time (build current,
// database seeded), next to issue 14.3's aims (90 s and 10 s on a quiet 2-core machine).
//
// A clean clone differs from this checkout only by what it has not made yet, so each run
// starts scripts/launch.ts (what `npm start` runs) here with a build folder and an embedded
// database folder of its own, both new (NEXT_DIST_DIR, LECTERN_DATA_DIR), and removes them
// afterwards. Ports: BENCH_PORT (default 4510) for the app, BENCH_PORT+1 for PGlite.
// The phases launch.ts reports (build, database, migrations, seed) are printed per start.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";

const AIM = { firstS: 90, secondS: 10 };
const port = Number(process.env.BENCH_PORT ?? 4510);
const PAGE = "/courses/csc490/schedule";
const distDir = `.next-startup-${process.pid}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "lectern-startup-"));

let child: ChildProcess | null = null;
// next build adds its dist folder's types to tsconfig.json's "include" when the folder is not
// `.next`: put the file back after each start, as a checkout that builds into `.next` never sees it.
const tsconfig = readFileSync("tsconfig.json", "utf8");
const restoreTsconfig = () => writeFileSync("tsconfig.json", tsconfig);
// As on a new machine: the embedded database, no Redis.
const { DATABASE_URL: _db, REDIS_URL: _redis, ...cleanEnv } = process.env;

function stop(c: ChildProcess | null): Promise<void> {
  if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(-c.pid!, "SIGKILL"), 15_000);
    c.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    // The whole group: a build that is still running goes too.
    process.kill(-c.pid!, "SIGTERM");
  });
}

async function cleanup(): Promise<void> {
  await stop(child);
  restoreTsconfig();
  rmSync(distDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanup().then(() => process.exit(130)));

/** Starts `npm start`'s script and returns the seconds until PAGE answered 200, with launch's phase lines. */
async function timeStart(label: string): Promise<number> {
  const began = performance.now();
  const phases: string[] = [];
  child = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts", "start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...cleanEnv,
      NODE_ENV: "production",
      PORT: String(port),
      LECTERN_PG_PORT: String(port + 1),
      LECTERN_DATA_DIR: dataDir,
      NEXT_DIST_DIR: distDir,
      LECTERN_WORKER: "off",
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n"))
      if (/^\[lectern\] [^:]+: [\d.]+ s$/.test(line.trim())) phases.push(line.trim().replace("[lectern] ", ""));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}${PAGE}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: npm start exited with ${child.exitCode}\n${output}`);
    if (performance.now() - began > 15 * 60_000) throw new Error(`${label}: no page after 15 minutes\n${output}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - began) / 1000;
  console.log(`${label.padEnd(13)} ${seconds.toFixed(1).padStart(6)} s to ${PAGE}`);
  for (const p of phases) console.log(`    ${p}`);
  await stop(child);
  restoreTsconfig();
  return seconds;
}

try {
  console.log(`npm start (scripts/launch.ts) with a new ${distDir}/ and a new embedded database, port ${port}\n`);
  const first = await timeStart("first start");
  const second = await timeStart("second start");
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  console.log("");
  console.log(
    `first start to the first page    ${first.toFixed(1).padStart(6)} s   aim < ${AIM.firstS} s   ${verdict(first < AIM.firstS)}`,
  );
  console.log(
    `second start to the first page   ${second.toFixed(1).padStart(6)} s   aim < ${AIM.secondS} s   ${verdict(second < AIM.secondS)}`,
  );
  console.log(
    `load average after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (${cpus().length} cores; the aims are for a quiet machine)`,
  );
  if (first >= AIM.firstS || second >= AIM.secondS) process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
