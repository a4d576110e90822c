"use client";
import { useEffect, useRef, type ChangeEvent } from "react";

/**
 * Props for a file input that also sees a file chosen before the page hydrated.
 * On a slow connection a user can pick the file while the JavaScript is still
 * loading; the browser fires `change` before React listens, so an onChange-only
 * input would sit there with a file chosen and a Preview button that never wakes.
 */
export function useChosenFile(onFile: (file: File | undefined) => void) {
  const ref = useRef<HTMLInputElement>(null);
  const onMount = useRef(onFile);
  useEffect(() => {
    const early = ref.current?.files?.[0];
    if (early) onMount.current(early);
  }, []);
  return { ref, onChange: (e: ChangeEvent<HTMLInputElement>) => onFile(e.currentTarget.files?.[0]) };
}
