import { db } from "@/lib/server/db";
import { currentViewer } from "@/lib/server/session";
import { loadCourseContext } from "@/lib/server/authz";
import { guardPage } from "@/lib/server/page-guard";
import { CourseNav } from "@/components/course/course-nav";

export default async function CourseLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await currentViewer();
  const ctx = await guardPage(() => loadCourseContext(db(), slug, viewer), { returnTo: `/courses/${slug}` });
  return (
    <div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{ctx.course.code}</p>
      <CourseNav slug={slug} role={ctx.role} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
