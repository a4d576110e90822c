import { createHash } from "node:crypto";
import { db } from "@/lib/server/platform/db";
import { handle } from "@/lib/server/platform/route";
import { siteOrigin } from "@/lib/server/platform/origin";
import { serverNow } from "@/lib/server/platform/clock";
import { feedResponse } from "@/lib/server/platform/feed-response";
import { getPersonalCalendar } from "@/lib/server/deadlines/personal-feed";

export const dynamic = "force-dynamic";

// GET /feeds/<secret>.ics — a student's own deadlines for calendar apps, which poll: an
// unchanged feed answers 304 to its ETag (private to this token) or Last-Modified.
export const GET = handle(async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const token = (await params).token.replace(/\.ics$/, "");
  const origin = await siteOrigin();
  const ics = await getPersonalCalendar({ db: db(), token, origin });
  return feedResponse(
    request,
    ics,
    { "Content-Type": "text/calendar; charset=utf-8" },
    {
      // The token is the credential: the store keeps only its hash.
      key: `personal:${createHash("sha256").update(token).digest("base64url")}:${origin}`,
      now: serverNow(),
      secret: token,
      // Personal data: revalidated on every poll, never in a shared cache, never indexed.
      always: { "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer" },
    },
  );
});
