import type { GradebookRow } from "@/lib/server/grading/gradebook";

/** The late-policy flags of a student's row: over the budget, over a per-assignment cap, after the cutoff. */
export function LateFlags({ flags }: { flags: GradebookRow["flags"] }) {
  const items = [
    flags.overBudget ? { label: "budget", title: "Over the late-hour budget (grade capped)" } : null,
    flags.overCap ? { label: "cap", title: "An assignment over the per-assignment cap" } : null,
    flags.afterCutoff
      ? { label: "cutoff", title: "Work missing or handed in after the final cutoff (scores zero)" }
      : null,
  ].filter((x): x is { label: string; title: string } => x !== null);
  return (
    <>
      {items.map((f) => (
        <span
          key={f.label}
          title={f.title}
          className="rounded bg-red-100 px-1 text-[0.65rem] font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <span aria-hidden="true">{f.label}</span>
          <span className="sr-only">{f.title}</span>
        </span>
      ))}
    </>
  );
}
