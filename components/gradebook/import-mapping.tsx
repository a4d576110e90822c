"use client";
import { useId } from "react";
import type { ImportChoices, ImportPreview } from "@/lib/server/grading/grade-import-diff";

// The mapping step: columns and rows of the file that matched nothing here (or that the staff
// already decided about). Each choice is a draft until the file is checked again with it.

/** Column index → assignment id | "ignore" | "" (undecided); row line → user id | "skip" | "". */
export type Draft = { columns: Record<string, string>; students: Record<string, string>; extraCredit: boolean };
/** The props of every part of the preview that edits the draft. */
export type DraftProps = { preview: ImportPreview; draft: Draft; onDraft: (d: Draft) => void };

const SKIP = "Skip this row";

export function draftFrom(preview: ImportPreview, choices: ImportChoices): Draft {
  return {
    columns: Object.fromEntries(
      preview.mappingColumns.map((c) => [String(c.index), c.state === "ignored" ? "ignore" : (c.assignmentId ?? "")]),
    ),
    students: Object.fromEntries(
      preview.mappingStudents.map((s) => [String(s.line), s.state === "skipped" ? "skip" : (s.userId ?? "")]),
    ),
    extraCredit: choices.extraCredit === true,
  };
}

/** Whether the draft asks for something the server has not applied yet (a suggestion counts: it was never applied). */
export function isDirty(draft: Draft, preview: ImportPreview): boolean {
  const column = (c: ImportPreview["mappingColumns"][number]) =>
    c.state === "ignored" ? "ignore" : c.state === "mapped" ? c.assignmentId! : "";
  const student = (s: ImportPreview["mappingStudents"][number]) =>
    s.state === "skipped" ? "skip" : s.state === "mapped" ? s.userId! : "";
  return (
    preview.mappingColumns.some((c) => (draft.columns[String(c.index)] ?? "") !== column(c)) ||
    preview.mappingStudents.some((s) => (draft.students[String(s.line)] ?? "") !== student(s)) ||
    draft.extraCredit !== preview.extraCreditConfirmed
  );
}

/** A typed name that is no one in the list: the file cannot be checked with it. */
export function hasInvalidChoice(draft: Draft, preview: ImportPreview): boolean {
  const ids = new Set(preview.candidates.students.map((s) => s.id));
  return Object.values(draft.students).some((v) => v !== "" && v !== "skip" && !ids.has(v));
}

export function choicesOf(draft: Draft): ImportChoices {
  const decided = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== ""));
  return {
    columns: decided(draft.columns),
    students: decided(draft.students),
    ...(draft.extraCredit ? { extraCredit: true } : {}),
  };
}

// Cards, not a table: at 390 px the three columns (what, why, the choice) stack.
const item =
  "grid gap-1 border-t border-slate-100 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_18rem] sm:gap-3 dark:border-slate-800";
const field =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

export function ImportMapping({ preview, draft, onDraft }: DraftProps) {
  if (!preview.mappingColumns.length && !preview.mappingStudents.length) return null;
  return (
    <section
      aria-labelledby="imp-map"
      className="space-y-3 rounded-md border border-amber-300 p-3 dark:border-amber-700"
    >
      <div>
        <h3 id="imp-map" className="font-medium">
          Match what the file names
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {preview.counts.pendingColumns + preview.counts.pendingStudents
            ? "Until you choose, these are left out. "
            : "Your earlier choices for this course; change one and check the file again. "}
          Choices are remembered for this course (by Canvas&apos;s ids), so the next import from Canvas asks nothing.
        </p>
      </div>
      <ColumnChoices preview={preview} draft={draft} onDraft={onDraft} />
      <StudentChoices preview={preview} draft={draft} onDraft={onDraft} />
    </section>
  );
}

function ColumnChoices({ preview, draft, onDraft }: DraftProps) {
  if (!preview.mappingColumns.length) return null;
  return (
    <div className="text-sm">
      <h4 className="font-medium">Columns</h4>
      <ul>
        {preview.mappingColumns.map((c) => {
          const key = String(c.index);
          return (
            <li key={key} className={item}>
              <span className="font-medium break-words">{c.header}</span>
              <span className="text-slate-600 dark:text-slate-400">{c.reason}</span>
              <select
                aria-label={`Read the column ${c.header} as`}
                className={field}
                value={draft.columns[key] ?? ""}
                onChange={(e) => onDraft({ ...draft, columns: { ...draft.columns, [key]: e.currentTarget.value } })}
              >
                <option value="">— choose —</option>
                <option value="ignore">Ignore this column</option>
                {preview.candidates.assignments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.code}: {a.title}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function StudentChoices({ preview, draft, onDraft }: DraftProps) {
  const id = useId();
  if (!preview.mappingStudents.length) return null;
  // One shared list (a course may have 2,000 students): type to search by name or email.
  const label = (s: { name: string; email: string }) => `${s.name} (${s.email})`;
  const byLabel = new Map(preview.candidates.students.map((s) => [label(s), s.id]));
  const labelOf = new Map(preview.candidates.students.map((s) => [s.id, label(s)]));
  const shown = (value: string) => (value === "skip" ? SKIP : (labelOf.get(value) ?? value));
  return (
    <div className="text-sm">
      <h4 className="font-medium">Students</h4>
      <datalist id={`${id}-members`}>
        <option value={SKIP} />
        {preview.candidates.students.map((s) => (
          <option key={s.id} value={label(s)} />
        ))}
      </datalist>
      <ul>
        {preview.mappingStudents.map((s) => {
          const key = String(s.line);
          const value = draft.students[key] ?? "";
          const invalid = value !== "" && value !== "skip" && !labelOf.has(value);
          const ids = [
            s.canvasUserId && `Canvas ID ${s.canvasUserId}`,
            s.sisUserId && `SIS User ID ${s.sisUserId}`,
            s.sisLoginId && `SIS Login ID ${s.sisLoginId}`,
          ].filter(Boolean);
          return (
            <li key={key} className={item}>
              <span className="font-medium break-words">
                Line {s.line}: {s.name || "(no name)"}
                {s.state === "pending" && s.userId ? (
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                    suggested: the student with this name
                  </span>
                ) : null}
              </span>
              <span className="break-words text-slate-600 dark:text-slate-400">
                {ids.length ? ids.join(", ") : "no Canvas identity: this choice is not remembered"}
              </span>
              <span>
                <input
                  list={`${id}-members`}
                  aria-label={`Line ${s.line}, ${s.name || "no name"}: this is`}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? `${id}-err-${key}` : undefined}
                  placeholder="Type a name or email"
                  className={field}
                  value={shown(value)}
                  onChange={(e) => {
                    const typed = e.currentTarget.value;
                    const next = typed === SKIP ? "skip" : typed === "" ? "" : (byLabel.get(typed) ?? typed);
                    onDraft({ ...draft, students: { ...draft.students, [key]: next } });
                  }}
                />
                {invalid ? (
                  <span id={`${id}-err-${key}`} className="mt-1 block text-xs text-red-700 dark:text-red-300">
                    Choose a student from the list, or “{SKIP}”.
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
