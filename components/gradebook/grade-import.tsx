"use client";
import Papa from "papaparse";
import Link from "next/link";
import { useId, useState } from "react";
import { useChosenFile } from "@/components/ui/use-chosen-file";
import { detectDelimiter, gradeRowCollector, type ParsedGradeFile } from "@/lib/domain/canvas-gradebook";
import type { ImportChoices, ImportPreview } from "@/lib/server/grading/grade-import-diff";
import { ImportPreviewView } from "@/components/gradebook/import-preview";
import { GRADE_CSV_MAX_BYTES } from "@/lib/validation/grades";

export type Parsed = ParsedGradeFile & { fileName: string; delimiter: ";" | "," };
type Phase =
  | { kind: "idle" }
  | { kind: "parsing"; fileName: string; progress: number }
  | { kind: "checking"; parsed: Parsed; choices: ImportChoices }
  | { kind: "preview"; parsed: Parsed; preview: ImportPreview; choices: ImportChoices }
  | { kind: "applying"; parsed: Parsed; preview: ImportPreview; choices: ImportChoices }
  | { kind: "done"; created: number; updated: number; linked: number };

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
 * Import a grades CSV (a Canvas gradebook export as it comes, or Lectern's own): parsed here in
 * chunks with Canvas's delimiter detection, checked by the server (what changes, what matched
 * nothing and why), mapped by the staff where needed, and written only on confirm.
 */
export function GradeImport({ slug }: { slug: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const fileInput = useChosenFile((file) => void onFile(file));
  const inputId = useId();

  async function check(parsed: Parsed, choices: ImportChoices) {
    setPhase({ kind: "checking", parsed, choices });
    const result = await post(slug, { mode: "preview", header: parsed.header, rows: parsed.rows, choices }).catch(
      () => null,
    );
    if (!result) return fail("The network is unavailable; nothing was imported.");
    if (!result.ok) return fail(String(result.json.error ?? `The file could not be checked (HTTP ${result.status}).`));
    setPhase({ kind: "preview", parsed, preview: result.json.preview as ImportPreview, choices });
  }

  function fail(message: string) {
    setError(message);
    setPhase({ kind: "idle" });
  }

  async function onFile(file: File | undefined) {
    setError(null);
    if (!file) return;
    if (file.size > GRADE_CSV_MAX_BYTES) return fail("That file is larger than 20 MB; split it into smaller files.");
    setPhase({ kind: "parsing", fileName: file.name, progress: 0 });
    // Canvas decides "," or ";" from the first lines; so do we, before parsing the rest.
    const sample = await file.slice(0, 1024 * 1024).text();
    const whole = file.size <= 1024 * 1024 ? sample : sample.slice(0, sample.lastIndexOf("\n") + 1);
    const delimiter = detectDelimiter(whole);
    const rows = gradeRowCollector();
    Papa.parse<string[]>(file, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      chunk: (results) => {
        for (const cells of results.data) rows.add(cells);
        setPhase({ kind: "parsing", fileName: file.name, progress: Math.min(1, results.meta.cursor / file.size) });
      },
      complete: () => {
        const parsed = rows.result();
        if (!parsed) return fail("The file is empty.");
        void check({ ...parsed, fileName: file.name, delimiter }, {});
      },
      error: (e) => fail(`The file could not be read: ${e.message}`),
    });
  }

  async function apply(parsed: Parsed, preview: ImportPreview, choices: ImportChoices) {
    setPhase({ kind: "applying", parsed, preview, choices });
    const result = await post(slug, {
      mode: "apply",
      header: parsed.header,
      rows: parsed.rows,
      choices,
      previewToken: preview.previewToken,
    }).catch(() => null);
    if (!result) return fail("The network is unavailable; nothing was imported.");
    if (result.status === 409) {
      setError(String(result.json.error ?? "Grades changed since the preview."));
      return void check(parsed, choices);
    }
    if (!result.ok) return fail(String(result.json.error ?? `Nothing was imported (HTTP ${result.status}).`));
    setPhase({ kind: "done", ...(result.json.applied as { created: number; updated: number; linked: number }) });
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
          className="mt-1 block w-full max-w-md text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1 dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
        />
        <p id={`${inputId}-hint`} className="mt-1 max-w-prose text-xs text-slate-600 dark:text-slate-400">
          A Canvas gradebook export as it comes (Grades → Export), or Lectern&apos;s own. Comma or semicolon separated;
          blank cells and N/A leave a grade as it is. Nothing is saved until you confirm.
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
        <ImportPreviewView
          // A new preview starts the mapping step's drafts afresh from what the server decided.
          key={phase.preview.previewToken + JSON.stringify(phase.choices)}
          preview={phase.preview}
          parsed={phase.parsed}
          choices={phase.choices}
          applying={phase.kind === "applying"}
          onRecheck={(choices) => void check(phase.parsed, choices)}
          onConfirm={() => void apply(phase.parsed, phase.preview, phase.choices)}
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
          Imported: {phase.created} new and {phase.updated} changed grades
          {phase.linked ? `; ${phase.linked} Canvas links remembered for the next import` : ""}.{" "}
          <Link href={`/courses/${slug}/gradebook`}>Back to the gradebook</Link>
        </p>
      ) : null}
    </div>
  );
}
