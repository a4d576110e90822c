"use client";
import { useActionState, useState } from "react";
import { submitWorkAction } from "@/app/courses/[slug]/me/actions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";
import { SUBMISSION_ACCEPT, submissionFileError } from "@/lib/validation/deadlines";

/**
 * Hand in a link or a file. The cost line ("Submitting now costs 10 late hours,
 * leaving 115.") is the server's assessment at page load; the server assesses
 * again at the moment it records the submission.
 */
export function SubmitWorkForm({
  slug,
  assignmentId,
  code,
  cost,
  resubmission,
  expectedLatestId,
}: {
  slug: string;
  assignmentId: string;
  code: string;
  cost: string;
  resubmission: boolean;
  /** A team assignment: the team's latest hand-in shown on the page (null: none), so a teammate's is never replaced unseen. */
  expectedLatestId?: string | null;
}) {
  const [state, action] = useActionState(submitWorkAction, null as ActionState);
  const [method, setMethod] = useState<"link" | "file">("link");
  const [fileError, setFileError] = useState<string | null>(null);
  const prefix = `submit-${code}`;
  const shown: ActionState =
    fileError && method === "file" ? { ok: false, status: 422, fieldErrors: { file: [fileError] } } : state;

  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (method === "file" && fileError) e.preventDefault();
      }}
      aria-label={`Submit ${code}`}
      className="mt-3 space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      {expectedLatestId !== undefined && <input type="hidden" name="expectedLatestId" value={expectedLatestId ?? ""} />}
      <fieldset>
        <legend className="text-sm font-medium">{resubmission ? "Resubmit as" : "Hand in as"}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="method"
              value="link"
              checked={method === "link"}
              onChange={() => setMethod("link")}
            />{" "}
            A link
          </label>
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="method"
              value="file"
              checked={method === "file"}
              onChange={() => setMethod("file")}
            />{" "}
            A file
          </label>
        </div>
      </fieldset>
      {method === "link" ? (
        <Field
          idPrefix={prefix}
          name="url"
          label="Link to your work"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://"
          state={shown}
          required
        />
      ) : (
        <Field
          idPrefix={prefix}
          name="file"
          label="File"
          type="file"
          accept={SUBMISSION_ACCEPT}
          hint="PDF, ZIP, IPYNB, PY, TXT or MD; up to 10 MB."
          state={shown}
          required
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setFileError(file ? submissionFileError(file) : null);
          }}
        />
      )}
      <p id={`${prefix}-cost`} className="text-sm font-medium">
        {cost}
      </p>
      <SubmitButton pendingText="Submitting…">{resubmission ? `Resubmit ${code}` : `Submit ${code}`}</SubmitButton>
      <FormMessage state={shown} />
    </form>
  );
}
