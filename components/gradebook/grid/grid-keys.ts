// The grid's keyboard as pure functions from a key press to what it means, so each binding can be
// tested alone. A spreadsheet's keys: arrows, Home/End (Ctrl: corners), PageUp/PageDown, Tab within a
// row; Enter or F2 edits, Shift+Enter opens the detail panel, Delete clears; any other printable
// character starts the editor with that character in it, so nothing typed is swallowed ("-5").

export type Key = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };
export type At = { row: number; col: number };
export type GridKeyAction = { kind: "move"; to: At } | { kind: "edit"; initial?: string } | { kind: "panel" } | null;
export type EditorKeyAction = { kind: "cancel" } | { kind: "commit"; then: At } | null;

export const PAGE_ROWS = 10;

export function gridKeyAction(k: Key, at: At, editable: boolean): GridKeyAction {
  const { row, col } = at;
  const ctrl = k.ctrlKey || k.metaKey;
  const move = (r: number, c: number): GridKeyAction => ({ kind: "move", to: { row: r, col: c } });
  switch (k.key) {
    case "ArrowDown":
      return move(row + 1, col);
    case "ArrowUp":
      return move(row - 1, col);
    case "ArrowRight":
      return move(row, col + 1);
    case "ArrowLeft":
      return move(row, col - 1);
    case "PageDown":
      return move(row + PAGE_ROWS, col);
    case "PageUp":
      return move(row - PAGE_ROWS, col);
    case "Home":
      return ctrl ? move(0, 0) : move(row, 0);
    case "End":
      return ctrl ? move(Infinity, Infinity) : move(row, Infinity);
    case "Enter":
      if (k.shiftKey) return { kind: "panel" };
      return editable ? { kind: "edit" } : null;
    case "F2":
      return editable ? { kind: "edit" } : null;
    case "Delete":
    case "Backspace":
      return editable ? { kind: "edit", initial: "" } : null;
    default:
      // One printable character (not a shortcut, not a space, which scrolls): it starts the editor.
      if (editable && !ctrl && !k.altKey && k.key.length === 1 && k.key !== " ")
        return { kind: "edit", initial: k.key };
      return null;
  }
}

/** Tab inside a row moves like a spreadsheet; at the row's ends it leaves the grid (null: let the browser). */
export function gridTabTarget(k: Key, at: At, colCount: number): At | null {
  if (k.shiftKey ? at.col > 0 : at.col < colCount - 1) return { row: at.row, col: at.col + (k.shiftKey ? -1 : 1) };
  return null;
}

/** Keys inside the cell editor: Escape cancels; Enter, Tab and Up/Down commit and move on. */
export function editorKeyAction(k: Key, at: At, firstEditableCol: number, colCount: number): EditorKeyAction {
  const { row, col } = at;
  switch (k.key) {
    case "Escape":
      return { kind: "cancel" };
    case "Enter":
      return { kind: "commit", then: { row: k.shiftKey ? row - 1 : row + 1, col } };
    case "Tab": {
      const target = Math.max(firstEditableCol, Math.min(colCount - 1, k.shiftKey ? col - 1 : col + 1));
      return { kind: "commit", then: { row, col: target } };
    }
    case "ArrowUp":
      return { kind: "commit", then: { row: row - 1, col } };
    case "ArrowDown":
      return { kind: "commit", then: { row: row + 1, col } };
    default:
      return null;
  }
}

export function clampAt(at: At, rowCount: number, colCount: number): At {
  return {
    row: Math.max(0, Math.min(rowCount - 1, at.row)),
    col: Math.max(0, Math.min(colCount - 1, at.col)),
  };
}
