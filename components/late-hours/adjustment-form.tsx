"use client";
import { useActionState } from "react";
import { adjustLedgerAction } from "@/app/courses/[slug]/late-hours/actions";
import { Field, FormMessage, SubmitButton, fieldError } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";

/** An instructor's manual ADJUSTMENT: give hours back (a Dean's note) or charge them, always with a reason. */
export function AdjustmentForm({
  slug,
  studentId,
  studentName,
}: {
  slug: string;
  studentId: string;
  studentName: string;
}) {
  const [state, action] = useActionState(adjustLedgerAction, null as ActionState);
  const directionError = fieldError(state, "direction");
  return (
    <form action={action} className="max-w-lg space-y-3" aria-label={`Adjust ${studentName}'s late hours`}>
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="studentId" value={studentId} />
      <fieldset aria-describedby={directionError ? "adj-direction-error" : undefined}>
        <legend className="text-sm font-medium">Adjustment</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="direction" value="give_back" defaultChecked /> Give hours back
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="direction" value="charge" /> Charge hours
          </label>
        </div>
        {directionError ? (
          <p id="adj-direction-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {directionError}
          </p>
        ) : null}
      </fieldset>
      <Field
        idPrefix="adj"
        name="hours"
        label="Hours"
        type="number"
        min={1}
        max={1000}
        step={1}
        inputMode="numeric"
        required
        state={state}
      />
      <Field
        idPrefix="adj"
        name="reason"
        label="Reason"
        as="textarea"
        rows={2}
        required
        hint="The student sees this in their ledger (for example: Dean's note, illness Mar 3–7)."
        state={state}
      />
      <SubmitButton pendingText="Saving…">Add adjustment</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
