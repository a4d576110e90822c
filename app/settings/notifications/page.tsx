import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { getNotificationSettings } from "@/lib/server/notify/settings";
import { SiteMain } from "@/components/layout/site-main";
import { NotificationSettingsForm } from "@/components/notify/notification-settings-form";
import { saveNotificationSettingsAction } from "./actions";

export const metadata = { title: "Email settings" };

export default async function NotificationSettingsPage() {
  await connection();
  const viewer = await currentViewer();
  const settings = await guardPage(() => getNotificationSettings({ db: db(), viewer }), {
    returnTo: "/settings/notifications",
  });
  return (
    <SiteMain>
      <div className="max-w-2xl">
        <h1 className="text-2xl font-bold">Email settings</h1>
        <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">
          Lectern emails <strong>{settings.email}</strong> when something changes in your courses. These choices apply
          to every course; the link at the bottom of each email turns its kind off too.
        </p>
        <NotificationSettingsForm emailOn={settings.emailOn} action={saveNotificationSettingsAction} />
      </div>
    </SiteMain>
  );
}
