// `npm run bench:pages`: throughput of the CSC 490 schedule page against the same
// HTML served as a static file, so the figure says what Lectern's serving costs, for
// a visitor who is not signed in and for a signed-in student, next to issue 14's aims.
//
// Builds nothing: it needs a production build (`npx next build`, or with
// NEXT_DIST_DIR=.next-x for a private one). It creates, migrates and seeds a fresh
// database on the local PostgreSQL (TEST_PG_URL), runs the production server
// (scripts/server.ts, page cache included; LECTERN_PAGE_CACHE=off measures without it)
// on a free port (BENCH_PORT and BENCH_PORT+1 when set) with Redis (REDIS_URL, default the local one), warms up, loads the page
// with autocannon (50 connections, 10 s) anonymously and then as student1, then does
// the same against a minimal node:http server of the saved HTML, prints the figures
// against the aims, and cleans up (server stopped, database dropped) even on Ctrl-C.
// It exits 1 when an aim is missed.
import { admin, freshDatabase } from "@/scripts/scratch-database";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { signInCookie } from "./support/server";

const PAGE = "/courses/csc490/schedule";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const STUDENT = "student1@csc490.demo";
// Issue 14.1's aims, for one run of each under 50 connections.
const AIM = { anonymousShare: 0.3, anonymousP99Ms: 100, signedInShare: 0.1 };

if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(
    `No production build in ${distDir}/. Build first, e.g.\n` +
      `  npx next build                                  (then: npm run bench:pages)\n` +
      `  NEXT_DIST_DIR=.next-bench npx next build         (then: NEXT_DIST_DIR=.next-bench npm run bench:pages)`,
  );
  process.exit(2);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function load(url: string, label: string, headers: Record<string, string> = {}): Promise<Result> {
  if (WARMUP > 0) await autocannon({ url, headers, connections: 10, duration: WARMUP, timeout: 60 });
  // A generous client timeout: abandoning slow requests would waste the server's work and
  // measure the timeout instead of the throughput.
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION, timeout: 60 });
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${label.padEnd(20)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(5)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   (${result.requests.total} requests${bad ? `, ${bad} failed` : ""})`,
  );
  if (bad) console.warn(`  warning: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return result;
}

const dbName = `lectern_bench_${process.pid}`;
const tmp = mkdtempSync(path.join(os.tmpdir(), "lectern-bench-"));
let server: ChildProcess | null = null;
let staticServer: ChildProcess | null = null;
let cleaned = false;

async function cleanup(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await Promise.all([stopChild(server), stopChild(staticServer)]);
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) =>
    console.warn(`could not drop ${dbName}: ${e}`),
  );
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

try {
  console.log(`database ${dbName}: create, migrate, seed …`);
  const databaseUrl = await freshDatabase(dbName);

  // BENCH_PORT (and the next one, for the static server) on a shared machine; else any free port.
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const cache = process.env.LECTERN_PAGE_CACHE === "off" ? "off" : "on";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  console.log(`scripts/server.ts on ${origin} (build in ${distDir}/, page cache ${cache}, Redis ${redisUrl}) …`);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LECTERN_CACHE_NAMESPACE: `${dbName}-${Date.now()}`,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-not-for-production",
      LOG_LEVEL: "warn",
    },
  });
  await waitFor(`${origin}/api/health`, server);

  const pageUrl = `${origin}${PAGE}`;
  const first = await fetch(pageUrl);
  if (!first.ok) throw new Error(`${PAGE} answered ${first.status}`);
  const html = await first.text();
  const htmlFile = path.join(tmp, "schedule.html");
  writeFileSync(htmlFile, html);
  console.log(`${PAGE}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB of HTML, saved to ${htmlFile}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s each, after a ${WARMUP} s warm-up\n`);

  const lectern = await load(pageUrl, "Lectern, anonymous");
  const cookie = await signInCookie(origin, STUDENT);
  const signedInPage = await fetch(pageUrl, { headers: { cookie } });
  if (!signedInPage.ok || !(await signedInPage.text()).includes('data-testid="viewer-name"'))
    throw new Error(`${PAGE} did not render signed in as ${STUDENT}`);
  const signedIn = await load(pageUrl, "Lectern, student", { cookie });
  await stopChild(server);

  // The same bytes from the simplest possible server, in its own process like Next.
  const staticPort = process.env.BENCH_PORT ? port + 1 : await freePort();
  const staticCode = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(process.argv[1]);
    http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    }).listen(Number(process.argv[2]), "127.0.0.1");`;
  staticServer = spawn(process.execPath, ["-e", staticCode, htmlFile, String(staticPort)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`http://127.0.0.1:${staticPort}/`, staticServer);
  const stat = await load(`http://127.0.0.1:${staticPort}/`, "static");

  const share = (r: Result) => r.requests.average / stat.requests.average;
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  const checks = [
    {
      what: "anonymous schedule, share of static throughput",
      value: `${(share(lectern) * 100).toFixed(1)} %`,
      aim: `>= ${AIM.anonymousShare * 100} %`,
      met: share(lectern) >= AIM.anonymousShare,
    },
    {
      what: "anonymous schedule, p99 latency",
      value: `${lectern.latency.p99} ms`,
      aim: `< ${AIM.anonymousP99Ms} ms`,
      met: lectern.latency.p99 < AIM.anonymousP99Ms,
    },
    {
      what: "signed-in student's schedule, share of static",
      value: `${(share(signedIn) * 100).toFixed(1)} %`,
      aim: `>= ${AIM.signedInShare * 100} %`,
      met: share(signedIn) >= AIM.signedInShare,
    },
  ];
  console.log("");
  for (const c of checks)
    console.log(`${c.what.padEnd(48)} ${c.value.padStart(9)}   aim ${c.aim.padEnd(8)} ${verdict(c.met)}`);
  console.log(`signed-in student's schedule, p99 latency         ${String(signedIn.latency.p99).padStart(6)} ms`);
  console.log(
    `load average after the run: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (${os.cpus().length} cores)`,
  );
  if (checks.some((c) => !c.met)) process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
