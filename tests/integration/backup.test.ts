import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/server/platform/backup";
import { seedDatabase } from "@/lib/server/platform/seed";
import { createTestDatabase, type TestDatabase } from "./support/database";

let source: TestDatabase;
let target: TestDatabase;
let dir: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDatabase({ db: source.db });
  dir = mkdtempSync(path.join(tmpdir(), "lectern-backup-"));
});
afterAll(async () => {
  await Promise.all([source.drop(), target.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

// Every table's full content, as one comparable fingerprint per table.
async function fingerprints(t: TestDatabase): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await t.db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await t.db.$queryRawUnsafe<{ rows: bigint; md5: string | null }[]>(
      `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
    );
    out[name] = { rows: Number(row!.rows), md5: row!.md5 ?? "" };
  }
  return out;
}

describe("db backup and restore", () => {
  it("restores a backup into an empty database and finds every row", async () => {
    const file = path.join(dir, "backup.jsonl");
    const before = await fingerprints(source);
    const { rows } = await backupDatabase({ url: source.url, file });
    expect(rows).toBe(Object.values(before).reduce((n, t) => n + t.rows, 0));
    expect(before.Course!.rows).toBe(5);

    await restoreDatabase({ url: target.url, file });
    expect(await fingerprints(target)).toEqual(before);
  });

  it("refuses to restore over existing data and changes nothing", async () => {
    const file = path.join(dir, "backup2.jsonl");
    await backupDatabase({ url: source.url, file });
    const before = await fingerprints(target);
    await expect(restoreDatabase({ url: target.url, file })).rejects.toThrow(/not empty/);
    expect(await fingerprints(target)).toEqual(before);
  });
});
