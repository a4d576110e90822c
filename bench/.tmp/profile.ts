import "../support/register-server-only.mjs";
const { createDb } = await import("@/lib/server/db");
const dbName = process.argv[2]!;
const db = createDb(`postgresql://postgres@127.0.0.1:5432/${dbName}`, 10);
const course = await db.course.findUniqueOrThrow({ where: { slug: "bench-grades" } });
const courseId = course.id;
const t = async (label: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    const r = await fn();
    if (i === 2) console.log(label, (performance.now() - s).toFixed(1), "ms", Array.isArray(r) ? r.length : "");
  }
};
await t("grades raw", () => db.$queryRaw`SELECT "id", "studentId", "assignmentId", "score", "version", ("feedback" <> '') AS "hasFeedback" FROM "Grade" WHERE "courseId" = ${courseId}`);
await t("grades findMany", () => db.grade.findMany({ where: { courseId }, select: { id: true, studentId: true, assignmentId: true, score: true, version: true } }));
await t("subs group", () => db.$queryRaw`SELECT "studentId", "assignmentId", max("submittedAt") AS "at" FROM "Submission" WHERE "courseId" = ${courseId} GROUP BY 1, 2`);
await t("members", () => db.membership.findMany({ where: { courseId, role: "STUDENT", status: "ENROLLED" }, select: { userId: true, trackId: true, user: { select: { name: true, email: true } } } }));
await t("ledger", () => db.ledgerEntry.findMany({ where: { courseId }, select: { studentId: true, kind: true, hours: true } }));
const pg = (await import("pg")).default;
const c = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${dbName}` });
await c.connect();
await t("grades pg direct", async () => (await c.query(`SELECT "id", "studentId", "assignmentId", "score", "version", ("feedback" <> '') AS "hasFeedback" FROM "Grade" WHERE "courseId" = $1`, [courseId])).rows);
await t("grades pg compact", async () => (await c.query(`SELECT "studentId", array_agg("assignmentId"), array_agg(score), array_agg(version) FROM "Grade" WHERE "courseId" = $1 GROUP BY 1`, [courseId])).rows);
await c.end();
const { loadGradingData } = await import("@/lib/server/grading-data");
await t("loadGradingData", () => loadGradingData({ db, course, now: new Date() }).then((d) => d.students));
await db.$disconnect();
const pg2 = (await import("pg")).default;
const c2 = new pg2.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${dbName}` });
await c2.connect();
await t("subs compact epoch", async () => (await c2.query(`SELECT "studentId", array_agg("assignmentId") a, array_agg(at) t FROM (SELECT "studentId","assignmentId", (extract(epoch from max("submittedAt"))*1000)::float8 at FROM "Submission" WHERE "courseId" = $1 GROUP BY 1,2) x GROUP BY 1`, [courseId])).rows);
await t("grades compact fb", async () => (await c2.query(`SELECT "studentId", array_agg("assignmentId") a, array_agg(score) s, array_agg(version) v, array_agg("feedback" <> '') f FROM "Grade" WHERE "courseId" = $1 GROUP BY 1`, [courseId])).rows);
await t("explain subs", async () => (await c2.query(`EXPLAIN ANALYZE SELECT "studentId","assignmentId", max("submittedAt") FROM "Submission" WHERE "courseId" = $1 GROUP BY 1,2`, [courseId])).rows.map((r) => console.log(r["QUERY PLAN"])));
await c2.end();
