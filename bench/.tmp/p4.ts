import "../support/register-server-only.mjs";
const { createDb } = await import("@/lib/server/db");
const { saveGrade } = await import("@/lib/server/grades");
const { authorize } = await import("@/lib/server/authz");
const dbName = process.argv[2]!;
const db = createDb(`postgresql://postgres@127.0.0.1:5432/${dbName}`, 20);
const course = await db.course.findUniqueOrThrow({ where: { slug: "bench-grades" } });
const u = await db.user.findUniqueOrThrow({ where: { email: "ta@bench-grades.demo" } });
const viewer = { userId: u.id, email: u.email, name: u.name };
const grades = await db.grade.findMany({ where: { courseId: course.id }, take: 300, skip: 5000, select: { assignmentId: true, studentId: true, version: true, score: true } });
const lat: number[] = []; const auth: number[] = []; const q1: number[] = [];
for (const g of grades.slice(0, 200)) {
  let s = performance.now();
  await saveGrade({ db, slug: "bench-grades", viewer, assignmentId: g.assignmentId, studentId: g.studentId, input: { version: g.version, score: ((g.score ?? 0) + 1) % 100 } });
  lat.push(performance.now() - s);
  s = performance.now(); await authorize({ db, slug: "bench-grades", viewer, permission: "grades.edit" }); auth.push(performance.now() - s);
  s = performance.now(); await db.$queryRaw`SELECT 1`; q1.push(performance.now() - s);
}
const p = (a: number[], q: number) => [...a].sort((x, y) => x - y)[Math.floor(q * (a.length - 1))]!.toFixed(1);
console.log("sequential save p50", p(lat, 0.5), "p95", p(lat, 0.95), "| authorize p50", p(auth, 0.5), "| SELECT 1 p50", p(q1, 0.5));
await db.$disconnect();
