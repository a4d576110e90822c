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

/** A chosen file read as text; `null` when none is chosen or it could not be read. */
export type ChosenText = { name: string; text: string } | null;

/**
 * `useChosenFile` for inputs that want the file's text: the read happens here, a failed
 * read comes back as `null` (the field empties, nothing half-read), and when a second
 * file is picked before the first finished reading, only the newest one is reported.
 */
export function useChosenFileText(onText: (chosen: ChosenText) => void) {
  const latest = useRef(0);
  return useChosenFile((file) => {
    const read = ++latest.current;
    if (!file) return onText(null);
    const report = (chosen: ChosenText) => {
      if (read === latest.current) onText(chosen);
    };
    file.text().then(
      (text) => report({ name: file.name, text }),
      () => report(null),
    );
  });
}
