"use client";

/** The manage forms' submit button; `pending` comes from useCourseForm (useFormStatus does not see those submissions). */
export function Submit({
  pending,
  children,
  pendingText = "Saving…",
  disabled = false,
}: {
  pending: boolean;
  children: React.ReactNode;
  pendingText?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? pendingText : children}
    </button>
  );
}
