import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { getSubmissionFile } from "@/lib/server/deadlines/submissions";

// A submitted file, for its owner or staff. Always a download: never rendered inline on our origin.
export const GET = handle(
  async (_request: Request, { params }: { params: Promise<{ slug: string; submissionId: string }> }) => {
    const { slug, submissionId } = await params;
    const file = await getSubmissionFile({ db: db(), viewer: await currentViewer(), slug, submissionId });
    const name = file.name.replace(/[^\w.\- ]+/g, "_");
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  },
);
