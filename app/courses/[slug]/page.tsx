import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { getCourseHome } from "@/lib/server/course/courses";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { CourseHomeView } from "@/components/course/course-home";
import { getEnrolment } from "@/lib/server/people/enrolment";
import { EnrolmentPanel, WaitlistNotice } from "@/components/course/enrolment-panel";

export default async function CourseHomePage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const now = serverNow();
  const [home, enrolment] = await guardPage(
    () => Promise.all([getCourseHome({ db: db(), slug, viewer, now }), getEnrolment({ db: db(), slug, viewer })]),
    { returnTo: `/courses/${slug}` },
  );
  return (
    <div className="space-y-6">
      <CourseHomeView home={home} now={now} notice={<WaitlistNotice code={home.course.code} enrolment={enrolment} />} />
      <EnrolmentPanel slug={slug} enrolment={enrolment} />
    </div>
  );
}
