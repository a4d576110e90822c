// Fault test (issue 7.4): PostgreSQL restarts under a load of grade saves and
// submissions. Every write the app acknowledged must be in the database afterwards;
// every failure during the outage must be a quick 503 with a JSON message (never a
// 500, never a hang); and once PostgreSQL accepts connections again, /api/health and
// a grade save must succeed within 5 s, without restarting the app.
//
// Needs a production build in NEXT_DIST_DIR (it builds nothing):
//   NEXT_DIST_DIR=.next-fuzz npx next build && NEXT_DIST_DIR=.next-fuzz npm run test:fault
// The PostgreSQL it restarts is the fault run's own throwaway cluster (tests/fault/global-setup.ts),
// never the machine's.
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInCookie, startBenchServer } from "@/bench/support/server";
import { restartCluster } from "./support/throwaway-cluster";
import { onThrowawayCluster } from "./support/guard";

const PORT = Number(process.env.FAULT_PORT ?? 3940);
const cluster = onThrowawayCluster(inject("faultCluster"));
const LOAD_MS = 15_000;
const RESTART_AT_MS = 4_000;
const REQUEST_TIMEOUT_MS = 10_000;
const RECOVERY_LIMIT_MS = 5_000;
const SLUG = "csci1390";
// The demo term is over; on Fri Apr 25, 2025 P4 (due Thu 6 PM) still takes late submissions.
const FAKE_NOW = "2025-04-25T14:00:00.000Z";

type Sample = {
  kind: "grade" | "submit" | "health";
  base: string;
  started: number;
  ms: number;
  status: number | "timeout" | "network";
  body: unknown;
  wrote?: {
    assignmentId: string;
    studentId: string;
    score?: number;
    version?: number;
    url?: string;
    submissionId?: string;
  };
};

const databaseUrl = (() => {
  const url = new URL(cluster.adminUrl);
  url.pathname = `/lectern_e2e_${PORT}`;
  return url.toString();
})();

