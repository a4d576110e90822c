"use client";
import Papa from "papaparse";
import Link from "next/link";
import { useId, useState } from "react";
import { useChosenFile } from "@/components/ui/use-chosen-file";
import type { ImportPreview } from "@/lib/server/grading/grade-csv";
import { formatScore } from "@/components/gradebook/cell-save";

type Parsed = { fileName: string; header: string[]; rows: { line: number; cells: string[] }[] };
type Phase =
  | { kind: "idle" }
  | { kind: "parsing"; fileName: string; progress: number }
  | { kind: "checking"; parsed: Parsed }
  | { kind: "preview"; parsed: Parsed; preview: ImportPreview }
  | { kind: "applying"; parsed: Parsed; preview: ImportPreview }
  | { kind: "done"; created: number; updated: number };

const MAX_BYTES = 20 * 1024 * 1024;

async function post(
  slug: string,
  body: unknown,
): Promise<{ ok: boolean; status: number; json: Record<string, unknown> }> {
  const response = await fetch(`/api/courses/${encodeURIComponent(slug)}/gradebook/import`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    ok: response.ok,
    status: response.status,
    json: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

/**
 * Import a grades CSV: parsed here in chunks (with progress), checked by the server
 * (new / changed / unchanged, row errors by line), and written only on confirm.
 */
export function GradeImport({ slug }: { slug: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const fileInput = useChosenFile((file) => onFile(file));
  const inputId = useId();

  async function check(parsed: Parsed) {
    setPhase({ kind: "checking", parsed });
    const result = await post(slug, { mode: "preview", header: parsed.header, rows: parsed.rows }).catch(() => null);
    if (!result) return fail("The network is unavailable; nothing was imported.");
    if (!result.ok) return fail(String(result.json.error ?? `The file could not be checked (HTTP ${result.status}).`));
    setPhase({ kind: "preview", parsed, preview: result.json.preview as ImportPreview });
  }

  function fail(message: string) {
    setError(message);
    setPhase({ kind: "idle" });
  }

  function onFile(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) return fail("That file is larger than 20 MB; split it into smaller files.");
    const rows: { line: number; cells: string[] }[] = [];
    let header: string[] | null = null;
    let line = 0;
    setPhase({ kind: "parsing", fileName: file.name, progress: 0 });
    Papa.parse<string[]>(file, {
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      chunk: (results) => {
        for (const cells of results.data) {
          line++;
          if (!header) header = cells;
          else if (cells.length > 1 || (cells[0] ?? "") !== "") rows.push({ line, cells });
        }
        setPhase({ kind: "parsing", fileName: file.name, progress: Math.min(1, results.meta.cursor / file.size) });
      },
      complete: () => {
        if (!header) return fail("The file is empty.");
        void check({ fileName: file.name, header, rows });
      },
      error: (e) => fail(`The file could not be read: ${e.message}`),
    });
  }

  async function apply(parsed: Parsed, preview: ImportPreview) {
    setPhase({ kind: "applying", parsed, preview });
    const result = await post(slug, {
      mode: "apply",
      header: parsed.header,
      rows: parsed.rows,
      previewToken: preview.previewToken,
    }).catch(() => null);
    if (!result) return fail("The network is unavailable; nothing was imported.");
    if (result.status === 409) {
      setError(String(result.json.error ?? "Grades changed since the preview."));
      return void check(parsed);
    }
    if (!result.ok) return fail(String(result.json.error ?? `Nothing was imported (HTTP ${result.status}).`));
    const applied = result.json.applied as { created: number; updated: number };
    setPhase({ kind: "done", ...applied });
    if (fileInput.ref.current) fileInput.ref.current.value = "";
  }

  const busy = phase.kind === "parsing" || phase.kind === "checking" || phase.kind === "applying";
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium">
          Grades CSV file
        </label>
        <input
          {...fileInput}
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          aria-describedby={`${inputId}-hint`}
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1 dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
        />
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Canvas gradebook layout: an ID or SIS Login ID column per student, one column per assignment titled “Title
          (id)” or “Title (code)”. Blank cells leave a grade as it is. Nothing is saved until you confirm.
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      {phase.kind === "parsing" ? (
        <div role="status">
          <label className="text-sm" htmlFor={`${inputId}-progress`}>
            Reading {phase.fileName}… {Math.round(phase.progress * 100)}%
          </label>
          <progress id={`${inputId}-progress`} max={1} value={phase.progress} className="block h-2 w-full max-w-md" />
        </div>
      ) : null}
      {phase.kind === "checking" ? (
        <p role="status" aria-busy="true" className="text-sm">
          Comparing {phase.parsed.rows.length} rows with the gradebook…
        </p>
      ) : null}
      {phase.kind === "preview" || phase.kind === "applying" ? (
        <PreviewView
          preview={phase.preview}
          fileName={phase.parsed.fileName}
          applying={phase.kind === "applying"}
          onConfirm={() => apply(phase.parsed, phase.preview)}
          onCancel={() => {
            setPhase({ kind: "idle" });
            if (fileInput.ref.current) fileInput.ref.current.value = "";
          }}
        />
      ) : null}
      {phase.kind === "done" ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Imported: {phase.created} new and {phase.updated} changed grades.{" "}
          <Link href={`/courses/${slug}/gradebook`}>Back to the gradebook</Link>
        </p>
      ) : null}
    </div>
  );
}

