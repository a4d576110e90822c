// The outbox worker: claims due messages with FOR UPDATE SKIP LOCKED (so several instances share
// the work and never take the same row), sends them one at a time through a Mailer, and marks
// each sent before the next. A failure is retried with exponential backoff; a crashed worker's
// claim runs out (lease) and another worker takes the message again. No "server-only": it runs
// inside scripts/server.ts and alone (scripts/notify-worker.ts).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isPermanentFailure, type Mailer, type OutgoingMessage } from "@/lib/server/notify/transport";
import { onWake } from "@/lib/server/notify/wake";

export type WorkerOptions = {
  db: PrismaClient;
  mailer: Mailer;
  /** The clock (serverNow in the app); the outbox's times are compared with it. */
  now?: () => Date;
  batchSize?: number;
  /** How long a claim lasts; each send renews it. */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubled per attempt, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  pollMs?: number;
  log?: (event: string, detail: Record<string, unknown>) => void;
};

export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

type Claimed = OutgoingMessage & { attempts: number };

export function createWorker(options: WorkerOptions) {
  const {
    db,
    mailer,
    now = () => new Date(),
    batchSize = 50,
    leaseMs = 60_000,
    maxAttempts = 8,
    backoffMs = 30_000,
    maxBackoffMs = 6 * 3600_000,
    pollMs = 1_000,
    log = () => undefined,
  } = options;
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

  async function claim(): Promise<Claimed[]> {
    const at = now();
    const until = new Date(at.getTime() + leaseMs);
    return db.$queryRaw<Claimed[]>`
      UPDATE "OutboxMessage" o SET "lockedUntil" = ${until}, "lockedBy" = ${workerId}
      FROM (SELECT "id" FROM "OutboxMessage"
            WHERE "status" = 'PENDING' AND "availableAt" <= ${at} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at})
            ORDER BY "availableAt", "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED) due
      WHERE o."id" = due."id"
      RETURNING o."id", o."idempotencyKey", o."toAddress", o."subject", o."text", o."html", o."unsubscribeUrl", o."attempts"`;
  }

  /** Renews this worker's claim just before sending; false when the claim was lost (lease ran out, someone else took it). */
  async function stillMine(id: string): Promise<boolean> {
    const until = new Date(now().getTime() + leaseMs);
    const n = await db.$executeRaw`UPDATE "OutboxMessage" SET "lockedUntil" = ${until}, "attempts" = "attempts" + 1
      WHERE "id" = ${id} AND "lockedBy" = ${workerId} AND "status" = 'PENDING'`;
    return n === 1;
  }

  async function sendOne(message: Claimed): Promise<boolean> {
    if (!(await stillMine(message.id))) return false;
    const attempt = message.attempts + 1;
    try {
      await mailer.send(message);
    } catch (error) {
      const permanent = isPermanentFailure(error) || attempt >= maxAttempts;
      const text = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(now().getTime() + backoffDelay(attempt, backoffMs, maxBackoffMs));
      await db.$executeRaw`UPDATE "OutboxMessage"
        SET "status" = ${permanent ? "FAILED" : "PENDING"}::"OutboxStatus", "lastError" = ${text.slice(0, 1000)},
            "availableAt" = ${retryAt}, "lockedUntil" = NULL, "lockedBy" = NULL
        WHERE "id" = ${message.id} AND "lockedBy" = ${workerId}`;
      log(permanent ? "mail.failed" : "mail.retry", { id: message.id, attempt, error: text });
      return false;
    }
    await db.$executeRaw`UPDATE "OutboxMessage"
      SET "status" = 'SENT', "sentAt" = ${now()}, "transport" = ${mailer.name}, "lockedUntil" = NULL, "lockedBy" = NULL, "lastError" = NULL
      WHERE "id" = ${message.id} AND "lockedBy" = ${workerId}`;
    return true;
  }

  /** One claim and its sends; the number sent. */
  async function runOnce(): Promise<number> {
    const batch = await claim();
    let sent = 0;
    for (const message of batch) if (await sendOne(message)) sent++;
    if (batch.length) log("mail.batch", { claimed: batch.length, sent, workerId });
    return batch.length;
  }

  let running = false;
  let stopped: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  function start(): void {
    if (running) return;
    running = true;
    const unsubscribe = onWake(() => wake?.());
    stopped = (async () => {
      while (running) {
        let claimed = 0;
        try {
          claimed = await runOnce();
        } catch (error) {
          log("mail.worker-error", { error: error instanceof Error ? error.message : String(error) });
        }
        if (claimed === 0 && running)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        wake = null;
      }
      unsubscribe();
    })();
  }

  async function stop(): Promise<void> {
    running = false;
    wake?.();
    await stopped;
  }

  /** Sends until nothing is due (tests, the bench). */
  async function drain(): Promise<void> {
    while ((await runOnce()) > 0);
  }

  return { workerId, runOnce, drain, start, stop };
}

export type Worker = ReturnType<typeof createWorker>;
