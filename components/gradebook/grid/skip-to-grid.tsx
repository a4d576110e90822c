"use client";
// "Skip to grid": the gradebook page's first stop for the keyboard, past the tabs, the filters and the
// buttons, and the same as Alt+G from anywhere on the page.

export const GRID_SHORTCUT = "Alt+G";

/** Focuses the grid's active cell (on a phone: the student picker of the entry view). */
export function focusGradebook(): boolean {
  const targets = [
    document.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]'),
    document.getElementById("gb-phone-student"),
  ];
  const target = targets.find((el) => el && el.offsetParent !== null);
  if (!target) return false;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "nearest", inline: "nearest" });
  return true;
}

/** Alt+G, by the physical key, so that macOS's Option+G (which types "©") works too. */
export const isGridShortcut = (e: Pick<KeyboardEvent, "altKey" | "ctrlKey" | "metaKey" | "code">) =>
  e.altKey && !e.ctrlKey && !e.metaKey && e.code === "KeyG";

export function SkipToGrid() {
  return (
    <a
      href="#gradebook"
      aria-keyshortcuts={GRID_SHORTCUT}
      onClick={(e) => {
        if (focusGradebook()) e.preventDefault();
      }}
      className="sr-only focus:not-sr-only focus:inline-block focus:rounded focus:bg-brand-600 focus:px-3 focus:py-1.5 focus:text-white"
    >
      Skip to grid ({GRID_SHORTCUT})
    </a>
  );
}
