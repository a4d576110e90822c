// The gradebook grid's parts, each alone (issue 15: GradebookGrid split into parts testable alone):
// what a typed score means (issue 12: "-5", extra credit), the keyboard, the view's order, a row's regrade.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileScheme } from "@/lib/domain/grading";
import type { GradebookAssignment, GradebookRow } from "@/lib/server/grading/gradebook";
import { readTypedScore, isExtraCredit } from "@/components/gradebook/grid/typed-score";
import {
  clampAt,
  editorKeyAction,
  gridKeyAction,
  gridTabTarget,
  type Key,
} from "@/components/gradebook/grid/grid-keys";
import { nextSort, orderRows, visibleColumns } from "@/components/gradebook/grid/grid-view";
import { mergeRows, withCell } from "@/components/gradebook/grid/rows";
import { checkScore } from "@/lib/domain/score-bounds";

const key = (k: string, mods: Partial<Key> = {}): Key => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("readTypedScore: the cell's answer to what was typed", () => {
  it('"-5" and a lone "-" are refused as "Scores can\'t be negative", not as "not a number"', () => {
    expect(readTypedScore("-5", 100, false)).toEqual({ kind: "refused", message: "Scores can't be negative" });
    expect(readTypedScore("-", 100, false)).toEqual({ kind: "refused", message: "Scores can't be negative" });
    expect(readTypedScore("-0.5", 10, true)).toEqual({ kind: "refused", message: "Scores can't be negative" });
  });

  it("150 on /100 asks first, and saves once confirmed; 2140 is refused even confirmed", () => {
    expect(readTypedScore("150", 100, false)).toEqual({
      kind: "confirm",
      value: 150,
      message: "150 is more than the 100 points possible. Save it as extra credit?",
    });
    expect(readTypedScore("150", 100, true)).toEqual({ kind: "value", value: 150 });
    expect(readTypedScore("2140", 100, true)).toEqual({
      kind: "refused",
      message: "2140 is more than 2× the 100 points possible (at most 200)",
    });
  });

  it("blank clears, EX excuses, the points themselves need no question", () => {
    expect(readTypedScore("", 100, false)).toEqual({ kind: "value", value: null });
    expect(readTypedScore("ex", 100, false)).toEqual({ kind: "value", value: "EX" });
    expect(readTypedScore("100", 100, false)).toEqual({ kind: "value", value: 100 });
    expect(readTypedScore("abc", 100, false)).toMatchObject({ kind: "refused" });
  });

  it("asks exactly where the server would refuse without extraCredit, and saves only what it accepts", () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 600 }), fc.integer({ min: 1, max: 200 }), (score, points) => {
        const typed = readTypedScore(String(score), points, false);
        const server = checkScore({ score, points });
        if (server.ok) expect(typed).toEqual({ kind: "value", value: score });
        else if (server.reason === "needs-extra-credit") {
          expect(typed.kind).toBe("confirm");
          expect(checkScore({ score, points, extraCredit: isExtraCredit(score, points) }).ok).toBe(true);
        } else expect(typed).toEqual({ kind: "refused", message: server.message });
      }),
    );
  });
});

