import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { currentViewer } from "@/lib/server/people/session";
import { exportCourse } from "@/lib/server/course/manage/course-file";

// The course as a YAML file (permission course.export: instructors of this course).
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { fileName, yaml } = await exportCourse({ db: db(), viewer: await currentViewer(), slug });
  return new Response(yaml, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
