import Link from "next/link";
import type { ExtensionEvent } from "@/lib/server/deadlines/extensions";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/course/badge";
import { CourseExtensionForm, type AssignmentOption } from "@/components/extensions/course-extension-form";
import { StudentExtensionForm } from "@/components/extensions/student-extension-form";
import { ExtensionCsvForm } from "@/components/extensions/extension-csv-form";
import { RevokeForm } from "@/components/extensions/revoke-form";

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export function ExtensionsView({
  slug,
  timeZone,
  assignments,
  defaultAssignmentId,
  students,
  events,
}: {
  slug: string;
  timeZone: string;
  assignments: AssignmentOption[];
  /** Where both forms start (lib/domain/extension-default.ts). */
  defaultAssignmentId?: string;
  students: { id: string; name: string; email: string }[];
  events: ExtensionEvent[];
}) {
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/courses/${slug}/late-hours`}>← Late hours</Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">Extensions</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Every grant and revoke is kept; affected late-hour ledgers are recomputed at once with a correcting charge or
          refund. A student&apos;s own extension wins over a course-wide one. Times are {timeZone}.
        </p>
      </header>
      {assignments.length === 0 ? (
        <EmptyState title="No assignments with due dates" body="Add assignments first." />
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Panel id="course-wide-h" title="Extend for everyone">
            <CourseExtensionForm
              slug={slug}
              timeZone={timeZone}
              assignments={assignments}
              defaultAssignmentId={defaultAssignmentId}
            />
          </Panel>
          <Panel id="per-student-h" title="Extend for students">
            {students.length === 0 ? (
              <p className="text-sm">No enrolled students.</p>
            ) : (
              <StudentExtensionForm
                slug={slug}
                timeZone={timeZone}
                assignments={assignments}
                defaultAssignmentId={defaultAssignmentId}
                students={students}
              />
            )}
          </Panel>
        </div>
      )}
      <Panel id="csv-h" title="Import from a CSV">
        <ExtensionCsvForm slug={slug} timeZone={timeZone} />
      </Panel>
      <Panel id="history-h" title="History">
        {events.length === 0 ? (
          <EmptyState title="No extensions yet" />
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {events.map((e) => {
              const who = e.student ? e.student.name : "everyone";
              return (
                <li key={e.id} className="py-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={e.action === "GRANT" ? "violet" : "amber"}>
                      {e.action === "GRANT" ? "Grant" : "Revoke"}
                    </Badge>
                    <span className="font-semibold">{e.assignmentCode}</span>
                    <span>for {who}</span>
                    {e.action === "GRANT" ? (
                      <span>→ {e.dueAt ? <LocalTime at={e.dueAt} timeZone={timeZone} /> : "no due date"}</span>
                    ) : null}
                    {e.revokedAt ? <Badge>Revoked</Badge> : null}
                  </div>
                  <p className="mt-1 text-slate-700 dark:text-slate-300">
                    {e.reason || "No reason given"} · {e.grantedBy ?? "seeded"} ·{" "}
                    <LocalTime at={e.createdAt} timeZone={timeZone} style="date" />
                  </p>
                  {e.action === "GRANT" && !e.revokedAt ? (
                    <div className="mt-1">
                      <RevokeForm slug={slug} extensionId={e.id} label={`${e.assignmentCode} for ${who}`} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
    </div>
  );
}
