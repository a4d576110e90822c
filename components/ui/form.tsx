"use client";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/server/platform/action";

const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-600";

type FieldProps = {
  name: string;
  label: string;
  state: ActionState<unknown>;
  hint?: string;
  /** Makes ids unique when one page has two forms with the same field names. */
  idPrefix?: string;
} & (
  | ({ as?: "input" } & React.InputHTMLAttributes<HTMLInputElement>)
  | ({ as: "textarea" } & React.TextareaHTMLAttributes<HTMLTextAreaElement>)
  | ({ as: "select"; children: React.ReactNode } & React.SelectHTMLAttributes<HTMLSelectElement>)
);

export function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** A labelled input whose server-side field error shows inline and is announced. */
export function Field(props: FieldProps) {
  const { name, label, state, hint, idPrefix = "f", as = "input", ...rest } = props as FieldProps & { as?: string };
  const error = fieldError(state, name);
  const id = `${idPrefix}-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {as === "textarea" ? (
        <textarea {...common} {...(rest as React.TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : as === "select" ? (
        <select {...common} {...(rest as React.SelectHTMLAttributes<HTMLSelectElement>)} />
      ) : (
        <input {...common} {...(rest as React.InputHTMLAttributes<HTMLInputElement>)} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  children,
  pendingText,
  quiet = false,
  label,
}: {
  children: React.ReactNode;
  pendingText?: string;
  /** A small outlined button, for secondary actions repeated down a list (remove, leave). */
  quiet?: boolean;
  /** The accessible name when the visible text is short ("Remove" → "Remove Ana Lee"). */
  label?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      aria-label={label}
      className={
        quiet
          ? "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
          : "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      }
    >
      {pending ? (pendingText ?? "Saving…") : children}
    </button>
  );
}

/** The form-level result: success in a status region, failure as an alert. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state) return null;
  if (state.ok)
    return state.message ? (
      <p
        role="status"
        className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
      >
        {state.message}
      </p>
    ) : null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {state.formError ?? "Please correct the highlighted fields."}
    </p>
  );
}
