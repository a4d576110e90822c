// The outbox against real PostgreSQL and a real SMTP server in this process: what is queued in
// the event's transaction, what arrives (headers, recipients, parts, links), opt-outs, retries,
// several workers sharing the work, and a worker killed mid-batch (nothing lost, nothing twice).
import { spawn } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { saveAnnouncement, deleteAnnouncement } from "@/lib/server/course/manage/announcements";
import { enqueueNotification } from "@/lib/server/notify/outbox";
import { saveNotificationSettings, unsubscribeWithToken, describeUnsubscribe } from "@/lib/server/notify/settings";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/server/notify/unsubscribe-token";
import { fileMailer, smtpMailer, type Mailer } from "@/lib/server/notify/transport";
import { backoffDelay, createWorker } from "@/lib/server/notify/worker";
import { announcementSchema } from "@/lib/validation/announcement";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildFixture, type Fixture } from "./support/personas";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

let t: TestDatabase;
let sink: SmtpSink;
const NOW = new Date("2025-10-20T16:00:00Z");

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "outbox-test-secret";
  process.env.NEXTAUTH_URL = "http://lectern.test";
  process.env.LECTERN_CACHE = "off";
  t = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await t.drop();
});
afterEach(() => {
  for (const m of mailers.splice(0)) m.close();
});
beforeEach(async () => {
  sink.arrived.length = 0;
  sink.decide = () => "accept";
  sink.onMessage = () => undefined;
  await t.db.outboxMessage.deleteMany({});
});

/** A header of the raw message as sent, folded lines joined (RFC 5322 unfolding). */
function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}
const mailers: Mailer[] = [];
/** An SMTP mailer to the sink, closed after the test. */
function smtp(): Mailer {
  const mailer = smtpMailer(sink.url);
  mailers.push(mailer);
  return mailer;
}
const keyOf = (a: SmtpSink["arrived"][number]) => String(a.parsed.headers.get("x-lectern-key"));

