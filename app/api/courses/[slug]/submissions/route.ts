import { z } from "zod";
import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { JSON_BODY_LIMITS, readJson } from "@/lib/server/platform/json-body";
import { authorizedToSend } from "@/lib/server/authorization/authorized-body";
import { submitWork } from "@/lib/server/deadlines/submissions";

export const dynamic = "force-dynamic";

const linkSubmission = z.object({ assignmentId: z.string().min(1).max(64), url: z.string().max(2000) });

/**
 * Hands in a link as JSON (scripts, load and fault tests). The same data-layer call
 * as the form's submitWorkAction, so the same authorization (own.submissions.create),
 * server clock, policy and ledger charge. Files are uploaded through the form.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const viewer = await authorizedToSend(request, {
    slug,
    permission: "own.submissions.create",
    limitBytes: JSON_BODY_LIMITS.metadata,
  });
  const input = linkSubmission.parse(await readJson(request, JSON_BODY_LIMITS.metadata));
  const result = await submitWork({
    db: db(),
    viewer,
    slug,
    assignmentId: input.assignmentId,
    input: { url: input.url },
    now: serverNow(),
  });
  return Response.json(
    {
      submissionId: result.submissionId,
      submittedAt: result.submittedAt.toISOString(),
      ledgerChange: result.ledgerChange,
      balanceAfter: result.balanceAfter,
      message: result.message,
    },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
