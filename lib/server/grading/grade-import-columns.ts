import {
  canvasDecimal,
  canvasTitleAndId,
  isTotalsHeader,
  parenthesized,
  sameAtCanvasPrecision,
} from "@/lib/domain/canvas-gradebook";
import { norm, type Layout } from "@/lib/server/grading/grade-import-layout";
import type {
  ColumnMatch,
  IgnoredColumn,
  ImportAssignment as Assignment,
  ImportChoices,
  ImportLink,
  ImportRoster,
  ImportRow as Row,
  MappingColumn,
} from "@/lib/server/grading/grade-import-types";

// Which assignment each column of a grades file is: the staff's choice, else Canvas's id, title
// or Lectern's code; totals and read-only columns are left out with their reason.

export type ColumnPlan = {
  columns: { index: number; ai: number; matchedBy: ColumnMatch }[];
  ignored: IgnoredColumn[];
  mapping: MappingColumn[];
  links: ImportLink[];
};

type AssignmentIndex = {
  byCanvasId: Map<string, number>;
  byTitle: Map<string, number[]>;
  byCode: Map<string, number>;
  byId: Map<string, number>;
  canvasIdOf: (ai: number) => string | null;
};

function indexAssignments(assignments: readonly Assignment[], canvasIds: Map<string, string>): AssignmentIndex {
  const byTitle = new Map<string, number[]>();
  assignments.forEach((a, i) => byTitle.set(norm(a.title), [...(byTitle.get(norm(a.title)) ?? []), i]));
  return {
    byCanvasId: new Map(assignments.flatMap((a, i) => (canvasIds.has(a.id) ? [[canvasIds.get(a.id)!, i]] : []))),
    byTitle,
    byCode: new Map(assignments.map((a, i) => [a.code.toLowerCase(), i])),
    byId: new Map(assignments.map((a, i) => [a.id, i])),
    canvasIdOf: (ai) => canvasIds.get(assignments[ai]!.id) ?? null,
  };
}

const ignoreKey = (header: string) => {
  const { canvasId } = canvasTitleAndId(header.trim());
  return canvasId ? `canvas:${canvasId}` : `header:${header.trim()}`;
};

/** An assignment a header names on its own: Canvas id, else title (title_and_id's title, or the whole header), else code. */
function matchHeader(
  header: string,
  index: AssignmentIndex,
): { ai: number; matchedBy: ColumnMatch } | { unknown: string; suggestion: number | null } {
  const { title, canvasId } = canvasTitleAndId(header);
  if (canvasId && index.byCanvasId.has(canvasId))
    return { ai: index.byCanvasId.get(canvasId)!, matchedBy: "canvas-id" };
  const byTitle = index.byTitle.get(norm(title)) ?? index.byTitle.get(norm(header)) ?? [];
  const inner = parenthesized(header);
  // A code in the parentheses ("Project 1 (P1)") or as the title ("PART (48204)", "P1").
  const byCode = index.byCode.get((inner ?? "").toLowerCase()) ?? index.byCode.get(title.trim().toLowerCase());
  const byId = inner ? index.byId.get(inner) : undefined;
  const candidate =
    byTitle.length === 1
      ? { ai: byTitle[0]!, matchedBy: "title" as const }
      : byId !== undefined
        ? { ai: byId, matchedBy: "lectern-id" as const }
        : byCode !== undefined
          ? { ai: byCode, matchedBy: "code" as const }
          : null;
  if (byTitle.length > 1 && !candidate)
    return { unknown: `${byTitle.length} assignments here are titled “${title}”: choose one`, suggestion: null };
  if (!candidate) return { unknown: "no assignment here has this Canvas id, title or code", suggestion: null };
  const linked = index.canvasIdOf(candidate.ai);
  if (canvasId && linked && linked !== canvasId)
    return {
      unknown: `the title matches an assignment linked to Canvas assignment ${linked}, but this column is Canvas assignment ${canvasId}`,
      suggestion: candidate.ai,
    };
  return candidate;
}

