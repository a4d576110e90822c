"use client";
import type { KeyboardEvent } from "react";
import { formatScore, type CellValue } from "@/components/gradebook/cell-save";
import type { Problem } from "@/components/gradebook/problem-list";
import type { Editing } from "@/components/gradebook/grid/use-cell-editor";

export type CellEditorHandlers = {
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  /** The answer to the extra-credit question, from its buttons. */
  onConfirm: () => void;
  onCancel: () => void;
};

/** The id of a cell's message, which its editor names in aria-describedby. */
export const cellMessageId = (row: number, col: number) => `gb-msg-${row}-${col}`;

/**
 * The editor inside a cell, with what is wrong beside it: a refusal ("Scores can't be negative") or the
 * extra-credit question, never at the bottom of the page. The editor stays open with the typed text.
 */
export function CellEditor({
  editing,
  label,
  handlers,
}: {
  editing: Editing;
  label: string;
  handlers: CellEditorHandlers;
}) {
  const { problem } = editing;
  const messageId = cellMessageId(editing.row, editing.col);
  // A button press must not blur the input first (the blur would commit without the answer).
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  return (
    <>
      <input
        aria-label={label}
        inputMode="decimal"
        autoComplete="off"
        value={editing.value}
        aria-invalid={problem?.kind === "refused" ? true : undefined}
        aria-describedby={problem ? messageId : undefined}
        onChange={(e) => handlers.onChange(e.target.value)}
        onKeyDown={handlers.onKeyDown}
        onBlur={handlers.onBlur}
        className={`w-full rounded border bg-white px-1 py-0.5 text-right text-slate-900 dark:bg-slate-900 dark:text-slate-100 ${problem?.kind === "refused" ? "border-red-600 outline-2 outline-red-600" : problem ? "border-amber-600 outline-2 outline-amber-600" : "border-brand-600"}`}
      />
      {problem ? (
        <div
          id={messageId}
          role="alert"
          className={`absolute right-0 top-full z-30 mt-1 w-60 rounded-md border p-2 text-left text-xs leading-snug shadow-lg ${problem.kind === "refused" ? "border-red-600 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100" : "border-amber-600 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100"}`}
        >
          <p>{problem.message}</p>
          {problem.kind === "confirm" ? (
            <p className="mt-1.5 flex gap-2">
              <button
                type="button"
                tabIndex={-1}
                onMouseDown={keepFocus}
                onClick={handlers.onConfirm}
                className="rounded bg-amber-700 px-2 py-0.5 text-white hover:bg-amber-800"
              >
                Save as extra credit
              </button>
              <button
                type="button"
                tabIndex={-1}
                onMouseDown={keepFocus}
                onClick={handlers.onCancel}
                className="rounded border border-amber-600 bg-white px-2 py-0.5 dark:bg-slate-900"
              >
                Cancel
              </button>
            </p>
          ) : null}
          <p className="mt-1 text-[0.7rem] opacity-80">
            {problem.kind === "confirm"
              ? "Enter: save as extra credit · Escape: cancel"
              : "Fix the score, or Escape to cancel"}
          </p>
        </div>
      ) : null}
    </>
  );
}

/** A score as a cell shows it, with its marks: a conflict's other value, late hours, feedback, saving. */
export function ScoreView({
  score,
  problem,
  saving,
  late,
  hasFeedback,
}: {
  score: CellValue;
  problem: Problem | undefined;
  saving: boolean;
  late: [number, number, number] | undefined;
  hasFeedback: boolean;
}) {
  return (
    <>
      <span
        className={score === null ? "text-slate-500" : undefined}
        title={score === "EX" ? "Excused: left out of the grade" : undefined}
      >
        {score === null ? "–" : formatScore(score)}
      </span>
      {problem ? (
        <span className="ml-1 text-xs text-amber-900 dark:text-amber-200">≠{formatScore(problem.mine) || "blank"}</span>
      ) : null}
      {saving ? <span className="sr-only">saving</span> : null}
      {late ? (
        <span
          className={`absolute left-1 top-0.5 text-[0.65rem] ${late[2] ? "font-semibold text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-300"}`}
          title={`${late[1]} late hours${late[2] & 1 ? ", over the per-assignment cap" : ""}${late[2] & 2 ? ", after the final cutoff (scores zero)" : ""}${late[2] & 8 ? ", D or F to choose in the detail panel" : ""}`}
        >
          {late[2] & 2 ? "cutoff" : `+${late[1]}h`}
          {late[2] & 8 ? <span className="sr-only"> D or F to choose</span> : null}
        </span>
      ) : null}
      {hasFeedback ? (
        <span className="absolute bottom-1 left-1 h-1.5 w-1.5 rounded-full bg-brand-600">
          <span className="sr-only">has feedback</span>
        </span>
      ) : null}
      {saving ? (
        <span
          aria-hidden="true"
          className="absolute right-0.5 top-0.5 h-1.5 w-1.5 animate-pulse rounded-full bg-slate-400"
        />
      ) : null}
    </>
  );
}
