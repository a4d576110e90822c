import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { currentViewer } from "@/lib/server/people/session";
import { getExtensionRequestFile } from "@/lib/server/deadlines/extension-requests";

// The file attached to an extension request: its student, or staff who review requests.
export const GET = handle(
  async (_request: Request, { params }: { params: Promise<{ slug: string; requestId: string }> }) => {
    const { slug, requestId } = await params;
    const file = await getExtensionRequestFile({ db: db(), viewer: await currentViewer(), slug, requestId });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
