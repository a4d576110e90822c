import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";

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
