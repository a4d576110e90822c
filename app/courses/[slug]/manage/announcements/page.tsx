import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getAnnouncementsForEdit } from "@/lib/server/course/manage/announcements";
import { ManageHeading, ManageNav } from "@/components/manage/manage-nav";
import { EditorAndList, EditorListRow } from "@/components/manage/editor-and-list";
import { AnnouncementForm } from "@/components/manage/announcement-form";
import { DeleteButton } from "@/components/manage/delete-button";
import { LocalTime } from "@/components/ui/local-time";
import { deleteAnnouncementAction } from "@/app/courses/[slug]/manage/actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string }> };
export const metadata = { title: "Manage announcements" };

export default async function ManageAnnouncementsPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { edit } = await searchParams;
  const viewer = await currentViewer();
  const { course, announcements } = await guardPage(() => getAnnouncementsForEdit({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/manage/announcements`,
  });
  const editing = edit ? (announcements.find((a) => a.id === edit) ?? null) : null;
  const now = serverNow();
  return (
    <div>
      <ManageHeading title="Manage announcements">
        Posted announcements show on the course home, the announcements page and the Atom feed.
      </ManageHeading>
      <ManageNav slug={slug} current="/announcements" />
      <EditorAndList
        formId="announcement-form"
        form={<AnnouncementForm slug={slug} timeZone={course.timeZone} announcement={editing} />}
        cancelHref={editing ? `/courses/${slug}/manage/announcements` : null}
        listTitle="Announcements"
        count={announcements.length}
        empty={{ title: "Nothing posted yet" }}
      >
        {announcements.map((a) => (
          <EditorListRow
            key={a.id}
            editHref={`/courses/${slug}/manage/announcements?edit=${a.id}#announcement-form`}
            editLabel={a.title}
            actions={
              <DeleteButton
                action={deleteAnnouncementAction}
                fields={{ courseSlug: slug, announcementId: a.id }}
                label="Delete"
                confirmText={`Delete “${a.title}”?`}
              />
            }
          >
            <span className="font-medium">{a.title}</span>
            {a.pinned ? <span className="ml-1 text-xs">(pinned)</span> : null}
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {a.publishedAt > now ? "Scheduled for " : ""}
              <LocalTime at={a.publishedAt} timeZone={course.timeZone} style="dateShort" />
              {a.author ? ` · ${a.author}` : ""}
            </p>
          </EditorListRow>
        ))}
      </EditorAndList>
    </div>
  );
}
