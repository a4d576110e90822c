import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
describe("tz", () => {
  it("works", () => {
    expect(new TZDate(2025, 2, 9, 9, 0, "America/New_York").toISOString()).toBe("2025-03-09T09:00:00.000-04:00");
  });
});
