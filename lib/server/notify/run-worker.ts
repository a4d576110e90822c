// Starts the outbox worker in this process: with the web server (scripts/server.ts) or alone
// (scripts/notify-worker.ts, `npm run worker`). Any number of these may run against one database.
import pino from "pino";
import { createDb, type Db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { mailerFromEnv } from "@/lib/server/notify/transport";
import { createWorker, type Worker } from "@/lib/server/notify/worker";

export function startNotificationWorker(options: { db?: Db } = {}): Worker & { close(): Promise<void> } {
  const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "lectern", part: "mail" } });
  const globalForDb = globalThis as unknown as { lecternDb?: Db };
  // The web server's pool when there is one (the same key lib/server/platform/db.ts uses).
  const db = options.db ?? (globalForDb.lecternDb ??= createDb());
  const mailer = mailerFromEnv();
  const worker = createWorker({
    db,
    mailer,
    now: serverNow,
    pollMs: Number(process.env.LECTERN_MAIL_POLL_MS ?? 1_000),
    leaseMs: Number(process.env.LECTERN_MAIL_LEASE_MS ?? 60_000),
    backoffMs: Number(process.env.LECTERN_MAIL_BACKOFF_MS ?? 30_000),
    log: (event, detail) => (event === "mail.batch" ? log.debug(detail, event) : log.warn(detail, event)),
  });
  worker.start();
  log.info({ transport: mailer.name, workerId: worker.workerId }, "outbox worker started");
  return {
    ...worker,
    async close() {
      await worker.stop();
      mailer.close();
    },
  };
}
