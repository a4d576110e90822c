import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { getGradebookRows } from "@/lib/server/grading/gradebook";

export const dynamic = "force-dynamic";

/** Every row of the gradebook: the grid loads them after the page, which sends only its first screen. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const body = await getGradebookRows({ db: db(), slug, viewer: await currentViewer(), now: serverNow() });
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
});
