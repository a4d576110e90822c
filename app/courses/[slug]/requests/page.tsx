import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getExtensionQueue } from "@/lib/server/deadlines/extension-requests";
import { ExtensionQueueView } from "@/components/extension-requests/queue-view";

export const metadata = { title: "Extension requests" };

export default async function ExtensionRequestsPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const viewer = await currentViewer();
  const queue = await guardPage(() => getExtensionQueue({ db: db(), viewer, slug }), {
    returnTo: `/courses/${slug}/requests`,
  });
  return (
    <>
      <h1 className="text-2xl font-bold">Extension requests</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
        Approving gives the student a personal extension: their late hours are recomputed at once and they get an email.
      </p>
      <ExtensionQueueView queue={queue} />
    </>
  );
}
