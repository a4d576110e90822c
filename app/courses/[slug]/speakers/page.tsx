import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getCourseSpeakers } from "@/lib/server/course/schedule";
import { SpeakersList } from "@/components/course/speakers-list";

type Props = { params: Promise<{ slug: string }> };

export const metadata = { title: "Guest speakers" };

export default async function SpeakersPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const { course, speakers } = await guardPage(() => getCourseSpeakers({ db: db(), slug, viewer }), {
    returnTo: `/courses/${slug}/speakers`,
  });
  return (
    <div>
      <h1 className="text-2xl font-bold">Guest speakers</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Everyone who speaks in {course.code}, in the order they appear. Times in {course.timeZone}.
      </p>
      <SpeakersList slug={course.slug} timeZone={course.timeZone} speakers={speakers} />
    </div>
  );
}
