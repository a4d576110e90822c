import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { FIRST_SCREEN_ROWS, getGradebook } from "@/lib/server/grading/gradebook";
import { GradebookGrid } from "@/components/gradebook/gradebook-grid";
import { GradebookNav } from "@/components/gradebook/gradebook-nav";
import { SkipToGrid } from "@/components/gradebook/grid/skip-to-grid";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Gradebook" };

export default async function GradebookPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  // The first screen of rows only: the grid loads the rest once it is on screen (issue 14.2).
  const data = await guardPage(
    () => getGradebook({ db: db(), slug, viewer, now: serverNow(), firstStudents: FIRST_SCREEN_ROWS }),
    { returnTo: `/courses/${slug}/gradebook` },
  );
  return (
    <div className="space-y-4">
      {data.rows.length > 0 && data.assignments.length > 0 ? <SkipToGrid /> : null}
      <h1 className="text-2xl font-bold">Gradebook</h1>
      <GradebookNav slug={slug} current="grid" canImport={data.permissions.import} />
      {data.rows.length === 0 ? (
        <EmptyState
          title="No enrolled students yet"
          body="Students appear here once they are enrolled in the course."
        />
      ) : data.assignments.length === 0 ? (
        <EmptyState title="No assignments yet" body="Add assignments to the course to start grading." />
      ) : (
        <GradebookGrid data={data} />
      )}
    </div>
  );
}
