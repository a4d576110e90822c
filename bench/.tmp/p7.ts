import "../support/register-server-only.mjs";
const { createDb } = await import("@/lib/server/db");
const dbName = process.argv[2]!;
const db = createDb(`postgresql://postgres@127.0.0.1:5432/${dbName}`, 4);
const course = await db.course.findUniqueOrThrow({ where: { slug: "bench-grades" } });
const g = await db.grade.findFirstOrThrow({ where: { courseId: course.id } });
const m = async (label: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 30; i++) await fn();
  const c = process.cpuUsage(); const s = performance.now();
  for (let i = 0; i < 200; i++) await fn();
  const d = process.cpuUsage(c);
  console.log(label, "cpu/op", ((d.user + d.system) / 1000 / 200).toFixed(3), "ms; wall/op", ((performance.now() - s) / 200).toFixed(3));
};
await m("findUnique course", () => db.course.findUnique({ where: { slug: "bench-grades" }, select: { id: true, slug: true, code: true, title: true, timeZone: true } }));
await m("raw course", () => db.$queryRaw`SELECT "id","slug","code","title","timeZone" FROM "Course" WHERE "slug" = ${"bench-grades"}`);
await m("update grade", () => db.grade.update({ where: { id: g.id }, data: { score: 50 }, select: { id: true, version: true, updatedAt: true } }));
await m("raw update grade", () => db.$queryRaw`UPDATE "Grade" SET "score" = ${50} , "updatedAt" = now() WHERE "id" = ${g.id} RETURNING "id", "version", "updatedAt"`);
await m("lateral lock", () => db.$transaction(async (tx) => tx.$queryRaw`
  SELECT a."id", m."role", g."id" AS gid, g."score", g."version", u."name"
  FROM "Assignment" a
  LEFT JOIN "Membership" m ON m."courseId" = a."courseId" AND m."userId" = ${g.studentId}
  LEFT JOIN LATERAL (SELECT * FROM "Grade" x WHERE x."assignmentId" = a."id" AND x."studentId" = ${g.studentId} FOR UPDATE) g ON true
  LEFT JOIN "User" u ON u."id" = g."graderId"
  WHERE a."id" = ${g.assignmentId} AND a."courseId" = ${course.id}`));
await db.$disconnect();
