// `npm run bench:grades`: the gradebook at scale on a fresh database of the
// machine's PostgreSQL (TEST_PG_URL overrides): 2,000 students × 50 assignments.
// Prints
//   1. the time to compute every student's final grade (compile once, grade 2,000),
//   2. the gradebook page's server time: the data-layer load of its first screen of
//      rows plus the grid's server render, its props, then the grid's request for
//      every row (time and bytes), for 2,000 and for 200 students (how it grows), and,
//      when a production build exists, the page over HTTP,
//   3. the p95 of a cell save under load (concurrent direct calls, and autocannon
//      against the JSON save route when the server is up),
//   4. the CSV export time.
// Flags/env: BENCH_STUDENTS, BENCH_SMALL_STUDENTS, BENCH_ASSIGNMENTS, BENCH_HTTP=0 to skip the HTTP part,
// NEXT_DIST_DIR (default .next-grades) for the build to serve.
import "./support/register-server-only.mjs";

const { admin, adminUrl } = await import("@/scripts/scratch-database");
const { median, percentile } = await import("./support/stats");
const { waitUntilHealthy } = await import("@/scripts/wait-healthy");

const { randomUUID } = await import("node:crypto");
const { existsSync } = await import("node:fs");
const { gzipSync } = await import("node:zlib");
const { spawn } = await import("node:child_process");
const http = (await import("node:http")).default;
const { loadavg, cpus } = await import("node:os");
const pg = (await import("pg")).default;
const React = await import("react");
const { renderToString } = await import("react-dom/server");
const { createDb } = await import("@/lib/server/platform/db");
const { migrateDeploy } = await import("@/scripts/migrate-lib");
const { loadGradingData } = await import("@/lib/server/grading/grading-data");
const { FIRST_SCREEN_ROWS, getGradebook, getGradebookRows } = await import("@/lib/server/grading/gradebook");
const { saveGrade } = await import("@/lib/server/grading/grades");
const { exportGradebookCsv, gradebookCsv } = await import("@/lib/server/grading/grade-csv");
const { compileScheme } = await import("@/lib/domain/grading");
const { GradebookGrid } = await import("@/components/gradebook/gradebook-grid");

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 2000);
const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 50);
// BENCH_DB reuses an already seeded bench database (kept with BENCH_KEEP_DB=1) to iterate quickly.
const reuse = process.env.BENCH_DB;
const dbName = reuse ?? `lectern_bench_grades_${process.pid}`;
const keep = process.env.BENCH_KEEP_DB === "1" || Boolean(reuse);
const slug = "bench-grades";
// The smaller class of the growth figures (issue 14.2: "print how server time and bytes grow from 200 to 2,000").
const smallSlug = "bench-grades-small";
const SMALL_CLASS = Number(process.env.BENCH_SMALL_STUDENTS ?? 200);
const HOUR = 3_600_000;

const ms = (x: number) => `${x.toFixed(1)} ms`;
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}
// CPU time this process spent (user + system), to tell our cost from waiting on a busy machine.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${cpus().length} cores`;
// A tiny deterministic PRNG so every run builds the same class.
let seed = 1390;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

if (!reuse) {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${dbName}"`);
}
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();
let server: ReturnType<typeof spawn> | null = null;

