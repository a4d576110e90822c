"use client";
import type { ActionState } from "@/lib/server/platform/action";
import { useCourseForm } from "@/components/manage/use-course-form";

const TONES = {
  danger: "border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950",
  neutral:
    "border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800",
} as const;

/** A one-button form that posts hidden fields, after a confirmation when `confirmText` is given. */
export function DeleteButton({
  action,
  fields,
  label,
  confirmText,
  tone = "danger",
}: {
  action: (prev: ActionState<undefined>, data: FormData) => Promise<ActionState<undefined>>;
  fields: Record<string, string>;
  label: string;
  confirmText?: string;
  tone?: keyof typeof TONES;
}) {
  const { state, pending, formProps } = useCourseForm(action);
  return (
    <form
      {...formProps}
      onSubmit={(e) => (!confirmText || window.confirm(confirmText) ? formProps.onSubmit(e) : e.preventDefault())}
      className="inline"
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md border px-2 py-1 text-xs disabled:opacity-60 ${TONES[tone]}`}
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
