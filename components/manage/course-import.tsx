"use client";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form";
import { applyCourseImportAction, previewCourseImportAction } from "@/app/courses/import/actions";
import type { ImportPreview } from "@/lib/server/course/manage/course-file";
import { useChosenFileText } from "@/components/ui/use-chosen-file";
import { useCourseForm } from "@/components/manage/use-course-form";
import { Submit } from "@/components/manage/submit";
import { buttonClass } from "@/components/manage/manage-nav";

/** Upload a course file, see what it would create or change, then import it in one go. */
export function CourseImport({ targetSlug }: { targetSlug?: string }) {
  const [yaml, setYaml] = useState("");
  const fileInput = useChosenFileText((chosen) => setYaml(chosen?.text ?? ""));
  const preview = useCourseForm<ImportPreview>(previewCourseImportAction);
  const apply = useCourseForm<{ slug: string }>(applyCourseImportAction);
  const result = preview.state?.ok ? preview.state.data : undefined;
  const errors = preview.state && !preview.state.ok ? preview.state.fieldErrors?.yaml : undefined;
  const applyErrors = apply.state && !apply.state.ok ? apply.state.fieldErrors?.yaml : undefined;
  const done = apply.state?.ok ? apply.state.data : undefined;

  return (
    <div className="space-y-4">
      <form {...preview.formProps} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="yaml" value={yaml} />
        <input type="hidden" name="targetSlug" value={targetSlug ?? ""} />
        <div>
          <label htmlFor="course-file" className="block text-sm font-medium">
            Course file (YAML)
          </label>
          <input
            id="course-file"
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            className="mt-1 text-sm"
            {...fileInput}
          />
        </div>
        <button type="submit" disabled={!yaml || preview.pending} className={buttonClass}>
          {preview.pending ? "Checking…" : "Preview"}
        </button>
      </form>
      <FormMessage state={preview.state && !preview.state.ok ? preview.state : null} />
      {errors?.length ? (
        <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-300" aria-label="Problems in the file">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {result ? (
        <section
          aria-labelledby="preview-h"
          className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          data-testid="course-import-preview"
        >
          <h2 id="preview-h" className="font-semibold">
            {result.mode === "create" ? "Creates" : "Updates"} {result.code}: {result.title}{" "}
            <span className="font-normal text-slate-600 dark:text-slate-400">({result.slug})</span>
          </h2>
          <ul className="flex flex-wrap gap-x-4 text-sm">
            {Object.entries(result.counts).map(([k, v]) => (
              <li key={k}>
                {v} {k}
              </li>
            ))}
          </ul>
          <ul className="list-disc pl-5 text-sm">
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <form {...apply.formProps}>
            <input type="hidden" name="yaml" value={yaml} />
            <input type="hidden" name="targetSlug" value={targetSlug ?? ""} />
            <Submit pending={apply.pending} pendingText="Importing…">
              {result.mode === "create" ? "Create the course" : "Update the course"}
            </Submit>
          </form>
        </section>
      ) : null}
      <FormMessage state={apply.state} />
      {applyErrors?.length ? (
        <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
          {applyErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {done ? (
        <p>
          <a href={`/courses/${done.slug}`}>Open the course</a>
        </p>
      ) : null}
    </div>
  );
}
