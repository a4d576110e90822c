import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canvasDecimal,
  canvasNumber,
  canvasTitleAndId,
  detectDelimiter,
  isTestStudent,
  isTotalsHeader,
  parseGradeCsv,
  sameAtCanvasPrecision,
  sortableName,
  specialRow,
} from "@/lib/domain/canvas-gradebook";
import { outcomeSentence } from "@/components/gradebook/import-summary";

describe("Canvas's gradebook layout rules", () => {
  it("reads 'Title (id)' headers as Assignment.title_and_id does: digits after one space, at the very end", () => {
    expect(canvasTitleAndId("Assignment 1 (48201)")).toEqual({ title: "Assignment 1", canvasId: "48201" });
    expect(canvasTitleAndId("Project 1: Parallelism (P1) (48201)")).toEqual({
      title: "Project 1: Parallelism (P1)",
      canvasId: "48201",
    });
    expect(canvasTitleAndId("Project 1 (P1)")).toEqual({ title: "Project 1 (P1)", canvasId: null });
    expect(canvasTitleAndId("Quiz(12)")).toEqual({ title: "Quiz(12)", canvasId: null });
    expect(canvasTitleAndId("Quiz (12) ")).toEqual({ title: "Quiz (12) ", canvasId: null });
  });

  it("takes every header containing a total's name as a totals column, as Canvas's importer strips them", () => {
    for (const h of ["Current Score", "Unposted Final Score", "Course Projects Current Score", "Final Grade"])
      expect(isTotalsHeader(h)).toBe(true);
    for (const h of ["Project 1: Parallelism (48201)", "Written HW 1", "Score"]) expect(isTotalsHeader(h)).toBe(false);
  });

  it("normalizes decimal commas and separators the way decimal_comma_to_period does", () => {
    expect(canvasDecimal("91,00")).toBe("91.00");
    expect(canvasDecimal("91.50")).toBe("91.50");
    expect(canvasDecimal("1.234,5")).toBe("1234.5");
    expect(canvasDecimal("1,234.50")).toBe("1234.50");
    expect(canvasDecimal("91")).toBe("91");
    for (const text of ["EX", "-", "N/A", "abc", "", "9 1"]) expect(canvasDecimal(text)).toBe(text);
  });

  it("a score written with a decimal comma reads as the same number (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (cents) => {
        const dotted = (cents / 100).toFixed(2);
        expect(canvasDecimal(dotted.replace(".", ","))).toBe(dotted);
      }),
    );
  });

  it("detects ';' only when it splits the first three lines evenly into more fields than ','", () => {
    expect(detectDelimiter("Student,ID,Section,A (1)\r\n    Points Possible,,,10.00\r\nDoe,1,S,9.00\r\n")).toBe(",");
    expect(
      detectDelimiter('\uFEFFStudent;ID;Section;A (1)\r\n    Points Possible;;;10,00\r\n"Doe, J";1;S;9,50\r\n'),
    ).toBe(";");
    // Commas inside a ';' file's numbers split unevenly, so ',' scores nothing.
    expect(detectDelimiter("a;b;c\n1,5;2;3\n4;5,25;6,75")).toBe(";");
    // A comma file whose names hold semicolons stays a comma file.
    expect(detectDelimiter("Student,ID,Section,A\nDoe; J,1,S,9\nRoe; K,2,S,8")).toBe(",");
  });

  it("knows Canvas's non-student rows and its Test Student", () => {
    expect(specialRow(["    Points Possible", "", "", "100.00"])).toBe("points-possible");
    expect(specialRow(["", "", "", "Manual Posting", "", "Manual Posting (scores hidden from instructors)"])).toBe(
      "manual-posting",
    );
    expect(specialRow(["", "", "Muted", ""])).toBe("manual-posting");
    expect(specialRow(["Doe, Jane", "50106", "", "91.00"])).toBeNull();
    expect(specialRow(["", "", "", ""])).toBeNull(); // an empty row is not the Manual Posting row
    expect(isTestStudent("Student, Test")).toBe(true);
    expect(isTestStudent("Test Student")).toBe(true);
    expect(isTestStudent("Student, Tess")).toBe(false);
  });

  it("writes names last-name-first and numbers with two decimals, as Canvas's exporter does", () => {
    expect(sortableName("Ada Lovelace")).toBe("Lovelace, Ada");
    expect(sortableName("Ada King Lovelace")).toBe("Lovelace, Ada King");
    expect(sortableName("Martin Luther King Jr.")).toBe("King, Martin Luther Jr.");
    expect(sortableName("Cher")).toBe("Cher");
    expect(sortableName("Lovelace, Ada")).toBe("Lovelace, Ada");
    expect(canvasNumber(100)).toBe("100.00");
    expect(canvasNumber(91.5)).toBe("91.50");
    expect(canvasNumber(7.126)).toBe("7.13");
    expect(sameAtCanvasPrecision(123.456, 123.46)).toBe(true);
    expect(sameAtCanvasPrecision(123.456, 123.45)).toBe(false);
  });

  it("parses a file with its rows' numbers, dropping blank lines but keeping the numbering", () => {
    const parsed = parseGradeCsv("\uFEFFStudent;ID;Section\r\n\r\nDoe;1;S\r\n")!;
    expect(parsed).toEqual({
      delimiter: ";",
      header: ["Student", "ID", "Section"],
      rows: [{ line: 3, cells: ["Doe", "1", "S"] }],
    });
  });
});

describe("the import preview's outcome sentence", () => {
  const base = {
    counts: {
      new: 0,
      changed: 0,
      unchanged: 5,
      notAssigned: 0,
      rows: 5,
      errors: 0,
      ignoredRows: 0,
      pendingStudents: 0,
      pendingColumns: 0,
    },
    ignoredColumns: [],
    links: [],
    extraCredit: [],
    extraCreditConfirmed: false,
  };

  it("says 'nothing to import' only when nothing was left out", () => {
    expect(outcomeSentence(base)).toBe("Nothing to import: every grade in the file matches the gradebook.");
    expect(
      outcomeSentence({
        ...base,
        ignoredColumns: [{ index: 9, header: "Final Score", reason: "a totals column", kind: "totals" as const }],
        counts: { ...base.counts, ignoredRows: 1 },
      }),
    ).toBe("No grade changes among what matched; left out: 1 column ignored, 1 row ignored (listed below).");
  });

  it("never says 'nothing to import' while a column or row was ignored, waits, or failed (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          new: fc.nat(3),
          changed: fc.nat(3),
          errors: fc.nat(3),
          ignoredRows: fc.nat(3),
          pendingStudents: fc.nat(3),
          pendingColumns: fc.nat(3),
          ignoredColumns: fc.nat(3),
        }),
        (n) => {
          const sentence = outcomeSentence({
            ...base,
            counts: { ...base.counts, ...n },
            ignoredColumns: Array.from({ length: n.ignoredColumns }, (_, i) => ({
              index: i,
              header: `T${i}`,
              reason: "a totals column",
              kind: "totals" as const,
            })),
          });
          const leftSomethingOut =
            n.errors + n.ignoredRows + n.pendingStudents + n.pendingColumns + n.ignoredColumns > 0;
          if (leftSomethingOut) expect(sentence).not.toMatch(/nothing to import/i);
          if (n.new + n.changed > 0) expect(sentence).toMatch(/^Will import/);
        },
      ),
    );
  });
});
