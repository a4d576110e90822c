import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { handle } from "@/lib/server/platform/route";
import { exportTeamsCsv } from "@/lib/server/people/teams/team-csv";

export const dynamic = "force-dynamic";

/** A team set as CSV (team,email,name): the layout the import reads. */
export const GET = handle(
  async (_request: Request, { params }: { params: Promise<{ slug: string; teamSetId: string }> }) => {
    const { slug, teamSetId } = await params;
    const { fileName, csv } = await exportTeamsCsv({ db: db(), slug, viewer: await currentViewer(), teamSetId });
    // A byte-order mark makes Excel read the file as UTF-8 (names with accents).
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
