// Graceful shutdown (issue 7.1): on SIGTERM the production server (scripts/server.ts)
// stops taking connections, lets the requests already in flight finish, closes the
// database pool and exits 0; a request that never finishes cannot hold it past
// SHUTDOWN_TIMEOUT_MS (exit 1). A grade save whose body is still arriving when the
// signal comes is the in-flight request: it must be answered and written.
//
// Needs a production build in NEXT_DIST_DIR, like the other fault tests.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInCookie } from "@/bench/support/server";
import { dropDatabase, freshDatabase } from "@/scripts/scratch-database";
import { waitUntilHealthy } from "@/scripts/wait-healthy";
import { onThrowawayCluster } from "./support/guard";

// Its database lives on the fault run's own cluster (tests/fault/global-setup.ts).
onThrowawayCluster(inject("faultCluster"));

const PORT = Number(process.env.SHUTDOWN_PORT ?? 3960);
const DB_NAME = `lectern_shutdown_${process.pid}`;
const SLUG = "csci1390";
let databaseUrl: string;

type Running = { child: ChildProcess; base: string; logs: Record<string, unknown>[]; exited: Promise<number | null> };

async function startServer(port: number, env: Record<string, string> = {}): Promise<Running> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "shutdown-test-secret",
      // "request received" lines tell the test when a request is in flight.
      LOG_LEVEL: "debug",
      ...env,
    },
  });
  const logs: Record<string, unknown>[] = [];
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitUntilHealthy({ ports: [port], child, timeoutMs: 120_000 });
  return { child, base, logs, exited };
}

async function oneRow<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows[0]!;
  } finally {
    await client.end();
  }
}

/** A grade cell of the course with its current version. */
function aCell(offset: number) {
  return oneRow<{ assignmentId: string; studentId: string; version: number }>(
    `SELECT g."assignmentId", g."studentId", g."version" FROM "Grade" g JOIN "Course" c ON c."id" = g."courseId"
     WHERE c."slug" = $1 ORDER BY g."id" OFFSET $2 LIMIT 1`,
    [SLUG, offset],
  );
}

/**
 * Starts a PUT of a grade and sends only the first half of its body: the request is in
 * the app (headers read, handler waiting for the body) until `finish` sends the rest.
 */
function halfSentSave(
  base: string,
  cookie: string,
  cell: { assignmentId: string; studentId: string; version: number },
  score: number,
) {
  const body = JSON.stringify({ version: cell.version, score });
  const url = new URL(`${base}/api/courses/${SLUG}/grades/${cell.assignmentId}/${cell.studentId}`);
  let resolveResponse: (r: { status: number; body: string }) => void;
  let rejectResponse: (e: Error) => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    resolveResponse = resolve;
    rejectResponse = reject;
  });
  const req = http.request(url, {
    method: "PUT",
    agent: false,
    headers: { cookie, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  req.on("response", (res) => {
    let text = "";
    res.on("data", (c: Buffer) => (text += c.toString()));
    res.on("end", () => resolveResponse({ status: res.statusCode!, body: text }));
  });
  req.on("error", (e) => rejectResponse(e));
  req.flushHeaders();
  req.write(body.slice(0, 10));
  return { response, finish: () => req.end(body.slice(10)) };
}

/** The first log line with that message (and matching `where`), as soon as the server writes it. */
async function waitForLog(
  logs: Record<string, unknown>[],
  msg: string,
  where: (line: Record<string, unknown>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = logs.find((l) => l.msg === msg && where(l));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "${msg}" log line; saw ${logs.map((l) => l.msg).join(", ")}`);
}

beforeAll(async () => {
  databaseUrl = await freshDatabase(DB_NAME);
});
afterAll(async () => {
  await dropDatabase(DB_NAME);
});

describe("graceful shutdown", () => {
  it("SIGTERM: refuses new connections, finishes the save in flight, closes the pool, exits 0", async () => {
    const server = await startServer(PORT);
    try {
      const cookie = await signInCookie(server.base, `ta@${SLUG}.demo`);
      const cell = await aCell(0);
      const save = halfSentSave(server.base, cookie, cell, 77.5);
      await waitForLog(server.logs, "request received", (l) => l.method === "PUT");

      server.child.kill("SIGTERM");
      const draining = await waitForLog(server.logs, "shutting down: draining in-flight requests");
      expect(draining.inFlight).toBeGreaterThanOrEqual(1);

      // No longer listening: a new connection is refused at once, not queued.
      const refused = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(3_000) }).then(
        () => "answered",
        (e: Error) => (e.cause as { code?: string } | undefined)?.code ?? e.name,
      );
      expect(refused).toBe("ECONNREFUSED");
      expect(server.child.exitCode).toBeNull(); // still draining

      save.finish();
      const answer = await save.response;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).cell).toMatchObject({ score: 77.5, version: cell.version + 1 });

      expect(await server.exited).toBe(0);
      expect(server.logs.map((l) => l.msg)).toContain("stopped"); // logged after the pool closed
      const stored = await oneRow<{ score: number; version: number }>(
        `SELECT "score", "version" FROM "Grade" WHERE "assignmentId" = $1 AND "studentId" = $2`,
        [cell.assignmentId, cell.studentId],
      );
      expect(stored).toEqual({ score: 77.5, version: cell.version + 1 });
      // The pool is closed: no connection of the stopped server is left on the database.
      const open = await oneRow<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [DB_NAME],
      );
      expect(open.n).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  });

  it("a request that never finishes cannot hold the process: exit 1 after SHUTDOWN_TIMEOUT_MS", async () => {
    const server = await startServer(PORT + 1, { SHUTDOWN_TIMEOUT_MS: "2000" });
    try {
      const cookie = await signInCookie(server.base, `ta@${SLUG}.demo`);
      const stuck = halfSentSave(server.base, cookie, await aCell(1), 12);
      stuck.response.catch(() => undefined); // the connection dies with the process
      await waitForLog(server.logs, "request received", (l) => l.method === "PUT");
      const signalled = Date.now();
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(1);
      const waited = Date.now() - signalled;
      expect(waited).toBeGreaterThanOrEqual(1_900);
      expect(waited).toBeLessThan(10_000);
      expect(server.logs.map((l) => l.msg)).toContain("drain timeout: exiting");
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
    }
  });
});
