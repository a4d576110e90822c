import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { authorizeSite } from "@/lib/server/authorization/authz";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { SiteMain } from "@/components/layout/site-main";
import { CourseImport } from "@/components/manage/course-import";

export const metadata = { title: "Import a course" };

export default async function ImportCoursePage() {
  await connection();
  const viewer = await currentViewer();
  await guardPage(() => authorizeSite({ db: db(), viewer, permission: "site.course.create" }), {
    returnTo: "/courses/import",
  });
  return (
    <SiteMain>
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold">Import a course</h1>
        <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
          Upload a Lectern course file (export one from a course’s Manage → Import / export). A new slug creates a
          course with you as its instructor; the slug of a course you teach updates it.
        </p>
        <CourseImport />
      </div>
    </SiteMain>
  );
}
