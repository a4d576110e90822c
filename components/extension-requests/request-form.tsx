"use client";
import { startTransition, useActionState, useRef, useState } from "react";
import { createRequestAction, previewRequestAction } from "@/app/courses/[slug]/me/request-actions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";
import { REQUEST_FILE_ACCEPT } from "@/lib/validation/extension-requests";

type Option = { id: string; label: string };

/**
 * The student's request: an assignment, hours or a new date, a reason (markdown, only the student
 * and staff see it), an optional file. "Check" shows what approval would do before sending.
 */
export function ExtensionRequestForm({ slug, assignments }: { slug: string; assignments: Option[] }) {
  const [previewState, preview] = useActionState(previewRequestAction, null as ActionState);
  const [sendState, send] = useActionState(createRequestAction, null as ActionState);
  const [mode, setMode] = useState<"hours" | "date">("hours");
  const formRef = useRef<HTMLFormElement>(null);
  // Field errors of whichever button was pressed last.
  const [last, setLast] = useState<"preview" | "send">("preview");
  const state = last === "preview" ? previewState : sendState;
  if (assignments.length === 0) return <p className="text-sm">No assignment has a due date to extend.</p>;
  return (
    <form
      action={send}
      aria-label="Request an extension"
      ref={formRef}
      onSubmit={() => setLast("send")}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <input type="hidden" name="courseSlug" value={slug} />
      <Field as="select" name="assignmentId" label="Assignment" state={state} idPrefix="req">
        {assignments.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">Ask for</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="hours"
              checked={mode === "hours"}
              onChange={() => setMode("hours")}
            />
            More hours
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="mode" value="date" checked={mode === "date"} onChange={() => setMode("date")} />A
            new due date
          </label>
        </div>
      </fieldset>
      {mode === "hours" ? (
        <Field
          name="hours"
          label="Hours after the current due date"
          type="number"
          min={1}
          max={720}
          step={1}
          state={state}
          idPrefix="req"
        />
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="date" label="New due date" type="date" state={state} idPrefix="req" />
          <Field name="time" label="Time (course time zone)" type="time" state={state} idPrefix="req" />
        </div>
      )}
      <Field
        as="textarea"
        name="reason"
        label="Reason (markdown)"
        rows={3}
        hint="Only you and the course staff see it."
        state={sendState}
        idPrefix="req"
      />
      <Field
        name="file"
        label="Supporting file (optional)"
        type="file"
        accept={REQUEST_FILE_ACCEPT}
        hint="A Dean's note or a doctor's letter: PDF, PNG or JPEG, 5 MB at most."
        state={sendState}
        idPrefix="req"
      />
      {previewState?.ok && last === "preview" ? (
        <p
          role="status"
          data-testid="request-preview"
          className="rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-800"
        >
          {previewState.message}
        </p>
      ) : null}
      {last === "send" || !previewState?.ok ? <FormMessage state={state} /> : null}
      <div className="flex flex-wrap gap-3">
        <button
          // Not a form submission: React resets a form after its action runs, and checking must
          // keep what the student typed for the real send.
          type="button"
          onClick={() => {
            setLast("preview");
            const data = new FormData(formRef.current!);
            startTransition(() => preview(data));
          }}
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Check what approval would do
        </button>
        <SubmitButton pendingText="Sending…">Send request</SubmitButton>
      </div>
    </form>
  );
}
