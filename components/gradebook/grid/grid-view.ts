// Which columns and rows the gradebook shows, in which order: pure, so a filter or a sort can be
// checked without a browser.
import { useState } from "react";
import type { GradebookAssignment, GradebookRow } from "@/lib/server/grading/gradebook";

export type SortKey = "name" | "current" | "late" | "team" | `a:${string}`;
export type SortDir = "asc" | "desc";
export type Column = GradebookAssignment & { index: number };
export type ViewOptions = { query: string; missingOnly: boolean; sortKey: SortKey; sortDir: SortDir };

/** "all", a category id, or "none" (the items outside every category). */
export function visibleColumns(assignments: GradebookAssignment[], category: string): Column[] {
  return assignments
    .map((a, index) => ({ ...a, index }))
    .filter((a) => category === "all" || (category === "none" ? a.categoryId === null : a.categoryId === category));
}

const isMissing = (row: GradebookRow, c: Column) =>
  c.categoryId !== null && row.scores[c.index] === null && !row.excused.includes(c.index);

/** The row's team names, "Group 2, Team 7": what the team sort orders by and the search reads. */
export const teamNamesOf = (row: GradebookRow) => row.teams.map((t) => t.name).join(", ");

/** "Group 2" before "Group 10", as people number teams. */
const byTeamName = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Indexes into `rows`, filtered and sorted; blanks sort last in both directions (students without a team too). */
export function orderRows(
  rows: GradebookRow[],
  columns: Column[],
  assignmentIndex: ReadonlyMap<string, number>,
  { query, missingOnly, sortKey, sortDir }: ViewOptions,
): number[] {
  const q = query.trim().toLowerCase();
  let list = rows.map((_, i) => i);
  if (q)
    list = list.filter((i) =>
      [rows[i]!.name, rows[i]!.email, teamNamesOf(rows[i]!)].some((text) => text.toLowerCase().includes(q)),
    );
  if (missingOnly) list = list.filter((i) => columns.some((c) => isMissing(rows[i]!, c)));
  const dir = sortDir === "asc" ? 1 : -1;
  const nullsLast = (a: number | null, b: number | null) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b);
  if (sortKey === "current") list.sort((a, b) => nullsLast(rows[a]!.current.percent, rows[b]!.current.percent));
  else if (sortKey === "team") {
    // Grouped by team, the members of each in name order (rows come sorted by name); no team last.
    const team = (i: number) => teamNamesOf(rows[i]!);
    list.sort((a, b) =>
      !team(a) || !team(b) ? (team(a) ? -1 : team(b) ? 1 : 0) : dir * byTeamName.compare(team(a), team(b)),
    );
  } else if (sortKey === "late") list.sort((a, b) => dir * (rows[a]!.hoursUsed - rows[b]!.hoursUsed));
  else if (sortKey.startsWith("a:")) {
    const ai = assignmentIndex.get(sortKey.slice(2)) ?? 0;
    list.sort((a, b) => nullsLast(rows[a]!.scores[ai]!, rows[b]!.scores[ai]!));
  } else if (dir < 0) list.reverse();
  return list;
}

/** A click on the sort a second time turns it round; a new key starts descending (names: ascending). */
export function nextSort(current: { key: SortKey; dir: SortDir }, key: SortKey): { key: SortKey; dir: SortDir } {
  if (key === current.key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: key === "name" ? "asc" : "desc" };
}

/**
 * The row order, computed again only when the view settings change or rows arrive (the rest of the
 * class after the first screen), not on every save, so that a row does not jump away while it is
 * being graded. (React's "adjust state while rendering" pattern: the order remembers which settings
 * and how many rows it was made for.)
 */
export function useRowOrder(
  rows: GradebookRow[],
  columns: Column[],
  assignmentIndex: ReadonlyMap<string, number>,
  options: ViewOptions,
): number[] {
  const [order, setOrder] = useState<{
    columns: Column[];
    options: ViewOptions;
    count: number;
    list: number[];
  } | null>(null);
  const stale =
    !order ||
    order.columns !== columns ||
    order.count !== rows.length ||
    (Object.keys(options) as (keyof ViewOptions)[]).some((k) => order.options[k] !== options[k]);
  if (!stale) return order.list;
  const list = orderRows(rows, columns, assignmentIndex, options);
  setOrder({ columns, options, count: rows.length, list });
  return list;
}
