import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getPublicDeadlines } from "@/lib/server/course/assignments";
import { siteOrigin } from "@/lib/server/platform/origin";
import { AssignmentsList } from "@/components/course/assignments-list";
import { CalendarLinks } from "@/components/course/calendar-links";

type Props = { params: Promise<{ slug: string }> };

export const metadata = { title: "Deadlines" };

export default async function DeadlinesPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const now = serverNow();
  const [{ course, assignments }, origin] = await Promise.all([
    guardPage(() => getPublicDeadlines({ db: db(), slug, viewer }), { returnTo: `/courses/${slug}/assignments` }),
    siteOrigin(),
  ]);
  return (
    <div>
      <h1 className="text-2xl font-bold">Deadlines</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Due dates in force for the whole class, in {course.timeZone}. When a date was extended for everyone, the earlier
        dates are struck through with when each change was posted. Personal extensions are private and never shown here.
      </p>
      <div className="mt-2">
        <CalendarLinks slug={course.slug} origin={origin} />
      </div>
      <AssignmentsList slug={course.slug} timeZone={course.timeZone} assignments={assignments} now={now} />
    </div>
  );
}
