import type { DueDateHistoryEntry } from "@/lib/domain/effective-due";
import { LocalTime } from "@/components/ui/local-time";

const SOURCE = {
  original: "back to the original date",
  course: "extended for everyone",
  student: "extended for you",
} as const;

/** A student's due-date history: earlier dates struck through, each change with its reason. */
export function DueDateTrail({
  history,
  timeZone,
  audience = "student",
}: {
  history: DueDateHistoryEntry[];
  timeZone: string;
  audience?: "student" | "staff";
}) {
  if (history.length < 2) return null;
  return (
    <ol
      aria-label="Due date history"
      className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3 text-sm dark:border-slate-700"
    >
      {history.map((h, i) => {
        const current = i === history.length - 1;
        const date = h.dueAt ? <LocalTime at={h.dueAt} timeZone={timeZone} /> : <span>no due date</span>;
        const how =
          h.postedAt === null
            ? "original due date"
            : h.source === "student" && audience === "staff"
              ? "personal extension"
              : SOURCE[h.source];
        return (
          <li key={h.extensionId ?? `original-${i}`}>
            {current ? (
              <strong>{date}</strong>
            ) : (
              <del className="text-slate-600 dark:text-slate-400">
                <span className="sr-only">No longer in force: </span>
                {date}
              </del>
            )}
            <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">
              {how}
              {h.reason ? ` — ${h.reason}` : ""}
              {h.revoked ? " (revoked)" : ""}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
