import { connection } from "next/server";
import { db } from "@/lib/server/db";
import { currentViewer } from "@/lib/server/session";
import { getCourseHome } from "@/lib/server/courses";
import { guardPage } from "@/lib/server/page-guard";
import { CourseHomeView } from "@/components/course/course-home";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return { title: slug.toUpperCase() };
}

export default async function CourseHomePage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const now = new Date();
  const home = await guardPage(() => getCourseHome({ db: db(), slug, viewer, now }), { returnTo: `/courses/${slug}` });
  return <CourseHomeView home={home} now={now} />;
}
