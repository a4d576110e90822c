"use client";
// The staff gradebook: students × assignments, keyboard first; on a phone, one student at a time.
// This file only composes: rows and their grades (use-gradebook-rows), the view's filter and order
// (grid-view), saves and conflicts (use-cell-saves), the editor and its checks (use-cell-editor,
// typed-score), the keyboard (grid-keys) and focus (use-grid-navigation), each readable and tested alone.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import type { GradebookData, GradebookRow } from "@/lib/server/grading/gradebook";
import { GradeDetailPanel } from "@/components/gradebook/grade-detail-panel";
import { ProblemList } from "@/components/gradebook/problem-list";
import { editorKeyAction, gridKeyAction, gridTabTarget, type At } from "@/components/gradebook/grid/grid-keys";
import { nextSort, useRowOrder, visibleColumns, type SortKey } from "@/components/gradebook/grid/grid-view";
import { cellValueOf } from "@/components/gradebook/grid/rows";
import { useGradebookRows } from "@/components/gradebook/grid/use-gradebook-rows";
import { cellKey, useCellSaves } from "@/components/gradebook/grid/use-cell-saves";
import { useCellEditor } from "@/components/gradebook/grid/use-cell-editor";
import { useGridNavigation } from "@/components/gradebook/grid/use-grid-navigation";
import { GridToolbar, type ViewSettings } from "@/components/gradebook/grid/grid-toolbar";
import { GridHeader } from "@/components/gradebook/grid/grid-header";
import { GridLegend } from "@/components/gradebook/grid/grid-legend";
import { GridRow, ROW_HEIGHT } from "@/components/gradebook/grid/grid-row";
import { PhoneEntry } from "@/components/gradebook/grid/phone-entry";
import { RowsLoading } from "@/components/gradebook/grid/rows-loading";
import { focusGradebook, GRID_SHORTCUT, isGridShortcut } from "@/components/gradebook/grid/skip-to-grid";

const FIXED_COLUMNS = 3; // student, late hours, current grade
// Widths in px of the grid's template below (14rem + 7.5rem + 6.5rem at sm and up, where the grid shows).
const FIXED_WIDTH = 448;
const COLUMN_WIDTH = 92;
// From this many assignments on, only the columns in view (and a few either side) are rendered, as
// rows are: the first paint of 2,000 × 50 needs the visible cells, not 60 × 50 of them. Below it every
// column renders (60 rows × 30 columns is under 2,000 cells) and a find-in-page sees every cell.
const VIRTUAL_COLUMNS_FROM = 30;

