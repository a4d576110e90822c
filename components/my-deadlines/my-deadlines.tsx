import type { StudentAssignmentRow, StudentDeadlines } from "@/lib/server/deadlines/my-deadlines";
import { formatInZone } from "@/lib/domain/time";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/course/badge";
import { DueDateTrail } from "@/components/late-hours/due-date-trail";
import { FlagBadge } from "@/components/late-hours/flag-badges";
import { LateHoursMeter } from "@/components/late-hours/late-hours-meter";
import { LedgerTable } from "@/components/late-hours/ledger-table";
import { SubmitWorkForm } from "@/components/my-deadlines/submit-work-form";
import { assignmentLabel } from "@/lib/domain/assignment-label";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function kb(size: number | null): string {
  if (size === null) return "";
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} kB`;
}

/** Latest submission, charge and flags for one assignment, plus the submit form while it can be handed in. */
function AssignmentItem({
  a,
  data,
  now,
  showForm,
}: {
  a: StudentAssignmentRow;
  data: StudentDeadlines;
  now: Date;
  showForm: boolean;
}) {
  const tz = data.course.timeZone;
  const extended = a.history.length > 1 && a.effectiveDueAt?.getTime() !== a.originalDueAt?.getTime();
  return (
    <li className="border-b border-slate-100 py-4 last:border-b-0 dark:border-slate-800" aria-labelledby={`a-${a.id}`}>
      <h3 id={`a-${a.id}`} className="font-semibold">
        {assignmentLabel(a)}
      </h3>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        {a.effectiveDueAt ? (
          <span>
            Due <LocalTime at={a.effectiveDueAt} timeZone={tz} />
          </span>
        ) : (
          <span>No due date</span>
        )}
        {extended ? <Badge tone="violet">Extended</Badge> : null}
        {a.usesLateHours ? (
          <Badge tone="brand">Late hours apply</Badge>
        ) : a.submittable && !a.acceptsLate ? (
          <Badge>No late submissions</Badge>
        ) : null}
        {a.flag ? <FlagBadge kind={a.flag} /> : null}
      </div>
      <DueDateTrail history={a.history} timeZone={tz} />
      {a.latest ? (
        <p className="mt-2 text-sm">
          Submitted <LocalTime at={a.latest.submittedAt} timeZone={tz} />
          {a.latest.url ? (
            <>
              {" "}
              ·{" "}
              <a href={a.latest.url} rel="noopener noreferrer" target="_blank">
                link
              </a>
            </>
          ) : null}
          {a.latest.fileName ? (
            <>
              {" "}
              · <a href={`/courses/${data.course.slug}/submissions/${a.latest.id}/file`}>{a.latest.fileName}</a> (
              {kb(a.latest.fileSize)})
            </>
          ) : null}
          {a.submissions > 1 ? ` · ${a.submissions} submissions, the latest counts` : null}
          {a.latest.lateHours > 0 ? ` · ${a.latest.lateHours} h late` : " · on time"}
          {a.usesLateHours ? ` · ${a.chargedHours} late ${a.chargedHours === 1 ? "hour" : "hours"} charged` : null}
        </p>
      ) : a.submittable ? (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">Not submitted yet.</p>
      ) : null}
      {a.preview && showForm ? (
        a.preview.allowed ? (
          <SubmitWorkForm
            slug={data.course.slug}
            assignmentId={a.id}
            code={a.code}
            resubmission={a.latest !== null}
            cost={`${a.preview.message} (as of ${formatInZone({ at: now, timeZone: tz, style: "time" })})`}
          />
        ) : (
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            {a.preview.notOpenYet && a.releasedAt ? (
              <>
                Opens <LocalTime at={a.releasedAt} timeZone={tz} />.
              </>
            ) : (
              <>Closed: {a.preview.message}</>
            )}
          </p>
        )
      ) : null}
    </li>
  );
}

export function MyDeadlinesView({ data, now }: { data: StudentDeadlines; now: Date }) {
  const tz = data.course.timeZone;
  const covered = data.assignments.filter((a) => a.usesLateHours);
  // Open work first; closed items stay listed (with their history) below.
  const open = data.assignments.filter((a) => a.preview?.allowed);
  const rest = data.assignments.filter((a) => !a.preview?.allowed);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">My deadlines</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Times are shown in {tz} · as of <LocalTime at={now} timeZone={tz} />
        </p>
      </header>

      <Section id="late-hours" title="Late hours">
        {data.policy?.kind === "BUDGET" ? (
          <div className="space-y-4">
            <LateHoursMeter
              id="my-late-hours"
              label="Late hours used"
              budget={data.balance.budgetHours}
              balance={data.balance.balance}
            />
            {data.overBudget && data.policy.overBudgetGrade ? (
              <p
                role="alert"
                className="rounded-md bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
              >
                You are over the late-hour budget: the late work that went over, and any later late work, is graded{" "}
                {data.policy.overBudgetGrade}. Your other grades are not affected.
              </p>
            ) : null}
            {data.balance.adjustments !== 0 ? (
              <p className="text-sm">
                Includes{" "}
                {data.balance.adjustments < 0
                  ? `${-data.balance.adjustments} hours given back`
                  : `${data.balance.adjustments} hours added`}{" "}
                by the instructor.
              </p>
            ) : null}
            {covered.length ? (
              <table className="w-full max-w-md text-left text-sm">
                <caption className="text-left text-sm font-medium">Late hours by assignment</caption>
                <thead className="border-b border-slate-200 text-xs uppercase text-slate-600 dark:border-slate-700 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1 pr-3">
                      Assignment
                    </th>
                    <th scope="col" className="py-1 text-right">
                      Hours charged
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {covered.map((a) => (
                    <tr key={a.id} className="border-b border-slate-100 dark:border-slate-800">
                      <th scope="row" className="py-1 pr-3 font-normal">
                        {a.code}
                      </th>
                      <td className="py-1 text-right tabular-nums">{a.chargedHours}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ) : (
          <p className="text-sm">
            {data.policy
              ? "This course does not use a late-hour budget; late work is recorded and flagged."
              : "This course has no late policy."}
          </p>
        )}
        {data.policy?.description ? (
          <p className="mt-3 max-w-3xl text-sm text-slate-700 dark:text-slate-300">{data.policy.description}</p>
        ) : null}
      </Section>

      <Section id="assignments" title="Assignments">
        {data.assignments.length === 0 ? (
          <EmptyState title="No assignments yet" />
        ) : (
          <>
            {open.length ? (
              <ul aria-label="Open for submission">
                {open.map((a) => (
                  <AssignmentItem key={a.id} a={a} data={data} now={now} showForm />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700 dark:text-slate-300">Nothing is open for submission right now.</p>
            )}
            {rest.length ? (
              <details className="mt-4" open={open.length === 0}>
                <summary className="cursor-pointer text-sm font-medium">Closed and other items ({rest.length})</summary>
                <ul aria-label="Closed and other items">
                  {rest.map((a) => (
                    <AssignmentItem key={a.id} a={a} data={data} now={now} showForm />
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </Section>

      <Section id="ledger" title="Ledger">
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          Every charge, refund and adjustment, newest first. Entries are never edited; a change appends a correcting
          entry.
        </p>
        <LedgerTable entries={data.ledger} timeZone={tz} caption="Your late-hour ledger" />
      </Section>
    </div>
  );
}
