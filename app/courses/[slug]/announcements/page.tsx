import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getCourseAnnouncements } from "@/lib/server/course/announcements";
import { siteOrigin } from "@/lib/server/platform/origin";
import { AnnouncementCard } from "@/components/course/announcement-card";
import { EmptyState } from "@/components/ui/empty-state";
import { ScrollToHash } from "@/components/course/scroll-to-hash";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  const origin = await siteOrigin();
  return {
    title: "Announcements",
    alternates: {
      types: {
        "application/atom+xml": [
          { url: `${origin}/courses/${slug}/announcements/feed.xml`, title: "Course announcements" },
        ],
      },
    },
  };
}

export default async function AnnouncementsPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const { course, announcements } = await guardPage(
    () => getCourseAnnouncements({ db: db(), slug, viewer, now: serverNow() }),
    { returnTo: `/courses/${slug}/announcements` },
  );
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Announcements</h1>
        <a href={`/courses/${course.slug}/announcements/feed.xml`} className="text-sm">
          Atom feed<span className="sr-only"> of {course.code} announcements</span>
        </a>
      </div>
      <ScrollToHash />
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Pinned first, then newest first. Times in {course.timeZone}.
      </p>
      {announcements.length === 0 ? (
        <EmptyState title="No announcements yet" body="Announcements from the course staff will appear here." />
      ) : (
        <ol className="mt-6 space-y-4">
          {announcements.map((a) => (
            <li key={a.id}>
              <AnnouncementCard announcement={a} slug={course.slug} timeZone={course.timeZone} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