async function users(n: number, tag: string): Promise<string[]> {
  const rows = await t.db.user.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({ email: `${tag}${i}@mail.example`, name: `${tag} ${i}` })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function queue(userIds: string[], eventKey: string) {
  return t.db.$transaction((tx) =>
    enqueueNotification(tx, {
      eventKey,
      courseId: null,
      kind: "ANNOUNCEMENT",
      audience: { userIds },
      message: { subject: "S", text: "T %%LECTERN_UNSUBSCRIBE_URL%%", html: "<p>H</p>" },
      availableAt: NOW,
    }),
  );
}

describe("an announcement queues one email per member, in its transaction", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await buildFixture(t.db, "ann");
    // The auditor opts out of announcements.
    await saveNotificationSettings({
      db: t.db,
      viewer: f.viewers.auditor,
      emailOn: ["COURSE_EXTENSION", "EXTENSION_DECISION", "GRADE_RELEASE", "WAITLIST_PROMOTION"],
    });
  });

  it("delivers over SMTP with both parts, the links, List-Unsubscribe, and nothing to the opted-out member", async () => {
    const { id } = await saveAnnouncement({
      db: t.db,
      viewer: f.viewers.instructor,
      slug: f.alpha.slug,
      input: announcementSchema.parse({ title: "Room change", body: "We meet in **BA 1130** today." }),
      now: NOW,
    });
    const rows = await t.db.outboxMessage.findMany({ where: { courseId: f.alpha.id } });
    // Enrolled: instructor, ta, student, cross, auditor; the auditor opted out; waitlisted and dropped are not members.
    const expected = [f.users.instructor, f.users.ta, f.users.student, f.users.taElsewhereStudentHere].sort();
    expect(rows.map((r) => r.recipientId).sort()).toEqual(expected);
    const worker = createWorker({ db: t.db, mailer: smtp(), now: () => NOW });
    await worker.drain();
    expect(sink.arrived).toHaveLength(4);
    const toStudent = sink.arrived.find(
      (a) => a.envelopeTo[0] === `student-${f.alpha.slug.split("-")[1]}@test.example`,
    );
    expect(toStudent, JSON.stringify(sink.arrived.map((a) => a.envelopeTo))).toBeDefined();
    const mail = toStudent!.parsed;
    expect(mail.subject).toBe("[ALP 100] Room change");
    expect(mail.from?.text).toContain("no-reply@lectern.test");
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@lectern>$/);
    expect(mail.text).toContain("We meet in **BA 1130** today.");
    expect(mail.text).toContain(`http://lectern.test/courses/${f.alpha.slug}/announcements/${id}`);
    expect(mail.html).toContain("<strong>BA 1130</strong>");
    expect(toStudent!.raw).toMatch(/Content-Type: multipart\/alternative/i);
    const unsubscribe = headerOf(toStudent!.raw, "List-Unsubscribe");
    // The header is the one-click route (mail apps POST to it); the link in both parts opens the page.
    expect(unsubscribe).toMatch(/^<http:\/\/lectern\.test\/api\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    expect(headerOf(toStudent!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = unsubscribe!.slice(1, -1).replace("/api/unsubscribe/", "/unsubscribe/");
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    // The link works without signing in, for that person and kind only.
    const token = link.split("/unsubscribe/")[1]!;
    expect(readUnsubscribeToken(token)).toEqual({ userId: f.users.student, scope: "ANNOUNCEMENT" });
    await unsubscribeWithToken({ db: t.db, token });
    const setting = await t.db.notificationSetting.findUnique({ where: { userId: f.users.student } });
    expect(setting?.emailOff).toEqual(["ANNOUNCEMENT"]);
    const sent = await t.db.outboxMessage.findMany({ where: { courseId: f.alpha.id } });
    expect(sent.every((r) => r.status === "SENT" && r.transport === "smtp" && r.attempts === 1)).toBe(true);
  });

  it("a scheduled announcement waits for its publication; deleting it first cancels its emails", async () => {
    const { id } = await saveAnnouncement({
      db: t.db,
      viewer: f.viewers.instructor,
      slug: f.alpha.slug,
      input: announcementSchema.parse({ title: "Later", body: "Soon", publishAt: "2025-10-22T09:00" }),
      now: NOW,
    });
    const worker = createWorker({ db: t.db, mailer: smtp(), now: () => NOW });
    await worker.drain();
    expect(sink.arrived).toHaveLength(0);
    await deleteAnnouncement({ db: t.db, viewer: f.viewers.instructor, slug: f.alpha.slug, announcementId: id });
    const later = createWorker({ db: t.db, mailer: smtp(), now: () => new Date("2025-10-23T00:00:00Z") });
    await later.drain();
    expect(sink.arrived).toHaveLength(0);
    const rows = await t.db.outboxMessage.findMany({
      where: { idempotencyKey: { startsWith: `announcement:${id}:` } },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === "CANCELLED")).toBe(true);
  });

  it("a refused announcement queues nothing (the outbox rolls back with it)", async () => {
    await expect(
      saveAnnouncement({
        db: t.db,
        viewer: f.viewers.student,
        slug: f.alpha.slug,
        input: announcementSchema.parse({ title: "Hack", body: "x" }),
        now: NOW,
      }),
    ).rejects.toThrow();
    expect(await t.db.outboxMessage.count()).toBe(0);
  });
});

