import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getCourseForEdit } from "@/lib/server/course/manage/course";
import { ManageHeading, ManageNav, cardClass } from "@/components/manage/manage-nav";
import { CourseDetailsForm, LinksForm, SectionsForm } from "@/components/manage/course-forms";

type Props = { params: Promise<{ slug: string }> };
export const metadata = { title: "Manage course" };

export default async function ManageCoursePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const course = await guardPage(() => getCourseForEdit({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/manage`,
  });
  return (
    <div>
      <ManageHeading title="Manage course">
        Edits show on the public pages as soon as they are saved; every change is recorded in the audit log.
      </ManageHeading>
      <ManageNav slug={slug} current="" />
      <div className="space-y-6">
        <div className={cardClass}>
          <CourseDetailsForm course={course} />
        </div>
        <div className={cardClass}>
          <LinksForm slug={slug} links={course.links} />
        </div>
        <div className={cardClass}>
          <SectionsForm slug={slug} sections={course.sections} />
        </div>
      </div>
    </div>
  );
}
