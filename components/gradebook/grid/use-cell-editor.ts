"use client";
// The one cell being edited: its text, and what is wrong with it (shown at the cell, the editor kept
// open with the typed text) or the extra-credit question awaiting an answer.
import { useRef, useState } from "react";
import type { CellValue } from "@/lib/domain/grading";
import { formatScore } from "@/components/gradebook/cell-save";
import type { At } from "@/components/gradebook/grid/grid-keys";
import { readTypedScore } from "@/components/gradebook/grid/typed-score";

export type EditProblem = { kind: "refused" | "confirm"; message: string; text: string };
export type Editing = At & { value: string; problem: EditProblem | null };

/** What the editor needs of the cell under it. */
export type EditTarget = { points: number; current: CellValue; busy: boolean };

export function useCellEditor({
  targetAt,
  onValue,
  announce,
}: {
  targetAt: (at: At) => EditTarget | null;
  /** A checked value, different from the cell's: save it. */
  onValue: (at: At, value: CellValue) => void;
  announce: (text: string) => void;
}) {
  const [editing, setEditingState] = useState<Editing | null>(null);
  // Readable synchronously: a commit from a key press must not be repeated by the blur that follows.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };

  const start = (at: At, initial?: string): boolean => {
    const target = targetAt(at);
    if (!target || target.busy) return false;
    setEditing({ ...at, value: initial ?? formatScore(target.current), problem: null });
    return true;
  };

  const change = (value: string) => {
    if (editingRef.current) setEditing({ ...editingRef.current, value, problem: null });
  };

  const cancel = () => setEditing(null);

  /**
   * Checks and saves the typed text. `confirm`: a key or the button said yes, which answers an
   * extra-credit question already asked for this very text (a blur never does). False = still open.
   */
  const commit = (confirm: boolean): boolean => {
    const e = editingRef.current;
    if (!e) return true;
    const target = targetAt(e);
    if (!target) {
      setEditing(null);
      return true;
    }
    const asked = e.problem?.kind === "confirm" && e.problem.text === e.value;
    const typed = readTypedScore(e.value, target.points, confirm && asked);
    if (typed.kind !== "value") {
      if (e.problem?.message !== typed.message) announce(typed.message);
      setEditing({ ...e, problem: { kind: typed.kind, message: typed.message, text: e.value } });
      return false;
    }
    setEditing(null);
    if (typed.value !== target.current) onValue(e, typed.value);
    return true;
  };

  /** The edit in progress right now (not as of the last render). */
  const current = () => editingRef.current;

  return { editing, current, start, change, cancel, commit };
}
