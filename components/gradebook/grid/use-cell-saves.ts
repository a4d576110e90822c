"use client";
// Saving cells: optimistic, with the version the grader read. A conflict puts both values in the
// problem list for the grader to choose; a refused or failed save puts the cell back and keeps the
// typed value there for a retry. Every outcome is announced to screen readers.
import { useCallback, useState } from "react";
import { cellValue, formatScore, saveCell, saveTeamCell, type CellValue } from "@/components/gradebook/cell-save";
import type { Problem } from "@/components/gradebook/problem-list";
import type { GradebookAssignment } from "@/lib/server/grading/gradebook";
import { isExtraCredit } from "@/components/gradebook/grid/typed-score";
import type { GradebookRows } from "@/components/gradebook/grid/use-gradebook-rows";

export const cellKey = (studentId: string, assignmentId: string) => `${studentId}|${assignmentId}`;
const shown = (value: CellValue) => formatScore(value) || "blank";

export type CellSaves = ReturnType<typeof useCellSaves>;

export function useCellSaves({
  slug,
  assignments,
  rows,
  teamScope = false,
}: {
  slug: string;
  assignments: GradebookAssignment[];
  rows: Pick<GradebookRows, "rowOf" | "applyCell">;
  /** A score typed on team work grades the member's whole team (else: that member's own score). */
  teamScope?: boolean;
}) {
  const { rowOf, applyCell } = rows;
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState("");

  const markSaving = (k: string, on: boolean) =>
    setSaving((prev) => {
      const next = new Set(prev);
      if (on) next.add(k);
      else next.delete(k);
      return next;
    });

  const save = useCallback(
    async (studentId: string, ai: number, value: CellValue, version: number) => {
      const a = assignments[ai]!;
      const row = rowOf(studentId);
      const k = cellKey(studentId, a.id);
      const previous = { score: row.scores[ai]!, excused: row.excused.includes(ai) };
      setProblems((p) => p.filter((x) => x.key !== k));
      markSaving(k, true);
      applyCell(studentId, ai, { score: value === "EX" ? null : value, excused: value === "EX", version });
      // Only values the grader confirmed at the cell get here (readTypedScore asks first).
      const extraCredit = isExtraCredit(value, a.points) || undefined;
      // Team work for a member of a team goes through the team's grade (EX stays the member's own).
      const team = a.teamSetId ? row.teams.find((t) => t.setId === a.teamSetId) : undefined;
      const scope = teamScope ? "team" : "member";
      const result =
        team && value !== "EX"
          ? await saveTeamCell({ slug, assignmentId: a.id, studentId, version, score: value, scope, extraCredit })
          : await saveCell({ slug, assignmentId: a.id, studentId, version, value, extraCredit });
      markSaving(k, false);
      const base = { key: k, studentId, studentName: row.name, assignmentIndex: ai, code: a.code, mine: value };
      if (result.kind === "saved") {
        applyCell(studentId, ai, result.cell);
        for (const m of result.members) applyCell(m.studentId, ai, m.cell);
        const what = result.cell.excused ? "excused" : shown(result.cell.score);
        setAnnouncement(
          !team || value === "EX"
            ? `Saved ${a.code} for ${row.name}: ${what}`
            : scope === "team"
              ? `Saved ${a.code} for ${team.name}: ${what} for every member without their own score`
              : `Saved ${a.code} for ${row.name}: ${what} (${value === null ? `${team.name}'s grade again` : `their own, not ${team.name}'s`})`,
        );
      } else if (result.kind === "conflict" && cellValue(result.current) === value) {
        // What was saved is what was typed (the same entry sent twice, e.g. Enter and then the blur on a
        // phone): there is nothing to choose between.
        applyCell(studentId, ai, result.current);
        setAnnouncement(`Saved ${a.code} for ${row.name}: ${value === "EX" ? "excused" : shown(value)}`);
      } else if (result.kind === "conflict") {
        // Show theirs in the cell; keep yours in the list with the choice.
        applyCell(studentId, ai, result.current);
        setProblems((p) => [...p, { ...base, kind: "conflict", theirs: result.current }]);
        setAnnouncement(
          `Conflict on ${a.code} for ${row.name}: ${result.current.graderName ?? "someone"} saved ${shown(cellValue(result.current))}; you typed ${shown(value)}. Choose which to keep.`,
        );
      } else {
        applyCell(studentId, ai, { ...previous, version });
        setProblems((p) => [...p, { ...base, kind: "error", message: result.message, version }]);
        setAnnouncement(`${a.code} for ${row.name} was not saved: ${result.message}`);
      }
    },
    [applyCell, assignments, rowOf, slug, teamScope],
  );

  const resolve = (problem: Problem, choice: "mine" | "theirs") => {
    setProblems((p) => p.filter((x) => x.key !== problem.key));
    if (choice === "theirs") {
      setAnnouncement(`Kept the saved value for ${problem.code}, ${problem.studentName}.`);
      return;
    }
    const version =
      problem.kind === "conflict"
        ? problem.theirs.version
        : rowOf(problem.studentId).versions[problem.assignmentIndex]!;
    void save(problem.studentId, problem.assignmentIndex, problem.mine, version);
  };

  const problemAt = (k: string) => problems.find((p) => p.key === k);

  return { save, resolve, saving, problems, problemAt, announcement, setAnnouncement };
}
