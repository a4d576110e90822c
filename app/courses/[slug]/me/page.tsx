import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getMyDeadlines } from "@/lib/server/deadlines/my-deadlines";
import Link from "next/link";
import { MyDeadlinesView } from "@/components/my-deadlines/my-deadlines";

export const metadata = { title: "My deadlines" };

// No student id in the URL: only the signed-in student's own deadlines and ledger.
export default async function MyDeadlinesPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const now = serverNow();
  const data = await guardPage(() => getMyDeadlines({ db: db(), viewer, slug, now }), {
    returnTo: `/courses/${slug}/me`,
  });
  return (
    <>
      <MyDeadlinesView data={data} now={now} />
      <p className="no-print mt-6 text-sm">
        <Link href={`/courses/${slug}/me/feed`}>My calendar feed</Link>: your own deadlines, extensions included, in
        your calendar app.
      </p>
    </>
  );
}
