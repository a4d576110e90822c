import Link from "next/link";
import type { StudentDeadlines } from "@/lib/server/deadlines/my-deadlines";
import { LocalTime } from "@/components/ui/local-time";
import { DueDateTrail } from "@/components/late-hours/due-date-trail";
import { FlagBadge } from "@/components/late-hours/flag-badges";
import { LateHoursMeter } from "@/components/late-hours/late-hours-meter";
import { LedgerTable } from "@/components/late-hours/ledger-table";
import { AdjustmentForm } from "@/components/late-hours/adjustment-form";

/** Staff view of one student's ledger: balance, per-assignment charges and flags, the entries, adjustments. */
export function StudentLedgerView({ data, canAdjust }: { data: StudentDeadlines; canAdjust: boolean }) {
  const tz = data.course.timeZone;
  const rows = data.assignments.filter((a) => a.latest || a.chargedHours !== 0 || a.history.length > 1);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/courses/${data.course.slug}/late-hours`}>← All students</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{data.student.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {data.student.email} · times in {tz}
        </p>
      </header>
      <section aria-labelledby="balance-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="balance-h" className="text-lg font-semibold">
          Balance
        </h2>
        <div className="mt-3 max-w-xl">
          <LateHoursMeter
            id="student-late-hours"
            label="Late hours used"
            budget={data.balance.budgetHours}
            balance={data.balance.balance}
          />
          {data.overBudget && data.policy?.overBudgetGrade ? (
            <p className="mt-2">
              <FlagBadge kind="over_budget" /> The project that went over the budget, and later late ones, are graded{" "}
              {data.policy.overBudgetGrade}.
            </p>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="work-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="work-h" className="text-lg font-semibold">
          Submissions and due dates
        </h2>
        {rows.length === 0 ? (
          <p className="mt-2 text-sm">Nothing submitted yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((a) => (
              <li key={a.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{a.code}</span>
                  {a.effectiveDueAt ? (
                    <span>
                      due <LocalTime at={a.effectiveDueAt} timeZone={tz} />
                    </span>
                  ) : null}
                  {a.flag ? <FlagBadge kind={a.flag} /> : null}
                </div>
                <DueDateTrail history={a.history} timeZone={tz} audience="staff" />
                <p className="mt-1">
                  {a.latest ? (
                    <>
                      Latest <LocalTime at={a.latest.submittedAt} timeZone={tz} /> (
                      {a.latest.lateHours > 0 ? `${a.latest.lateHours} h late` : "on time"}
                      {a.submissions > 1 ? `, ${a.submissions} submissions` : ""})
                    </>
                  ) : (
                    "Not submitted"
                  )}
                  {a.usesLateHours ? ` · ${a.chargedHours} h charged` : null}
                  {a.latest?.fileName ? (
                    <>
                      {" "}
                      · <a href={`/courses/${data.course.slug}/submissions/${a.latest.id}/file`}>{a.latest.fileName}</a>
                    </>
                  ) : null}
                  {a.latest?.url ? (
                    <>
                      {" "}
                      ·{" "}
                      <a href={a.latest.url} rel="noopener noreferrer" target="_blank">
                        link
                      </a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canAdjust ? (
        <section aria-labelledby="adjust-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h2 id="adjust-h" className="text-lg font-semibold">
            Manual adjustment
          </h2>
          <div className="mt-3">
            <AdjustmentForm slug={data.course.slug} studentId={data.student.id} studentName={data.student.name} />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="ledger-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="ledger-h" className="text-lg font-semibold">
          Ledger
        </h2>
        <div className="mt-3">
          <LedgerTable entries={data.ledger} timeZone={tz} caption={`${data.student.name}'s late-hour ledger`} />
        </div>
      </section>
    </div>
  );
}
