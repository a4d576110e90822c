"use client";
import { cellValue, formatScore, type CellState, type CellValue } from "@/components/gradebook/cell-save";

export type Problem =
  | {
      key: string;
      kind: "conflict";
      studentId: string;
      studentName: string;
      assignmentIndex: number;
      code: string;
      mine: CellValue;
      theirs: CellState;
    }
  | {
      key: string;
      kind: "error";
      studentId: string;
      studentName: string;
      assignmentIndex: number;
      code: string;
      mine: CellValue;
      message: string;
      version: number;
    };

const show = (score: CellValue) => formatScore(score) || "blank";

/**
 * Saves that need a decision. A conflict keeps both values side by side until the
 * grader picks one; a failed save keeps the typed value for a retry.
 */
export function ProblemList({
  problems,
  onResolve,
}: {
  problems: Problem[];
  onResolve: (p: Problem, choice: "mine" | "theirs") => void;
}) {
  if (problems.length === 0) return null;
  return (
    <section
      aria-labelledby="gb-problems"
      className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 id="gb-problems" className="font-semibold">
        Needs your decision ({problems.length})
      </h2>
      <ul className="mt-2 space-y-2">
        {problems.map((p) => (
          <li key={p.key} className="flex flex-wrap items-center gap-2">
            {p.kind === "conflict" ? (
              <span>
                <b>{p.code}</b> · {p.studentName}: {p.theirs.graderName ?? "Someone"} saved{" "}
                <b>{show(cellValue(p.theirs))}</b>
                {p.theirs.updatedAt ? ` at ${new Date(p.theirs.updatedAt).toLocaleTimeString()}` : ""} while you typed{" "}
                <b>{show(p.mine)}</b>.
              </span>
            ) : (
              <span>
                <b>{p.code}</b> · {p.studentName}: <b>{show(p.mine)}</b> was not saved. {p.message}
              </span>
            )}
            <span className="flex gap-2">
              <button
                type="button"
                onClick={() => onResolve(p, "theirs")}
                className="rounded border border-amber-600 bg-white px-2 py-0.5 text-amber-950 dark:bg-slate-900 dark:text-amber-100"
              >
                {p.kind === "conflict" ? `Keep theirs (${show(cellValue(p.theirs))})` : "Discard mine"}
              </button>
              <button
                type="button"
                onClick={() => onResolve(p, "mine")}
                className="rounded bg-amber-700 px-2 py-0.5 text-white hover:bg-amber-800"
              >
                {p.kind === "conflict" ? `Use mine (${show(p.mine)})` : "Retry"}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