describe("gridKeyAction: the grid's keyboard", () => {
  const at = { row: 4, col: 5 };
  it("a typed character that cannot start a score still opens the editor with it (nothing swallowed)", () => {
    for (const ch of ["-", "5", ".", "e", "x", "+"])
      expect(gridKeyAction(key(ch), at, true)).toEqual({ kind: "edit", initial: ch });
    expect(gridKeyAction(key(" "), at, true)).toBeNull();
    expect(gridKeyAction(key("c", { ctrlKey: true }), at, true)).toBeNull();
    expect(gridKeyAction(key("-"), at, false)).toBeNull(); // a read-only cell
  });

  it("moves like a spreadsheet", () => {
    expect(gridKeyAction(key("ArrowDown"), at, true)).toEqual({ kind: "move", to: { row: 5, col: 5 } });
    expect(gridKeyAction(key("PageUp"), at, true)).toEqual({ kind: "move", to: { row: -6, col: 5 } });
    expect(gridKeyAction(key("Home"), at, true)).toEqual({ kind: "move", to: { row: 4, col: 0 } });
    expect(gridKeyAction(key("Home", { ctrlKey: true }), at, true)).toEqual({ kind: "move", to: { row: 0, col: 0 } });
    expect(clampAt({ row: Infinity, col: Infinity }, 20, 8)).toEqual({ row: 19, col: 7 });
    expect(clampAt({ row: -6, col: 5 }, 20, 8)).toEqual({ row: 0, col: 5 });
    expect(gridKeyAction(key("Enter", { shiftKey: true }), at, true)).toEqual({ kind: "panel" });
    expect(gridKeyAction(key("Delete"), at, true)).toEqual({ kind: "edit", initial: "" });
    expect(gridTabTarget(key("Tab"), { row: 1, col: 7 }, 8)).toBeNull(); // leaves the grid at the row's end
    expect(gridTabTarget(key("Tab", { shiftKey: true }), { row: 1, col: 7 }, 8)).toEqual({ row: 1, col: 6 });
  });

  it("in the editor: Escape cancels, Enter/Tab/arrows commit and say where to go", () => {
    expect(editorKeyAction(key("Escape"), at, 3, 8)).toEqual({ kind: "cancel" });
    expect(editorKeyAction(key("Enter"), at, 3, 8)).toEqual({ kind: "commit", then: { row: 5, col: 5 } });
    expect(editorKeyAction(key("Enter", { shiftKey: true }), at, 3, 8)).toEqual({
      kind: "commit",
      then: { row: 3, col: 5 },
    });
    expect(editorKeyAction(key("Tab"), { row: 0, col: 7 }, 3, 8)).toEqual({ kind: "commit", then: { row: 0, col: 7 } });
    expect(editorKeyAction(key("Tab", { shiftKey: true }), { row: 0, col: 3 }, 3, 8)).toEqual({
      kind: "commit",
      then: { row: 0, col: 3 },
    });
    expect(editorKeyAction(key("5"), at, 3, 8)).toBeNull();
  });
});

const assignment = (id: string, categoryId: string | null, points = 10): GradebookAssignment => ({
  id,
  code: id.toUpperCase(),
  title: id,
  points,
  categoryId,
  categoryName: categoryId,
  released: true,
  dueAt: null,
  teamSetId: null,
});
const row = (name: string, scores: (number | null)[], percent: number | null, hoursUsed = 0): GradebookRow => ({
  id: name,
  name,
  email: `${name.toLowerCase()}@example.edu`,
  trackId: null,
  teams: [],
  scores,
  versions: scores.map(() => 1),
  feedback: [],
  excused: [],
  late: [],
  hoursUsed,
  balance: null,
  flags: { overBudget: false, overCap: false, afterCutoff: false },
  consequences: [],
  missed: [],
  current: { percent, letter: null },
});

