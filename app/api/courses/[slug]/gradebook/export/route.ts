import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { serverNow } from "@/lib/server/platform/clock";
import { exportGradebookCsv } from "@/lib/server/grading/grade-csv";

export const dynamic = "force-dynamic";

/** The gradebook as a Canvas-layout CSV download. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { filename, csv } = await exportGradebookCsv({
    db: db(),
    slug,
    viewer: await currentViewer(),
    now: serverNow(),
  });
  // A byte-order mark makes Excel read the file as UTF-8 (names with accents).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
