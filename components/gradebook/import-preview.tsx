"use client";
import { useState } from "react";
import type { ImportChoices, ImportLink, ImportPreview } from "@/lib/server/grading/grade-import-diff";
import { formatScore } from "@/components/gradebook/cell-save";
import {
  COLUMN_MATCH_LABEL,
  outcomeSentence,
  STUDENT_MATCH_LABEL,
  studentMatchSummary,
} from "@/components/gradebook/import-summary";
import {
  ImportMapping,
  choicesOf,
  draftFrom,
  hasInvalidChoice,
  isDirty,
  type Draft,
  type DraftProps,
} from "@/components/gradebook/import-mapping";
import type { Parsed } from "@/components/gradebook/grade-import";

const box = "rounded-md border border-slate-200 p-3 dark:border-slate-800";
const button =
  "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60";
const secondary = "rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-700";

export function ImportPreviewView({
  preview,
  parsed,
  choices,
  applying,
  onRecheck,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  parsed: Parsed;
  choices: ImportChoices;
  applying: boolean;
  onRecheck: (choices: ImportChoices) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(preview, choices));
  const dirty = isDirty(draft, preview);
  const total = preview.counts.new + preview.counts.changed;
  const canImport = !dirty && !applying && total + preview.links.length > 0;
  const label = total
    ? `Import ${total} grade${total === 1 ? "" : "s"}`
    : preview.links.length
      ? `Remember ${preview.links.length} Canvas link${preview.links.length === 1 ? "" : "s"}`
      : "No changes to import";
  return (
    <section aria-labelledby="imp-h" className="space-y-5">
      <div>
        <h2 id="imp-h" className="text-lg font-semibold">
          Preview of {parsed.fileName}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Read as a {parsed.delimiter === ";" ? "semicolon" : "comma"}-separated file
          {parsed.delimiter === ";" ? " (decimal commas such as 91,50 read as 91.50)" : ""}: {parsed.rows.length} rows,{" "}
          {parsed.header.length} columns.
        </p>
      </div>
      <Figures preview={preview} />
      <p role="status" className="text-sm font-medium">
        {outcomeSentence(preview)}
      </p>
      <ImportMapping preview={preview} draft={draft} onDraft={setDraft} />
      <ExtraCredit preview={preview} draft={draft} onDraft={setDraft} />
      {dirty ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
          <span>Your choices change what is imported: check the file again before importing.</span>
          <button
            type="button"
            className={button}
            disabled={hasInvalidChoice(draft, preview)}
            onClick={() => onRecheck(choicesOf(draft))}
          >
            Check again with these choices
          </button>
        </div>
      ) : null}
      <Matched preview={preview} />
      <Errors preview={preview} />
      <LeftOut preview={preview} />
      <Links links={preview.links} />
      <Changes preview={preview} total={total} />
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={onConfirm} disabled={!canImport} className={button}>
          {applying ? "Importing…" : label}
        </button>
        <button type="button" onClick={onCancel} disabled={applying} className={secondary}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function Figures({ preview }: { preview: ImportPreview }) {
  const c = preview.counts;
  const figures: [string, number][] = [
    ["New grades", c.new],
    ["Changed grades", c.changed],
    ["Unchanged", c.unchanged],
    ["Not assigned (N/A)", c.notAssigned],
    ["Waiting for your choice", c.pendingColumns + c.pendingStudents],
    ["Rows with errors (skipped)", c.errors],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {figures.map(([k, v]) => (
        <div key={k} className={box}>
          <dt className="text-xs text-slate-600 dark:text-slate-400">{k}</dt>
          <dd className="text-lg font-semibold tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ExtraCredit({ preview, draft, onDraft }: DraftProps) {
  if (!preview.extraCredit.length) return null;
  return (
    <section aria-labelledby="imp-extra" className={box}>
      <h3 id="imp-extra" className="font-medium">
        Scores above the points possible
      </h3>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {preview.extraCredit.map((e) => (
          <li key={`${e.line}-${e.code}`}>
            Line {e.line}: {e.studentName}, {e.code}: {e.score} of {e.points}
          </li>
        ))}
      </ul>
      <label className="mt-2 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={draft.extraCredit}
          onChange={(e) => onDraft({ ...draft, extraCredit: e.currentTarget.checked })}
        />
        <span>
          These are extra credit: import them above the points possible (up to twice the points). Until you confirm,
          their rows are left out.
        </span>
      </label>
    </section>
  );
}

function Matched({ preview }: { preview: ImportPreview }) {
  return (
    <section aria-labelledby="imp-matched" className="space-y-1 text-sm">
      <h3 id="imp-matched" className="font-medium">
        What matched
      </h3>
      <p>
        Columns:{" "}
        {preview.columns.length
          ? preview.columns.map((c, i) => (
              <span key={c.index}>
                {i ? "; " : ""}“{c.header}” → <strong>{c.code}</strong> (by {COLUMN_MATCH_LABEL[c.matchedBy]})
                {c.pointsNote ? <span className="text-amber-800 dark:text-amber-300"> — {c.pointsNote}</span> : null}
              </span>
            ))
          : "none"}
        .
      </p>
      <p>{studentMatchSummary(preview)}</p>
      <p className="text-slate-600 dark:text-slate-400">Student columns read: {preview.studentColumns.join(", ")}.</p>
    </section>
  );
}

function Errors({ preview }: { preview: ImportPreview }) {
  if (!preview.errors.length) return null;
  return (
    <section aria-labelledby="imp-errors">
      <h3 id="imp-errors" className="font-medium text-red-800 dark:text-red-300">
        Rows with errors (left out whole, so no student is half-imported)
      </h3>
      <ul className="max-h-48 list-disc overflow-auto pl-5 text-sm">
        {preview.errors.map((e, i) => (
          <li key={i}>
            Line {e.line}: {e.message}
          </li>
        ))}
      </ul>
      {preview.counts.errors > preview.errors.length ? (
        <p className="text-sm">…and {preview.counts.errors - preview.errors.length} more.</p>
      ) : null}
    </section>
  );
}

function LeftOut({ preview }: { preview: ImportPreview }) {
  const columns = preview.ignoredColumns;
  const rows = preview.ignoredRows;
  if (!columns.length && !rows.length) return null;
  return (
    <section aria-labelledby="imp-left" className="space-y-2 text-sm">
      <h3 id="imp-left" className="font-medium">
        Left out, and why
      </h3>
      {columns.length ? (
        <details open={columns.length <= 8}>
          <summary className="cursor-pointer">{columns.length} columns ignored</summary>
          <ul className="list-disc pl-5">
            {columns.map((c) => (
              <li key={c.index}>
                “{c.header || `column ${c.index + 1}`}”: {c.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {rows.length ? (
        <details open={rows.length <= 8}>
          <summary className="cursor-pointer">{preview.counts.ignoredRows} rows ignored</summary>
          <ul className="list-disc pl-5">
            {rows.map((r) => (
              <li key={r.line}>
                Line {r.line}
                {r.who ? ` (${r.who})` : ""}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function linkText(link: ImportLink): string {
  switch (link.kind) {
    case "assignment":
      return `${link.code} is Canvas assignment ${link.canvasId}${link.replaces ? ` (was ${link.replaces})` : ""}`;
    case "student": {
      const ids = [
        link.canvasUserId ? `Canvas ID ${link.canvasUserId}` : null,
        link.sisUserId ? `SIS User ID ${link.sisUserId}` : null,
        link.sisLoginId ? `SIS Login ID ${link.sisLoginId}` : null,
      ].filter(Boolean);
      return `${link.name}: ${ids.join(", ")}`;
    }
    case "ignore":
      return `ignore the column “${link.header}” from now on`;
    case "unignore":
      return `read the column “${link.header}” again`;
  }
}

function Links({ links }: { links: ImportLink[] }) {
  if (!links.length) return null;
  return (
    <section aria-labelledby="imp-links" className="text-sm">
      <h3 id="imp-links" className="font-medium">
        Remembered for this course when you import
      </h3>
      <details open={links.length <= 8}>
        <summary className="cursor-pointer">{links.length} Canvas links, so the next import needs no choices</summary>
        <ul className="list-disc pl-5">
          {links.map((l, i) => (
            <li key={i}>{linkText(l)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function Changes({ preview, total }: { preview: ImportPreview; total: number }) {
  if (!total) return null;
  const th = "px-2 py-1 text-left";
  return (
    <div className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full text-sm">
        <caption className="sr-only">Grades the import would write</caption>
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
          <tr>
            <th scope="col" className={th}>
              Line
            </th>
            <th scope="col" className={th}>
              Student
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Matched by
            </th>
            <th scope="col" className={th}>
              Assignment
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Now
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              From file
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Kind
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.map((c) => (
            <tr key={`${c.studentId}|${c.assignmentId}`} className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-2 py-1 tabular-nums">{c.line}</td>
              <td className="px-2 py-1">{c.studentName}</td>
              <td className="hidden px-2 py-1 sm:table-cell">{STUDENT_MATCH_LABEL[c.matchedBy]}</td>
              <td className="px-2 py-1">{c.code}</td>
              <td className="px-2 py-1 text-right tabular-nums">{formatScore(c.before) || "–"}</td>
              <td className="px-2 py-1 text-right font-semibold tabular-nums">
                {formatScore(c.after)}
                {c.extraCredit ? " (extra credit)" : ""}
              </td>
              <td className="hidden px-2 py-1 sm:table-cell">{c.kind}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > preview.changes.length ? (
        <p className="p-2 text-sm">
          Showing the first {preview.changes.length} of {total}; all of them will be imported.
        </p>
      ) : null}
    </div>
  );
}
