import "../support/register-server-only.mjs";
const { createDb } = await import("@/lib/server/db");
const { getGradebook } = await import("@/lib/server/gradebook");
const { loadGradingData } = await import("@/lib/server/grading-data");
const dbName = process.argv[2]!;
const db = createDb(`postgresql://postgres@127.0.0.1:5432/${dbName}`, 20);
const course = await db.course.findUniqueOrThrow({ where: { slug: "bench-grades" } });
const u = await db.user.findUniqueOrThrow({ where: { email: "ta@bench-grades.demo" } });
const viewer = { userId: u.id, email: u.email, name: u.name };
for (let i = 0; i < 6; i++) {
  const c0 = process.cpuUsage(); let s = performance.now();
  await loadGradingData({ db, course, now: new Date() });
  const a = performance.now() - s; const ca = process.cpuUsage(c0);
  s = performance.now();
  const c1 = process.cpuUsage();
  await getGradebook({ db, slug: "bench-grades", viewer, now: new Date() });
  const ccb = process.cpuUsage(c1);
  console.log("load", a.toFixed(0), "cpu", ((ca.user + ca.system) / 1000).toFixed(0), "| getGradebook", (performance.now() - s).toFixed(0), "cpu", ((ccb.user + ccb.system) / 1000).toFixed(0));
}
await db.$disconnect();
