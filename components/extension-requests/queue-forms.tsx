"use client";
import { useActionState, useState } from "react";
import { decideRequestsAction, saveRuleAction } from "@/app/courses/[slug]/requests/actions";
import { Field, FormMessage, SubmitButton, fieldError } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";
import type { ExtensionRuleConfig } from "@/lib/domain/extension-request";

/**
 * The decision for the requests ticked above (one, or many at once). The checkboxes live in the
 * list (form="decide-form"), so each request's row keeps its own layout.
 */
export function DecisionForm({ slug, count }: { slug: string; count: number }) {
  const [state, action] = useActionState(decideRequestsAction, null as ActionState);
  const [decision, setDecision] = useState<"approve" | "other" | "deny">("approve");
  const pickError = fieldError(state, "requestId");
  return (
    <form
      id="decide-form"
      action={action}
      aria-label="Decide the ticked requests"
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <input type="hidden" name="courseSlug" value={slug} />
      <fieldset>
        <legend className="text-sm font-medium">Decision for the ticked requests ({count} pending)</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(
            [
              ["approve", "Approve as asked"],
              ["other", "Approve another date"],
              ["deny", "Deny"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {decision === "other" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="date" label="New due date" type="date" state={state} idPrefix="dec" />
          <Field name="time" label="Time (course time zone)" type="time" state={state} idPrefix="dec" />
        </div>
      ) : null}
      <Field
        as="textarea"
        name="message"
        label={decision === "deny" ? "Message to the student (required)" : "Message to the student (optional)"}
        rows={2}
        state={state}
        idPrefix="dec"
      />
      {pickError ? <p className="text-sm text-red-700 dark:text-red-300">{pickError}</p> : null}
      <FormMessage state={state} />
      <SubmitButton pendingText="Deciding…">Decide</SubmitButton>
    </form>
  );
}

export function RuleForm({ slug, rule }: { slug: string; rule: ExtensionRuleConfig | null }) {
  const [state, action] = useActionState(saveRuleAction, null as ActionState);
  return (
    <form
      action={action}
      aria-label="Automatic rule"
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <input type="hidden" name="courseSlug" value={slug} />
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={rule?.enabled ?? false} className="size-4" />
        Approve some requests automatically
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="maxHours"
          label="At most (hours)"
          type="number"
          min={1}
          max={720}
          defaultValue={rule?.maxHours ?? 48}
          state={state}
          idPrefix="rule"
        />
        <Field
          name="maxPerStudent"
          label="At most this many per student (empty: no limit)"
          type="number"
          min={1}
          max={50}
          defaultValue={rule?.maxPerStudent ?? ""}
          state={state}
          idPrefix="rule"
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="beforeDeadlineOnly"
          defaultChecked={rule?.beforeDeadlineOnly ?? true}
          className="size-4"
        />
        Only requests made before the deadline
      </label>
      <FormMessage state={state} />
      <SubmitButton>Save rule</SubmitButton>
    </form>
  );
}
