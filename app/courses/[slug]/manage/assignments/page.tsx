import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/db";
import { currentViewer } from "@/lib/server/session";
import { guardPage } from "@/lib/server/page-guard";
import { getAssignmentsForEdit } from "@/lib/server/manage/assignments";
import { ManageHeading, ManageNav, cardClass } from "@/components/manage/manage-nav";
import { AssignmentForm } from "@/components/manage/assignment-form";
import { DeleteButton } from "@/components/manage/delete-button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { deleteAssignmentAction } from "../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string }> };
export const metadata = { title: "Manage assignments" };

export default async function ManageAssignmentsPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { edit } = await searchParams;
  const viewer = await currentViewer();
  const { course, assignments, categories } = await guardPage(() => getAssignmentsForEdit({ db: db(), viewer, slug }), { returnTo: `/courses/${slug}/manage/assignments` });
  const editing = edit ? assignments.find((a) => a.id === edit) ?? null : null;
  return (
    <div>
      <ManageHeading title="Manage assignments">Due dates are entered in the course's zone ({course.timeZone}). Extensions are granted from the late-hours pages.</ManageHeading>
      <ManageNav slug={slug} current="/assignments" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className={cardClass} id="assignment-form">
          <AssignmentForm slug={slug} timeZone={course.timeZone} assignment={editing} categories={categories} />
          {editing ? <p className="mt-3 text-sm"><Link href={`/courses/${slug}/manage/assignments`}>Cancel editing</Link></p> : null}
        </div>
        <section aria-labelledby="assignments-h" className={cardClass}>
          <h2 id="assignments-h" className="text-lg font-semibold">Assignments ({assignments.length})</h2>
          {assignments.length === 0 ? <EmptyState title="No assignments yet" /> : (
            <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
              {assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <div>
                    <span className="font-medium">{a.code}</span> {a.title}
                    <p className="text-xs text-slate-600 dark:text-slate-400">{a.dueAt ? <>Due <LocalTime at={a.dueAt} timeZone={course.timeZone} style="dateShort" /></> : "No due date"} · {a.points} pts</p>
                  </div>
                  <div className="flex gap-2">
                    <Link href={`/courses/${slug}/manage/assignments?edit=${a.id}#assignment-form`} className="text-sm">Edit<span className="sr-only"> {a.code}</span></Link>
                    {a.hasWork ? null : <DeleteButton action={deleteAssignmentAction} fields={{ courseSlug: slug, assignmentId: a.id }} label="Delete" confirmText={`Delete ${a.code}?`} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
