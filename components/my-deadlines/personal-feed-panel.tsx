"use client";
import { useActionState, useState } from "react";
import { regenerateFeedAction } from "@/app/courses/[slug]/me/feed/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/server/platform/action";

export function PersonalFeedPanel({
  courseSlug,
  origin,
  initialPath,
}: {
  courseSlug: string;
  origin: string;
  initialPath: string;
}) {
  const [state, action] = useActionState<ActionState<{ path: string }>, FormData>(regenerateFeedAction, null);
  const [copied, setCopied] = useState(false);
  const path = state?.ok && state.data ? state.data.path : initialPath;
  const url = `${origin}${path}`;
  const webcal = url.replace(/^https?:/, "webcal:");
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <label htmlFor="feed-url" className="block text-sm font-medium">
        Your secret feed address
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="feed-url"
          readOnly
          value={url}
          data-testid="feed-url"
          className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700"
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? "Feed address copied" : ""}
      </p>
      <p className="text-sm">
        <a href={webcal}>Subscribe in your calendar app</a>
      </p>
      <form action={action} className="space-y-2">
        <input type="hidden" name="courseSlug" value={courseSlug} />
        <FormMessage state={state} />
        <SubmitButton pendingText="Creating…">Make a new address (revokes this one)</SubmitButton>
      </form>
    </div>
  );
}
