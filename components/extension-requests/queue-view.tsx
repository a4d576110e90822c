import type { ExtensionQueue, QueueRequest } from "@/lib/server/deadlines/extension-requests";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { EmptyState } from "@/components/ui/empty-state";
import { RequestStatusBadge } from "@/components/extension-requests/status-badge";
import { DecisionForm, RuleForm } from "@/components/extension-requests/queue-forms";

function Standing({ r }: { r: QueueRequest }) {
  const { used, balance, budgetHours } = r.standing;
  return (
    <p className="text-sm">
      Late hours: {used} used{budgetHours !== null ? `, ${balance} of ${budgetHours} left` : ""}.{" "}
      {r.earlier.length === 0
        ? "No earlier requests."
        : `Earlier requests: ${r.earlier.map((e) => `${e.assignmentCode} ${e.status.toLowerCase().replace("_", " ")}${e.automatic ? " (rule)" : ""}`).join(", ")}.`}
    </p>
  );
}

function RequestCard({ r, slug, timeZone, pick }: { r: QueueRequest; slug: string; timeZone: string; pick: boolean }) {
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex flex-wrap items-start gap-3">
        {pick ? (
          <input
            type="checkbox"
            name="requestId"
            value={r.id}
            form="decide-form"
            id={`pick-${r.id}`}
            className="mt-1 size-4"
            aria-label={`Select ${r.student.name}'s request for ${r.assignmentCode}`}
          />
        ) : null}
        <div className="min-w-0 flex-1 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{r.student.name}</span>
            <span className="text-sm text-slate-600 dark:text-slate-400">{r.student.email}</span>
            <span className="font-medium">{r.assignmentCode}</span>
            <RequestStatusBadge status={r.status} automatic={r.automatic} />
          </p>
          <p className="text-sm">
            {Math.round(r.hours * 10) / 10} h: from{" "}
            {r.currentDueAt ? <LocalTime at={r.currentDueAt} timeZone={timeZone} style="full" /> : "no due date"} to{" "}
            <LocalTime at={r.requestedDueAt} timeZone={timeZone} style="full" />
          </p>
          {r.decidedDueAt ? (
            <p className="text-sm">
              Decided: due <LocalTime at={r.decidedDueAt} timeZone={timeZone} style="full" />
            </p>
          ) : null}
          {r.status !== "PENDING" ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {r.automatic ? "Decided automatically by the course's rule" : `Decided by ${r.decidedByName ?? "staff"}`}
              {r.decisionMessage ? `: “${r.decisionMessage}”` : ""}
            </p>
          ) : null}
          <Standing r={r} />
          <div className="rounded bg-slate-50 p-2 text-sm dark:bg-slate-900">
            <Markdown source={r.reason} />
          </div>
          {r.fileName ? (
            <a className="text-sm" href={`/api/courses/${slug}/extension-requests/${r.id}/file`}>
              {r.fileName}
            </a>
          ) : null}
        </div>
      </div>
    </li>
  );
}

export function ExtensionQueueView({ queue }: { queue: ExtensionQueue }) {
  const { course, pending, decided, canDecide } = queue;
  return (
    <div className="space-y-8">
      <section aria-labelledby="pending-h" className="space-y-3">
        <h2 id="pending-h" className="text-lg font-semibold">
          Pending ({pending.length})
        </h2>
        {pending.length === 0 ? (
          <EmptyState title="No pending requests" body="Students ask from their My deadlines page." />
        ) : (
          <>
            <ul className="space-y-3" aria-label="Pending requests">
              {pending.map((r) => (
                <RequestCard key={r.id} r={r} slug={course.slug} timeZone={course.timeZone} pick={canDecide} />
              ))}
            </ul>
            {canDecide ? <DecisionForm slug={course.slug} count={pending.length} /> : null}
          </>
        )}
      </section>
      {queue.canEditRule ? (
        <section aria-labelledby="rule-h" className="space-y-3">
          <h2 id="rule-h" className="text-lg font-semibold">
            Automatic rule
          </h2>
          <RuleForm slug={course.slug} rule={queue.rule} />
        </section>
      ) : null}
      <section aria-labelledby="decided-h" className="space-y-3">
        <h2 id="decided-h" className="text-lg font-semibold">
          Latest decisions
        </h2>
        {decided.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None yet.</p>
        ) : (
          <ul className="space-y-3" aria-label="Decided requests">
            {decided.map((r) => (
              <RequestCard key={r.id} r={r} slug={course.slug} timeZone={course.timeZone} pick={false} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
