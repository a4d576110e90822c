"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { compileScheme } from "@/lib/domain/grading";
import { parseScoreText } from "@/lib/validation/grades";
import type { GradebookData, GradebookRow } from "@/lib/server/grading/gradebook";
import { cellValue, formatScore, saveCell, type CellState, type CellValue } from "@/components/gradebook/cell-save";
import { GradeDetailPanel } from "@/components/gradebook/grade-detail-panel";
import { ProblemList, type Problem } from "@/components/gradebook/problem-list";

const ROW_HEIGHT = 40;
const FIXED_COLUMNS = 3; // student, late hours, current grade
type SortKey = "name" | "current" | "late" | `a:${string}`;
type Active = { row: number; col: number };
type Editing = { row: number; col: number; value: string; error: string | null };
type CellStatus = { kind: "saving" };

const key = (studentId: string, assignmentId: string) => `${studentId}|${assignmentId}`;

/**
 * The staff gradebook: students × assignments, keyboard first. Arrow keys, Home/End,
 * PageUp/PageDown move; Enter, a digit or "e" (EX, excused) edits; Enter/Tab commit and move; Escape
 * cancels. Each commit saves at once with the version the cell was read at; a
 * conflicting save shows both values and lets the grader choose.
 */
export function GradebookGrid({ data }: { data: GradebookData }) {
  const { assignments, course } = data;
  const canEdit = data.permissions.edit;
  const [rows, setRows] = useState<GradebookRow[]>(data.rows);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const rowIndexById = useMemo(() => new Map(data.rows.map((r, i) => [r.id, i])), [data.rows]);
  const assignmentIndex = useMemo(() => new Map(assignments.map((a, i) => [a.id, i])), [assignments]);
  const grader = useMemo(() => compileScheme({ scheme: data.scheme, items: data.items }), [data.scheme, data.items]);

  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("all");
  const [missingOnly, setMissingOnly] = useState(false);
  const [sortKey, setSortKey] = useState<SortKey>("name");
  const [sortDir, setSortDir] = useState<"asc" | "desc">("asc");
  const [active, setActive] = useState<Active>({ row: 0, col: FIXED_COLUMNS });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The edit in progress, readable synchronously: a commit from a key press must not be repeated by the blur that follows.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const [status, setStatus] = useState<Map<string, CellStatus>>(new Map());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [panelOpen, setPanelOpen] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);

  const columns = useMemo(
    () =>
      assignments
        .map((a, index) => ({ ...a, index }))
        .filter((a) => category === "all" || (category === "none" ? a.categoryId === null : a.categoryId === category)),
    [assignments, category],
  );

  // The row order is computed when the view settings change, not on every save, so a
  // row does not jump away while it is being graded.
  const view = useMemo(() => {
    const current = rowsRef.current;
    const q = query.trim().toLowerCase();
    let list = current.map((_, i) => i);
    if (q)
      list = list.filter(
        (i) => current[i]!.name.toLowerCase().includes(q) || current[i]!.email.toLowerCase().includes(q),
      );
    if (missingOnly)
      list = list.filter((i) =>
        columns.some(
          (c) =>
            c.categoryId !== null && current[i]!.scores[c.index] === null && !current[i]!.excused.includes(c.index),
        ),
      );
    const dir = sortDir === "asc" ? 1 : -1;
    const nullsLast = (a: number | null, b: number | null) =>
      a === null ? (b === null ? 0 : 1) : b === null ? -1 : dir * (a - b);
    if (sortKey === "current") list.sort((a, b) => nullsLast(current[a]!.current.percent, current[b]!.current.percent));
    else if (sortKey === "late") list.sort((a, b) => dir * (current[a]!.hoursUsed - current[b]!.hoursUsed));
    else if (sortKey.startsWith("a:")) {
      const ai = assignmentIndex.get(sortKey.slice(2)) ?? 0;
      list.sort((a, b) => nullsLast(current[a]!.scores[ai]!, current[b]!.scores[ai]!));
    } else if (dir < 0) list.reverse();
    return list;
  }, [query, missingOnly, columns, sortKey, sortDir, assignmentIndex]);

  const colCount = FIXED_COLUMNS + columns.length;
  const clampedActive = {
    row: Math.min(active.row, Math.max(0, view.length - 1)),
    col: Math.min(active.col, colCount - 1),
  };

  const rangeExtractor = useCallback(
    (range: Range) => {
      // Keep the focused row rendered so it stays the grid's tab stop while scrolled away.
      const indexes = defaultRangeExtractor(range);
      if (view.length && !indexes.includes(clampedActive.row)) indexes.push(clampedActive.row);
      return indexes.sort((a, b) => a - b);
    },
    [clampedActive.row, view.length],
  );
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 640 },
    rangeExtractor,
  });

  const regrade = useCallback(
    (row: GradebookRow): GradebookRow["current"] => {
      const scores: Record<string, number | null> = {};
      assignments.forEach((a, i) => {
        if (row.scores[i] !== null) scores[a.id] = row.scores[i]!;
      });
      const g = grader.grade({
        student: {
          scores,
          chosenTrackId: row.trackId,
          excused: row.excused.map((i) => assignments[i]!.id),
          missed: row.missed,
        },
        mode: "current",
        consequences: row.consequences,
      });
      return { percent: g.percent, letter: g.letter };
    },
    [assignments, grader],
  );

  const applyCell = useCallback(
    (
      studentId: string,
      ai: number,
      cell: Pick<CellState, "score" | "version"> & { excused?: boolean; feedback?: string },
    ) => {
      setRows((prev) => {
        const ri = rowIndexById.get(studentId);
        if (ri === undefined) return prev;
        const old = prev[ri]!;
        const scores = [...old.scores];
        const versions = [...old.versions];
        scores[ai] = cell.score;
        versions[ai] = cell.version;
        let feedback = old.feedback;
        if (cell.feedback !== undefined)
          feedback = cell.feedback ? [...new Set([...old.feedback, ai])] : old.feedback.filter((i) => i !== ai);
        const excused =
          cell.excused === undefined
            ? old.excused
            : cell.excused
              ? [...new Set([...old.excused, ai])]
              : old.excused.filter((i) => i !== ai);
        const next = { ...old, scores, versions, feedback, excused };
        next.current = regrade(next);
        const copy = [...prev];
        copy[ri] = next;
        return copy;
      });
    },
    [regrade, rowIndexById],
  );

  const setCellStatus = (k: string, s: CellStatus | null) =>
    setStatus((prev) => {
      const next = new Map(prev);
      if (s) next.set(k, s);
      else next.delete(k);
      return next;
    });

  const save = useCallback(
    async (studentId: string, ai: number, score: CellValue, version: number) => {
      const a = assignments[ai]!;
      const row = rowsRef.current[rowIndexById.get(studentId)!]!;
      const k = key(studentId, a.id);
      const previous = { score: row.scores[ai]!, excused: row.excused.includes(ai) };
      setProblems((p) => p.filter((x) => x.key !== k));
      setCellStatus(k, { kind: "saving" });
      applyCell(studentId, ai, { score: score === "EX" ? null : score, excused: score === "EX", version });
      const result = await saveCell({ slug: course.slug, assignmentId: a.id, studentId, version, value: score });
      if (result.kind === "saved") {
        applyCell(studentId, ai, result.cell);
        setCellStatus(k, null);
        setAnnouncement(
          `Saved ${a.code} for ${row.name}: ${result.cell.excused ? "excused" : formatScore(result.cell.score) || "blank"}`,
        );
      } else if (result.kind === "conflict") {
        // Show theirs in the cell; keep yours in the list with the choice.
        applyCell(studentId, ai, result.current);
        setCellStatus(k, null);
        setProblems((p) => [
          ...p,
          {
            key: k,
            kind: "conflict",
            studentId,
            studentName: row.name,
            assignmentIndex: ai,
            code: a.code,
            mine: score,
            theirs: result.current,
          },
        ]);
        setAnnouncement(
          `Conflict on ${a.code} for ${row.name}: ${result.current.graderName ?? "someone"} saved ${formatScore(cellValue(result.current)) || "blank"}; you typed ${formatScore(score) || "blank"}. Choose which to keep.`,
        );
      } else {
        applyCell(studentId, ai, { ...previous, version });
        setCellStatus(k, null);
        setProblems((p) => [
          ...p,
          {
            key: k,
            kind: "error",
            studentId,
            studentName: row.name,
            assignmentIndex: ai,
            code: a.code,
            mine: score,
            message: result.message,
            version,
          },
        ]);
        setAnnouncement(`${a.code} for ${row.name} was not saved: ${result.message}`);
      }
    },
    [applyCell, assignments, course.slug, rowIndexById],
  );

  const resolve = (problem: Problem, choice: "mine" | "theirs") => {
    setProblems((p) => p.filter((x) => x.key !== problem.key));
    if (choice === "theirs") {
      setAnnouncement(`Kept the saved value for ${problem.code}, ${problem.studentName}.`);
      return;
    }
    const version =
      problem.kind === "conflict"
        ? problem.theirs.version
        : rowsRef.current[rowIndexById.get(problem.studentId)!]!.versions[problem.assignmentIndex]!;
    void save(problem.studentId, problem.assignmentIndex, problem.mine, version);
  };

  // ---------------------------------------------------------------- keyboard

  const move = useCallback(
    (row: number, col: number) => {
      const r = Math.max(0, Math.min(view.length - 1, row));
      const c = Math.max(0, Math.min(colCount - 1, col));
      focusWanted.current = true;
      setActive({ row: r, col: c });
      virtualizer.scrollToIndex(r, { align: "auto" });
    },
    [view.length, colCount, virtualizer],
  );

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = gridRef.current?.querySelector<HTMLElement>(
      `[data-r="${clampedActive.row}"][data-c="${clampedActive.col}"]`,
    );
    if (!el) return;
    const input = el.querySelector("input");
    (input ?? el).focus({ preventScroll: true });
    // Typing continues after what is already there (a typed first digit, or the old value).
    if (input) input.setSelectionRange(input.value.length, input.value.length);
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    focusWanted.current = false;
  });

  const editable = (col: number) => canEdit && col >= FIXED_COLUMNS;
  const startEdit = (row: number, col: number, value?: string) => {
    if (!editable(col)) return;
    const r = rowsRef.current[view[row]!]!;
    const ai = columns[col - FIXED_COLUMNS]!.index;
    if (status.get(key(r.id, assignments[ai]!.id))?.kind === "saving") return;
    focusWanted.current = true;
    setEditing({ row, col, value: value ?? formatScore(r.excused.includes(ai) ? "EX" : r.scores[ai]!), error: null });
  };

  // `then` is where to go next; a commit caused by leaving the cell (blur) keeps focus where the user put it.
  const commit = (then: { row: number; col: number } | null, refocus = true): boolean => {
    const editing = editingRef.current;
    if (!editing) return true;
    const parsed = parseScoreText(editing.value);
    if (!parsed.ok) {
      setEditing({ ...editing, error: parsed.error });
      setAnnouncement(parsed.error);
      return false;
    }
    const r = rowsRef.current[view[editing.row]!]!;
    const ai = columns[editing.col - FIXED_COLUMNS]!.index;
    setEditing(null);
    const typed: CellValue = parsed.excused ? "EX" : parsed.score;
    const current: CellValue = r.excused.includes(ai) ? "EX" : r.scores[ai]!;
    if (typed !== current) void save(r.id, ai, typed, r.versions[ai]!);
    if (then) move(then.row, then.col);
    else {
      focusWanted.current = refocus;
      setActive({ row: editing.row, col: editing.col });
    }
    return true;
  };

  const onEditKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    event.stopPropagation();
    const { row, col } = editing;
    if (event.key === "Escape") {
      event.preventDefault();
      setEditing(null);
      focusWanted.current = true;
      setActive({ row, col });
      setAnnouncement("Edit cancelled");
    } else if (event.key === "Enter") {
      event.preventDefault();
      commit({ row: event.shiftKey ? row - 1 : row + 1, col });
    } else if (event.key === "Tab") {
      const target = event.shiftKey ? col - 1 : col + 1;
      event.preventDefault();
      commit({ row, col: Math.max(FIXED_COLUMNS, Math.min(colCount - 1, target)) });
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      commit({ row: row + (event.key === "ArrowUp" ? -1 : 1), col });
    }
  };

  const onGridKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing || view.length === 0) return;
    const { row, col } = clampedActive;
    const ctrl = event.ctrlKey || event.metaKey;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case "ArrowDown":
        handled();
        return move(row + 1, col);
      case "ArrowUp":
        handled();
        return move(row - 1, col);
      case "ArrowRight":
        handled();
        return move(row, col + 1);
      case "ArrowLeft":
        handled();
        return move(row, col - 1);
      case "PageDown":
        handled();
        return move(row + 10, col);
      case "PageUp":
        handled();
        return move(row - 10, col);
      case "Home":
        handled();
        return ctrl ? move(0, 0) : move(row, 0);
      case "End":
        handled();
        return ctrl ? move(view.length - 1, colCount - 1) : move(row, colCount - 1);
      case "Tab":
        // Inside a row Tab moves like a spreadsheet; at the row's ends it leaves the grid.
        if (event.shiftKey ? col > 0 : col < colCount - 1) {
          handled();
          return move(row, event.shiftKey ? col - 1 : col + 1);
        }
        return;
      case "Enter":
      case "F2":
        handled();
        if (event.key === "Enter" && event.shiftKey) {
          setPanelOpen(true);
          return;
        }
        return startEdit(row, col);
      case "Delete":
      case "Backspace":
        handled();
        return startEdit(row, col, "");
      default:
        // A digit starts a score, "e" or "E" starts EX (excused).
        if (!ctrl && !event.altKey && /^[0-9.eE]$/.test(event.key) && editable(col)) {
          handled();
          return startEdit(row, col, event.key);
        }
    }
  };

  // ---------------------------------------------------------------- render

  const activeRow = view.length ? rowsRef.current[view[clampedActive.row]!] : undefined;
  const activeColumn = clampedActive.col >= FIXED_COLUMNS ? columns[clampedActive.col - FIXED_COLUMNS] : undefined;
  const template = `var(--gb-name) 7.5rem 6.5rem repeat(${columns.length}, 5.75rem)`;
  const sortLabel = (k: SortKey) => (sortKey === k ? (sortDir === "asc" ? "ascending" : "descending") : undefined);
  const setSort = (k: SortKey) => {
    if (k === sortKey) setSortDir((d) => (d === "asc" ? "desc" : "asc"));
    else {
      setSortKey(k);
      setSortDir(k === "name" ? "asc" : "desc");
    }
  };
  const lateText = (r: GradebookRow) =>
    data.policy?.budgetHours != null ? `${r.hoursUsed} / ${data.policy.budgetHours} h` : `${r.hoursUsed} h`;

  return (
    <div className="space-y-3 [--gb-name:9.5rem] sm:[--gb-name:14rem]">
      <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter the gradebook">
        <div>
          <label htmlFor="gb-search" className="block text-sm font-medium">
            Search students
          </label>
          <input
            id="gb-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name or email"
            className="mt-1 w-56 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <div>
          <label htmlFor="gb-category" className="block text-sm font-medium">
            Category
          </label>
          <select
            id="gb-category"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="all">All assignments</option>
            {data.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            {assignments.some((a) => a.categoryId === null) ? <option value="none">Not graded</option> : null}
          </select>
        </div>
        <div>
          <label htmlFor="gb-sort" className="block text-sm font-medium">
            Sort by
          </label>
          <div className="mt-1 flex gap-1">
            <select
              id="gb-sort"
              value={sortKey}
              onChange={(e) => setSort(e.target.value as SortKey)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="name">Name</option>
              <option value="current">Current grade</option>
              <option value="late">Late hours used</option>
              {assignments.map((a) => (
                <option key={a.id} value={`a:${a.id}`}>
                  {a.code}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => setSortDir((d) => (d === "asc" ? "desc" : "asc"))}
              title="Change the sort direction"
              className="rounded-md border border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700"
            >
              <span aria-hidden="true">{sortDir === "asc" ? "↑ " : "↓ "}</span>
              {sortDir === "asc" ? "Ascending" : "Descending"}
            </button>
          </div>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)} />
          Missing grades only
        </label>
        <button
          type="button"
          aria-pressed={panelOpen}
          onClick={() => setPanelOpen((o) => !o)}
          className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
        >
          {panelOpen ? "Hide feedback & history" : "Feedback & history"}
        </button>
      </div>
      <p id="gb-help" className="text-xs text-slate-600 dark:text-slate-400">
        {view.length} of {rows.length} students. Arrow keys move; type a number (or EX to excuse) or press Enter to
        edit; Enter or Tab saves and moves; Escape cancels; Shift+Enter opens feedback.
        {canEdit ? "" : " You can read this gradebook but not change it."}
      </p>

      <ProblemList problems={problems} onResolve={resolve} />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <div className="flex flex-col gap-4 lg:flex-row">
        <div
          ref={scrollRef}
          className="relative h-[70vh] min-w-0 flex-1 scroll-pt-10 scroll-pl-[var(--gb-name)] overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
        >
          {view.length === 0 ? (
            <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">
              No students match these filters.
            </p>
          ) : (
            <div
              ref={gridRef}
              role="grid"
              aria-label={`Gradebook, ${course.code}`}
              aria-describedby="gb-help"
              aria-rowcount={view.length + 1}
              aria-colcount={colCount}
              aria-readonly={!canEdit || undefined}
              className="min-w-max text-sm"
            >
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
                  <div
                    role="columnheader"
                    aria-colindex={2}
                    aria-sort={sortLabel("late")}
                    className="px-2 py-2 font-semibold"
                  >
                    Late hours
                  </div>
                  <div
                    role="columnheader"
                    aria-colindex={3}
                    aria-sort={sortLabel("current")}
                    className="px-2 py-2 font-semibold"
                  >
                    Current
                  </div>
                  {columns.map((a, i) => (
                    <div
                      key={a.id}
                      role="columnheader"
                      aria-colindex={FIXED_COLUMNS + i + 1}
                      aria-sort={sortLabel(`a:${a.id}`)}
                      title={`${a.title} (${a.points} points)${a.categoryName ? ` · ${a.categoryName}` : ""}`}
                      className="px-2 py-1 text-right leading-tight"
                    >
                      <span className="block font-semibold">{a.code}</span>
                      <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                        /{a.points} ·{" "}
                        {a.released ? "released" : <span className="text-amber-800 dark:text-amber-300">hidden</span>}
                      </span>
                    </div>
                  ))}
                </div>
              </div>
              <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((v) => {
                  const r = rows[view[v.index]!]!;
                  const isActiveRow = v.index === clampedActive.row;
                  const isActive = (col: number) => isActiveRow && col === clampedActive.col;
                  // Roving tabindex: only the active cell is a tab stop (each cell says so where it is declared).
                  const tabIndexOf = (col: number) => (isActive(col) ? 0 : -1);
                  const cellProps = (col: number) =>
                    ({
                      "data-r": v.index,
                      "data-c": col,
                      "aria-colindex": col + 1,
                      onClick: () => setActive({ row: v.index, col }),
                      // Every cell is a tab stop in turn, so the arrow keys are heard on each.
                      onKeyDown: onGridKeyDown,
                      "aria-selected": isActive(col),
                    }) as const;
                  return (
                    <div
                      key={r.id}
                      role="row"
                      aria-rowindex={v.index + 2}
                      className="absolute left-0 top-0 grid w-full border-b border-slate-100 dark:border-slate-800"
                      style={{
                        gridTemplateColumns: template,
                        height: ROW_HEIGHT,
                        transform: `translateY(${v.start}px)`,
                      }}
                    >
                      <div
                        role="rowheader"
                        {...cellProps(0)}
                        tabIndex={tabIndexOf(0)}
                        className="sticky left-0 z-10 flex min-w-0 flex-col justify-center truncate bg-white px-2 leading-tight gb-cell dark:bg-slate-950"
                      >
                        <span className="truncate font-medium">{r.name}</span>
                        <span className="truncate text-xs text-slate-600 dark:text-slate-400">{r.email}</span>
                      </div>
                      <div
                        role="gridcell"
                        {...cellProps(1)}
                        tabIndex={tabIndexOf(1)}
                        className="flex items-center gap-1 px-2 gb-cell"
                      >
                        <span className="tabular-nums">{lateText(r)}</span>
                        <LateFlags flags={r.flags} />
                      </div>
                      <div
                        role="gridcell"
                        {...cellProps(2)}
                        tabIndex={tabIndexOf(2)}
                        className="flex items-center justify-end gap-1 px-2 tabular-nums gb-cell"
                      >
                        {r.current.percent === null ? (
                          <span className="text-slate-500">–</span>
                        ) : (
                          <>
                            {r.current.percent.toFixed(1)}% <b>{r.current.letter}</b>
                          </>
                        )}
                      </div>
                      {columns.map((a, i) => {
                        const col = FIXED_COLUMNS + i;
                        const k = key(r.id, a.id);
                        const s = status.get(k);
                        const problem = problems.find((p) => p.key === k);
                        const late = r.late.find((l) => l[0] === a.index);
                        const isEditing = editing && editing.row === v.index && editing.col === col;
                        const score: CellValue = r.excused.includes(a.index) ? "EX" : r.scores[a.index]!;
                        return (
                          <div
                            key={a.id}
                            role="gridcell"
                            {...cellProps(col)}
                            tabIndex={tabIndexOf(col)}
                            onDoubleClick={() => startEdit(v.index, col)}
                            aria-invalid={isEditing && editing.error ? true : undefined}
                            className={problem ? "gb-score bg-amber-100 dark:bg-amber-950" : "gb-score"}
                          >
                            {isEditing ? (
                              <input
                                aria-label={`${a.code} score for ${r.name}, out of ${a.points}`}
                                inputMode="decimal"
                                autoComplete="off"
                                value={editing.value}
                                aria-invalid={editing.error ? true : undefined}
                                aria-describedby={editing.error ? "gb-edit-error" : undefined}
                                onChange={(e) => setEditing({ ...editing, value: e.target.value, error: null })}
                                onKeyDown={onEditKeyDown}
                                onBlur={() => commit(null, false)}
                                className="w-full rounded border border-brand-600 bg-white px-1 py-0.5 text-right text-slate-900 dark:bg-slate-900 dark:text-slate-100"
                              />
                            ) : (
                              <>
                                <span
                                  className={score === null ? "text-slate-500" : undefined}
                                  title={score === "EX" ? "Excused: left out of the grade" : undefined}
                                >
                                  {score === null ? "–" : formatScore(score)}
                                </span>
                                {problem ? (
                                  <span className="ml-1 text-xs text-amber-900 dark:text-amber-200">
                                    ≠{formatScore(problem.mine) || "blank"}
                                  </span>
                                ) : null}
                                {s?.kind === "saving" ? <span className="sr-only">saving</span> : null}
                                {late ? (
                                  <span
                                    className={`absolute left-1 top-0.5 text-[0.65rem] ${late[2] ? "font-semibold text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}`}
                                    title={`${late[1]} late hours${late[2] & 1 ? ", over the per-assignment cap" : ""}${late[2] & 2 ? ", after the final cutoff (scores zero)" : ""}`}
                                  >
                                    {late[2] & 2 ? "cutoff" : `+${late[1]}h`}
                                  </span>
                                ) : null}
                                {r.feedback.includes(a.index) ? (
                                  <span className="absolute bottom-1 left-1 h-1.5 w-1.5 rounded-full bg-brand-600">
                                    <span className="sr-only">has feedback</span>
                                  </span>
                                ) : null}
                                {s?.kind === "saving" ? (
                                  <span
                                    aria-hidden="true"
                                    className="absolute right-0.5 top-0.5 h-1.5 w-1.5 animate-pulse rounded-full bg-slate-400"
                                  />
                                ) : null}
                              </>
                            )}
                          </div>
                        );
                      })}
                    </div>
                  );
                })}
              </div>
            </div>
          )}
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
            onSaved={(cell) => activeColumn && applyCell(activeRow.id, activeColumn.index, cell)}
            onClose={() => {
              setPanelOpen(false);
              move(clampedActive.row, clampedActive.col);
            }}
          />
        ) : null}
      </div>
      {editing?.error ? (
        <p id="gb-edit-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
          {editing.error}
        </p>
      ) : null}
    </div>
  );
}

function LateFlags({ flags }: { flags: GradebookRow["flags"] }) {
  const items = [
    flags.overBudget ? { label: "budget", title: "Over the late-hour budget (grade capped)" } : null,
    flags.overCap ? { label: "cap", title: "An assignment over the per-assignment cap" } : null,
    flags.afterCutoff
      ? { label: "cutoff", title: "Work missing or handed in after the final cutoff (scores zero)" }
      : null,
  ].filter((x): x is { label: string; title: string } => x !== null);
  return (
    <>
      {items.map((f) => (
        <span
          key={f.label}
          title={f.title}
          className="rounded bg-red-100 px-1 text-[0.65rem] font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <span aria-hidden="true">{f.label}</span>
          <span className="sr-only">{f.title}</span>
        </span>
      ))}
    </>
  );
}
