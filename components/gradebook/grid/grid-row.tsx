"use client";
import type { GradebookRow } from "@/lib/server/grading/gradebook";
import type { Problem } from "@/components/gradebook/problem-list";
import type { At } from "@/components/gradebook/grid/grid-keys";
import { teamNamesOf, type Column } from "@/components/gradebook/grid/grid-view";
import { cellValueOf } from "@/components/gradebook/grid/rows";
import type { Editing } from "@/components/gradebook/grid/use-cell-editor";
import { CellEditor, ScoreView, type CellEditorHandlers } from "@/components/gradebook/grid/score-cell";
import { LateFlags } from "@/components/gradebook/grid/late-flags";

export const ROW_HEIGHT = 40;

export type RowCellState = {
  saving: (assignmentId: string) => boolean;
  problem: (assignmentId: string) => Problem | undefined;
};

/** One student's row: name, late hours, current grade, then a score cell per shown assignment. */
export function GridRow({
  row,
  index,
  start,
  template,
  columns,
  positionOf,
  firstCol,
  active,
  editing,
  lateText,
  cells,
  onSelect,
  onEdit,
  editor,
}: {
  row: GradebookRow;
  index: number;
  start: number;
  template: string;
  /** The columns rendered (all, or those in view when columns are virtualized). */
  columns: Column[];
  /** A column's place among all the filter shows: its grid track and aria-colindex. */
  positionOf: (column: Column) => number;
  firstCol: number;
  active: At;
  editing: Editing | null;
  lateText: string;
  cells: RowCellState;
  onSelect: (at: At) => void;
  onEdit: (at: At) => void;
  editor: CellEditorHandlers;
}) {
  const editingHere = editing && editing.row === index ? editing : null;
  const cellProps = (col: number) => {
    const isActive = index === active.row && col === active.col;
    return {
      "data-r": index,
      "data-c": col,
      "aria-colindex": col + 1,
      tabIndex: isActive ? 0 : -1,
      onClick: () => onSelect({ row: index, col }),
      "aria-selected": isActive,
    } as const;
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      // The row being edited sits above the rows below it, so the message beside its cell is not covered.
      className={`absolute left-0 top-0 grid w-full border-b border-slate-100 dark:border-slate-800 ${editingHere ? "z-30" : ""}`}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <div
        role="rowheader"
        {...cellProps(0)}
        className="sticky left-0 z-10 flex min-w-0 flex-col justify-center truncate bg-white px-2 leading-tight gb-cell dark:bg-slate-950"
      >
        <span className="truncate font-medium">{row.name}</span>
        <span className="truncate text-xs text-slate-600 dark:text-slate-400">
          {row.teams.length > 0 ? (
            <>
              <span className="font-medium text-slate-800 dark:text-slate-200">{teamNamesOf(row)}</span> ·{" "}
            </>
          ) : null}
          {row.email}
        </span>
      </div>
      <div role="gridcell" {...cellProps(1)} className="flex items-center gap-1 px-2 gb-cell">
        <span className="tabular-nums">{lateText}</span>
        <LateFlags flags={row.flags} />
      </div>
      <div role="gridcell" {...cellProps(2)} className="flex items-center justify-end gap-1 px-2 tabular-nums gb-cell">
        {row.current.percent === null ? (
          <span className="text-slate-500">–</span>
        ) : (
          <>
            {row.current.percent.toFixed(1)}% <b>{row.current.letter}</b>
          </>
        )}
      </div>
      {columns.map((a) => {
        const col = firstCol + positionOf(a);
        const problem = cells.problem(a.id);
        const cellEditing = editingHere && editingHere.col === col ? editingHere : null;
        const refused = cellEditing?.problem?.kind === "refused";
        return (
          <div
            key={a.id}
            role="gridcell"
            {...cellProps(col)}
            tabIndex={index === active.row && col === active.col ? 0 : -1}
            onDoubleClick={() => onEdit({ row: index, col })}
            aria-invalid={refused || undefined}
            style={{ gridColumnStart: col + 1 }}
            className={`gb-score ${refused ? "ring-2 ring-inset ring-red-600" : problem ? "bg-amber-100 dark:bg-amber-950" : ""}`}
          >
            {cellEditing ? (
              <CellEditor
                editing={cellEditing}
                label={`${a.code} score for ${row.name}, out of ${a.points}`}
                handlers={editor}
              />
            ) : (
              <ScoreView
                score={cellValueOf(row, a.index)}
                problem={problem}
                saving={cells.saving(a.id)}
                late={row.late.find((l) => l[0] === a.index)}
                hasFeedback={row.feedback.includes(a.index)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
