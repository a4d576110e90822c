import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getTeamsPage } from "@/lib/server/people/teams/team-views";
import { TeamsView } from "@/components/teams/teams-view";

export const metadata = { title: "Teams" };

export default async function TeamsPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getTeamsPage({ db: db(), viewer, slug, now: serverNow() }), {
    returnTo: `/courses/${slug}/teams`,
  });
  return <TeamsView data={data} />;
}
