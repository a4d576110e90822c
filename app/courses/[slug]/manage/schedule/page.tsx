import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getScheduleForEdit } from "@/lib/server/course/manage/schedule";
import { ManageHeading, ManageNav } from "@/components/manage/manage-nav";
import { EditorAndList, EditorListRow } from "@/components/manage/editor-and-list";
import { NoClassForm, ScheduleEntryForm } from "@/components/manage/schedule-forms";
import { DeleteButton } from "@/components/manage/delete-button";
import { deleteScheduleEntryAction } from "@/app/courses/[slug]/manage/actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string }> };
export const metadata = { title: "Manage schedule" };

const KIND_LABEL: Record<string, string> = {
  LECTURE: "Lecture",
  LAB: "Lab",
  NO_CLASS: "No class",
  PRESENTATION: "Presentations",
  MILESTONE: "Milestone",
};

export default async function ManageSchedulePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { edit } = await searchParams;
  const viewer = await currentViewer();
  const { entries, speakers } = await guardPage(() => getScheduleForEdit({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/manage/schedule`,
  });
  const editing = edit ? (entries.find((e) => e.id === edit) ?? null) : null;
  return (
    <div>
      <ManageHeading title="Manage schedule">
        Lectures, labs and milestones with readings and guest speakers. Speakers are shared by all entries of the
        course.
      </ManageHeading>
      <ManageNav slug={slug} current="/schedule" />
      <EditorAndList
        formId="entry-form"
        form={<ScheduleEntryForm slug={slug} entry={editing} speakers={speakers} />}
        cancelHref={editing ? `/courses/${slug}/manage/schedule` : null}
        extra={<NoClassForm slug={slug} />}
        listTitle="Entries"
        count={entries.length}
        empty={{ title: "No schedule yet", body: "Add the first lecture with the form." }}
        ordered
      >
        {entries.map((e) => (
          <EditorListRow
            key={e.id}
            editHref={`/courses/${slug}/manage/schedule?edit=${e.id}#entry-form`}
            editLabel={`${e.title} on ${e.date}`}
            actions={
              <DeleteButton
                action={deleteScheduleEntryAction}
                fields={{ courseSlug: slug, entryId: e.id }}
                label="Delete"
                confirmText={`Delete “${e.title}” on ${e.date}?`}
              />
            }
          >
            <span className="text-sm tabular-nums text-slate-600 dark:text-slate-400">{e.date}</span>{" "}
            <span className="font-medium">{e.title}</span>{" "}
            <span className="text-xs text-slate-600 dark:text-slate-400">{KIND_LABEL[e.kind]}</span>
            {e.speakerNames.length || e.readings.length ? (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {e.speakerNames.length ? `Speakers: ${e.speakerNames.join(", ")}` : ""}
                {e.speakerNames.length && e.readings.length ? " · " : ""}
                {e.readings.length ? `${e.readings.length} reading${e.readings.length === 1 ? "" : "s"}` : ""}
              </p>
            ) : null}
          </EditorListRow>
        ))}
      </EditorAndList>
    </div>
  );
}
