import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { readJson } from "@/lib/server/platform/json-body";
import { grantCourseExtension } from "@/lib/server/deadlines/extensions";
import { courseExtensionApiSchema } from "@/lib/validation/deadlines";

export const dynamic = "force-dynamic";

/**
 * Grants a course-wide extension as JSON (scripts, the load benchmark). The same
 * data-layer call as the extensions page's action: same permission
 * (extensions.grant), one transaction with the ledger recompute and audit.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const input = courseExtensionApiSchema.parse(await readJson(request));
  const outcome = await grantCourseExtension({
    db: db(),
    viewer: await currentViewer(),
    slug,
    ...input,
    now: serverNow(),
  });
  return Response.json(outcome, { status: 201, headers: { "Cache-Control": "no-store" } });
});
