import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getSchemeEditor } from "@/lib/server/grading/grade-scheme";
import { GradebookNav } from "@/components/gradebook/gradebook-nav";
import { SchemeEditor } from "@/components/gradebook/scheme-editor";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Grading scheme" };

export default async function SchemePage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getSchemeEditor({ db: db(), slug, viewer }), {
    returnTo: `/courses/${slug}/gradebook/scheme`,
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Grading scheme</h1>
      <GradebookNav slug={slug} current="scheme" canImport={data.canImport} />
      {data.categories.length === 0 ? (
        <EmptyState title="This course has no grading categories" />
      ) : (
        <SchemeEditor slug={slug} data={data} />
      )}
    </div>
  );
}
