import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { roleMatrixMarkdown } from "@/lib/server/authorization/role-matrix";
import { permissions } from "@/lib/server/authorization/permissions";

describe("docs/role-matrix.md", () => {
  it("is exactly what scripts/role-matrix.ts generates from the permission table", () => {
    const committed = readFileSync(new URL("../../docs/role-matrix.md", import.meta.url), "utf8");
    // On failure: npx tsx scripts/role-matrix.ts --write
    expect(committed).toBe(roleMatrixMarkdown());
  });

  it("has one row per permission, in table order", () => {
    const table = roleMatrixMarkdown().split("## Protected course pages")[0]!;
    const rows = table.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => r.split("`")[1])).toEqual(Object.keys(permissions));
  });
});
