import type { MyExtensionRequest } from "@/lib/server/deadlines/extension-requests";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { RequestStatusBadge } from "@/components/extension-requests/status-badge";

export function MyRequests({
  slug,
  requests,
  timeZone,
}: {
  slug: string;
  requests: MyExtensionRequest[];
  timeZone: string;
}) {
  if (requests.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No requests yet.</p>;
  return (
    <ul className="space-y-3" aria-label="My extension requests">
      {requests.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{r.assignmentCode}</span>
            <RequestStatusBadge status={r.status} automatic={r.automatic} />
            <span>
              asked for <LocalTime at={r.requestedDueAt} timeZone={timeZone} style="full" />
            </span>
          </p>
          {r.decidedDueAt ? (
            <p className="mt-1">
              Now due <LocalTime at={r.decidedDueAt} timeZone={timeZone} style="full" />
            </p>
          ) : null}
          {r.decisionMessage ? <p className="mt-1">Staff: {r.decisionMessage}</p> : null}
          <details className="mt-1">
            <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Your reason</summary>
            <Markdown source={r.reason} />
            {r.fileName ? <a href={`/api/courses/${slug}/extension-requests/${r.id}/file`}>{r.fileName}</a> : null}
          </details>
        </li>
      ))}
    </ul>
  );
}
