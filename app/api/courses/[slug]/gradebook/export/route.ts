import { db } from "@/lib/server/db";
import { currentViewer } from "@/lib/server/session";
import { handle } from "@/lib/server/route";
import { serverNow } from "@/lib/server/clock";
import { exportGradebookCsv } from "@/lib/server/grade-csv";

export const dynamic = "force-dynamic";

/** The gradebook as a Canvas-layout CSV download. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { filename, csv } = await exportGradebookCsv({ db: db(), slug, viewer: await currentViewer(), now: serverNow() });
  // A byte-order mark makes Excel read the file as UTF-8 (names with accents).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
