import { db } from "@/lib/server/db";
import { serverNow } from "@/lib/server/clock";
import { handle } from "@/lib/server/route";
import { getAnnouncementsFeed } from "@/lib/server/announcements";
import { siteOrigin } from "@/lib/server/origin";
import { feedResponse } from "@/lib/server/feed-response";

export const dynamic = "force-dynamic";

export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const xml = await getAnnouncementsFeed({ db: db(), slug, origin: await siteOrigin(), now: serverNow() });
  return feedResponse(request, xml, { "Content-Type": "application/atom+xml; charset=utf-8" });
});
