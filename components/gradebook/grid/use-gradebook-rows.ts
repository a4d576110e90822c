"use client";
// The grid's rows as state: the server's rows, with each saved (or optimistically typed) cell written in.
// The page sends its first screen of rows only; the rest come from the rows route once the grid is up.
import { useCallback, useEffect, useMemo, useState } from "react";
import { compileScheme } from "@/lib/domain/grading";
import type { GradebookData, GradebookRow } from "@/lib/server/grading/gradebook";
import { mergeRows, withCell, withDecision, type CellUpdate } from "@/components/gradebook/grid/rows";
import type { ItemCapChoice } from "@/lib/domain/late-policy";

export type GradebookRows = ReturnType<typeof useGradebookRows>;

/** "loading" until every row is in (at once when the page sent them all), "failed" when the rest did not come. */
export type RowsState = "complete" | "loading" | "failed";

export function useGradebookRows(data: GradebookData) {
  const { assignments } = data;
  const [rows, setRows] = useState<GradebookRow[]>(data.rows);
  const [state, setState] = useState<RowsState>(data.rows.length < data.rowsTotal ? "loading" : "complete");
  const [attempt, setAttempt] = useState(0);
  const rowIndexById = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const grader = useMemo(() => compileScheme({ scheme: data.scheme, items: data.items }), [data.scheme, data.items]);

  useEffect(() => {
    if (state !== "loading") return;
    let live = true;
    fetch(`/api/courses/${encodeURIComponent(data.course.slug)}/gradebook/rows`, { cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { rows: GradebookRow[] };
        if (!live) return;
        setRows((onScreen) => mergeRows(onScreen, body.rows));
        setState("complete");
      })
      .catch(() => live && setState("failed"));
    return () => {
      live = false;
    };
  }, [state, attempt, data.course.slug]);

  const retry = useCallback(() => {
    setState("loading");
    setAttempt((n) => n + 1);
  }, []);

  /** `change` applied to one student's row. Looked up in `prev`: the rest of the rows may have arrived since this render. */
  const updateRow = useCallback(
    (studentId: string, change: (row: GradebookRow) => GradebookRow) =>
      setRows((prev) => {
        const ri = prev.findIndex((r) => r.id === studentId);
        if (ri < 0) return prev;
        const copy = [...prev];
        copy[ri] = change(prev[ri]!);
        return copy;
      }),
    [],
  );

  const applyCell = useCallback(
    (studentId: string, ai: number, cell: CellUpdate) =>
      updateRow(studentId, (row) => withCell(row, ai, cell, assignments, grader)),
    [assignments, grader, updateRow],
  );

  const applyDecision = useCallback(
    (studentId: string, ai: number, decision: { choices: ItemCapChoice[]; basicallyWorks: boolean | null }) =>
      updateRow(studentId, (row) => withDecision(row, ai, decision, assignments, grader)),
    [assignments, grader, updateRow],
  );

  const rowOf = useCallback((studentId: string) => rows[rowIndexById.get(studentId)!]!, [rows, rowIndexById]);

  return { rows, rowOf, applyCell, applyDecision, total: data.rowsTotal, state, retry };
}
