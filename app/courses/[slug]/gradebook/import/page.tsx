import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { authorize } from "@/lib/server/authorization/authz";
import { GradebookNav } from "@/components/gradebook/gradebook-nav";
import { GradeImport } from "@/components/gradebook/grade-import";

export const metadata = { title: "Import grades" };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  await guardPage(() => authorize({ db: db(), slug, viewer, permission: "grades.import" }), {
    returnTo: `/courses/${slug}/gradebook/import`,
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Import grades from CSV</h1>
      <GradebookNav slug={slug} current="import" canImport />
      <GradeImport slug={slug} />
    </div>
  );
}