export function GradebookGrid({ data }: { data: GradebookData }) {
  const { assignments, course } = data;
  const canEdit = data.permissions.edit;
  const gradebook = useGradebookRows(data);
  const { rows } = gradebook;
  const assignmentIndex = useMemo(() => new Map(assignments.map((a, i) => [a.id, i])), [assignments]);

  const [settings, setSettings] = useState<ViewSettings>({
    query: "",
    category: "all",
    missingOnly: false,
    sortKey: "name",
    sortDir: "asc",
    teamScope: false,
  });
  const changeSettings = (next: Partial<ViewSettings>) => setSettings((s) => ({ ...s, ...next }));
  const { teamScope } = settings;
  const saves = useCellSaves({ slug: course.slug, assignments, rows: gradebook, teamScope });
  const { setAnnouncement } = saves;
  const teamCodes = assignments.filter((a) => a.teamSetId !== null).map((a) => a.code);
  const sortBy = (key: SortKey) =>
    setSettings((s) => {
      const next = nextSort({ key: s.sortKey, dir: s.sortDir }, key);
      return { ...s, sortKey: next.key, sortDir: next.dir };
    });
  const [panelOpen, setPanelOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(() => visibleColumns(assignments, settings.category), [assignments, settings.category]);
  const { query, missingOnly, sortKey, sortDir } = settings;
  const view = useRowOrder(rows, columns, assignmentIndex, { query, missingOnly, sortKey, sortDir });
  const colCount = FIXED_COLUMNS + columns.length;

  const activeRowRef = useRef(0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      // Keep the focused row rendered so it stays the grid's tab stop while scrolled away.
      const indexes = defaultRangeExtractor(range);
      const activeRow = activeRowRef.current;
      if (view.length && activeRow < view.length && !indexes.includes(activeRow)) indexes.push(activeRow);
      return indexes.sort((a, b) => a - b);
    },
    [view.length],
  );
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 640 },
    rangeExtractor,
  });
  const virtualColumns = columns.length >= VIRTUAL_COLUMNS_FROM;
  const activeColRef = useRef(0);
  const columnRangeExtractor = useCallback(
    (range: Range) => {
      // The focused cell's column stays rendered too, like its row.
      const indexes = defaultRangeExtractor(range);
      const activeCol = activeColRef.current - FIXED_COLUMNS;
      if (activeCol >= 0 && activeCol < columns.length && !indexes.includes(activeCol)) indexes.push(activeCol);
      return indexes.sort((a, b) => a - b);
    },
    [columns.length],
  );
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    paddingStart: FIXED_WIDTH,
    overscan: 4,
    initialRect: { width: 1200, height: 640 },
    rangeExtractor: columnRangeExtractor,
    enabled: virtualColumns,
  });
  const shownColumns = virtualColumns
    ? columnVirtualizer.getVirtualItems().flatMap((v) => (columns[v.index] ? [columns[v.index]!] : []))
    : columns;
  const scrollTo = useCallback(
    (to: At) => {
      virtualizer.scrollToIndex(to.row, { align: "auto" });
      // A jump (End, Home) to a column not rendered yet: scroll it into range; the focus then scrolls
      // it clear of the sticky name column.
      if (virtualColumns && to.col >= FIXED_COLUMNS)
        columnVirtualizer.scrollToIndex(to.col - FIXED_COLUMNS, { align: "auto" });
    },
    [virtualizer, columnVirtualizer, virtualColumns],
  );
  const nav = useGridNavigation({ rowCount: view.length, colCount, firstCol: FIXED_COLUMNS, gridRef, scrollTo });
  const { at } = nav;
  activeRowRef.current = at.row;
  activeColRef.current = at.col;

  const columnAt = (col: number) => (col >= FIXED_COLUMNS ? columns[col - FIXED_COLUMNS] : undefined);
  const rowAt = (row: number): GradebookRow | undefined => (view[row] === undefined ? undefined : rows[view[row]!]);

  const editor = useCellEditor({
    targetAt: ({ row, col }) => {
      const r = rowAt(row);
      const a = columnAt(col);
      if (!canEdit || !r || !a) return null;
      return {
        points: a.points,
        current: cellValueOf(r, a.index),
        busy: saves.saving.has(cellKey(r.id, a.id)),
      };
    },
    onValue: ({ row, col }, value) => {
      const r = rowAt(row)!;
      const a = columnAt(col)!;
      void saves.save(r.id, a.index, value, r.versions[a.index]!);
    },
    announce: setAnnouncement,
  });
  const { editing } = editor;

  const startEdit = (to: At, initial?: string) => {
    if (editor.start(to, initial)) nav.requestFocus();
  };
  // `then`: where to go after a commit; null (a blur) leaves the focus where the user put it.
  const commit = (then: At | null, confirm: boolean) => {
    // A blur after a key's commit finds nothing left to commit, and must not move the focus back.
    const from = editor.current();
    if (!from || !editor.commit(confirm)) return;
    nav.goTo(then ?? from, then !== null);
  };

  const editorHandlers = {
    onChange: editor.change,
    onBlur: () => commit(null, false),
    onConfirm: () => editing && commit({ row: editing.row + 1, col: editing.col }, true),
    onCancel: () => {
      if (!editing) return;
      editor.cancel();
      nav.goTo(editing);
      setAnnouncement("Edit cancelled");
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (!editing) return;
      event.stopPropagation();
      const action = editorKeyAction(event, editing, FIXED_COLUMNS, colCount);
      if (!action) return;
      event.preventDefault();
      // Escape on the extra-credit question goes back to the typed text; a second Escape cancels.
      if (action.kind === "cancel" && editing.problem?.kind === "confirm") return editor.change(editing.value);
      if (action.kind === "cancel") return editorHandlers.onCancel();
      commit(action.then, true);
    },
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || view.length === 0) return;
    if (event.key === "Tab") {
      const target = gridTabTarget(event, at, colCount);
      if (target) {
        event.preventDefault();
        nav.goTo(target);
      }
      return;
    }
    const action = gridKeyAction(event, at, canEdit && at.col >= FIXED_COLUMNS);
    if (!action) return;
    event.preventDefault();
    if (action.kind === "move") nav.goTo(action.to);
    else if (action.kind === "panel") setPanelOpen(true);
    else startEdit(at, action.initial);
  };

  // Alt+G from anywhere on the page: to the grid (the "Skip to grid" link does the same).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (isGridShortcut(e) && focusGradebook()) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Where a shown column sits among all shown by the filter: its grid track and aria-colindex.
  const positionOf = useMemo(() => {
    const position = new Map(columns.map((c, i) => [c.id, i]));
    return (c: { id: string }) => position.get(c.id)!;
  }, [columns]);

  const activeRow = rowAt(at.row);
  const activeColumn = columnAt(at.col);
  const template = `var(--gb-name) 7.5rem 6.5rem repeat(${columns.length}, 5.75rem)`;
  const sortLabel = (k: SortKey) => (sortKey === k ? (sortDir === "asc" ? "ascending" : "descending") : undefined);
  const lateText = (r: GradebookRow) =>
    data.policy?.budgetHours != null ? `${r.hoursUsed} / ${data.policy.budgetHours} h` : `${r.hoursUsed} h`;

  return (
    <div id="gradebook" className="space-y-3 [--gb-name:9.5rem] sm:[--gb-name:14rem]">
      <GridToolbar
        data={data}
        settings={settings}
        onChange={changeSettings}
        onSort={sortBy}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen((o) => !o)}
      />
      <RowsLoading state={gradebook.state} shown={rows.length} total={gradebook.total} onRetry={gradebook.retry} />
      <p id="gb-help" className="hidden text-xs text-slate-600 sm:block dark:text-slate-400">
        {view.length} of {rows.length} students. {GRID_SHORTCUT} jumps to the grid. Arrow keys move; type a number (or
        EX to excuse) or press Enter to edit; Enter or Tab saves and moves; Escape cancels; Shift+Enter opens feedback.
        {canEdit ? "" : " You can read this gradebook but not change it."}
      </p>
      <p className="text-xs text-slate-600 sm:hidden dark:text-slate-400">
        {view.length} of {rows.length} students. Pick a student, then type each score (EX excuses); a score saves when
        you leave its field or press Enter.
        {canEdit ? "" : " You can read this gradebook but not change it."}
      </p>
      {teamCodes.length > 0 ? (
        <p id="gb-team-help" className="text-xs text-slate-600 dark:text-slate-400">
          Team work ({teamCodes.join(", ")}):{" "}
          {teamScope
            ? "a score typed for a member is the team's grade, given to every member without their own score."
            : "a score typed for a member is that member's own score; the rest of the team keeps the team's. Tick “Grade teams” to grade a whole team."}{" "}
          EX excuses one member.
        </p>
      ) : null}
      <GridLegend hasLatePolicy={data.policy !== null} />

      <ProblemList problems={saves.problems} onResolve={saves.resolve} />
      <p role="status" aria-live="polite" className="sr-only">
        {saves.announcement}
      </p>

      <div className="flex flex-col gap-4 lg:flex-row">
        <div
          ref={scrollRef}
          className="relative hidden h-[70vh] min-w-0 flex-1 scroll-pt-10 scroll-pl-[var(--gb-name)] overflow-auto rounded-md border border-slate-200 sm:block dark:border-slate-800"
        >
          {view.length === 0 ? (
            <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">
              No students match these filters.
            </p>
          ) : (
            <div
              ref={gridRef}
              role="grid"
              // The cells are the tab stops (one roving tabindex); the grid itself is focusable only by script.
              tabIndex={-1}
              aria-label={`Gradebook, ${course.code}`}
              aria-describedby="gb-help"
              aria-keyshortcuts={GRID_SHORTCUT}
              aria-rowcount={view.length + 1}
              aria-colcount={colCount}
              aria-readonly={!canEdit || undefined}
              onKeyDown={onGridKeyDown}
              className="min-w-max text-sm"
            >
              <GridHeader
                columns={shownColumns}
                positionOf={positionOf}
                template={template}
                firstCol={FIXED_COLUMNS}
                sortLabel={sortLabel}
              />
              <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((v) => {
                  const r = rows[view[v.index]!]!;
                  return (
                    <GridRow
                      key={r.id}
                      row={r}
                      index={v.index}
                      start={v.start}
                      template={template}
                      columns={shownColumns}
                      positionOf={positionOf}
                      firstCol={FIXED_COLUMNS}
                      active={at}
                      editing={editing}
                      lateText={lateText(r)}
                      cells={{
                        saving: (aid) => saves.saving.has(cellKey(r.id, aid)),
                        problem: (aid) => saves.problemAt(cellKey(r.id, aid)),
                      }}
                      onSelect={nav.select}
                      onEdit={(to) => startEdit(to)}
                      editor={editorHandlers}
                    />
                  );
                })}
              </div>
            </div>
          )}
        </div>
        <div className="sm:hidden">
          <PhoneEntry
            rows={rows}
            view={view}
            columns={columns}
            rowIndex={at.row}
            canEdit={canEdit}
            lateText={lateText}
            onSelectRow={(row) => nav.select({ row, col: at.col })}
            onSave={(r, a, value) => void saves.save(r.id, a.index, value, r.versions[a.index]!)}
            onOpenDetail={(a) => {
              nav.select({ row: at.row, col: FIXED_COLUMNS + columns.indexOf(a) });
              setPanelOpen(true);
            }}
            isSaving={(r, a) => saves.saving.has(cellKey(r.id, a.id))}
          />
        </div>
        {panelOpen && activeRow ? (
          <GradeDetailPanel
            slug={course.slug}
            timeZone={course.timeZone}
            student={{ id: activeRow.id, name: activeRow.name }}
            assignment={
              activeColumn
                ? {
                    id: activeColumn.id,
                    code: activeColumn.code,
                    title: activeColumn.title,
                    points: activeColumn.points,
                  }
                : null
            }
            version={activeColumn ? activeRow.versions[activeColumn.index]! : 0}
            canEdit={canEdit}
            onSaved={(cell) => activeColumn && gradebook.applyCell(activeRow.id, activeColumn.index, cell)}
            onDecided={(decision) =>
              activeColumn && gradebook.applyDecision(activeRow.id, activeColumn.index, decision)
            }
            onClose={() => {
              setPanelOpen(false);
              nav.goTo(at);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
