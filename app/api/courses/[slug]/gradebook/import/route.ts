import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { applyGradeImport, previewGradeImport } from "@/lib/server/grading/grade-import";
import { JSON_BODY_LIMITS, readJson } from "@/lib/server/platform/json-body";
import { authorizedToSend } from "@/lib/server/authorization/authorized-body";
import { gradeImportSchema } from "@/lib/validation/grades";

export const dynamic = "force-dynamic";

/**
 * A parsed grades CSV (the browser parses it with papaparse). mode "preview"
 * returns the diff and writes nothing; mode "apply" writes exactly the previewed
 * changes (named by previewToken) in one transaction, or 409 if grades moved.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const viewer = await authorizedToSend(request, {
    slug,
    permission: "grades.import",
    limitBytes: JSON_BODY_LIMITS.gradeImport,
  });
  const input = gradeImportSchema.parse(await readJson(request, JSON_BODY_LIMITS.gradeImport));
  const args = { db: db(), slug, viewer, input, now: serverNow() };
  if (input.mode === "preview") return Response.json({ preview: await previewGradeImport(args) });
  return Response.json({ applied: await applyGradeImport(args) });
});
