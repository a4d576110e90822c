"use client";
// Where the grid's focus is (one roving tab stop, the active cell) and moving it: clamped to the grid,
// scrolled into view, focused after the render that shows it.
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { clampAt, type At } from "@/components/gradebook/grid/grid-keys";

export function useGridNavigation({
  rowCount,
  colCount,
  firstCol,
  gridRef,
  scrollTo,
}: {
  rowCount: number;
  colCount: number;
  firstCol: number;
  gridRef: RefObject<HTMLDivElement | null>;
  scrollTo: (at: At) => void;
}) {
  const [active, setActive] = useState<At>({ row: 0, col: firstCol });
  const focusWanted = useRef(false);
  const at = clampAt(active, rowCount, colCount);

  /** Makes `to` the active cell; `focus`: move the keyboard focus there too (not after a blur). */
  const goTo = useCallback(
    (to: At, focus = true) => {
      const next = clampAt(to, rowCount, colCount);
      focusWanted.current = focus;
      setActive(next);
      scrollTo(next);
    },
    [rowCount, colCount, scrollTo],
  );

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-r="${at.row}"][data-c="${at.col}"]`);
    if (!el) return;
    const input = el.querySelector("input");
    (input ?? el).focus({ preventScroll: true });
    // Typing continues after what is already there (a typed first character, or the old value).
    if (input) input.setSelectionRange(input.value.length, input.value.length);
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    focusWanted.current = false;
  });

  const requestFocus = () => {
    focusWanted.current = true;
  };

  return { at, goTo, select: setActive, requestFocus };
}
