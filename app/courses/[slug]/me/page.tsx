import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { serverNow } from "@/lib/server/platform/clock";
import { getMyDeadlines } from "@/lib/server/deadlines/my-deadlines";
import Link from "next/link";
import { MyDeadlinesView } from "@/components/my-deadlines/my-deadlines";
import { getMyExtensionRequests } from "@/lib/server/deadlines/extension-requests";
import { formatInZone } from "@/lib/domain/time";
import { assignmentLabel } from "@/lib/domain/assignment-label";
import { ExtensionRequestForm } from "@/components/extension-requests/request-form";
import { MyRequests } from "@/components/extension-requests/my-requests";

export const metadata = { title: "My deadlines" };

// No student id in the URL: only the signed-in student's own deadlines and ledger.
export default async function MyDeadlinesPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const now = serverNow();
  const [data, requests] = await guardPage(
    () =>
      Promise.all([
        getMyDeadlines({ db: db(), viewer, slug, now }),
        getMyExtensionRequests({ db: db(), viewer, slug }),
      ]),
    { returnTo: `/courses/${slug}/me` },
  );
  const timeZone = data.course.timeZone;
  const extendable = data.assignments
    .filter((a) => a.effectiveDueAt)
    .map((a) => ({
      id: a.id,
      label: `${assignmentLabel(a)} (due ${formatInZone({ at: a.effectiveDueAt!, timeZone })})`,
    }));
  return (
    <>
      <MyDeadlinesView data={data} now={now} />
      <section aria-labelledby="requests-h" className="no-print mt-8 space-y-3">
        <h2 id="requests-h" className="text-lg font-semibold">
          Extension requests
        </h2>
        <MyRequests slug={slug} requests={requests} timeZone={timeZone} />
        <ExtensionRequestForm slug={slug} assignments={extendable} />
      </section>
      <p className="no-print mt-6 text-sm">
        <Link href={`/courses/${slug}/me/feed`}>My calendar feed</Link>: your own deadlines, extensions included, in
        your calendar app.
      </p>
    </>
  );
}
