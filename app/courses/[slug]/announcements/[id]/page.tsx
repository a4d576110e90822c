import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getAnnouncement } from "@/lib/server/course/announcements";
import { AnnouncementCard } from "@/components/course/announcement-card";

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata = { title: "Announcement" };

export default async function AnnouncementPage({ params }: Props) {
  await connection();
  const { slug, id } = await params;
  const viewer = await currentViewer();
  const { course, announcement } = await guardPage(
    () => getAnnouncement({ db: db(), slug, viewer, id, now: serverNow() }),
    {
      returnTo: `/courses/${slug}/announcements/${id}`,
    },
  );
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/courses/${course.slug}/announcements#a-${announcement.id}`}>← All announcements</Link>
      </p>
      <AnnouncementCard announcement={announcement} slug={course.slug} timeZone={course.timeZone} headingLevel="h1" />
    </div>
  );
}
