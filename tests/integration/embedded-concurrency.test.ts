// Issue 18.11: on the embedded database (PGlite behind pglite-socket, what `npm start` runs
// without DATABASE_URL), concurrent queries must never interleave. The gradebook load runs its
// reads in parallel over several pooled connections; pglite-socket used to run the protocol
// messages of those connections in arrival order, so one connection's Bind met another's Parse
// ("bind message supplies N parameters, but prepared statement requires M"): the export and
// the import preview answered 500 about one time in four.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/server/authorization/authz";
import { createDb, isTransaction, readAll, type Db } from "@/lib/server/platform/db";
import { seedDatabase } from "@/lib/server/platform/seed";
import { exportGradebookCsv } from "@/lib/server/grading/grade-csv";
import { previewGradeImport } from "@/lib/server/grading/grade-import";
import { loadGradingData } from "@/lib/server/grading/grading-data";
import { startEmbeddedPostgres } from "@/scripts/embedded-postgres";
import { migrateDeploy } from "@/scripts/migrate-lib";

const SLUG = "csci1390";
const now = new Date("2025-03-01T12:00:00Z");
let dir: string;
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let db: Db;
let instructor: Viewer;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lectern-embedded-"));
  embedded = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
  await migrateDeploy(embedded.url);
  // The pool the app uses (lib/server/platform/db.ts), ten connections to the one PGlite.
  db = createDb(embedded.url);
  await seedDatabase({ db });
  const user = await db.user.findUniqueOrThrow({ where: { email: `instructor@${SLUG}.demo` } });
  instructor = { userId: user.id, email: user.email, name: user.name };
}, 600_000);

afterAll(async () => {
  await db?.$disconnect();
  await embedded?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the embedded database under concurrent queries", () => {
  it("runs the gradebook load, the CSV export and the import preview concurrently, 50 times, without an error", async () => {
    const course = await db.course.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true, timeZone: true } });
    const reference = await loadGradingData({ db, course, now });
    const failures: string[] = [];
    // Fifty rounds, each the three requests at once (as three browser tabs would send them).
    for (let i = 0; i < 50; i++) {
      try {
        const [data, csv, preview] = await Promise.all([
          loadGradingData({ db, course, now }),
          exportGradebookCsv({ db, slug: SLUG, viewer: instructor, now }),
          previewGradeImport({
            db,
            slug: SLUG,
            viewer: instructor,
            input: { header: ["Student", "SIS User ID", "A1"], rows: [] },
            now,
          }),
        ]);
        // The same answers as one load alone: nothing mixed up between connections.
        expect(data.students.length).toBe(reference.students.length);
        expect(csv.csv.split("\n").length).toBeGreaterThan(reference.students.length);
        expect(preview).toBeTruthy();
      } catch (error) {
        failures.push(`run ${i}: ${error instanceof Error ? error.message.slice(-300) : String(error)}`);
      }
    }
    expect(failures, failures.slice(0, 5).join("\n")).toEqual([]);
  }, 600_000);

  it("reads side by side on the pool, one after another on a transaction's single connection", async () => {
    let inFlight = 0;
    let most = 0;
    const read = (query: () => PromiseLike<unknown>) => async () => {
      most = Math.max(most, ++inFlight);
      try {
        return await query();
      } finally {
        inFlight--;
      }
    };
    const reads = (client: Parameters<typeof readAll>[0]) =>
      Array.from({ length: 4 }, () => read(() => client.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.05)`));
    expect(isTransaction(db)).toBe(false);
    await readAll(db, reads(db));
    expect(most).toBe(4);
    most = 0;
    await db.$transaction(async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      await readAll(tx, reads(tx));
    });
    expect(most).toBe(1);
  });
});
