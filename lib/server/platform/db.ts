import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

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
  // A bounded connect timeout: while the database is down, requests fail fast (503) instead of hanging.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 }),
  });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { lecternDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.lecternDb ??= createDb();
  return globalForDb.lecternDb;
}
