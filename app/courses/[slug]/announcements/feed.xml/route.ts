import { db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { handle } from "@/lib/server/platform/route";
import { getAnnouncementsFeed } from "@/lib/server/course/announcements";
import { siteOrigin } from "@/lib/server/platform/origin";
import { feedResponse } from "@/lib/server/platform/feed-response";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const origin = await siteOrigin();
  const now = serverNow();
  const xml = await getAnnouncementsFeed({ db: db(), slug, origin, now });
  return feedResponse(
    request,
    xml,
    { "Content-Type": "application/atom+xml; charset=utf-8" },
    { key: `announcements:${slug}:${origin}`, now },
  );
});
