import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { JSON_BODY_LIMITS, readJson } from "@/lib/server/platform/json-body";
import { authorizedToSend } from "@/lib/server/authorization/authorized-body";
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
  const viewer = await authorizedToSend(request, {
    slug,
    permission: "extensions.grant",
    limitBytes: JSON_BODY_LIMITS.metadata,
  });
  const input = courseExtensionApiSchema.parse(await readJson(request, JSON_BODY_LIMITS.metadata));
  const outcome = await grantCourseExtension({
    db: db(),
    viewer,
    slug,
    ...input,
    now: serverNow(),
  });
  return Response.json(outcome, { status: 201, headers: { "Cache-Control": "no-store" } });
});