try {
  if (!reuse) await migrateDeploy(databaseUrl);
  const db = createDb(databaseUrl, 20);

  // ------------------------------------------------------------ the class
  // The 2,000-student class, and a 200-student one of the same shape to show how the gradebook grows.
  async function seedClass(slug: string, STUDENTS: number) {
    const course = await db.course.create({
      data: {
        slug,
        code: `BENCH ${STUDENTS}`,
        title: "Gradebook at scale",
        term: "Fall 2026",
        institution: "Bench",
        timeZone: "America/New_York",
      },
    });
    const courseId = course.id;
    const categories = [
      { name: "Projects", prefix: "P", weight: 40, dropLowest: 0, share: 0.2 },
      { name: "Homework", prefix: "HW", weight: 30, dropLowest: 2, share: 0.4 },
      { name: "Quizzes", prefix: "Q", weight: 20, dropLowest: 3, share: 0.3 },
      { name: "Participation", prefix: "PART", weight: 10, dropLowest: 0, share: 0.1 },
    ];
    const categoryIds: string[] = [];
    for (const [position, c] of categories.entries()) {
      categoryIds.push(
        (
          await db.gradingCategory.create({
            data: { courseId, name: c.name, weight: c.weight, dropLowest: c.dropLowest, position },
          })
        ).id,
      );
    }
    await db.letterCutoff.createMany({
      data: [
        ["A", 93],
        ["A-", 90],
        ["B+", 87],
        ["B", 83],
        ["B-", 80],
        ["C+", 77],
        ["C", 73],
        ["C-", 70],
        ["D", 60],
        ["F", 0],
      ].map(([letter, minPercent]) => ({ courseId, letter: letter as string, minPercent: minPercent as number })),
    });
    const term = Date.UTC(2026, 8, 1, 16);
    await db.latePolicy.create({
      data: {
        courseId,
        kind: "BUDGET",
        budgetHours: 144,
        perAssignmentCapHours: 72,
        excludedWindowStart: "00:00",
        excludedWindowEnd: "07:00",
        coveredKinds: ["PROJECT", "HOMEWORK"],
        overBudgetAction: "CAP_ITEM",
        itemCap: [
          { letter: "D", percent: 65 },
          { letter: "F", percent: 50 },
        ],
        finalCutoffAt: new Date(term + 120 * 24 * HOUR),
      },
    });
    const assignments: {
      id: string;
      courseId: string;
      code: string;
      title: string;
      kind: "PROJECT" | "HOMEWORK" | "QUIZ" | "PARTICIPATION";
      categoryId: string;
      weight: number | null;
      points: number;
      dueAt: Date;
      lateHoursApply: boolean;
      position: number;
      gradesReleasedAt: Date;
    }[] = [];
    let position = 0;
    categories.forEach((c, ci) => {
      const count = ci === categories.length - 1 ? ASSIGNMENTS - position : Math.round(ASSIGNMENTS * c.share);
      for (let k = 1; k <= count; k++) {
        const kind = (["PROJECT", "HOMEWORK", "QUIZ", "PARTICIPATION"] as const)[ci]!;
        assignments.push({
          id: randomUUID(),
          courseId,
          code: `${c.prefix}${k}`,
          title: `${c.name} ${k}`,
          kind,
          categoryId: categoryIds[ci]!,
          weight: ci === 0 ? (k === count ? 2 : 1) : null,
          points: ci === 2 ? 10 : 100,
          dueAt: new Date(term + (position + 1) * 2 * 24 * HOUR),
          lateHoursApply: ci < 2,
          position,
          gradesReleasedAt: new Date(term + (position + 8) * 2 * 24 * HOUR),
        });
        position++;
      }
    });
    await db.assignment.createMany({ data: assignments });
    const staff = await Promise.all(
      ["instructor", "ta", "ta2"].map((k) =>
        db.user.create({ data: { email: `${k}@${slug}.demo`, name: `Bench ${k}` } }),
      ),
    );
    await db.membership.createMany({
      data: staff.map((u, i) => ({ courseId, userId: u.id, role: i === 0 ? "INSTRUCTOR" : "TA" })),
    });
    const students = Array.from({ length: STUDENTS }, (_, i) => ({
      id: randomUUID(),
      email: `student${i + 1}@${slug}.demo`,
      name: `Student ${String(i + 1).padStart(4, "0")}`,
    }));
    await db.user.createMany({ data: students });
    await db.membership.createMany({
      data: students.map((s) => ({ courseId, userId: s.id, role: "STUDENT" as const })),
    });

    const grades: {
      courseId: string;
      assignmentId: string;
      studentId: string;
      score: number;
      feedback: string;
      graderId: string;
    }[] = [];
    const submissions: {
      courseId: string;
      assignmentId: string;
      studentId: string;
      submittedAt: Date;
      fileName: string;
    }[] = [];
    const ledger: {
      courseId: string;
      studentId: string;
      assignmentId: string;
      kind: "CHARGE";
      hours: number;
      reason: string;
    }[] = [];
    for (const s of students) {
      const ability = 60 + 35 * rand();
      for (const a of assignments) {
        const r = rand();
        if (r < 0.04) continue; // missing work
        const late = a.lateHoursApply && r > 0.9;
        const lateHours = late ? Math.ceil(rand() * 40) : 0;
        submissions.push({
          courseId,
          assignmentId: a.id,
          studentId: s.id,
          submittedAt: new Date(a.dueAt.getTime() + (late ? lateHours * HOUR : -HOUR)),
          fileName: `${a.code}.zip`,
        });
        if (late)
          ledger.push({
            courseId,
            studentId: s.id,
            assignmentId: a.id,
            kind: "CHARGE",
            hours: lateHours,
            reason: "late",
          });
        if (r < 0.98)
          grades.push({
            courseId,
            assignmentId: a.id,
            studentId: s.id,
            score: Math.round(Math.min(a.points, (a.points * (ability + 15 * (rand() - 0.5))) / 100) * 2) / 2,
            feedback: rand() < 0.2 ? "Good work." : "",
            graderId: staff[1]!.id,
          });
      }
    }
    for (let i = 0; i < grades.length; i += 5000) await db.grade.createMany({ data: grades.slice(i, i + 5000) });
    for (let i = 0; i < submissions.length; i += 5000)
      await db.submission.createMany({ data: submissions.slice(i, i + 5000) });
    for (let i = 0; i < ledger.length; i += 5000) await db.ledgerEntry.createMany({ data: ledger.slice(i, i + 5000) });
    console.log(
      `class ${slug}: ${STUDENTS} students × ${assignments.length} assignments; ${grades.length} grades, ${submissions.length} submissions, ${ledger.length} ledger entries`,
    );
  }
  const [, seedMs] = await timed(async () => {
    if (reuse) return;
    await seedClass(slug, STUDENTS);
    await seedClass(smallSlug, SMALL_CLASS);
  });
  const vacuum = new pg.Client({ connectionString: databaseUrl });
  await vacuum.connect();
  await vacuum.query("VACUUM ANALYZE");
  await vacuum.end();
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s\n`);

  const course = await db.course.findUniqueOrThrow({ where: { slug } });
  const user = (email: string) =>
    db.user.findUniqueOrThrow({ where: { email } }).then((u) => ({ userId: u.id, email: u.email, name: u.name }));
  const ta = await user(`ta@${slug}.demo`);
  const ta2 = await user(`ta2@${slug}.demo`);
  const now = new Date(Date.UTC(2026, 11, 15));

  // ------------------------------------------------------------ 1. final grades
  console.log(`machine: ${load()}`);
  const data = await loadGradingData({ db, course, now });
  const finalRuns: number[] = [];
  for (let run = 0; run < 15; run++) {
    const [, t] = await timed(() => {
      const { grade } = compileScheme({ scheme: data.loaded.scheme, items: data.loaded.items });
      let sum = 0;
      for (const s of data.students)
        sum +=
          grade({
            student: s.scores,
            mode: "final",
            consequences: s.standing.consequences,
          }).percent ?? 0;
      return sum;
    });
    finalRuns.push(t);
  }
  console.log(
    `1. all final grades (${data.students.length} students, compile + grade):  median ${ms(median(finalRuns))}, min ${ms(Math.min(...finalRuns))}   [aim < 100 ms]`,
  );

  // ------------------------------------------------------------ 2. gradebook page
  // What the page does (app/courses/[slug]/gradebook/page.tsx): read and render its first screen of
  // rows; then what the grid asks for once it is up (GET …/gradebook/rows): every row.
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  async function gradebookPage(bookSlug: string, viewer: typeof ta, at: Date) {
    const loads: number[] = [];
    const renders: number[] = [];
    const pageCpu: number[] = [];
    const rests: number[] = [];
    let props = 0;
    let restBytes = 0;
    let restGzip = 0;
    let students = 0;
    for (let run = 0; run < 7; run++) {
      const cpu0 = process.cpuUsage();
      const [book, tLoad] = await timed(() =>
        getGradebook({ db, slug: bookSlug, viewer, now: at, firstStudents: FIRST_SCREEN_ROWS }),
      );
      const [html, tRender] = await timed(() => {
        props = Buffer.byteLength(JSON.stringify(book)); // what the page sends its client grid
        return renderToString(React.createElement(GradebookGrid, { data: book }));
      });
      if (!html.includes('role="grid"')) throw new Error("the grid did not render");
      loads.push(tLoad);
      renders.push(tRender);
      pageCpu.push(cpuMs(cpu0));
      students = book.rowsTotal;
      const [rest, tRest] = await timed(async () =>
        JSON.stringify(await getGradebookRows({ db, slug: bookSlug, viewer, now: at })),
      );
      rests.push(tRest);
      restBytes = Buffer.byteLength(rest);
      restGzip = gzipSync(rest, { level: 1 }).length; // scripts/server.ts compresses at level 1
    }
    const totals = loads.map((l, i) => l + renders[i]!);
    return {
      students,
      load: median(loads),
      render: median(renders),
      page: median(totals),
      cpu: median(pageCpu),
      props,
      rest: median(rests),
      restBytes,
      restGzip,
    };
  }
  type PageFigures = Awaited<ReturnType<typeof gradebookPage>>;
  const pageLine = (r: PageFigures) =>
    `first screen: data layer median ${ms(r.load)} + grid render/serialize ${ms(r.render)} = ${ms(r.page)}   [aim < 300 ms]  (props ${kib(r.props)} [aim < 300 KiB]; this process's CPU ${ms(r.cpu)})\n` +
    `   then every row (the grid's second request): ${ms(r.rest)}, ${kib(r.restBytes)} of JSON, ${kib(r.restGzip)} gzipped`;
  const big = await gradebookPage(slug, ta, now);
  console.log(`2. gradebook page, in process (${big.students} students): ${pageLine(big)}`);
  // After the last day of classes the late policy also looks for work never handed in (scored zero).
  const { finalCutoffAt } = await db.latePolicy.findUniqueOrThrow({ where: { courseId: course.id } });
  const afterCutoff = new Date(finalCutoffAt!.getTime() + 24 * HOUR);
  console.log(
    `2. gradebook page after the last day of classes: ${pageLine(await gradebookPage(slug, ta, afterCutoff))}`,
  );
  const small = await gradebookPage(smallSlug, await user(`ta@${smallSlug}.demo`), now);
  const growth = (a: number, b: number) => `×${(b / a).toFixed(1)}`;
  console.log(
    `2. growth from ${small.students} to ${big.students} students (×${(big.students / small.students).toFixed(0)}):`,
  );
  console.log(
    `   first screen ${ms(small.page)} → ${ms(big.page)} (${growth(small.page, big.page)}), props ${kib(small.props)} → ${kib(big.props)} (${growth(small.props, big.props)})`,
  );
  console.log(
    `   every row ${ms(small.rest)} → ${ms(big.rest)} (${growth(small.rest, big.rest)}), ${kib(small.restGzip)} → ${kib(big.restGzip)} gzipped (${growth(small.restGzip, big.restGzip)})`,
  );

  // ------------------------------------------------------------ 3. cell saves under load (direct)
  const cells = data.students.flatMap((s) =>
    data.assignments.map((a, ai) => ({
      studentId: s.id,
      assignmentId: a.id,
      version: s.versions[ai]!,
      score: s.cellScores[ai]!,
      points: a.points,
    })),
  );
  for (let i = cells.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [cells[i], cells[j]] = [cells[j]!, cells[i]!];
  }
  // A few graders at once, then a crowd: with N clients each waiting for its save, latency is about
  // N / throughput, so the two levels show the per-save cost and where the machine saturates.
  let next = 0;
  for (const [concurrency, saves] of [
    [4, 1000],
    [16, 2000],
  ] as const) {
    const latencies: number[] = [];
    const batch = cells.slice(next, next + saves);
    next += saves;
    let k = 0;
    const saveCpu0 = process.cpuUsage();
    const [, wall] = await timed(() =>
      Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          while (k < batch.length) {
            const c = batch[k++]!;
            const [, t] = await timed(() =>
              saveGrade({
                db,
                slug,
                viewer: w % 2 ? ta : ta2,
                assignmentId: c.assignmentId,
                studentId: c.studentId,
                // Within the item's points (0..points): a score above them would need extraCredit (422).
                input: { version: c.version, score: (Math.round(c.score ?? 0) + 1) % (c.points + 1) },
              }),
            );
            latencies.push(t);
          }
        }),
      ),
    );
    console.log(
      `3. cell save, ${saves} saves by ${concurrency} concurrent graders (direct calls): p50 ${ms(median(latencies))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, ${(saves / (wall / 1000)).toFixed(0)} saves/s   [aim p95 < 50 ms]  (CPU ${(cpuMs(saveCpu0) / saves).toFixed(2)} ms per save in this process)`,
    );
  }
  console.log(`   machine: ${load()}`);

  // ------------------------------------------------------------ 4. CSV export
  const exports: number[] = [];
  const builds: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 5; run++) {
    const [out, t] = await timed(() => exportGradebookCsv({ db, slug, viewer: ta, now }));
    bytes = out.csv.length;
    exports.push(t);
    const fresh = await loadGradingData({ db, course, now });
    builds.push((await timed(() => gradebookCsv(fresh, "")))[1]);
  }
  console.log(
    `4. CSV export (${(bytes / 1024).toFixed(0)} KiB): median ${ms(median(exports))} end to end, of which building the CSV ${ms(median(builds))}`,
  );

  // ------------------------------------------------------------ HTTP, when a build exists
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-grades";
  if (process.env.BENCH_HTTP !== "0" && existsSync(`${distDir}/BUILD_ID`)) {
    const { encode } = await import("next-auth/jwt");
    const autocannon = (await import("autocannon")).default;
    const port = Number(process.env.BENCH_PORT ?? 3411);
    const secret = "bench-secret-not-for-production";
    server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXT_DIST_DIR: distDir,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        NODE_ENV: "production",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: secret,
        LOG_LEVEL: "warn",
      },
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilHealthy({ ports: [port], child: server, timeoutMs: 60_000, what: "gradebook bench server" });
    const token = await encode({ token: { sub: ta.userId, email: ta.email, name: ta.name }, secret });
    const cookie = `next-auth.session-token=${token}`;
    const pageTimes: number[] = [];
    for (let run = 0; run < 8; run++) {
      const [status, t] = await timed(async () => {
        const r = await fetch(`${base}/courses/${slug}/gradebook`, { headers: { cookie } });
        await r.arrayBuffer();
        return r.status;
      });
      if (status !== 200) throw new Error(`gradebook page answered ${status}`);
      if (run > 0) pageTimes.push(t); // the first request warms the route
    }
    console.log(
      `2b. gradebook page over HTTP (${distDir}, full response): median ${ms(median(pageTimes))}, p95 ${ms(percentile(pageTimes, 95))}`,
    );
    const rowTimes: number[] = [];
    let rowBytes = 0;
    for (let run = 0; run < 5; run++) {
      const [bytes, t] = await timed(async () => {
        const r = await fetch(`${base}/api/courses/${slug}/gradebook/rows`, {
          headers: { cookie, "accept-encoding": "gzip" },
        });
        if (r.status !== 200) throw new Error(`gradebook rows answered ${r.status}`);
        return (await r.arrayBuffer()).byteLength;
      });
      rowBytes = bytes;
      if (run > 0) rowTimes.push(t);
    }
    console.log(
      `2b. every row over HTTP (the grid's second request): median ${ms(median(rowTimes))}, ${kib(rowBytes)} of JSON (sent gzipped)`,
    );

    const fresh = await loadGradingData({ db, course, now });
    const targets = fresh.students.slice(200).flatMap((s) =>
      fresh.assignments.map((a, ai) => ({
        path: `/api/courses/${slug}/grades/${a.id}/${s.id}`,
        version: s.versions[ai]!,
        points: a.points,
      })),
    );
    let k = 0;
    // Closed loops: each connection saves again as soon as it is answered (4, then 16 graders
    // flat out, which saturates the process, so latency there is mostly queueing).
    for (const [connections, amount] of [
      [4, 1000],
      [16, 3000],
    ] as const) {
      const httpLatencies: number[] = [];
      const statuses = new Map<number, number>();
      const result = await autocannon({
        url: base,
        connections,
        amount,
        headers: { cookie, "content-type": "application/json" },
        requests: [
          {
            method: "PUT",
            setupRequest: (req: Record<string, unknown>) => {
              const t = targets[k++ % targets.length]!;
              return {
                ...req,
                path: t.path,
                body: JSON.stringify({ version: t.version, score: Math.min(42, t.points) }),
              };
            },
          },
        ],
        setupClient: (client: {
          on: (event: string, fn: (status: number, bytes: number, time: number) => void) => void;
        }) => {
          client.on("response", (status, _bytes, time) => {
            httpLatencies.push(time);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          });
        },
      });
      console.log(
        `3b. cell save over HTTP, autocannon PUT ×${result.requests.total} on ${connections} connections flat out: p50 ${ms(median(httpLatencies))}, p95 ${ms(percentile(httpLatencies, 95))}, p99 ${ms(percentile(httpLatencies, 99))}, ${result.requests.average.toFixed(0)} req/s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
    }

    // Open loop: saves arrive at a steady rate whatever the answers do (graders do not wait for
    // each other), 150 a second for 10 s: half of one process's capacity, and far more than any
    // course's TAs produce. This is the latency a grader sees with the server under load.
    const RATE = 150;
    // Kept-alive connections, at most 32 (a browser keeps one per grader): a fresh TCP connection
    // per save would measure connection set-up, not the save.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const put = (path: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${base}${path}`,
          {
            method: "PUT",
            agent,
            headers: { cookie, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode!));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const openLatencies: number[] = [];
    const openStatuses = new Map<number, number>();
    const start = performance.now();
    await Promise.all(
      Array.from({ length: RATE * 10 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, start + (i * 1000) / RATE - performance.now()));
        const t = targets[k++ % targets.length]!;
        const sent = performance.now();
        const status = await put(t.path, JSON.stringify({ version: t.version, score: Math.min(43, t.points) }));
        openLatencies.push(performance.now() - sent);
        openStatuses.set(status, (openStatuses.get(status) ?? 0) + 1);
      }),
    );
    agent.destroy();
    console.log(
      `3c. cell save over HTTP, open loop at ${RATE} saves/s for 10 s: p50 ${ms(median(openLatencies))}, p95 ${ms(percentile(openLatencies, 95))}, p99 ${ms(percentile(openLatencies, 99))}   [aim p95 < 50 ms]; statuses ${JSON.stringify(Object.fromEntries(openStatuses))}`,
    );

    const csvTimes: number[] = [];
    for (let run = 0; run < 4; run++) {
      csvTimes.push(
        (
          await timed(async () =>
            (await fetch(`${base}/api/courses/${slug}/gradebook/export`, { headers: { cookie } })).arrayBuffer(),
          )
        )[1],
      );
    }
    console.log(`4b. CSV export over HTTP: median ${ms(median(csvTimes))}`);
  } else {
    console.log(
      `(HTTP figures skipped: no production build in ${distDir}; build with NEXT_DIST_DIR=${distDir} npx next build)`,
    );
  }
  await db.$disconnect();
} finally {
  if (server) {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
  }
  if (keep) console.log(`kept database ${dbName} (BENCH_DB=${dbName} reuses it)`);
  else await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
}
