import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatScore } from "@/lib/domain/grading";
import { cellSaveAnswerSchema, gradeSaveSchema, parseScoreText } from "@/lib/validation/grades";

describe("parseScoreText: what a grader types into a cell", () => {
  it("hand-picked inputs", () => {
    expect(parseScoreText("85")).toEqual({ ok: true, score: 85, excused: false });
    expect(parseScoreText(" 7.5 ")).toEqual({ ok: true, score: 7.5, excused: false });
    expect(parseScoreText(".5")).toEqual({ ok: true, score: 0.5, excused: false });
    expect(parseScoreText("")).toEqual({ ok: true, score: null, excused: false });
    // Canvas's mark for excused, in any case.
    for (const ex of ["EX", "ex", " Ex "]) expect(parseScoreText(ex)).toEqual({ ok: true, score: null, excused: true });
    expect(parseScoreText("-3")).toMatchObject({ ok: false });
    expect(parseScoreText("1e3")).toMatchObject({ ok: false });
    expect(parseScoreText("EXCUSED")).toEqual({ ok: false, error: '"EXCUSED" is not a number (or EX for excused)' });
  });

  it("any number from 0 up to the 100,000 limit, written out, reads back as itself (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, "0")}`;
        expect(parseScoreText(text)).toEqual({ ok: true, score: Number(text), excused: false });
      }),
    );
  });
});

describe("gradeSaveSchema", () => {
  it("takes an excuse on its own, refuses an excuse with a score, and needs something to save", () => {
    expect(gradeSaveSchema.parse({ version: 3, excused: true })).toEqual({ version: 3, excused: true });
    expect(gradeSaveSchema.parse({ version: 3, score: null, excused: true })).toEqual({
      version: 3,
      score: null,
      excused: true,
    });
    const both = gradeSaveSchema.safeParse({ version: 3, score: 80, excused: true });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]).toMatchObject({ message: "An excused grade has no score", path: ["score"] });
    expect(gradeSaveSchema.safeParse({ version: 3 }).success).toBe(false);
  });

  it("the save's answer is parsed on the client: a cell without `excused` is refused", () => {
    const cell = {
      score: null,
      excused: true,
      feedback: "",
      version: 4,
      graderName: "TA",
      updatedAt: "2025-05-01T00:00:00.000Z",
    };
    expect(cellSaveAnswerSchema.parse({ cell })).toEqual({ cell });
    const { excused: _dropped, ...old } = cell;
    expect(cellSaveAnswerSchema.safeParse({ cell: old }).success).toBe(false);
  });
});

describe("formatScore: a cell as the grid and the CSV write it", () => {
  it("two decimals at most, EX for excused, blank for none; and what it writes parses back", () => {
    expect([88, 7.5, 1 / 3, 0, null, "EX" as const].map(formatScore)).toEqual(["88", "7.5", "0.33", "0", "", "EX"]);
    for (const value of [88, 7.5, 0, null, "EX" as const]) {
      const parsed = parseScoreText(formatScore(value));
      expect(parsed).toEqual({ ok: true, score: value === "EX" ? null : value, excused: value === "EX" });
    }
  });
});
