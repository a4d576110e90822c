"use client";
// The gradebook on a phone (below 640 px): one student at a time, each assignment a labelled field,
// instead of a grid that shows three columns and talks about arrow keys. The same checks and the same
// extra-credit question as the grid's cells, at the field.
import { useState } from "react";
import type { CellValue } from "@/lib/domain/grading";
import type { GradebookRow } from "@/lib/server/grading/gradebook";
import { formatScore } from "@/components/gradebook/cell-save";
import type { Column } from "@/components/gradebook/grid/grid-view";
import { cellValueOf } from "@/components/gradebook/grid/rows";
import { readTypedScore } from "@/components/gradebook/grid/typed-score";
import type { EditProblem } from "@/components/gradebook/grid/use-cell-editor";

const fieldId = (assignmentId: string) => `gb-phone-${assignmentId}`;

export function PhoneEntry({
  rows,
  view,
  columns,
  rowIndex,
  canEdit,
  lateText,
  onSelectRow,
  onSave,
  onOpenDetail,
  isSaving,
}: {
  rows: GradebookRow[];
  view: number[];
  columns: Column[];
  rowIndex: number;
  canEdit: boolean;
  lateText: (row: GradebookRow) => string;
  onSelectRow: (row: number) => void;
  onSave: (row: GradebookRow, column: Column, value: CellValue) => void;
  onOpenDetail: (column: Column) => void;
  isSaving: (row: GradebookRow, column: Column) => boolean;
}) {
  if (view.length === 0)
    return (
      <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">No students match these filters.</p>
    );
  const row = rows[view[rowIndex]!]!;
  const step = (by: number) => onSelectRow(Math.max(0, Math.min(view.length - 1, rowIndex + by)));
  return (
    <section aria-labelledby="gb-phone-heading" className="space-y-3">
      <div>
        <label htmlFor="gb-phone-student" className="block text-sm font-medium">
          Student ({rowIndex + 1} of {view.length})
        </label>
        <div className="mt-1 flex gap-2">
          <button
            type="button"
            onClick={() => step(-1)}
            disabled={rowIndex === 0}
            aria-label="Previous student"
            className="rounded-md border border-slate-300 px-3 disabled:opacity-40 dark:border-slate-700"
          >
            ‹
          </button>
          <select
            id="gb-phone-student"
            value={rowIndex}
            onChange={(e) => onSelectRow(Number(e.target.value))}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            {view.map((ri, i) => (
              <option key={rows[ri]!.id} value={i}>
                {rows[ri]!.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => step(1)}
            disabled={rowIndex === view.length - 1}
            aria-label="Next student"
            className="rounded-md border border-slate-300 px-3 disabled:opacity-40 dark:border-slate-700"
          >
            ›
          </button>
        </div>
      </div>
      <div className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <h2 id="gb-phone-heading" className="font-semibold">
          {row.name}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{row.email}</p>
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Current grade</dt>
            <dd className="font-semibold tabular-nums">
              {row.current.percent === null ? "–" : `${row.current.percent.toFixed(1)}% ${row.current.letter ?? ""}`}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Late hours</dt>
            <dd className="tabular-nums">{lateText(row)}</dd>
          </div>
        </dl>
      </div>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {columns.map((a, i) => (
          <PhoneScoreField
            key={`${row.id}:${a.id}:${row.versions[a.index]}`}
            row={row}
            column={a}
            canEdit={canEdit}
            saving={isSaving(row, a)}
            nextId={columns[i + 1] ? fieldId(columns[i + 1]!.id) : null}
            onSave={(value) => onSave(row, a, value)}
            onOpenDetail={() => onOpenDetail(a)}
          />
        ))}
      </ul>
    </section>
  );
}

function PhoneScoreField({
  row,
  column: a,
  canEdit,
  saving,
  nextId,
  onSave,
  onOpenDetail,
}: {
  row: GradebookRow;
  column: Column;
  canEdit: boolean;
  saving: boolean;
  nextId: string | null;
  onSave: (value: CellValue) => void;
  onOpenDetail: () => void;
}) {
  const current = cellValueOf(row, a.index);
  const [text, setText] = useState(formatScore(current));
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const id = fieldId(a.id);
  const messageId = `${id}-msg`;
  const late = row.late.find((l) => l[0] === a.index);

  const commit = (confirm: boolean) => {
    const asked = problem?.kind === "confirm" && problem.text === text;
    const typed = readTypedScore(text, a.points, confirm && asked);
    if (typed.kind !== "value") {
      setProblem({ kind: typed.kind, message: typed.message, text });
      return false;
    }
    setProblem(null);
    if (typed.value !== current) onSave(typed.value);
    return true;
  };

  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
      <label htmlFor={id} className="min-w-0 flex-1 text-sm">
        <span className="font-semibold">{a.code}</span>{" "}
        <span className="text-slate-600 dark:text-slate-400">{a.title}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          out of {a.points}
          {a.released ? "" : " · hidden from students"}
          {late ? (late[2] & 2 ? " · after the final cutoff" : ` · ${late[1]} late hours`) : ""}
          {row.feedback.includes(a.index) ? " · has feedback" : ""}
        </span>
      </label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        readOnly={!canEdit}
        value={text}
        aria-invalid={problem?.kind === "refused" ? true : undefined}
        aria-describedby={problem ? messageId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        onBlur={() => canEdit && commit(false)}
        onKeyDown={(e) => {
          if (e.key !== "Enter" || !canEdit) return;
          e.preventDefault();
          if (commit(true) && nextId) document.getElementById(nextId)?.focus();
        }}
        className={`w-20 rounded-md border bg-white px-2 py-1.5 text-right tabular-nums dark:bg-slate-900 ${problem?.kind === "refused" ? "border-red-600 outline-2 outline-red-600" : problem ? "border-amber-600" : "border-slate-300 dark:border-slate-700"}`}
      />
      {saving ? <span className="text-xs text-slate-600">saving…</span> : null}
      <button
        type="button"
        onClick={onOpenDetail}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs dark:border-slate-700"
        aria-label={`Feedback and history for ${a.code}`}
      >
        Feedback
      </button>
      {problem ? (
        <div
          id={messageId}
          role="alert"
          className={`w-full rounded-md border p-2 text-sm ${problem.kind === "refused" ? "border-red-600 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100" : "border-amber-600 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100"}`}
        >
          {problem.message}
          {problem.kind === "confirm" ? (
            <span className="mt-1.5 flex gap-2">
              <button
                type="button"
                onClick={() => commit(true)}
                className="rounded bg-amber-700 px-2 py-1 text-white hover:bg-amber-800"
              >
                Save as extra credit
              </button>
              <button
                type="button"
                onClick={() => {
                  setText(formatScore(current));
                  setProblem(null);
                }}
                className="rounded border border-amber-600 bg-white px-2 py-1 dark:bg-slate-900"
              >
                Cancel
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
