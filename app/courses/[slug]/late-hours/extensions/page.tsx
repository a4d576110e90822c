import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { listExtensions } from "@/lib/server/deadlines/extensions";
import { formatInZone, localDateOf, localTimeOf } from "@/lib/domain/time";
import { ExtensionsView } from "@/components/extensions/extensions-view";
import { defaultExtensionTarget } from "@/lib/domain/extension-default";
import { serverNow } from "@/lib/server/platform/clock";

export const metadata = { title: "Extensions" };

export default async function ExtensionsPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => listExtensions({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/late-hours/extensions`,
  });
  const timeZone = data.course.timeZone;
  // The forms start from each assignment's current course-wide due date, in the course's wall clock.
  const assignments = data.assignments
    .filter((a) => a.courseDueAt)
    .map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      dueDate: localDateOf({ at: a.courseDueAt!, timeZone }),
      dueTime: localTimeOf({ at: a.courseDueAt!, timeZone }),
      dueLabel: formatInZone({ at: a.courseDueAt!, timeZone }),
    }));
  const dated = data.assignments.flatMap((a) => (a.courseDueAt ? [{ ...a, dueAt: a.courseDueAt }] : []));
  return (
    <ExtensionsView
      slug={slug}
      timeZone={timeZone}
      assignments={assignments}
      defaultAssignmentId={defaultExtensionTarget(dated, serverNow())}
      students={data.students}
      events={data.events}
    />
  );
}
