"use client";
import type { ActionState } from "@/lib/server/platform/action";
import { useCourseForm } from "@/components/manage/use-course-form";

/** A one-button form that posts hidden fields after a confirmation. */
export function DeleteButton({
  action,
  fields,
  label,
  confirmText,
}: {
  action: (prev: ActionState<undefined>, data: FormData) => Promise<ActionState<undefined>>;
  fields: Record<string, string>;
  label: string;
  confirmText: string;
}) {
  const { state, pending, formProps } = useCourseForm(action);
  return (
    <form
      {...formProps}
      onSubmit={(e) => (window.confirm(confirmText) ? formProps.onSubmit(e) : e.preventDefault())}
      className="inline"
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-300 px-2 py-1 text-xs text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950"
      >
        {pending ? "…" : label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-700 dark:text-red-300">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
