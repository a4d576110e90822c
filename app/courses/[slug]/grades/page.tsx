import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getMyGrades } from "@/lib/server/grading/grades";
import { MyGradesView } from "@/components/grades/my-grades";

export const metadata = { title: "My grades" };

// No student id in the URL: the page only ever shows the signed-in student's own grades.
export default async function MyGradesPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getMyGrades({ db: db(), slug, viewer, now: serverNow() }), {
    returnTo: `/courses/${slug}/grades`,
  });
  return <MyGradesView data={data} />;
}
