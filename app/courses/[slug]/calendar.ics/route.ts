import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { getCourseCalendar } from "@/lib/server/course/calendar";
import { siteOrigin } from "@/lib/server/platform/origin";
import { feedResponse } from "@/lib/server/platform/feed-response";
import { serverNow } from "@/lib/server/platform/clock";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const origin = await siteOrigin();
  const { slug: courseSlug, ics } = await getCourseCalendar({ db: db(), slug, origin });
  const download = new URL(request.url).searchParams.has("download");
  return feedResponse(
    request,
    ics,
    {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${courseSlug}.ics"`,
    },
    { key: `calendar:${courseSlug}:${origin}`, now: serverNow() },
  );
});
