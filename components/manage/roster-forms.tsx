"use client";
import { useState } from "react";
import { Field, FormMessage } from "@/components/ui/form";
import { useChosenFileText } from "@/components/ui/use-chosen-file";
import {
  addMemberAction,
  applyRosterImportAction,
  changeRoleAction,
  previewRosterImportAction,
} from "@/app/courses/[slug]/manage/actions";
import type { RosterImportPreview } from "@/lib/server/people/roster";
import { useCourseForm } from "@/components/manage/use-course-form";
import { Submit } from "@/components/manage/submit";
import { buttonClass } from "@/components/manage/manage-nav";

const ROLES = [
  { value: "STUDENT", label: "Student" },
  { value: "AUDITOR", label: "Auditor" },
  { value: "TA", label: "TA" },
  { value: "INSTRUCTOR", label: "Instructor" },
];

export function AddMemberForm({ slug }: { slug: string }) {
  const { state, pending, formProps } = useCourseForm(addMemberAction, { resetOnSuccess: true });
  return (
    <form {...formProps} noValidate className="space-y-3" aria-labelledby="add-h">
      <h2 id="add-h" className="text-lg font-semibold">
        Add a person
      </h2>
      <input type="hidden" name="courseSlug" value={slug} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field idPrefix="add" state={state} name="email" label="Email" type="email" autoComplete="off" required />
        <Field idPrefix="add" state={state} name="name" label="Name" hint="Needed only for someone new to Lectern" />
        <Field idPrefix="add" state={state} as="select" name="role" label="Role" defaultValue="STUDENT">
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </Field>
      </div>
      <Submit pending={pending} pendingText="Adding…">
        Add
      </Submit>
    </form>
  );
}

export function RoleSelect({
  slug,
  membershipId,
  role,
  name,
}: {
  slug: string;
  membershipId: string;
  role: string;
  name: string;
}) {
  const { state, pending, formProps } = useCourseForm(changeRoleAction);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <select
        name="role"
        defaultValue={role}
        aria-label={`Role of ${name}`}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {ROLES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={buttonClass}>
        Change<span className="sr-only"> role of {name}</span>
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {state.formError}
        </span>
      ) : null}
      {state?.ok && state.message ? (
        <span role="status" className="text-xs text-emerald-800 dark:text-emerald-200">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** CSV: choose a file, see what it would do (with line-numbered errors), then import all of it or nothing. */
export function RosterImport({ slug }: { slug: string }) {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const preview = useCourseForm<RosterImportPreview>(previewRosterImportAction);
  const apply = useCourseForm(applyRosterImportAction);
  const result = preview.state?.ok ? preview.state.data : undefined;
  const canApply = Boolean(result && result.errors.length === 0 && result.rows.some((r) => r.action !== "unchanged"));
  const applyErrors = apply.state && !apply.state.ok ? apply.state.fieldErrors?.csv : undefined;

  const fileInput = useChosenFileText((chosen) => {
    setFileName(chosen?.name ?? null);
    setCsv(chosen?.text ?? "");
  });

  return (
    <section aria-labelledby="import-h" className="space-y-3">
      <h2 id="import-h" className="text-lg font-semibold">
        Import a roster CSV
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A header line naming <code>email</code>, and optionally <code>name</code> and <code>role</code> (student,
        auditor, ta, instructor; default student). Nothing is applied if any line has an error.
      </p>
      <form {...preview.formProps} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="courseSlug" value={slug} />
        <input type="hidden" name="csv" value={csv} />
        <div>
          <label htmlFor="roster-file" className="block text-sm font-medium">
            CSV file
          </label>
          <input id="roster-file" type="file" accept=".csv,text/csv" className="mt-1 text-sm" {...fileInput} />
        </div>
        <button type="submit" disabled={!csv || preview.pending} className={buttonClass}>
          {preview.pending ? "Checking…" : "Preview"}
        </button>
      </form>
      <FormMessage state={preview.state && !preview.state.ok ? preview.state : null} />
      {result ? (
        <div className="space-y-3" data-testid="roster-preview">
          {result.errors.length ? (
            <div
              role="alert"
              className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
            >
              <p className="font-medium">
                {fileName ?? "The file"} has {result.errors.length} {result.errors.length === 1 ? "error" : "errors"};
                fix {result.errors.length === 1 ? "it" : "them"} and preview again.
              </p>
              <ul className="mt-1 list-disc pl-5">
                {result.errors.map((e, i) => (
                  <li key={i}>
                    {e.line ? `Line ${e.line}: ` : ""}
                    {e.email && !e.message.includes(e.email) ? `${e.email}: ` : ""}
                    {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="text-left text-sm text-slate-600 dark:text-slate-400">
                What the import would do
              </caption>
              <thead>
                <tr>
                  {["Line", "Email", "Name", "Role", "Change"].map((h) => (
                    <th key={h} scope="col" className="text-left font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.email} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="py-1 pr-2">{r.line}</td>
                    <td className="pr-2">{r.email}</td>
                    <td className="pr-2">{r.name ?? "—"}</td>
                    <td className="pr-2">{r.role.toLowerCase()}</td>
                    <td>
                      {{ add: "add", "re-enrol": "enrol again", role: "change role", unchanged: "no change" }[r.action]}
                      {r.note ? ` (${r.note})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form {...apply.formProps}>
            <input type="hidden" name="courseSlug" value={slug} />
            <input type="hidden" name="csv" value={csv} />
            <Submit pending={apply.pending} disabled={!canApply} pendingText="Importing…">
              {canApply ? "Import these changes" : "Nothing to import"}
            </Submit>
          </form>
        </div>
      ) : null}
      <FormMessage state={apply.state} />
      {applyErrors?.length ? (
        <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
          {applyErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
