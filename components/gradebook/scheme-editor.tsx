"use client";
import { startTransition, useActionState, useMemo, useState } from "react";
import type { ActionState } from "@/lib/server/platform/action";
import type { SchemeEditorData, SchemePreview } from "@/lib/server/grading/grade-scheme";
import { issuesByPath, schemeInputSchema } from "@/lib/validation/grades";
import { previewSchemeAction, saveSchemeAction } from "@/app/courses/[slug]/gradebook/actions";

type Draft = {
  categories: {
    id: string;
    name: string;
    trackId: string | null;
    trackName: string | null;
    weight: string;
    dropLowest: string;
  }[];
  items: { id: string; code: string; title: string; categoryId: string | null; weight: string }[];
  cutoffs: { key: number; letter: string; minPercent: string }[];
};

const input =
  "w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-right text-sm aria-[invalid=true]:border-red-600 disabled:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:disabled:bg-slate-800";

function toPayload(d: Draft) {
  return {
    categories: d.categories.map((c) => ({ id: c.id, weight: c.weight, dropLowest: c.dropLowest, trackId: c.trackId })),
    items: d.items.filter((i) => i.categoryId !== null).map((i) => ({ id: i.id, weight: i.weight })),
    cutoffs: d.cutoffs.map((c) => ({ letter: c.letter, minPercent: c.minPercent })),
  };
}

/**
 * Category weights, drops, item weights and letter cutoffs, validated as you go
 * (the same zod schema the server uses), with a preview of how the class's current
 * letters would move before anything is saved.
 */
