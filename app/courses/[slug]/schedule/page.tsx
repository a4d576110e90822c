import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getCourseSchedule } from "@/lib/server/course/schedule";
import { siteOrigin } from "@/lib/server/platform/origin";
import { currentWeekKey, parseScheduleFilter } from "@/lib/domain/schedule-weeks";
import { zoneAbbreviation } from "@/lib/domain/time";
import { ScheduleView } from "@/components/course/schedule-view";
import { CalendarLinks } from "@/components/course/calendar-links";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  const origin = await siteOrigin();
  return {
    title: "Schedule",
    alternates: {
      types: { "text/calendar": [{ url: `${origin}/courses/${slug}/calendar.ics`, title: "Course calendar" }] },
    },
  };
}

export default async function SchedulePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const filter = parseScheduleFilter((await searchParams).show);
  const viewer = await currentViewer();
  const now = serverNow();
  const [schedule, origin] = await Promise.all([
    guardPage(() => getCourseSchedule({ db: db(), slug, viewer }), { returnTo: `/courses/${slug}/schedule` }),
    siteOrigin(),
  ]);
  const { course } = schedule;
  // Decided per request, outside the cache: the cached schedule never depends on the clock.
  const currentWeek = currentWeekKey({ weeks: schedule.weeks, now, timeZone: course.timeZone });
  return (
    <div>
      <h1 className="text-2xl font-bold print:text-lg">Schedule</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400 print:text-xs">
        {course.code}: {course.title} · times in {course.timeZone} (
        {zoneAbbreviation({ at: now, timeZone: course.timeZone })} now)
        {schedule.hasSprints ? " · weeks grouped by project sprint" : ""}
      </p>
      <div className="mt-2">
        <CalendarLinks slug={course.slug} origin={origin} />
      </div>
      <ScheduleView schedule={schedule} filter={filter} currentWeek={currentWeek} />
    </div>
  );
}
