import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { headers } from "next/headers";
import { assertCoursePageAccess, loadCourseContext } from "@/lib/server/authorization/authz";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { CourseNav } from "@/components/course/course-nav";

export default async function CourseLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const viewer = await currentViewer();
  // Set by proxy.ts, each segment decoded and re-encoded one way (lib/request-path.ts), so it
  // compares with the decoded slug. Checked here, above the loading boundary, so a refusal
  // keeps its HTTP status.
  const path = (await headers()).get("x-lectern-path");
  const ctx = await guardPage(
    async () => {
      const ctx = await loadCourseContext(db(), slug, viewer);
      if (path) await assertCoursePageAccess({ db: db(), ctx, path });
      return ctx;
    },
    { returnTo: path?.startsWith(`/courses/${slug}`) ? path : `/courses/${slug}` },
  );
  return (
    <div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{ctx.course.code}</p>
      <CourseNav slug={slug} role={ctx.role} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