export function SchemeEditor({ slug, data }: { slug: string; data: SchemeEditorData }) {
  const [draft, setDraft] = useState<Draft>(() => ({
    categories: data.categories.map((c) => ({
      id: c.id,
      name: c.name,
      trackId: c.trackId,
      trackName: c.trackName,
      weight: String(c.weight),
      dropLowest: String(c.dropLowest),
    })),
    items: data.assignments.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      categoryId: a.categoryId,
      weight: a.weight === null ? "" : String(a.weight),
    })),
    cutoffs: data.cutoffs.map((c, key) => ({ key, letter: c.letter, minPercent: String(c.minPercent) })),
  }));
  const [touched, setTouched] = useState(false);
  const [saveState, save, saving] = useActionState<ActionState, Record<string, unknown>>(saveSchemeAction, null);
  const [previewState, preview, previewing] = useActionState<ActionState<SchemePreview>, Record<string, unknown>>(
    previewSchemeAction,
    null,
  );

  const payload = toPayload(draft);
  const parsed = schemeInputSchema.safeParse(payload);
  const clientErrors = parsed.success ? {} : issuesByPath(parsed.error);
  // Item errors are keyed by their position among graded items; map them back to ids.
  const gradedItems = draft.items.filter((i) => i.categoryId !== null);
  const serverErrors = saveState && !saveState.ok ? (saveState.fieldErrors ?? {}) : {};
  const errorFor = (path: string) => (touched ? clientErrors[path]?.[0] : undefined) ?? serverErrors[path]?.[0];
  const totals = useMemo(() => {
    const tracks = [...new Set(draft.categories.map((c) => c.trackName).filter((t): t is string => t !== null))];
    const sum = (track: string | null) =>
      draft.categories
        .filter((c) => c.trackName === null || c.trackName === track)
        .reduce((s, c) => s + (Number(c.weight) || 0), 0);
    return tracks.length
      ? tracks.map((t) => ({ label: `Track “${t}”`, total: sum(t) }))
      : [{ label: "Total", total: sum(null) }];
  }, [draft.categories]);

  const update = (fn: (d: Draft) => Draft) => {
    setTouched(true);
    setDraft((d) => fn(d));
  };
  const submit = (kind: "save" | "preview") => {
    setTouched(true);
    if (!parsed.success) return;
    startTransition(() => (kind === "save" ? save : preview)({ courseSlug: slug, ...payload }));
  };

  const disabled = !data.canEdit;
  const fieldError = (path: string, id: string) => {
    const e = errorFor(path);
    return e ? (
      <p id={id} className="mt-1 text-xs text-red-700 dark:text-red-300">
        {e}
      </p>
    ) : null;
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit("save");
      }}
      noValidate
      className="space-y-6"
    >
      {!data.canEdit ? (
        <p className="rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-900">
          Only instructors can change the grading scheme; this is a read-only view.
        </p>
      ) : null}
      <section aria-labelledby="cat-h" className="space-y-3">
        <h2 id="cat-h" className="text-lg font-semibold">
          Categories and items
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Category weights are percent of the final grade. Item weights are relative inside their category; leave blank
          for an equal share.{" "}
          {totals.map((t) => (
            <span
              key={t.label}
              className={Math.abs(t.total - 100) > 0.001 ? "font-semibold text-red-700 dark:text-red-300" : ""}
            >
              {t.label}: {Math.round(t.total * 1000) / 1000}%.{" "}
            </span>
          ))}
        </p>
        {errorFor("categories") ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {errorFor("categories")}
          </p>
        ) : null}
        {draft.categories.map((c, ci) => {
          const own = draft.items.filter((i) => i.categoryId === c.id);
          return (
            <fieldset key={c.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <legend className="px-1 font-medium">
                {c.name}
                {c.trackName ? (
                  <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                    {" "}
                    · elective track “{c.trackName}”
                  </span>
                ) : null}
              </legend>
              <div className="flex flex-wrap gap-4">
                <div>
                  <label htmlFor={`cw-${ci}`} className="block text-sm">
                    Weight (%)
                  </label>
                  <input
                    id={`cw-${ci}`}
                    className={input}
                    inputMode="decimal"
                    value={c.weight}
                    disabled={disabled}
                    aria-invalid={Boolean(errorFor(`categories.${ci}.weight`))}
                    aria-describedby={errorFor(`categories.${ci}.weight`) ? `cw-${ci}-e` : undefined}
                    onChange={(e) =>
                      update((d) => ({
                        ...d,
                        categories: d.categories.map((x, i) => (i === ci ? { ...x, weight: e.target.value } : x)),
                      }))
                    }
                  />
                  {fieldError(`categories.${ci}.weight`, `cw-${ci}-e`)}
                </div>
                <div>
                  <label htmlFor={`cd-${ci}`} className="block text-sm">
                    Drop lowest
                  </label>
                  <input
                    id={`cd-${ci}`}
                    className={input}
                    inputMode="numeric"
                    value={c.dropLowest}
                    disabled={disabled}
                    aria-invalid={Boolean(errorFor(`categories.${ci}.dropLowest`))}
                    aria-describedby={errorFor(`categories.${ci}.dropLowest`) ? `cd-${ci}-e` : undefined}
                    onChange={(e) =>
                      update((d) => ({
                        ...d,
                        categories: d.categories.map((x, i) => (i === ci ? { ...x, dropLowest: e.target.value } : x)),
                      }))
                    }
                  />
                  {fieldError(`categories.${ci}.dropLowest`, `cd-${ci}-e`)}
                </div>
              </div>
              {own.length ? (
                <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                  {own.map((item) => {
                    const ii = gradedItems.indexOf(item);
                    const path = `items.${ii}.weight`;
                    return (
                      <li key={item.id} className="flex items-center gap-2">
                        <label htmlFor={`iw-${item.id}`} className="min-w-0 flex-1 truncate text-sm" title={item.title}>
                          {item.code} weight
                        </label>
                        <input
                          id={`iw-${item.id}`}
                          className={input}
                          inputMode="decimal"
                          placeholder="equal"
                          value={item.weight}
                          disabled={disabled}
                          aria-invalid={Boolean(errorFor(path))}
                          aria-describedby={errorFor(path) ? `iw-${item.id}-e` : undefined}
                          onChange={(e) =>
                            update((d) => ({
                              ...d,
                              items: d.items.map((x) => (x.id === item.id ? { ...x, weight: e.target.value } : x)),
                            }))
                          }
                        />
                        {fieldError(path, `iw-${item.id}-e`)}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No assignments in this category.</p>
              )}
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="cut-h" className="space-y-2">
        <h2 id="cut-h" className="text-lg font-semibold">
          Letter cutoffs
        </h2>
        {errorFor("cutoffs") ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {errorFor("cutoffs")}
          </p>
        ) : null}
        <table className="text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left">
                Letter
              </th>
              <th scope="col" className="pr-3 text-left">
                From (%)
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.cutoffs.map((c, i) => (
              <tr key={c.key} className="align-top">
                <td className="py-1 pr-3">
                  <input
                    aria-label={`Letter ${i + 1}`}
                    className={input}
                    value={c.letter}
                    disabled={disabled}
                    aria-invalid={Boolean(errorFor(`cutoffs.${i}.letter`))}
                    aria-describedby={errorFor(`cutoffs.${i}.letter`) ? `cl-${c.key}-e` : undefined}
                    onChange={(e) =>
                      update((d) => ({
                        ...d,
                        cutoffs: d.cutoffs.map((x, j) => (j === i ? { ...x, letter: e.target.value } : x)),
                      }))
                    }
                  />
                  {fieldError(`cutoffs.${i}.letter`, `cl-${c.key}-e`)}
                </td>
                <td className="py-1 pr-3">
                  <input
                    aria-label={`Minimum percent for ${c.letter || `letter ${i + 1}`}`}
                    className={input}
                    inputMode="decimal"
                    value={c.minPercent}
                    disabled={disabled}
                    aria-invalid={Boolean(errorFor(`cutoffs.${i}.minPercent`))}
                    aria-describedby={errorFor(`cutoffs.${i}.minPercent`) ? `cm-${c.key}-e` : undefined}
                    onChange={(e) =>
                      update((d) => ({
                        ...d,
                        cutoffs: d.cutoffs.map((x, j) => (j === i ? { ...x, minPercent: e.target.value } : x)),
                      }))
                    }
                  />
                  {fieldError(`cutoffs.${i}.minPercent`, `cm-${c.key}-e`)}
                </td>
                <td className="py-1">
                  {data.canEdit ? (
                    <button
                      type="button"
                      className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700"
                      aria-label={`Remove ${c.letter || `letter ${i + 1}`}`}
                      onClick={() => update((d) => ({ ...d, cutoffs: d.cutoffs.filter((_, j) => j !== i) }))}
                    >
                      Remove
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.canEdit ? (
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
            onClick={() =>
              update((d) => ({
                ...d,
                cutoffs: [
                  ...d.cutoffs,
                  { key: Math.max(0, ...d.cutoffs.map((c) => c.key)) + 1, letter: "", minPercent: "" },
                ],
              }))
            }
          >
            Add a letter
          </button>
        ) : null}
      </section>

      {data.canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => submit("preview")}
            disabled={previewing}
            className="rounded-md border border-brand-700 px-4 py-2 text-sm font-medium text-brand-700 disabled:opacity-60 dark:border-brand-100 dark:text-brand-100"
          >
            {previewing ? "Working…" : "Preview the effect"}
          </button>
          <button
            type="submit"
            disabled={saving}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {saving ? "Saving…" : "Save scheme"}
          </button>
          {touched && !parsed.success ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              Please correct the highlighted fields.
            </p>
          ) : null}
          {saveState?.ok ? (
            <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
              {saveState.message}
            </p>
          ) : null}
          {saveState && !saveState.ok ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {saveState.formError}
            </p>
          ) : null}
          {previewState && !previewState.ok ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {previewState.formError}
            </p>
          ) : null}
        </div>
      ) : null}

      {previewState?.ok && previewState.data ? <PreviewTable preview={previewState.data} /> : null}
    </form>
  );
}

function PreviewTable({ preview }: { preview: SchemePreview }) {
  const letters = [
    ...new Set([...preview.before.counts.map((c) => c.letter), ...preview.after.counts.map((c) => c.letter)]),
  ];
  const count = (d: SchemePreview["before"], letter: string) => d.counts.find((c) => c.letter === letter)?.count ?? 0;
  return (
    <section
      aria-labelledby="prev-h"
      aria-live="polite"
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h2 id="prev-h" className="text-lg font-semibold">
        Preview: current letters now and with these changes
      </h2>
      <p className="text-sm">
        {preview.changed} of {preview.students} students would change letter. Nothing has been saved yet.
      </p>
      <table className="text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="pr-6 text-left">
              Letter
            </th>
            <th scope="col" className="pr-6 text-right">
              Now
            </th>
            <th scope="col" className="pr-6 text-right">
              After
            </th>
            <th scope="col" className="text-right">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {letters.map((l) => {
            const diff = count(preview.after, l) - count(preview.before, l);
            return (
              <tr key={l} className="border-b border-slate-100 dark:border-slate-900">
                <th scope="row" className="pr-6 text-left font-normal">
                  {l}
                </th>
                <td className="pr-6 text-right tabular-nums">{count(preview.before, l)}</td>
                <td className="pr-6 text-right tabular-nums">{count(preview.after, l)}</td>
                <td className="text-right tabular-nums">{diff > 0 ? `+${diff}` : diff}</td>
              </tr>
            );
          })}
          {preview.before.ungraded || preview.after.ungraded ? (
            <tr>
              <th scope="row" className="pr-6 text-left font-normal">
                No grade yet
              </th>
              <td className="pr-6 text-right">{preview.before.ungraded}</td>
              <td className="pr-6 text-right">{preview.after.ungraded}</td>
              <td />
            </tr>
          ) : null}
        </tbody>
      </table>
      {preview.examples.length ? (
        <>
          <h3 className="font-medium">For example</h3>
          <ul className="list-disc pl-5 text-sm">
            {preview.examples.map((e) => (
              <li key={e.name}>
                {e.name}: {e.before ?? "–"} ({e.beforePercent?.toFixed(1) ?? "–"}%) → {e.after ?? "–"} (
                {e.afterPercent?.toFixed(1) ?? "–"}%)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
