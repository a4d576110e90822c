"use client";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One small server-action form: hidden fields, the fields the caller renders
 * (given the last state, so field errors show beside their input), a submit
 * button and the result where the person is looking.
 */
export function ActionForm({
  action,
  slug,
  hidden = {},
  label,
  submit,
  pendingText,
  submitLabel,
  quiet,
  children,
  className = "space-y-2",
}: {
  action: Action;
  slug: string;
  hidden?: Record<string, string>;
  label: string;
  submit: string;
  pendingText?: string;
  /** The button's accessible name when its text is a bare verb. */
  submitLabel?: string;
  quiet?: boolean;
  children?: (state: ActionState) => React.ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, null as ActionState);
  return (
    <form action={formAction} aria-label={label} className={className}>
      <input type="hidden" name="courseSlug" value={slug} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state)}
      <SubmitButton pendingText={pendingText} label={submitLabel} quiet={quiet}>
        {submit}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
