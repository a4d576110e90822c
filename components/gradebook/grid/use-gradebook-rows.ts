"use client";
// The grid's rows as state: the server's rows, with each saved (or optimistically typed) cell written in.
import { useCallback, useMemo, useState } from "react";
import { compileScheme } from "@/lib/domain/grading";
import type { GradebookData, GradebookRow } from "@/lib/server/grading/gradebook";
import { withCell, withDecision, type CellUpdate } from "@/components/gradebook/grid/rows";
import type { ItemCapChoice } from "@/lib/domain/late-policy";

export type GradebookRows = ReturnType<typeof useGradebookRows>;

export function useGradebookRows(data: GradebookData) {
  const { assignments } = data;
  const [rows, setRows] = useState<GradebookRow[]>(data.rows);
  const rowIndexById = useMemo(() => new Map(data.rows.map((r, i) => [r.id, i])), [data.rows]);
  const grader = useMemo(() => compileScheme({ scheme: data.scheme, items: data.items }), [data.scheme, data.items]);

  const applyCell = useCallback(
    (studentId: string, ai: number, cell: CellUpdate) =>
      setRows((prev) => {
        const ri = rowIndexById.get(studentId);
        if (ri === undefined) return prev;
        const copy = [...prev];
        copy[ri] = withCell(prev[ri]!, ai, cell, assignments, grader);
        return copy;
      }),
    [assignments, grader, rowIndexById],
  );

  const applyDecision = useCallback(
    (studentId: string, ai: number, decision: { choices: ItemCapChoice[]; basicallyWorks: boolean | null }) =>
      setRows((prev) => {
        const ri = rowIndexById.get(studentId);
        if (ri === undefined) return prev;
        const copy = [...prev];
        copy[ri] = withDecision(prev[ri]!, ai, decision, assignments, grader);
        return copy;
      }),
    [assignments, grader, rowIndexById],
  );

  const rowOf = useCallback((studentId: string) => rows[rowIndexById.get(studentId)!]!, [rows, rowIndexById]);

  return { rows, rowOf, applyCell, applyDecision };
}
