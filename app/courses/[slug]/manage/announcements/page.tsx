import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/db";
import { serverNow } from "@/lib/server/clock";
import { currentViewer } from "@/lib/server/session";
import { guardPage } from "@/lib/server/page-guard";
import { getAnnouncementsForEdit } from "@/lib/server/manage/announcements";
import { ManageHeading, ManageNav, cardClass } from "@/components/manage/manage-nav";
import { AnnouncementForm } from "@/components/manage/announcement-form";
import { DeleteButton } from "@/components/manage/delete-button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { deleteAnnouncementAction } from "../actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string }> };
export const metadata = { title: "Manage announcements" };

export default async function ManageAnnouncementsPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { edit } = await searchParams;
  const viewer = await currentViewer();
  const { course, announcements } = await guardPage(() => getAnnouncementsForEdit({ db: db(), viewer, slug }), { returnTo: `/courses/${slug}/manage/announcements` });
  const editing = edit ? announcements.find((a) => a.id === edit) ?? null : null;
  const now = serverNow();
  return (
    <div>
      <ManageHeading title="Manage announcements">Posted announcements show on the course home, the announcements page and the Atom feed.</ManageHeading>
      <ManageNav slug={slug} current="/announcements" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className={cardClass} id="announcement-form">
          <AnnouncementForm slug={slug} timeZone={course.timeZone} announcement={editing} />
          {editing ? <p className="mt-3 text-sm"><Link href={`/courses/${slug}/manage/announcements`}>Cancel editing</Link></p> : null}
        </div>
        <section aria-labelledby="list-h" className={cardClass}>
          <h2 id="list-h" className="text-lg font-semibold">Announcements ({announcements.length})</h2>
          {announcements.length === 0 ? <EmptyState title="Nothing posted yet" /> : (
            <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
              {announcements.map((a) => (
                <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <div>
                    <span className="font-medium">{a.title}</span>{a.pinned ? <span className="ml-1 text-xs">(pinned)</span> : null}
                    <p className="text-xs text-slate-600 dark:text-slate-400">
                      {a.publishedAt > now ? "Scheduled for " : ""}<LocalTime at={a.publishedAt} timeZone={course.timeZone} style="dateShort" />{a.author ? ` · ${a.author}` : ""}
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <Link href={`/courses/${slug}/manage/announcements?edit=${a.id}#announcement-form`} className="text-sm">Edit<span className="sr-only"> {a.title}</span></Link>
                    <DeleteButton action={deleteAnnouncementAction} fields={{ courseSlug: slug, announcementId: a.id }} label="Delete" confirmText={`Delete “${a.title}”?`} />
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
