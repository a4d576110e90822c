"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/server/platform/action";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS, type NotificationKind } from "@/lib/server/notify/kinds";
import { FormMessage, SubmitButton, fieldError } from "@/components/ui/form";

export function NotificationSettingsForm({
  emailOn,
  action,
}: {
  emailOn: Record<NotificationKind, boolean>;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction] = useActionState(action, null);
  const error = fieldError(state, "emailOn");
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="settings" value="email" />
      <fieldset aria-describedby={error ? "emailOn-error" : undefined}>
        <legend className="text-sm font-medium">Email me about</legend>
        <ul className="mt-2 space-y-3">
          {NOTIFICATION_KINDS.map((kind) => (
            <li key={kind} className="flex items-start gap-3">
              <input
                type="checkbox"
                id={`emailOn-${kind}`}
                name="emailOn"
                value={kind}
                defaultChecked={emailOn[kind]}
                aria-describedby={`emailOn-${kind}-hint`}
                className="mt-1 size-4"
              />
              <div>
                <label htmlFor={`emailOn-${kind}`} className="text-sm font-medium">
                  {NOTIFICATION_LABELS[kind].label}
                </label>
                <p id={`emailOn-${kind}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
                  {NOTIFICATION_LABELS[kind].description}
                </p>
              </div>
            </li>
          ))}
        </ul>
        {error ? (
          <p id="emailOn-error" className="mt-2 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton>Save email settings</SubmitButton>
    </form>
  );
}

export function UnsubscribeForm({
  token,
  label,
  action,
}: {
  token: string;
  label: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Unsubscribing…">{label}</SubmitButton>
    </form>
  );
}
