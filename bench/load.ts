// npm run bench:load — a mixed workload against the production build on PostgreSQL
// (a fresh seeded database; needs `npx next build` first). Four kinds of traffic run
// side by side for LOAD_SECONDS (default 60): anonymous schedule views, students
// viewing their deadlines and grades, TAs saving grades, an instructor posting
// course-wide extensions. Prints throughput, p50/p99 per kind, and errors.
// The traffic is spread over the two instances startBenchServer runs (as a load
// balancer would): one Node process uses one core, and a deployment runs several.
import autocannon, { type Result } from "autocannon";
import pg from "pg";
import { signInCookie, startBenchServer } from "./support/server";
import { percentile } from "./support/stats";

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const port = Number(process.env.BENCH_PORT ?? 3750);
const slug = "csci1390";

const server = await startBenchServer(port);
const base = server.base;
const bases = [base, `http://127.0.0.1:${port + 2}`];
type Kind = { name: string; requests: number; latencies: number[]; errors: number };
try {
  const dbUrl = new URL(process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  dbUrl.pathname = `/lectern_e2e_${port}`;
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect();
  const { rows: students } = await client.query<{ id: string; email: string }>(
    `SELECT u.id, u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Course" c ON c.id = m."courseId"
     WHERE c.slug = $1 AND m.role = 'STUDENT' AND m.status = 'ENROLLED' ORDER BY u.email`,
    [slug],
  );
  const { rows: assignments } = await client.query<{ id: string; code: string }>(
    `SELECT a.id, a.code FROM "Assignment" a JOIN "Course" c ON c.id = a."courseId" WHERE c.slug = $1 ORDER BY a.position, a.code`,
    [slug],
  );
  const p4 = assignments.find((a) => a.code === "P4")!;
  const { rows: cells } = await client.query<{ studentId: string; assignmentId: string; version: number }>(
    `SELECT g."studentId", g."assignmentId", g.version FROM "Grade" g JOIN "Course" c ON c.id = g."courseId" WHERE c.slug = $1 ORDER BY g.id LIMIT 400`,
    [slug],
  );
  await client.end();

  const studentCookies = await Promise.all(students.slice(0, 8).map((s) => signInCookie(base, s.email)));
  const taCookie = await signInCookie(base, "ta@csci1390.demo");
  const instructorCookie = await signInCookie(base, "instructor@csci1390.demo");

  // One autocannon per instance for each kind, its connections split between them; latencies are
  // collected per response so the percentiles cover both.
  const runOn = (url: string, options: Record<string, unknown>, latencies: number[]) =>
    new Promise<{ requests: number; errors: number }>((resolve, reject) => {
      let errors = 0;
      const instance = autocannon({ url, duration: seconds, timeout: 30, ...options } as never);
      (instance as unknown as { on: (e: string, f: (...a: unknown[]) => void) => void }).on(
        "response",
        (_client: unknown, status: unknown, _bytes: unknown, ms: unknown) => {
          if (typeof status === "number" && (status < 200 || status >= 400)) errors++;
          if (typeof ms === "number") latencies.push(ms);
        },
      );
      (instance as unknown as Promise<Result>).then(
        (result) => resolve({ requests: result.requests.total, errors: errors + result.errors + result.timeouts }),
        reject,
      );
    });
  const run = async (
    name: string,
    options: Record<string, unknown> & { connections: number },
    spread = true,
  ): Promise<Kind> => {
    const latencies: number[] = [];
    const targets = spread ? bases : [base];
    const parts = await Promise.all(
      targets.map((url, i) =>
        runOn(
          url,
          {
            ...options,
            connections:
              Math.floor(options.connections / targets.length) + (i < options.connections % targets.length ? 1 : 0),
          },
          latencies,
        ),
      ),
    );
    return {
      name,
      requests: parts.reduce((n, p) => n + p.requests, 0),
      latencies,
      errors: parts.reduce((n, p) => n + p.errors, 0),
    };
  };

  let studentTurn = 0;
  let nextCell = 0;
  let dueDay = 0;
  const TA_CONNECTIONS = 8;
  const kinds = await Promise.all([
    run("anonymous schedule view", {
      connections: 10,
      requests: [{ method: "GET", path: `/courses/${slug}/schedule` }],
    }),
    run("student deadlines + grades", {
      connections: 8,
      requests: [
        {
          method: "GET",
          path: `/courses/${slug}/me`,
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            headers: { cookie: studentCookies[studentTurn++ % studentCookies.length] },
          }),
        },
        {
          method: "GET",
          path: `/courses/${slug}/grades`,
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            headers: { cookie: studentCookies[studentTurn++ % studentCookies.length] },
          }),
        },
      ],
    }),
    run("TA grade save", {
      connections: TA_CONNECTIONS,
      headers: { cookie: taCookie, "content-type": "application/json" },
      initialContext: {},
      requests: [
        {
          method: "PUT",
          setupRequest: (req: Record<string, unknown>, context: { cell?: (typeof cells)[number] }) => {
            // Round-robin over 400 cells: a cell comes round again only after 399 other saves, long
            // after its last answer (which brought its new version) arrived.
            const c = (context.cell = cells[nextCell++ % cells.length]!);
            return {
              ...req,
              path: `/api/courses/${slug}/grades/${c.assignmentId}/${c.studentId}`,
              body: JSON.stringify({ version: c.version, score: 50 + (nextCell % 50) }),
            };
          },
          onResponse: (status: number, body: string, context: { cell?: (typeof cells)[number] }) => {
            if (status === 200 && context.cell)
              context.cell.version = (JSON.parse(body) as { cell: { version: number } }).cell.version;
          },
        },
      ],
    }),
    run(
      "instructor course-wide extension",
      {
        connections: 1,
        overallRate: 1, // one extension a second: an instructor, not a script
        headers: { cookie: instructorCookie, "content-type": "application/json" },
        requests: [
          {
            method: "POST",
            path: `/api/courses/${slug}/extensions`,
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              body: JSON.stringify({
                assignmentId: p4.id,
                dueAt: new Date(Date.UTC(2025, 3, 25, 22) + (dueDay++ % 48) * 3600_000).toISOString(),
                reason: "load benchmark",
                announcement: null,
              }),
            }),
          },
        ],
      },
      false,
    ),
  ]);

  console.log(`\nmixed load for ${seconds} s against ${bases.join(" + ")} (and nothing else running is assumed)`);
  console.log("kind | requests | req/s | p50 ms | p99 ms | errors");
  let total = 0;
  let errors = 0;
  for (const k of kinds) {
    total += k.requests;
    errors += k.errors;
    console.log(
      `${k.name} | ${k.requests} | ${(k.requests / seconds).toFixed(1)} | ${percentile(k.latencies, 50).toFixed(0)} | ${percentile(k.latencies, 99).toFixed(0)} | ${k.errors}`,
    );
  }
  console.log(`total | ${total} | ${(total / seconds).toFixed(1)} | | | ${errors}`);
  if (errors > 0) process.exitCode = 1;
} finally {
  await server.stop();
}
