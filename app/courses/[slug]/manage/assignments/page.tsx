import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getAssignmentsForEdit } from "@/lib/server/course/manage/assignments";
import { ManageHeading, ManageNav } from "@/components/manage/manage-nav";
import { EditorAndList, EditorListRow } from "@/components/manage/editor-and-list";
import { AssignmentForm } from "@/components/manage/assignment-form";
import { DeleteButton } from "@/components/manage/delete-button";
import { LocalTime } from "@/components/ui/local-time";
import { deleteAssignmentAction } from "@/app/courses/[slug]/manage/actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string }> };
export const metadata = { title: "Manage assignments" };

export default async function ManageAssignmentsPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { edit } = await searchParams;
  const viewer = await currentViewer();
  const { course, assignments, categories } = await guardPage(() => getAssignmentsForEdit({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/manage/assignments`,
  });
  const editing = edit ? (assignments.find((a) => a.id === edit) ?? null) : null;
  return (
    <div>
      <ManageHeading title="Manage assignments">
        Due dates are entered in the course&apos;s zone ({course.timeZone}). Extensions are granted from the late-hours
        pages.
      </ManageHeading>
      <ManageNav slug={slug} current="/assignments" />
      <EditorAndList
        formId="assignment-form"
        form={<AssignmentForm slug={slug} timeZone={course.timeZone} assignment={editing} categories={categories} />}
        cancelHref={editing ? `/courses/${slug}/manage/assignments` : null}
        listTitle="Assignments"
        count={assignments.length}
        empty={{ title: "No assignments yet" }}
      >
        {assignments.map((a) => (
          <EditorListRow
            key={a.id}
            editHref={`/courses/${slug}/manage/assignments?edit=${a.id}#assignment-form`}
            editLabel={a.code}
            actions={
              a.hasWork ? null : (
                <DeleteButton
                  action={deleteAssignmentAction}
                  fields={{ courseSlug: slug, assignmentId: a.id }}
                  label="Delete"
                  confirmText={`Delete ${a.code}?`}
                />
              )
            }
          >
            <span className="font-medium">{a.code}</span> {a.title}
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {a.dueAt ? (
                <>
                  Due <LocalTime at={a.dueAt} timeZone={course.timeZone} style="dateShort" />
                </>
              ) : (
                "No due date"
              )}{" "}
              · {a.points} pts
            </p>
          </EditorListRow>
        ))}
      </EditorAndList>
    </div>
  );
}
