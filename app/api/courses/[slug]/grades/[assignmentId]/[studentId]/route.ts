import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { GradeConflictError, ScoreBoundError, getGradeDetail, saveGrade } from "@/lib/server/grading/grades";
import { gradeSaveSchema } from "@/lib/validation/grades";
import { JSON_BODY_LIMITS, readJson } from "@/lib/server/platform/json-body";
import { authorizedToSend } from "@/lib/server/authorization/authorized-body";

type Params = { params: Promise<{ slug: string; assignmentId: string; studentId: string }> };

export const dynamic = "force-dynamic";

/** One grade's detail: feedback, submissions and (for staff) its change history. */
export const GET = handle(async (_request: Request, { params }: Params) => {
  const { slug, assignmentId, studentId } = await params;
  const detail = await getGradeDetail({
    db: db(),
    slug,
    viewer: await currentViewer(),
    assignmentId,
    studentId,
    now: serverNow(),
  });
  return Response.json(detail, { headers: { "Cache-Control": "private, no-store" } });
});

/**
 * Saves a cell. The body names the version the grader read; if the grade moved
 * since, the answer is 409 with the value that is there now (`current`). A score out of bounds is 422
 * with `reason` ("needs-extra-credit" means: resend with `extraCredit: true` once the grader confirmed);
 * a waitlisted or dropped student is 409 without `current`.
 */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { slug, assignmentId, studentId } = await params;
  const viewer = await authorizedToSend(request, {
    slug,
    permission: "grades.edit",
    limitBytes: JSON_BODY_LIMITS.metadata,
  });
  const input = gradeSaveSchema.parse(await readJson(request, JSON_BODY_LIMITS.metadata));
  try {
    const cell = await saveGrade({ db: db(), slug, viewer, assignmentId, studentId, input });
    return Response.json({ cell }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof GradeConflictError)
      return Response.json({ error: error.message, current: error.current }, { status: 409 });
    if (error instanceof ScoreBoundError)
      return Response.json(
        { error: error.message, reason: error.reason, fieldErrors: error.fieldErrors },
        { status: 422 },
      );
    throw error;
  }
});
