import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { siteOrigin } from "@/lib/server/platform/origin";
import { getPersonalCalendar } from "@/lib/server/deadlines/personal-feed";

export const dynamic = "force-dynamic";

// GET /feeds/<secret>.ics — a student's own deadlines for calendar apps.
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const ics = await getPersonalCalendar({ db: db(), token: token.replace(/\.ics$/, ""), origin: await siteOrigin() });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // Personal data: never in a shared cache, never indexed.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
});