let server: Awaited<ReturnType<typeof startBenchServer>>;
const bases = [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 2}`];
const samples: Sample[] = [];
let t0 = 0;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** One request, timed; a hang past REQUEST_TIMEOUT_MS is recorded as "timeout". */
async function send(kind: Sample["kind"], base: string, path: string, init: RequestInit = {}): Promise<Sample> {
  const started = performance.now();
  let status: Sample["status"];
  let body: unknown = null;
  try {
    const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    status = res.status;
    const text = await res.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = text.slice(0, 200);
    }
  } catch (error) {
    status = (error as Error).name === "TimeoutError" ? "timeout" : "network";
    body = String((error as Error).cause ?? error);
  }
  const sample: Sample = { kind, base, started: started - t0, ms: performance.now() - started, status, body };
  samples.push(sample);
  return sample;
}

const ok = (s: Sample) => typeof s.status === "number" && s.status >= 200 && s.status < 300;

async function restartPostgres(): Promise<{ startedAt: number; commandDoneAt: number; acceptingAt: number }> {
  const startedAt = performance.now() - t0;
  await restartCluster(cluster);
  const commandDoneAt = performance.now() - t0;
  // "Accepting connections again": the first moment a fresh connection runs a query.
  for (;;) {
    if (performance.now() - t0 - startedAt > 60_000) throw new Error("PostgreSQL did not come back within 60 s");
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return { startedAt, commandDoneAt, acceptingAt: performance.now() - t0 };
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

beforeAll(async () => {
  process.env.LECTERN_FAKE_NOW = FAKE_NOW;
  server = await startBenchServer(PORT);
});

afterAll(async () => {
  await server?.stop();
});

describe("PostgreSQL restarts under load", () => {
  it("keeps every acknowledged write, answers 503 while down and recovers within 5 s", async () => {
    const [course] = await query<{ id: string }>(`SELECT "id" FROM "Course" WHERE "slug" = $1`, [SLUG]);
    const assignments = await query<{ id: string; code: string }>(
      `SELECT "id", "code" FROM "Assignment" WHERE "courseId" = $1 ORDER BY "code"`,
      [course!.id],
    );
    const p4 = assignments.find((a) => a.code === "P4")!;
    const students = await query<{ id: string; email: string }>(
      `SELECT u."id", u."email" FROM "User" u JOIN "Membership" m ON m."userId" = u."id"
       WHERE m."courseId" = $1 AND m."role" = 'STUDENT' AND m."status" = 'ENROLLED' AND u."email" = ANY($2) ORDER BY u."email"`,
      [course!.id, [1, 2, 3, 4].map((n) => `student${n}@${SLUG}.demo`)],
    );
    expect(students.length).toBeGreaterThanOrEqual(2);

    const taCookie = await signInCookie(bases[0]!, `ta@${SLUG}.demo`);
    const studentCookies = new Map<string, string>();
    for (const s of students) studentCookies.set(s.id, await signInCookie(bases[0]!, s.email));

    // Each grade worker owns one cell, so the versions it sees are its own.
    const cells = students.map((s, i) => ({ assignmentId: assignments[i % assignments.length]!.id, studentId: s.id }));
    t0 = performance.now();
    const versions = new Map<string, number>();
    for (const cell of cells) {
      const detail = await send(
        "grade",
        bases[0]!,
        `/api/courses/${SLUG}/grades/${cell.assignmentId}/${cell.studentId}`,
        { headers: { cookie: taCookie } },
      );
      expect(detail.status).toBe(200);
      versions.set(
        `${cell.assignmentId}/${cell.studentId}`,
        (detail.body as { cell: { version: number } }).cell.version,
      );
    }
    samples.length = 0;
    t0 = performance.now();
    // The load runs LOAD_MS, and in any case until RECOVERY_LIMIT_MS + 1 s after PostgreSQL is back.
    let stopAt = LOAD_MS;
    let outageOver = false;
    const running = () => !outageOver || performance.now() - t0 < stopAt;

    const gradeWorker = async (cell: { assignmentId: string; studentId: string }, w: number) => {
      const key = `${cell.assignmentId}/${cell.studentId}`;
      for (let i = 0; running(); i++) {
        const score = 50 + ((w * 997 + i) % 500) / 10; // a new value each time, so each save is a new version
        const base = bases[i % 2]!;
        const sample = await send("grade", base, `/api/courses/${SLUG}/grades/${cell.assignmentId}/${cell.studentId}`, {
          method: "PUT",
          headers: { cookie: taCookie, "content-type": "application/json" },
          body: JSON.stringify({ version: versions.get(key), score }),
        });
        if (ok(sample)) {
          const saved = (sample.body as { cell: { version: number; score: number } }).cell;
          sample.wrote = { ...cell, score: saved.score, version: saved.version };
          versions.set(key, saved.version);
        } else if (sample.status === 409) {
          versions.set(key, (sample.body as { current: { version: number } }).current.version);
        } else {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const submitWorker = async (student: { id: string }) => {
      for (let i = 0; running(); i++) {
        const url = `https://example.com/fault/${student.id}/${i}`;
        const sample = await send("submit", bases[i % 2]!, `/api/courses/${SLUG}/submissions`, {
          method: "POST",
          headers: { cookie: studentCookies.get(student.id)!, "content-type": "application/json" },
          body: JSON.stringify({ assignmentId: p4.id, url }),
        });
        if (ok(sample))
          sample.wrote = {
            assignmentId: p4.id,
            studentId: student.id,
            url,
            submissionId: (sample.body as { submissionId: string }).submissionId,
          };
        else await new Promise((r) => setTimeout(r, 100));
      }
    };
    const healthProbe = async () => {
      for (let i = 0; running(); i++) {
        await send("health", bases[i % 2]!, "/api/health");
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const restart = (async () => {
      await new Promise((r) => setTimeout(r, RESTART_AT_MS));
      const times = await restartPostgres();
      stopAt = Math.max(LOAD_MS, times.acceptingAt + RECOVERY_LIMIT_MS + 1_000);
      outageOver = true;
      return times;
    })();

    await Promise.all([...cells.map(gradeWorker), ...students.map(submitWorker), healthProbe(), restart]);
    const outage = await restart;

    // ---- what the clients saw
    const finished = (s: Sample) => s.started + s.ms;
    const failures = samples.filter((s) => !ok(s) && s.status !== 409);
    const bad = failures.filter((s) => s.status !== 503);
    const unclear503 = failures.filter(
      (s) => s.status === 503 && s.kind !== "health" && !(typeof (s.body as { error?: unknown })?.error === "string"),
    );
    const after = (kind: Sample["kind"]) =>
      samples
        .filter((s) => s.kind === kind && ok(s) && s.started >= outage.acceptingAt)
        .sort((a, b) => finished(a) - finished(b))[0];
    const healthBack = after("health");
    const gradeBack = after("grade");
    const recovery = {
      health: healthBack ? Math.max(0, finished(healthBack) - outage.acceptingAt) : Infinity,
      grade: gradeBack ? Math.max(0, finished(gradeBack) - outage.acceptingAt) : Infinity,
    };

    // ---- what the database holds
    const acknowledgedGrades = samples.filter((s) => s.kind === "grade" && s.wrote);
    const acknowledgedSubmissions = samples.filter((s) => s.kind === "submit" && s.wrote);
    const missing: string[] = [];
    const gradeAudit = await query<{ assignmentId: string; studentId: string; version: number; score: number | null }>(
      `SELECT "after"->>'assignmentId' AS "assignmentId", "after"->>'studentId' AS "studentId",
              ("after"->>'version')::int AS "version", ("after"->>'score')::float8 AS "score"
       FROM "AuditEvent" WHERE "courseId" = $1 AND "entityType" = 'grade'`,
      [course!.id],
    );
    const audited = new Set(gradeAudit.map((a) => `${a.assignmentId}/${a.studentId}/${a.version}/${a.score}`));
    for (const s of acknowledgedGrades) {
      const w = s.wrote!;
      if (!audited.has(`${w.assignmentId}/${w.studentId}/${w.version}/${w.score}`))
        missing.push(`grade ${w.assignmentId}/${w.studentId} v${w.version}=${w.score}`);
    }
    for (const cell of cells) {
      const acks = acknowledgedGrades.filter(
        (s) => s.wrote!.assignmentId === cell.assignmentId && s.wrote!.studentId === cell.studentId,
      );
      const last = acks.sort((a, b) => a.wrote!.version! - b.wrote!.version!).at(-1)?.wrote;
      if (!last) continue;
      const [row] = await query<{ version: number; score: number | null }>(
        `SELECT "version", "score" FROM "Grade" WHERE "assignmentId" = $1 AND "studentId" = $2`,
        [cell.assignmentId, cell.studentId],
      );
      // A later save may have committed without its answer arriving; never an earlier state.
      if (!row || row.version < last.version! || (row.version === last.version && row.score !== last.score)) {
        missing.push(
          `grade row ${cell.assignmentId}/${cell.studentId}: ${JSON.stringify(row)} is older than acknowledged v${last.version}=${last.score}`,
        );
      }
    }
    const ids = acknowledgedSubmissions.map((s) => s.wrote!.submissionId!);
    const rows = await query<{ id: string; studentId: string; assignmentId: string; url: string | null }>(
      `SELECT "id", "studentId", "assignmentId", "url" FROM "Submission" WHERE "id" = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const s of acknowledgedSubmissions) {
      const w = s.wrote!;
      const row = byId.get(w.submissionId!);
      if (!row || row.studentId !== w.studentId || row.assignmentId !== w.assignmentId || row.url !== w.url)
        missing.push(`submission ${w.submissionId} (${w.url})`);
    }

    // Every request (status, latency, what it wrote), for a look after a failure.
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/fault-db-restart.json", JSON.stringify({ outage, recovery, samples }, null, 1));
    const count = (f: (s: Sample) => boolean) => samples.filter(f).length;
    const maxLatency = Math.max(...samples.map((s) => s.ms));
    console.log(
      [
        `fault: PostgreSQL restart at ${(outage.startedAt / 1000).toFixed(1)} s, accepting again at ${(outage.acceptingAt / 1000).toFixed(1)} s ` +
          `(down ${((outage.acceptingAt - outage.startedAt) / 1000).toFixed(1)} s)`,
        `requests ${samples.length} (grade saves ${count((s) => s.kind === "grade")}, submissions ${count((s) => s.kind === "submit")}, health ${count((s) => s.kind === "health")}): ` +
          `2xx ${count(ok)}, 409 ${count((s) => s.status === 409)}, 503 ${count((s) => s.status === 503)}, other ${bad.length}`,
        `acknowledged writes: ${acknowledgedGrades.length} grade saves, ${acknowledgedSubmissions.length} submissions; missing from the database: ${missing.length}`,
        `max latency ${Math.round(maxLatency)} ms; recovery after PostgreSQL accepted connections: health ${Math.round(recovery.health)} ms, grade save ${Math.round(recovery.grade)} ms`,
      ].join("\n"),
    );

    expect(
      bad.map((s) => `${s.kind} ${s.status} at ${Math.round(s.started)} ms: ${JSON.stringify(s.body).slice(0, 200)}`),
    ).toEqual([]);
    expect(unclear503.map((s) => JSON.stringify(s.body))).toEqual([]);
    expect(missing).toEqual([]);
    expect(acknowledgedGrades.length).toBeGreaterThan(0);
    expect(acknowledgedSubmissions.length).toBeGreaterThan(0);
    // The outage was real: some requests saw it.
    expect(count((s) => s.status === 503)).toBeGreaterThan(0);
    expect(recovery.health).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    expect(recovery.grade).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
  });
});
