// The outbox worker alone (`npm run worker`): for a deployment that runs senders apart from the
// web servers, or more of them. SIGTERM finishes the message in hand and exits.
import { startNotificationWorker } from "@/lib/server/notify/run-worker";

const worker = startNotificationWorker();
async function stop(): Promise<void> {
  await worker.close();
  const db = (globalThis as { lecternDb?: { $disconnect(): Promise<void> } }).lecternDb;
  await db?.$disconnect().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