describe("the view: columns by category, rows filtered and sorted", () => {
  const assignments = [assignment("hw1", "hw"), assignment("quiz", "q"), assignment("part", null)];
  const rows = [row("Cleo", [8, null, 1], 80, 5), row("Ana", [null, 9, 1], null, 20), row("Bo", [10, 10, null], 95)];
  const index = new Map(assignments.map((a, i) => [a.id, i]));
  const all = visibleColumns(assignments, "all");
  const opts = { query: "", missingOnly: false, sortKey: "name" as const, sortDir: "asc" as const };

  it("columns: all, one category, or those outside every category", () => {
    expect(visibleColumns(assignments, "q").map((c) => [c.id, c.index])).toEqual([["quiz", 1]]);
    expect(visibleColumns(assignments, "none").map((c) => c.id)).toEqual(["part"]);
    expect(all).toHaveLength(3);
  });

  it("rows: in the server's (name) order, reversed, by grade with blanks last both ways, by an assignment", () => {
    expect(orderRows(rows, all, index, opts)).toEqual([0, 1, 2]);
    expect(orderRows(rows, all, index, { ...opts, sortDir: "desc" })).toEqual([2, 1, 0]);
    expect(orderRows(rows, all, index, { ...opts, sortKey: "current", sortDir: "desc" })).toEqual([2, 0, 1]);
    expect(orderRows(rows, all, index, { ...opts, sortKey: "current", sortDir: "asc" })).toEqual([0, 2, 1]);
    expect(orderRows(rows, all, index, { ...opts, sortKey: "late", sortDir: "desc" })).toEqual([1, 0, 2]);
    expect(orderRows(rows, all, index, { ...opts, sortKey: "a:hw1", sortDir: "asc" })).toEqual([0, 2, 1]);
  });

  it("search by name or email; missing only counts graded (categorised) items", () => {
    expect(orderRows(rows, all, index, { ...opts, query: " BO@" })).toEqual([2]);
    // Bo's blank is in "part", outside every category: not missing.
    expect(orderRows(rows, all, index, { ...opts, missingOnly: true })).toEqual([0, 1]);
  });

  it("team work: grouped by team ('Group 2' before 'Group 10'), no team last both ways; the search reads team names", () => {
    const inTeam = (r: GradebookRow, name: string): GradebookRow => ({
      ...r,
      teams: [{ setId: "s", id: name, name }],
    });
    // Server order is by name: Ana, Bo, Cleo, Dev.
    const teamed = [
      inTeam(row("Ana", [1, 1, 1], 50), "Group 10"),
      row("Bo", [1, 1, 1], 50),
      inTeam(row("Cleo", [1, 1, 1], 50), "Group 2"),
      inTeam(row("Dev", [1, 1, 1], 50), "Group 10"),
    ];
    const team = { ...opts, sortKey: "team" as const };
    expect(orderRows(teamed, all, index, team)).toEqual([2, 0, 3, 1]);
    expect(orderRows(teamed, all, index, { ...team, sortDir: "desc" })).toEqual([0, 3, 2, 1]);
    expect(orderRows(teamed, all, index, { ...opts, query: "group 10" })).toEqual([0, 3]);
  });

  it("a second click on a sort turns it round; a new one starts descending, names ascending", () => {
    expect(nextSort({ key: "current", dir: "desc" }, "current")).toEqual({ key: "current", dir: "asc" });
    expect(nextSort({ key: "name", dir: "asc" }, "late")).toEqual({ key: "late", dir: "desc" });
    expect(nextSort({ key: "late", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
  });
});

describe("withCell: one saved cell written into its row, the grade redone", () => {
  const assignments = [assignment("a", "c", 10), assignment("b", "c", 10)];
  const grader = compileScheme({
    scheme: {
      categories: [{ id: "c", name: "C", weight: 100, dropLowest: 0, trackId: null }],
      tracks: [],
      trackRule: "chosen",
      cutoffs: [
        { letter: "A", minPercent: 90 },
        { letter: "F", minPercent: 0 },
      ],
    },
    items: assignments.map((a) => ({ id: a.id, code: a.code, categoryId: "c", points: a.points, weight: null })),
  });

  it("writes score and version, marks feedback and excuse, and the current grade follows (hand-computed)", () => {
    const start = row("Ana", [10, 5], null);
    const next = withCell(start, 1, { score: 8, version: 2, feedback: "ok" }, assignments, grader);
    expect(next.scores).toEqual([10, 8]);
    expect(next.versions).toEqual([1, 2]);
    expect(next.feedback).toEqual([1]);
    expect(next.current.percent).toBeCloseTo(90, 5); // 18 of 20
    const excused = withCell(next, 1, { score: null, version: 3, excused: true }, assignments, grader);
    expect(excused.excused).toEqual([1]);
    expect(excused.current.percent).toBeCloseTo(100, 5); // 10 of 10, b left out
    expect(start.scores).toEqual([10, 5]); // the old row is not changed
  });
});

describe("mergeRows: the rest of the class arriving after the first screen (issue 14.2)", () => {
  it("takes every row in the server's order and keeps the first screen's rows as edited since", () => {
    const edited = { ...row("Ana", [9, 7], 80), versions: [2, 1] };
    const bo = row("Bo", [10, 10], 95);
    const all = [row("Ana", [null, 7], 35), bo, row("Cleo", [8, 8], 80)];
    const merged = mergeRows([edited, bo], all);
    expect(merged.map((r) => r.name)).toEqual(["Ana", "Bo", "Cleo"]);
    expect(merged[0]).toBe(edited); // the save made while the rest loaded is not undone
    expect(merged[2]).toBe(all[2]);
  });

  it("drops a first-screen row the full read no longer has (the student left meanwhile)", () => {
    expect(mergeRows([row("Ana", [1], 10)], [row("Bo", [2], 20)]).map((r) => r.name)).toEqual(["Bo"]);
  });
});
