"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/server/platform/action";
import { releaseGradesAction } from "@/app/courses/[slug]/gradebook/actions";

/** Release (or hide again) one assignment's grades; the result is announced. */
export function ReleaseButton({
  slug,
  assignmentId,
  code,
  released,
}: {
  slug: string;
  assignmentId: string;
  code: string;
  released: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(releaseGradesAction, null);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="courseSlug" value={slug} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="release" value={released ? "unrelease" : "release"} />
      <button
        type="submit"
        disabled={pending}
        className={
          released
            ? "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
            : "rounded-md bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        }
      >
        {pending ? "Saving…" : released ? `Hide ${code} grades` : `Release ${code} grades`}
      </button>
      {state && state.ok && state.message ? (
        <span role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {state.message}
        </span>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
