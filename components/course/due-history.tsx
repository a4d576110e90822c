import type { DueDateHistoryEntry } from "@/lib/domain/effective-due";
import { LocalTime } from "@/components/ui/local-time";

/** Every due date that was in force, oldest first; all but the current one struck through. */
export function DueHistory({ history, timeZone }: { history: DueDateHistoryEntry[]; timeZone: string }) {
  return (
    <ol
      aria-label="Due date history"
      className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm dark:border-slate-700"
    >
      {history.map((h, i) => {
        const current = i === history.length - 1;
        const date = h.dueAt ? <LocalTime at={h.dueAt} timeZone={timeZone} /> : <span>no due date</span>;
        return (
          <li key={h.extensionId ?? `original-${i}`} data-current={current || undefined}>
            {current ? (
              <strong>{date}</strong>
            ) : (
              <del className="text-slate-600 dark:text-slate-400">
                <span className="sr-only">No longer in force: </span>
                {date}
              </del>
            )}
            <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">
              {h.postedAt === null ? (
                "original due date"
              ) : (
                <>
                  {h.source === "original" ? "back to the original, " : "extended for everyone, "}posted{" "}
                  <LocalTime at={h.postedAt} timeZone={timeZone} />
                </>
              )}
              {h.reason ? <> — {h.reason}</> : null}
              {h.revoked ? " (later revoked)" : null}
              {current ? " · current" : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
