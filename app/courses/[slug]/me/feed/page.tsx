import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { siteOrigin } from "@/lib/server/platform/origin";
import { getMyFeed } from "@/lib/server/deadlines/personal-feed";
import { PersonalFeedPanel } from "@/components/my-deadlines/personal-feed-panel";

export const metadata = { title: "My calendar feed" };

export default async function MyFeedPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const feed = await guardPage(() => getMyFeed({ db: db(), slug, viewer }), { returnTo: `/courses/${slug}/me/feed` });
  const origin = await siteOrigin();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">My calendar feed</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Subscribe to this address in Google Calendar, Apple Calendar or Outlook to see {feed.course.code}&apos;s
        lectures and <strong>your own</strong> deadlines, including extensions granted to you. Keep it private: anyone
        with the address can read your deadlines. If it leaks, make a new one.
      </p>
      <PersonalFeedPanel courseSlug={feed.course.slug} origin={origin} initialPath={feed.path} />
    </div>
  );
}
