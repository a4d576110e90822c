import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { listLocalOutbox } from "@/lib/server/notify/outbox-view";
import { mailDirectory } from "@/lib/server/notify/transport";
import { SiteMain } from "@/components/layout/site-main";
import { OutboxList } from "@/components/notify/outbox-list";

export const metadata = { title: "Local outbox", robots: { index: false } };

// Without SMTP_URL every email lands here (and as an .eml file): `npm start` shows the whole
// flow with no mail server. A 404 once SMTP_URL is set.
export default async function LocalOutboxPage() {
  await connection();
  const viewer = await currentViewer();
  const entries = await guardPage(() => listLocalOutbox({ db: db(), viewer }), { returnTo: "/dev/outbox" });
  return (
    <SiteMain>
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold">Local outbox</h1>
        <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
          No mail server is configured (<code>SMTP_URL</code>), so the emails of the courses you teach are delivered
          here and as <code>.eml</code> files under <code>{mailDirectory()}</code>. Newest first.
        </p>
        <OutboxList entries={entries} />
      </div>
    </SiteMain>
  );
}
