import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { authorize } from "@/lib/server/authorization/authz";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { ManageHeading, ManageNav, cardClass } from "@/components/manage/manage-nav";
import { CourseImport } from "@/components/manage/course-import";

type Props = { params: Promise<{ slug: string }> };
export const metadata = { title: "Import and export" };

export default async function CourseFilePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const ctx = await guardPage(() => authorize({ db: db(), slug, viewer, permission: "course.import" }), {
    returnTo: `/courses/${slug}/manage/import`,
  });
  return (
    <div>
      <ManageHeading title="Import and export">
        The course as one YAML file: schedule, speakers, readings, announcements, assignments, grading scheme and late
        policy; never student data.
      </ManageHeading>
      <ManageNav slug={slug} current="/import" />
      <div className="space-y-6">
        <section aria-labelledby="export-h" className={cardClass}>
          <h2 id="export-h" className="text-lg font-semibold">
            Export
          </h2>
          <p className="mt-1 text-sm">
            Download{" "}
            <a href={`/api/courses/${ctx.course.slug}/export`} download>
              {ctx.course.slug}.lectern.yaml
            </a>{" "}
            to keep a copy, copy the course into a new term, or edit it by hand.
          </p>
        </section>
        <section aria-labelledby="import-h" className={cardClass}>
          <h2 id="import-h" className="text-lg font-semibold">
            Update this course from a file
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">
            You see what changes before anything is saved. To create a new course from a file, use{" "}
            <Link href="/courses/import">Import a course</Link>.
          </p>
          <CourseImport targetSlug={ctx.course.slug} />
        </section>
      </div>
    </div>
  );
}
