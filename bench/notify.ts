// Email at class size: on a fresh database, an announcement to a course of 2,000 members (1,999
// students and the instructor) queues 2,000 outbox messages inside the announcement's own
// transaction; then one worker sends them to a local SMTP sink (the smtp-server package, in this
// process, on 127.0.0.1) and the send rate is printed. Aim: the enqueue under 1 s.
//
//   npm run bench:notify            (TEST_PG_URL overrides the server; BENCH_MEMBERS=2000; BENCH_SEND=2000)
import { admin, adminUrl } from "@/scripts/scratch-database";
import { register } from "node:module";

// The data layer is marked "server-only" (it throws outside React Server Components); a bench is server code.
register(
  "data:text/javascript,export async function resolve(s,c,n){ if(s==='server-only') return {url:'data:text/javascript,',shortCircuit:true}; return n(s,c); }",
);
process.env.NEXTAUTH_SECRET ??= "bench-secret";
process.env.NEXTAUTH_URL ??= "http://lectern.bench";
process.env.LECTERN_CACHE = "off";

const { PrismaPg } = await import("@prisma/adapter-pg");
const { PrismaClient } = await import("@/lib/generated/prisma/client");
const { migrateDeploy } = await import("@/scripts/migrate-lib");
const { saveAnnouncement } = await import("@/lib/server/course/manage/announcements");
const { announcementSchema } = await import("@/lib/validation/announcement");
const { createWorker } = await import("@/lib/server/notify/worker");
const { smtpMailer } = await import("@/lib/server/notify/transport");
const { startSmtpSink } = await import("@/tests/integration/support/smtp-sink");

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const SEND = Number(process.env.BENCH_SEND ?? MEMBERS);
const dbName = `lectern_bench_notify_${process.pid}`;

await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await admin(`CREATE DATABASE "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
await migrateDeploy(url.toString());
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }) });
const sink = await startSmtpSink();

try {
  const course = await db.course.create({
    data: {
      slug: "bench-notify",
      code: "BENCH 2000",
      title: "Notification benchmark",
      term: "Fall 2025",
      institution: "Bench",
      timeZone: "America/Toronto",
    },
    select: { id: true, slug: true },
  });
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: MEMBERS }, (_, i) => ({ email: `m${i}@bench.example`, name: `Member ${i}` })),
    select: { id: true, email: true, name: true },
  });
  await db.membership.createMany({
    data: users.map((u, i) => ({ courseId: course.id, userId: u.id, role: i === 0 ? "INSTRUCTOR" : "STUDENT" })),
  });
  const instructor = { userId: users[0]!.id, email: users[0]!.email, name: users[0]!.name };

  // ---- enqueue: the whole announcement save (authorize, insert, audit, 2,000 outbox rows, commit)
  const now = new Date();
  const started = performance.now();
  await saveAnnouncement({
    db: db as never,
    viewer: instructor,
    slug: course.slug,
    input: announcementSchema.parse({ title: "Room change", body: "From next week we meet in **BA 1170**." }),
    now,
  });
  const enqueueMs = performance.now() - started;
  const queued = await db.outboxMessage.count({ where: { courseId: course.id, status: "PENDING" } });
  if (queued !== MEMBERS) throw new Error(`queued ${queued} messages, expected ${MEMBERS}`);

  // ---- send: one worker, one pooled SMTP connection, each message marked SENT before the next
  const mailer = smtpMailer(sink.url);
  const worker = createWorker({ db: db as never, mailer, now: () => new Date(), batchSize: 100 });
  if (SEND < MEMBERS)
    await db.$executeRaw`UPDATE "OutboxMessage" SET "status" = 'CANCELLED' WHERE "id" IN (SELECT "id" FROM "OutboxMessage" ORDER BY "id" OFFSET ${SEND})`;
  const sendStart = performance.now();
  await worker.drain();
  const sendMs = performance.now() - sendStart;
  mailer.close();
  const sent = await db.outboxMessage.count({ where: { courseId: course.id, status: "SENT" } });
  if (sent !== SEND || sink.arrived.length !== SEND)
    throw new Error(`sent ${sent}, arrived ${sink.arrived.length}, expected ${SEND}`);

  console.log("Announcement email at class size (one transaction; one worker against a local SMTP sink)");
  console.table([
    {
      step: `enqueue ${MEMBERS} messages with the announcement`,
      ms: enqueueMs.toFixed(0),
      aim: "< 1000 ms",
      met: enqueueMs < 1000 ? "yes" : "NO",
    },
    {
      step: `send ${SEND} messages over SMTP`,
      ms: sendMs.toFixed(0),
      aim: "printed",
      met: `${((SEND / sendMs) * 1000).toFixed(0)} messages/s`,
    },
  ]);
} finally {
  await sink.close();
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
}
