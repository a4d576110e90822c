import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimalAt, decodeGradeCells, type GradeCellRow } from "@/lib/server/grading/grade-cells";

const emptyRow = (n: number): GradeCellRow => ({
  scores: new Array<number | null>(n).fill(null),
  versions: new Array<number>(n).fill(0),
  feedback: new Array<boolean>(n).fill(false),
  excused: new Array<boolean>(n).fill(false),
});
const decimal = (text: string) => decimalAt(text, 0, text.length);

describe("decimalAt: a float8 as PostgreSQL prints it", () => {
  it("hand-picked values", () => {
    expect(decimal("0")).toBe(0);
    expect(decimal("85")).toBe(85);
    expect(decimal("87.5")).toBe(87.5);
    expect(decimal("0.1")).toBe(0.1);
    expect(decimal("33.333333333333336")).toBe(33.333333333333336); // 17 digits: Number() decides
    expect(decimal("1e-05")).toBe(0.00001); // PostgreSQL's exponent form
    expect(decimal("1.5e+20")).toBe(1.5e20);
    expect(decimal("100000")).toBe(100000);
  });

  it("agrees with Number() on every double PostgreSQL could print", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (d) => {
        const text = String(d);
        expect(decimal(text)).toBe(Number(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with Number() on short decimals of up to 15 digits, the fast path", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 15 }),
        (mantissa, decimals) => {
          const digits = String(mantissa).padStart(decimals + 1, "0");
          const text = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
          expect(decimal(text)).toBe(Number(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("decodeGradeCells: one student's grades from the gradebook read", () => {
  it("a hand-written row: scores, a blank, versions, feedback and an excuse", () => {
    const row = emptyRow(5);
    // Assignment 1: 87.5, version 3, feedback. 3: no score, excused. 5: 0, version 12.
    decodeGradeCells("1,87.5,3,1,0;3,,2,0,1;5,0,12,0,0", row);
    expect(row).toEqual({
      scores: [87.5, null, null, null, 0],
      versions: [3, 0, 2, 0, 12],
      feedback: [true, false, false, false, false],
      excused: [false, false, true, false, false],
    });
  });

  it("an empty text leaves the row blank", () => {
    const row = emptyRow(2);
    decodeGradeCells("", row);
    expect(row).toEqual(emptyRow(2));
  });

  it("a truncated or garbled text ends the decode instead of hanging the request", () => {
    for (const text of ["1,5", "1", "12,,", ";;;", "1,2,3,4,5,6,7,8,9"])
      expect(() => decodeGradeCells(text, emptyRow(20))).not.toThrow();
  });

  it("decodes whatever was encoded, in any order", () => {
    const cell = fc.record({
      score: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null }),
      version: fc.integer({ min: 1, max: 1_000_000 }),
      feedback: fc.boolean(),
      excused: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(cell, { nil: undefined }), { minLength: 1, maxLength: 60 }),
        fc.integer(),
        (cells, shuffleSeed) => {
          const present = cells.flatMap((c, i) => (c ? [{ ...c, index: i + 1 }] : []));
          // string_agg gives no order: rotate the cells.
          const rotated = present.map((_, k) => present[(k + Math.abs(shuffleSeed)) % present.length]!);
          const text = rotated
            .map((c) => [c.index, c.score ?? "", c.version, Number(c.feedback), Number(c.excused)].join(","))
            .join(";");
          const row = emptyRow(cells.length);
          decodeGradeCells(text, row);
          cells.forEach((c, i) => {
            expect(row.scores[i]).toBe(c ? c.score : null);
            expect(row.versions[i]).toBe(c ? c.version : 0);
            expect(row.feedback[i]).toBe(c ? c.feedback : false);
            expect(row.excused[i]).toBe(c ? c.excused : false);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
