import { describe, expect, it } from "vitest";
import { withoutAdapterUrlWarning } from "@/scripts/migrate-lib";

// What `prisma migrate deploy` (6.19, driver adapter in prisma.config.ts) printed on every start.
const OUTPUT = `Loaded Prisma config from prisma.config.ts.

Prisma config detected, skipping environment variable loading.
Prisma schema loaded from prisma/schema.prisma
Datasource "db": PostgreSQL database "lectern", schema "public" using driver adapter "@prisma/adapter-pg"

WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter via prisma.config.ts:
- url

The values from your schema will NOT be used!

We recommend you to remove those properties from your schema to avoid confusion if you are only using driver adapters.

7 migrations found in prisma/migrations

No pending migrations to apply.
`;

describe("npm start's migration output", () => {
  it("leaves out Prisma's 'will NOT be used' paragraph and keeps the rest", () => {
    const shown = withoutAdapterUrlWarning(OUTPUT);
    expect(shown).not.toMatch(/WARNING|NOT be used|We recommend/);
    expect(shown).toContain('using driver adapter "@prisma/adapter-pg"\n\n7 migrations found in prisma/migrations');
    expect(shown).toContain("No pending migrations to apply.");
  });

  it("changes nothing when Prisma prints no such warning", () => {
    const plain = "7 migrations found in prisma/migrations\n\nNo pending migrations to apply.\n";
    expect(withoutAdapterUrlWarning(plain)).toBe(plain);
  });
});
