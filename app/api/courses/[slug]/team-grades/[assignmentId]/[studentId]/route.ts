import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { GradeConflictError, ScoreBoundError } from "@/lib/server/grading/grades";
import { saveTeamGradeCell } from "@/lib/server/grading/team-grades";
import { teamCellSaveSchema } from "@/lib/validation/teams";
import { JSON_BODY_LIMITS, readJson } from "@/lib/server/platform/json-body";

type Params = { params: Promise<{ slug: string; assignmentId: string; studentId: string }> };

export const dynamic = "force-dynamic";

/**
 * A gradebook cell on team work (issue 16): `scope: "team"` grades the student's whole team,
 * `"member"` gives that student their own score (an override). Answers as the per-student route does
 * (the saved cell; 409 with `current`; 422 with `reason`), plus the other members' changed cells.
 */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { slug, assignmentId, studentId } = await params;
  const input = teamCellSaveSchema.parse(await readJson(request, JSON_BODY_LIMITS.metadata));
  try {
    const saved = await saveTeamGradeCell({
      db: db(),
      slug,
      viewer: await currentViewer(),
      assignmentId,
      studentId,
      input,
    });
    return Response.json(saved, { headers: { "Cache-Control": "no-store" } });
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
