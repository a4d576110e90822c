import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`: the one name for it. */
export type Tx = Prisma.TransactionClient;

/**
 * Transaction timeouts, one pair for the whole app. Waiting for the course lock under load must not
 * trip Prisma's 2 s / 5 s defaults (TX_OPTIONS); whole-course writes (a CSV of extensions, a grade
 * import, a course file, the demo seed) touch thousands of rows and get BULK_TX_OPTIONS.
 */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
export const BULK_TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (it launches the embedded database) or set DATABASE_URL.",
    );
  }
  return url;
}

export function createDb(connectionString: string = databaseUrl(), max = 10): PrismaClient {
  // A bounded wait for a connection. pg-pool counts the time queued for a free client in it, so it
  // is the transactions' own maxWait: a burst (50 people joining at once on 10 connections) queues
  // instead of failing. A database that is down still fails fast: its refused connect is immediate.
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max,
      connectionTimeoutMillis: TX_OPTIONS.maxWait,
      idleTimeoutMillis: 30_000,
    }),
  });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { lecternDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.lecternDb ??= createDb();
  return globalForDb.lecternDb;
}

type Client = PrismaClient | Tx;

/**
 * Reads that may run side by side on the pool, but one after another on a transaction's one
 * connection: there pg would queue them itself, printing "client.query() when the client is
 * already executing a query" (deprecated; pg 9 refuses). Each read is a function, so none
 * starts before its turn.
 */
export async function readAll<T extends readonly unknown[]>(
  db: Client,
  reads: { [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  if (!isTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

/** A transaction's client has no $transaction of its own. */
export function isTransaction(db: Client): boolean {
  return typeof (db as { $transaction?: unknown }).$transaction !== "function";
}
