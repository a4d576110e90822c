import type { Column, SortKey } from "@/components/gradebook/grid/grid-view";

/** The header row: the three fixed columns and one per assignment, with its points and release state. */
export function GridHeader({
  columns,
  positionOf,
  template,
  firstCol,
  sortLabel,
}: {
  /** The columns rendered (all, or those in view when columns are virtualized). */
  columns: Column[];
  positionOf: (column: Column) => number;
  template: string;
  firstCol: number;
  sortLabel: (key: SortKey) => "ascending" | "descending" | undefined;
}) {
  return (
    <div role="rowgroup" className="sticky top-0 z-20">
      <div
        role="row"
        aria-rowindex={1}
        className="grid border-b border-slate-300 bg-slate-100 dark:border-slate-700 dark:bg-slate-900"
        style={{ gridTemplateColumns: template }}
      >
        <div
          role="columnheader"
          aria-colindex={1}
          aria-sort={sortLabel("name")}
          className="sticky left-0 z-10 bg-slate-100 px-2 py-2 font-semibold dark:bg-slate-900"
        >
          Student
        </div>
        <div role="columnheader" aria-colindex={2} aria-sort={sortLabel("late")} className="px-2 py-2 font-semibold">
          Late hours
        </div>
        <div role="columnheader" aria-colindex={3} aria-sort={sortLabel("current")} className="px-2 py-2 font-semibold">
          Current
        </div>
        {columns.map((a) => (
          <div
            key={a.id}
            role="columnheader"
            aria-colindex={firstCol + positionOf(a) + 1}
            style={{ gridColumnStart: firstCol + positionOf(a) + 1 }}
            aria-sort={sortLabel(`a:${a.id}`)}
            title={`${a.title} (${a.points} points)${a.categoryName ? ` · ${a.categoryName}` : ""}${a.teamSetId ? " · team work" : ""}`}
            className="px-2 py-1 text-right leading-tight"
          >
            <span className="block font-semibold">{a.code}</span>
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
              /{a.points} ·{" "}
              {a.released ? "released" : <span className="text-amber-800 dark:text-amber-300">hidden</span>}
            </span>
            {a.teamSetId ? (
              <span className="block text-xs font-normal text-violet-800 dark:text-violet-300">team work</span>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