function PreviewView({
  preview,
  fileName,
  applying,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  fileName: string;
  applying: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const total = preview.counts.new + preview.counts.changed;
  const figures: [string, number][] = [
    ["New grades", preview.counts.new],
    ["Changed grades", preview.counts.changed],
    ["Unchanged", preview.counts.unchanged],
    ["Rows with errors (skipped)", preview.counts.errors],
  ];
  return (
    <section aria-labelledby="imp-h" className="space-y-4">
      <h2 id="imp-h" className="text-lg font-semibold">
        Preview of {fileName}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([k, v]) => (
          <div key={k} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="text-lg font-semibold tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm">
        Matched columns: {preview.columns.map((c) => c.code).join(", ") || "none"}.
        {preview.ignoredColumns.length ? ` Ignored: ${preview.ignoredColumns.join(", ")}.` : ""}
      </p>
      {preview.errors.length ? (
        <div>
          <h3 className="font-medium text-red-800 dark:text-red-300">Errors</h3>
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
        </div>
      ) : null}
      {total ? (
        <div className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
          <table className="w-full text-sm">
            <caption className="sr-only">Grades the import would write</caption>
            <thead className="sticky top-0 bg-slate-100 dark:bg-slate-900">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  Line
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  Student
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  Assignment
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  Now
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  From file
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  Kind
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c) => (
                <tr
                  key={`${c.studentId}|${c.assignmentId}`}
                  className="border-t border-slate-100 dark:border-slate-800"
                >
                  <td className="px-2 py-1 tabular-nums">{c.line}</td>
                  <td className="px-2 py-1">{c.studentName}</td>
                  <td className="px-2 py-1">{c.code}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatScore(c.before) || "–"}</td>
                  <td className="px-2 py-1 text-right font-semibold tabular-nums">{formatScore(c.after)}</td>
                  <td className="px-2 py-1">{c.kind === "new" ? "new" : "changed"}</td>
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
      ) : (
        <p className="text-sm">Nothing to import: every grade in the file matches the gradebook.</p>
      )}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onConfirm}
          disabled={applying || total === 0}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {applying ? "Importing…" : `Import ${total} grade${total === 1 ? "" : "s"}`}
        </button>
        <button
          type="button"
          onClick={onCancel}
          disabled={applying}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-700"
        >
          Cancel
        </button>
      </div>
    </section>
  );
}
