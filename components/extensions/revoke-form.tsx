"use client";
import { useActionState } from "react";
import { revokeExtensionAction } from "@/app/courses/[slug]/late-hours/actions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";

/** Revoking appends a REVOKE event (the grant stays in the history) and recomputes the ledgers it covered. */
export function RevokeForm({ slug, extensionId, label }: { slug: string; extensionId: string; label: string }) {
  const [state, action] = useActionState(revokeExtensionAction, null as ActionState);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <details>
      <summary className="cursor-pointer text-sm text-brand-700 dark:text-brand-100">
        Revoke<span className="sr-only"> {label}</span>
      </summary>
      <form action={action} className="mt-2 space-y-2" aria-label={`Revoke ${label}`}>
        <input type="hidden" name="courseSlug" value={slug} />
        <input type="hidden" name="extensionId" value={extensionId} />
        <Field idPrefix={`rv-${extensionId}`} name="reason" label="Reason for revoking" required state={state} />
        <SubmitButton pendingText="Revoking…">Revoke extension</SubmitButton>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
