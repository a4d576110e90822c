import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getMyTeams } from "@/lib/server/people/teams/team-views";
import { MyTeamView } from "@/components/teams/my-team-view";

export const metadata = { title: "My team" };

export default async function MyTeamPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const data = await guardPage(() => getMyTeams({ db: db(), viewer, slug, now: serverNow() }), {
    returnTo: `/courses/${slug}/my-team`,
  });
  return <MyTeamView data={data} />;
}
