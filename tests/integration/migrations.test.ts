import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyMigrationApplied } from "@/scripts/migrate-lib";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { dropDatabase, urlFor, withAdmin } from "./support/pg";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("migrations", () => {
  it("create every table of the domain", async () => {
    const rows = await t.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    const names = rows.map((r) => r.table_name);
    for (const table of [
      "Course",
      "Membership",
      "ScheduleEntry",
      "Extension",
      "LedgerEntry",
      "Grade",
      "AuditEvent",
      "LatePolicy",
      "GradingTrack",
    ]) {
      expect(names).toContain(table);
    }
  });
});

// `npm start` skips Prisma's CLI (seconds to start) only when it would apply nothing (issue 14.3).
describe("everyMigrationApplied", () => {
  it("is true for a migrated database, false once a migration folder is not recorded as applied", async () => {
    expect(await everyMigrationApplied(t.url)).toBe(true);
    const folder = mkdtempSync(path.join(os.tmpdir(), "lectern-migrations-"));
    try {
      for (const name of readdirSync("prisma/migrations").filter((n) => !n.endsWith(".toml"))) {
        mkdirSync(path.join(folder, name));
        writeFileSync(path.join(folder, name, "migration.sql"), "");
      }
      expect(await everyMigrationApplied(t.url, folder)).toBe(true);
      mkdirSync(path.join(folder, "29991231000000_later"));
      writeFileSync(path.join(folder, "29991231000000_later", "migration.sql"), "SELECT 1;");
      expect(await everyMigrationApplied(t.url, folder)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("is false while a migration is recorded as started and not finished (a failed deploy)", async () => {
    const [last] = await t.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await t.db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE id = ${last!.id}`;
    try {
      expect(await everyMigrationApplied(t.url)).toBe(false);
    } finally {
      await t.db.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = started_at WHERE id = ${last!.id}`;
    }
  });

  it("is false for a database without the migrations table", async () => {
    const name = `lectern_unmigrated_${process.pid}`;
    await withAdmin(async (client) => {
      await dropDatabase(client, name);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    try {
      expect(await everyMigrationApplied(urlFor(name))).toBe(false);
    } finally {
      await withAdmin((client) => dropDatabase(client, name));
    }
  });
});
