const LABELS = {
  PENDING: { label: "Pending", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100" },
  APPROVED: {
    label: "Approved",
    className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  },
  PARTLY_APPROVED: {
    label: "Partly approved",
    className: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  },
  DENIED: { label: "Denied", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" },
} as const;

export function RequestStatusBadge({ status, automatic }: { status: keyof typeof LABELS; automatic?: boolean }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${LABELS[status].className}`}>
      {LABELS[status].label}
      {automatic ? " (by the rule)" : ""}
    </span>
  );
}
