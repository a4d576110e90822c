// The gradebook's first paint (issue 14.2): the page sends its first screen of rows, and a wide
// book renders only the columns in view; a narrow one renders every column.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { GradebookGrid } from "@/components/gradebook/gradebook-grid";
import type { GradebookData, GradebookRow } from "@/lib/server/grading/gradebook";

function book(assignmentCount: number, rowCount: number, rowsTotal: number): GradebookData {
  const assignments = Array.from({ length: assignmentCount }, (_, i) => ({
    id: `a${i + 1}`,
    code: `A${i + 1}`,
    title: `Assignment ${i + 1}`,
    points: 10,
    categoryId: "c",
    categoryName: "Homework",
    released: true,
    dueAt: null,
    teamSetId: null,
  }));
  const rows: GradebookRow[] = Array.from({ length: rowCount }, (_, r) => ({
    id: `s${r + 1}`,
    name: `Student ${String(r + 1).padStart(3, "0")}`,
    email: `s${r + 1}@example.edu`,
    trackId: null,
    teams: [],
    scores: assignments.map(() => 7),
    versions: assignments.map(() => 1),
    feedback: [],
    excused: [],
    late: [],
    hoursUsed: 0,
    balance: null,
    flags: { overBudget: false, overCap: false, afterCutoff: false },
    consequences: [],
    missed: [],
    current: { percent: 70, letter: "C" },
  }));
  return {
    course: { slug: "bench", code: "BENCH 1", title: "Bench", timeZone: "America/New_York" },
    permissions: { edit: true, release: true, import: true, scheme: true },
    assignments,
    categories: [{ id: "c", name: "Homework" }],
    policy: null,
    scheme: {
      categories: [{ id: "c", name: "Homework", weight: 100, dropLowest: 0, trackId: null }],
      tracks: [],
      trackRule: "chosen",
      cutoffs: [],
    },
    items: assignments.map((a) => ({ id: a.id, code: a.code, categoryId: "c", points: 10, weight: null })),
    teamSets: [],
    rows,
    rowsTotal,
  };
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("the gradebook's first paint", () => {
  it("50 assignments: only the columns in view are rendered, each in its own track and column index", () => {
    const html = renderToString(createElement(GradebookGrid, { data: book(50, 60, 2000) }));
    expect(html).toContain('aria-colcount="53"');
    const headers = count(html, 'role="columnheader"') - 3; // the student, late hours and current columns
    expect(headers).toBeGreaterThan(3);
    expect(headers).toBeLessThan(20);
    expect(html).toContain('aria-colindex="4"'); // A1, the first assignment
    expect(html).not.toContain('aria-colindex="53"'); // A50 is far to the right
    // Every rendered cell of a row is a rendered column: rows and header agree.
    const rowsRendered = count(html, 'role="rowheader"');
    expect(count(html, 'role="gridcell"')).toBe(rowsRendered * (2 + headers));
  });

  it("fewer than 30 assignments: every column is rendered", () => {
    const html = renderToString(createElement(GradebookGrid, { data: book(12, 5, 5) }));
    expect(count(html, 'role="columnheader"')).toBe(15);
    expect(html).toContain('aria-colindex="15"');
  });

  it("says the rest of the class is loading while only the first screen is in", () => {
    // React marks where text and values meet with <!-- -->: read the text as a browser shows it.
    const text = renderToString(createElement(GradebookGrid, { data: book(12, 60, 2000) })).replaceAll("<!-- -->", "");
    expect(text).toContain("Loading the other 1940 of 2000 students");
    expect(renderToString(createElement(GradebookGrid, { data: book(12, 5, 5) }))).not.toContain("Loading the other");
  });
});
