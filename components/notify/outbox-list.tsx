import { Fragment } from "react";
import type { OutboxEntry } from "@/lib/server/notify/outbox-view";
import { NOTIFICATION_LABELS } from "@/lib/server/notify/kinds";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";

const STATUS: Record<OutboxEntry["status"], { label: string; className: string }> = {
  PENDING: { label: "Queued", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100" },
  SENT: { label: "Delivered", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" },
  CANCELLED: { label: "Cancelled", className: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-100" },
};

/** The plain-text part with its addresses as links, so the flow can be followed from here. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm dark:bg-slate-900">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

export function OutboxList({ entries }: { entries: OutboxEntry[] }) {
  if (entries.length === 0)
    return (
      <EmptyState
        title="No email yet"
        body="Post an announcement, grant a course-wide extension or release grades: the emails appear here."
      />
    );
  return (
    <ul className="space-y-3" aria-label="Emails">
      {entries.map((m) => (
        <li key={m.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <details>
            <summary className="cursor-pointer">
              <span className="font-medium">{m.subject}</span>
              <span className="block text-sm text-slate-600 sm:inline sm:pl-2 dark:text-slate-400">
                to {m.toAddress}
              </span>
            </summary>
            <TextWithLinks text={m.text} />
            {m.lastError ? (
              <p className="mt-2 text-sm text-red-700 dark:text-red-300">
                Last error (attempt {m.attempts}): {m.lastError}
              </p>
            ) : null}
          </details>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span className={`rounded px-1.5 py-0.5 font-medium ${STATUS[m.status].className}`}>
              {STATUS[m.status].label}
            </span>
            <span>{m.courseCode ?? "Lectern"}</span>
            <span>{NOTIFICATION_LABELS[m.kind].label}</span>
            <span>
              queued <LocalTime at={m.createdAt} timeZone={m.timeZone} style="full" />
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
