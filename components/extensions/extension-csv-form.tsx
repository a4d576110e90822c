"use client";
import { useActionState, useState } from "react";
import {
  applyExtensionCsvAction,
  previewExtensionCsvAction,
  type CsvActionData,
} from "@/app/courses/[slug]/late-hours/actions";
import { Field, FormMessage } from "@/components/ui/form";
import { useChosenFileText } from "@/components/ui/use-chosen-file";
import type { ActionState } from "@/lib/server/platform/action";
import { EXTENSION_CSV_COLUMNS } from "@/lib/domain/extension-csv";
import { formatInZone } from "@/lib/domain/time";

const EXAMPLE = `${EXTENSION_CSV_COLUMNS.join(",")}\nstudent1@example.edu,P3,2025-04-17,18:00,Dean's note`;

/** Per-student extensions from a CSV: preview with row errors, then apply all rows or none. */
export function ExtensionCsvForm({ slug, timeZone }: { slug: string; timeZone: string }) {
  const [previewState, preview, previewing] = useActionState(
    previewExtensionCsvAction,
    null as ActionState<CsvActionData>,
  );
  const [applyState, apply, applying] = useActionState(applyExtensionCsvAction, null as ActionState<CsvActionData>);
  const [csv, setCsv] = useState("");
  const fileInput = useChosenFileText((chosen) => {
    if (chosen) setCsv(chosen.text);
  });
  // Whichever ran last is what the table shows.
  const [last, setLast] = useState<"preview" | "apply" | null>(null);
  const state = last === "apply" ? applyState : last === "preview" ? previewState : null;
  const result = state?.ok ? state.data : undefined;
  const errorRows = result ? result.preview.rows.filter((r) => r.errors.length) : [];

  return (
    <form className="space-y-3" aria-label="Import extensions from a CSV">
      <input type="hidden" name="courseSlug" value={slug} />
      <div>
        <label htmlFor="csv-file" className="block text-sm font-medium">
          CSV file
        </label>
        <input id="csv-file" type="file" accept=".csv,text/csv" className="mt-1 block text-sm" {...fileInput} />
      </div>
      <Field
        idPrefix="csv"
        as="textarea"
        name="csv"
        label="Or paste it"
        rows={5}
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        state={state}
        hint={`Header: ${EXTENSION_CSV_COLUMNS.join(",")}. Dates and times are ${timeZone} wall-clock (YYYY-MM-DD, 24-hour HH:MM).`}
        placeholder={EXAMPLE}
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          formAction={(fd) => {
            setLast("preview");
            preview(fd);
          }}
          disabled={previewing || applying}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          {previewing ? "Checking…" : "Preview"}
        </button>
        <button
          type="submit"
          formAction={(fd) => {
            setLast("apply");
            apply(fd);
          }}
          disabled={previewing || applying}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {applying ? "Applying…" : "Apply all rows"}
        </button>
      </div>
      {state && !state.ok ? <FormMessage state={state} /> : null}
      {result ? (
        result.applied ? (
          <FormMessage state={state} />
        ) : result.preview.fileErrors.length || errorRows.length ? (
          <div role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
            {last === "apply" ? "Nothing was applied. " : ""}
            {result.preview.fileErrors.length
              ? result.preview.fileErrors.join(" ")
              : `${errorRows.length} of ${result.preview.rows.length} rows have errors; fix them and preview again.`}
          </div>
        ) : (
          <p
            role="status"
            className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
          >
            All {result.preview.rows.length} rows are valid. Apply to grant them.
          </p>
        )
      ) : null}
      {result && result.preview.rows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">CSV rows and their problems</caption>
            <thead className="border-b border-slate-200 text-xs uppercase text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-2">
                  Line
                </th>
                <th scope="col" className="py-1 pr-2">
                  Student
                </th>
                <th scope="col" className="py-1 pr-2">
                  Assignment
                </th>
                <th scope="col" className="py-1 pr-2">
                  New due
                </th>
                <th scope="col" className="py-1 pr-2">
                  Reason
                </th>
                <th scope="col" className="py-1">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {result.preview.rows.map((r) => (
                <tr
                  key={r.line}
                  className={`border-b border-slate-100 align-top dark:border-slate-800 ${r.errors.length ? "bg-red-50 dark:bg-red-950" : ""}`}
                >
                  <td className="py-1 pr-2 tabular-nums">{r.line}</td>
                  <td className="py-1 pr-2">{r.studentName ?? r.email}</td>
                  <td className="py-1 pr-2">{r.assignmentCode}</td>
                  <td className="py-1 pr-2">
                    {r.dueAt ? formatInZone({ at: new Date(r.dueAt), timeZone }) : `${r.dueDate} ${r.dueTime}`}
                  </td>
                  <td className="py-1 pr-2">{r.reason}</td>
                  <td className="py-1">
                    {r.errors.length ? (
                      <ul className="list-disc pl-4">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    ) : (
                      "OK"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