describe("the worker", () => {
  it("queuing the same event twice adds each recipient once (idempotency key)", async () => {
    const ids = await users(3, "idem");
    expect(await queue(ids, "event:1")).toBe(3);
    expect(await queue(ids, "event:1")).toBe(0);
    expect(await t.db.outboxMessage.count()).toBe(3);
  });

  it("retries a temporary refusal with backoff, gives up at once on a permanent one", async () => {
    const [a, b] = await users(2, "retry");
    await queue([a!, b!], "event:retry");
    sink.decide = (raw) => (raw.includes("retry0@") ? "tempfail" : raw.includes("retry1@") ? "permfail" : "accept");
    const worker = createWorker({ db: t.db, mailer: smtp(), now: () => NOW, backoffMs: 60_000 });
    await worker.drain();
    const rowA = await t.db.outboxMessage.findFirstOrThrow({ where: { recipientId: a } });
    const rowB = await t.db.outboxMessage.findFirstOrThrow({ where: { recipientId: b } });
    expect(rowA).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(rowA.availableAt.getTime()).toBe(NOW.getTime() + 60_000);
    expect(rowA.lastError).toMatch(/451/);
    expect(rowB).toMatchObject({ status: "FAILED", attempts: 1 });
    // A minute later the server takes it.
    sink.decide = () => "accept";
    const later = createWorker({ db: t.db, mailer: smtp(), now: () => new Date(NOW.getTime() + 60_000) });
    await later.drain();
    expect(await t.db.outboxMessage.findFirstOrThrow({ where: { recipientId: a } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(sink.arrived.map((m) => m.envelopeTo[0])).toEqual(["retry0@mail.example"]);
    expect([1, 2, 3, 20].map((n) => backoffDelay(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });

  it("two workers draining at once send every message exactly once", async () => {
    const ids = await users(120, "pair");
    await queue(ids, "event:pair");
    const one = createWorker({ db: t.db, mailer: smtp(), now: () => NOW, batchSize: 7 });
    const two = createWorker({ db: t.db, mailer: smtp(), now: () => NOW, batchSize: 7 });
    await Promise.all([one.drain(), two.drain()]);
    const keys = sink.arrived.map(keyOf);
    expect(keys).toHaveLength(120);
    expect(new Set(keys).size).toBe(120);
    const byWorker = await t.db.outboxMessage.groupBy({ by: ["status"], _count: true });
    expect(byWorker).toEqual([{ status: "SENT", _count: 120 }]);
  });

  it("a worker process killed mid-batch loses nothing and sends nothing twice", async () => {
    const ids = await users(30, "kill");
    await queue(ids, "event:kill");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/notify-worker.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        SMTP_URL: sink.url,
        LECTERN_MAIL_LEASE_MS: "60000",
        LECTERN_MAIL_POLL_MS: "100",
        LOG_LEVEL: "error",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // The 11th message arrives in full but is never answered: the worker dies waiting for the 250.
    sink.onMessage = () => {
      if (sink.arrived.length === 10) child.kill("SIGKILL");
    };
    sink.decide = () => (sink.arrived.length >= 10 ? "hold" : "accept");
    await exited;
    expect(sink.arrived).toHaveLength(10);
    const inFlight = await t.db.outboxMessage.count({ where: { status: "PENDING", lockedBy: { not: null } } });
    expect(inFlight).toBeGreaterThan(0); // its claim is still on the rows it did not finish
    // Another worker, once the dead one's lease (60 s) has run out, finishes the batch.
    sink.decide = () => "accept";
    sink.onMessage = () => undefined;
    const rescue = createWorker({ db: t.db, mailer: smtp(), now: () => new Date(Date.now() + 61_000) });
    await rescue.drain();
    const keys = sink.arrived.map(keyOf);
    expect(new Set(keys).size).toBe(30);
    expect(keys).toHaveLength(30);
    expect(await t.db.outboxMessage.count({ where: { status: "SENT" } })).toBe(30);
  });

  it("without SMTP_URL a message becomes an .eml file in the local outbox", async () => {
    const dir = path.join(tmpdir(), `lectern-mail-${process.pid}`);
    const [id] = await users(1, "file");
    await queue([id!], "event:file");
    const worker = createWorker({ db: t.db, mailer: fileMailer(dir), now: () => NOW });
    await worker.drain();
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const eml = await readFile(path.join(dir, files[0]!), "utf8");
    expect(eml).toMatch(/^To: file0@mail\.example$/m);
    expect(headerOf(eml, "List-Unsubscribe")).toMatch(/^<http:\/\/lectern\.test\/api\/unsubscribe\//);
    expect(await t.db.outboxMessage.findFirstOrThrow({})).toMatchObject({ status: "SENT", transport: "file" });
    await rm(dir, { recursive: true, force: true });
  });
});

describe("unsubscribe tokens", () => {
  it("refuses a forged or altered token; 'ALL' turns every kind off", async () => {
    const [id] = await users(1, "tok");
    const good = unsubscribeToken(id!, "ALL");
    const [body, sig] = good.split(".");
    expect(readUnsubscribeToken(`${body}.${sig!.slice(0, -2)}xx`)).toBeNull();
    const otherBody = Buffer.from(JSON.stringify(["someone-else", "ALL"])).toString("base64url");
    expect(readUnsubscribeToken(`${otherBody}.${sig}`)).toBeNull();
    await expect(describeUnsubscribe({ db: t.db, token: "nope" })).rejects.toMatchObject({ status: 404 });
    await unsubscribeWithToken({ db: t.db, token: good });
    await unsubscribeWithToken({ db: t.db, token: good });
    const row = await t.db.notificationSetting.findUniqueOrThrow({ where: { userId: id! } });
    expect([...row.emailOff].sort()).toEqual(
      ["ANNOUNCEMENT", "COURSE_EXTENSION", "EXTENSION_DECISION", "GRADE_RELEASE", "WAITLIST_PROMOTION"].sort(),
    );
  });
});
