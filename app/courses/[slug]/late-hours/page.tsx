import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getCourseLateHours } from "@/lib/server/deadlines/my-deadlines";
import { CourseLateHoursView } from "@/components/late-hours/course-late-hours";

export const metadata = { title: "Late hours" };

export default async function LateHoursPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getCourseLateHours({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/late-hours`,
  });
  return <CourseLateHoursView data={data} />;
}