export function planColumns(
  layout: Layout,
  pointsRow: Row | undefined,
  assignments: readonly Assignment[],
  roster: ImportRoster,
  choices: ImportChoices,
): ColumnPlan {
  const index = indexAssignments(assignments, roster.canvasIds);
  const ignoredForGood = new Set(roster.ignoredColumns);
  const plan: ColumnPlan = { columns: [], ignored: [], mapping: [], links: [] };
  const taken = new Map<number, string>(); // assignment index → header that took it
  layout.header.forEach((raw, i) => {
    if (layout.identity.has(i)) return;
    const header = raw.trim();
    const ignore = (reason: string, kind: IgnoredColumn["kind"]) =>
      plan.ignored.push({ index: i, header, reason, kind });
    if (!header) return ignore("the column has no header", "blank");
    if (isTotalsHeader(header))
      return ignore("a totals column: Lectern computes its own (Canvas ignores it on import too)", "totals");
    if (/read\s+only/i.test(pointsRow?.cells[i] ?? ""))
      return ignore("marked read only in the file's Points Possible row", "read-only");
    const decided = decideColumn(header, i, index, assignments, ignoredForGood, choices, plan);
    if (!decided) return;
    const earlier = taken.get(decided.ai);
    if (earlier !== undefined)
      return ignore(`${assignments[decided.ai]!.code} is already read from the column “${earlier}”`, "duplicate");
    taken.set(decided.ai, header);
    plan.columns.push({ index: i, ...decided });
    const { canvasId } = canvasTitleAndId(header);
    const linked = index.canvasIdOf(decided.ai);
    if (canvasId && linked !== canvasId) {
      const a = assignments[decided.ai]!;
      plan.links.push({ kind: "assignment", assignmentId: a.id, code: a.code, canvasId, replaces: linked });
    }
  });
  return plan;
}

/**
 * The staff's choice for a column (this time, or remembered), else what the header matches.
 * Columns that take a choice go into the mapping step with their state.
 */
function decideColumn(
  header: string,
  i: number,
  index: AssignmentIndex,
  assignments: readonly Assignment[],
  ignoredForGood: Set<string>,
  choices: ImportChoices,
  plan: ColumnPlan,
): { ai: number; matchedBy: ColumnMatch } | null {
  const chosen = choices.columns?.[String(i)];
  const key = ignoreKey(header);
  const canvasId = canvasTitleAndId(header).canvasId;
  const entry = (state: MappingColumn["state"], reason: string, assignmentId: string | null) =>
    plan.mapping.push({ index: i, header, canvasId, reason, state, assignmentId });
  if (chosen === "ignore" || (chosen === undefined && ignoredForGood.has(key))) {
    const remembered = ignoredForGood.has(key);
    if (!remembered) plan.links.push({ kind: "ignore", key, header });
    const reason = remembered
      ? "ignored for this course (an earlier choice)"
      : "ignored by your choice (remembered for this course)";
    plan.ignored.push({ index: i, header, reason, kind: "chosen" });
    entry("ignored", reason, null);
    return null;
  }
  const ai = chosen === undefined ? undefined : index.byId.get(chosen);
  if (ai !== undefined) {
    if (ignoredForGood.has(key)) plan.links.push({ kind: "unignore", key, header });
    entry("mapped", `mapped by your choice to ${assignments[ai]!.code}`, assignments[ai]!.id);
    return { ai, matchedBy: "mapped" };
  }
  const found = matchHeader(header, index);
  if ("unknown" in found) {
    entry("pending", found.unknown, found.suggestion === null ? null : assignments[found.suggestion]!.id);
    return null;
  }
  return found;
}

export function pointsNote(pointsRow: Row | undefined, index: number, a: Assignment): string | null {
  const text = canvasDecimal((pointsRow?.cells[index] ?? "").trim());
  if (!text) return null;
  const points = Number(text);
  if (!Number.isFinite(points) || sameAtCanvasPrecision(points, a.points)) return null;
  return `the file says ${points} points possible; ${a.code} has ${a.points} here (scores are checked against ${a.points})`;
}
