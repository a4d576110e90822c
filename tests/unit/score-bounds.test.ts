import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkScore } from "@/lib/domain/score-bounds";

describe("checkScore", () => {
  it("accepts 0 to the points, refuses negatives", () => {
    expect(checkScore({ score: 0, points: 100 })).toEqual({ ok: true, extraCredit: false });
    expect(checkScore({ score: 100, points: 100 })).toEqual({ ok: true, extraCredit: false });
    expect(checkScore({ score: -5, points: 100 })).toMatchObject({
      ok: false,
      reason: "negative",
      message: "Scores can't be negative",
    });
  });
  it("asks for confirmation of extra credit above the points (150 on a /100 item)", () => {
    expect(checkScore({ score: 150, points: 100 })).toMatchObject({ ok: false, reason: "needs-extra-credit" });
    expect(checkScore({ score: 150, points: 100, extraCredit: true })).toEqual({ ok: true, extraCredit: true });
    expect(checkScore({ score: 200, points: 100, extraCredit: true })).toEqual({ ok: true, extraCredit: true });
  });
  it("refuses more than twice the points even when confirmed (2140 on a /100 item)", () => {
    expect(checkScore({ score: 2140, points: 100, extraCredit: true })).toMatchObject({
      ok: false,
      reason: "over-limit",
    });
    expect(checkScore({ score: 200.5, points: 100, extraCredit: true })).toMatchObject({
      ok: false,
      reason: "over-limit",
    });
  });
  it("never accepts a score the confirmed check refuses", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 1000 }),
        (score, points) => {
          const plain = checkScore({ score, points });
          const confirmed = checkScore({ score, points, extraCredit: true });
          if (plain.ok) expect(confirmed.ok).toBe(true);
          expect(confirmed.ok).toBe(score >= 0 && score <= 2 * points);
        },
      ),
    );
  });
});
