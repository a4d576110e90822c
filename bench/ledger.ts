// Course-wide extension recompute at scale: on a fresh database, a course of N
// students who all handed in P1 (about 45% late, some with personal extensions)
// gets a course-wide extension and then its revoke. Prints wall time and the
// number of SQL statements each took; the count must not grow with N.
//
//   npm run bench:ledger            (TEST_PG_URL overrides the server; BENCH_SIZES="200,2000,5000")
import { admin, adminUrl } from "@/scripts/scratch-database";
import { register } from "node:module";

// The data layer is marked "server-only" (it throws outside React Server Components); a bench is server code.
register(
  "data:text/javascript,export async function resolve(s,c,n){ if(s==='server-only') return {url:'data:text/javascript,',shortCircuit:true}; return n(s,c); }",
);

const { PrismaPg } = await import("@prisma/adapter-pg");
const { PrismaClient } = await import("@/lib/generated/prisma/client");
const { migrateDeploy } = await import("@/scripts/migrate-lib");
const { grantCourseExtension, revokeExtension } = await import("@/lib/server/deadlines/extensions");
const { lateHoursCharged } = await import("@/lib/domain/late-hours");
const { localToInstant } = await import("@/lib/domain/time");

const sizes = (process.env.BENCH_SIZES ?? "200,2000").split(",").map(Number);
const dbName = `lectern_bench_ledger_${process.pid}`;
const TZ = "America/New_York";
const HOUR = 3_600_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await admin(`CREATE DATABASE "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
await migrateDeploy(url.toString());

const db = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }),
  log: [{ emit: "event", level: "query" }],
});
let statements = 0;
db.$on("query", (e) => {
  statements += 1;
  if (process.env.BENCH_DEBUG) console.log(String(e.duration).padStart(5), e.query.slice(0, 90));
});

async function setUp(n: number) {
  const random = rng(n);
  const slug = `bench-${n}`;
  const dueAt = localToInstant({ date: "2025-03-18", time: "18:00", timeZone: TZ });
  const course = await db.course.create({
    data: {
      slug,
      code: `BENCH ${n}`,
      title: "Ledger benchmark",
      term: "Spring 2025",
      institution: "Bench",
      timeZone: TZ,
      latePolicy: {
        create: {
          kind: "BUDGET",
          budgetHours: 144,
          perAssignmentCapHours: 72,
          excludedWindowStart: "00:00",
          excludedWindowEnd: "07:00",
          coveredKinds: ["PROJECT"],
          overCapAction: "REFUSE",
          overBudgetAction: "CAP_ITEM",
          itemCap: [
            { letter: "D", percent: 65 },
            { letter: "F", percent: 50 },
          ],
        },
      },
      assignments: { create: { code: "P1", title: "Project 1", kind: "PROJECT", dueAt, lateHoursApply: true } },
    },
    select: { id: true, assignments: { select: { id: true } } },
  });
  const courseId = course.id;
  const assignmentId = course.assignments[0]!.id;
  const instructor = await db.user.create({ data: { email: `instructor@${slug}.bench`, name: "Bench Instructor" } });
  await db.membership.create({ data: { courseId, userId: instructor.id, role: "INSTRUCTOR" } });

  const students = Array.from({ length: n }, (_, i) => ({
    id: `bench${n}s${String(i).padStart(5, "0")}`,
    email: `s${i}@${slug}.bench`,
    name: `Student ${i}`,
  }));
  await db.user.createMany({ data: students });
  await db.membership.createMany({ data: students.map((s) => ({ courseId, userId: s.id, role: "STUDENT" as const })) });

  const submissions: { courseId: string; assignmentId: string; studentId: string; submittedAt: Date; url: string }[] =
    [];
  const extensions: {
    courseId: string;
    assignmentId: string;
    studentId: string;
    dueAt: Date;
    reason: string;
    createdAt: Date;
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
    const personal = random() < 0.05 ? new Date(dueAt.getTime() + 24 * HOUR) : null;
    if (personal)
      extensions.push({
        courseId,
        assignmentId,
        studentId: s.id,
        dueAt: personal,
        reason: "Accommodation",
        createdAt: new Date(dueAt.getTime() - 48 * HOUR),
      });
    const late = random() < 0.45;
    const submittedAt = new Date(dueAt.getTime() + (late ? 1 + random() * 69 : -random() * 48) * HOUR);
    if (random() < 0.1)
      submissions.push({
        courseId,
        assignmentId,
        studentId: s.id,
        submittedAt: new Date(submittedAt.getTime() - 6 * HOUR),
        url: "https://example.com/v1",
      });
    submissions.push({ courseId, assignmentId, studentId: s.id, submittedAt, url: "https://example.com/final" });
    const hours = lateHoursCharged({
      dueAt: personal ?? dueAt,
      submittedAt,
      timeZone: TZ,
      excludedWindow: { start: "00:00", end: "07:00" },
    });
    if (hours > 0)
      ledger.push({ courseId, studentId: s.id, assignmentId, kind: "CHARGE", hours, reason: "P1 submitted late" });
  }
  await db.submission.createMany({ data: submissions });
  await db.extension.createMany({ data: extensions });
  await db.ledgerEntry.createMany({ data: ledger });
  return {
    slug,
    courseId,
    assignmentId,
    dueAt,
    viewer: { userId: instructor.id, email: instructor.email, name: instructor.name },
    late: ledger.length,
  };
}

async function measure<T>(run: () => Promise<T>): Promise<{ ms: number; statements: number; result: T }> {
  statements = 0;
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, statements, result };
}

type Row = {
  students: number;
  step: string;
  ms: string;
  statements: number;
  corrections: number;
  refunded: number;
  charged: number;
};
const rows: Row[] = [];
try {
  for (const n of sizes) {
    const c = await setUp(n);
    // Warm the connection pool and the prepared paths once, so the first size isn't paying for start-up.
    await db.course.findUnique({ where: { slug: c.slug } });
    const grant = await measure(() =>
      grantCourseExtension({
        db: db as never,
        viewer: c.viewer,
        slug: c.slug,
        assignmentId: c.assignmentId,
        dueAt: new Date(c.dueAt.getTime() + 48 * HOUR),
        reason: "Cluster outage",
        announcement: { title: "P1 is extended", body: "P1 is extended by two days." },
      }),
    );
    rows.push({
      students: n,
      step: "course-wide grant",
      ms: grant.ms.toFixed(0),
      statements: grant.statements,
      corrections: grant.result.corrections,
      refunded: grant.result.hoursRefunded,
      charged: grant.result.hoursCharged,
    });
    const revoke = await measure(() =>
      revokeExtension({
        db: db as never,
        viewer: c.viewer,
        slug: c.slug,
        extensionId: grant.result.extensionIds[0]!,
        reason: "Outage was short",
      }),
    );
    rows.push({
      students: n,
      step: "course-wide revoke",
      ms: revoke.ms.toFixed(0),
      statements: revoke.statements,
      corrections: revoke.result.corrections,
      refunded: revoke.result.hoursRefunded,
      charged: revoke.result.hoursCharged,
    });
    // After grant + revoke every charge is back where it started.
    const net = await db.ledgerEntry.groupBy({ by: ["kind"], where: { courseId: c.courseId }, _sum: { hours: true } });
    const total = net.reduce((s, r) => s + (r._sum.hours ?? 0), 0);
    const initial = await db.ledgerEntry.aggregate({
      where: { courseId: c.courseId, reason: "P1 submitted late" },
      _sum: { hours: true },
    });
    if (total !== (initial._sum.hours ?? 0)) throw new Error(`ledger drifted: ${total} != ${initial._sum.hours}`);
  }
  console.log("Course-wide extension recompute (every statement counted, authorization and BEGIN/COMMIT included)");
  console.table(rows);
} finally {
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}
