import "../support/register-server-only.mjs";
const { createDb } = await import("@/lib/server/db");
const dbName = process.argv[2]!;
const db = createDb(`postgresql://postgres@127.0.0.1:5432/${dbName}`, 10);
const course = await db.course.findUniqueOrThrow({ where: { slug: "bench-grades" } });
const courseId = course.id;
const ids = (await db.assignment.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true } })).map((a) => a.id);
const t = async (label: string, fn: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) { const s = performance.now(); await fn(); times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(label, times.map((x) => x.toFixed(0)).join(" "));
};
await t("arrays", () => db.$queryRaw`SELECT g."studentId", array_agg(array_position(${ids}::text[], g."assignmentId")) AS "i", array_agg(g."score") AS "s", array_agg(g."version") AS "v", array_agg(g."feedback" <> '') AS "f" FROM "Grade" g WHERE g."courseId" = ${courseId} GROUP BY 1`);
await t("text", async () => {
  const rows = await db.$queryRaw<{ studentId: string; c: string }[]>`SELECT g."studentId", string_agg(array_position(${ids}::text[], g."assignmentId") || ':' || coalesce(g."score"::text, '') || ':' || g."version" || ':' || (CASE WHEN g."feedback" <> '' THEN '1' ELSE '' END), ';') AS "c" FROM "Grade" g WHERE g."courseId" = ${courseId} GROUP BY 1`;
  let n = 0;
  for (const r of rows) for (const part of r.c.split(";")) { const [i, s, v, f] = part.split(":"); n += Number(i) + (s ? Number(s) : 0) + Number(v) + (f ? 1 : 0); }
  return n;
});
await t("json per student", () => db.$queryRaw`SELECT g."studentId", json_build_array(array_agg(array_position(${ids}::text[], g."assignmentId")), array_agg(g."score"), array_agg(g."version"), array_agg(g."feedback" <> '')) AS "c" FROM "Grade" g WHERE g."courseId" = ${courseId} GROUP BY 1`);
await t("json one row", async () => { const r = await db.$queryRaw<{ c: unknown }[]>`SELECT json_agg(json_build_array(x."studentId", x.i, x.s, x.v, x.f))::text AS "c" FROM (SELECT g."studentId", array_agg(array_position(${ids}::text[], g."assignmentId")) i, array_agg(g."score") s, array_agg(g."version") v, array_agg(g."feedback" <> '') f FROM "Grade" g WHERE g."courseId" = ${courseId} GROUP BY 1) x`; return JSON.parse(r[0]!.c as string); });
await t("sql only count", () => db.$queryRaw`SELECT count(*) FROM (SELECT g."studentId", string_agg(g."assignmentId", ';') FROM "Grade" g WHERE g."courseId" = ${courseId} GROUP BY 1) x`);
await db.$disconnect();
