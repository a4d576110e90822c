import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@/lib/server/platform/db";
import { inject } from "vitest";
import { dropDatabase, urlFor, withAdmin } from "./pg";

export type TestDatabase = { name: string; url: string; db: Db; drop: () => Promise<void> };

/** A fresh, migrated database of this test file's own; call drop() in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `lectern_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`));
  const url = urlFor(name);
  const db = createDb(url);
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await withAdmin((client) => dropDatabase(client, name));
    },
  };
}
