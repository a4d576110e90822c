"use server";
// Site-wide, not a courseAction: a person's email choices are about them, not one course.
// The data layer authorizes ("site.notifications.manage"), the schema checks the kinds.
import { z } from "zod";
import { db } from "@/lib/server/platform/db";
import { failure, formDataToObject, type ActionState } from "@/lib/server/platform/action";
import { currentViewer } from "@/lib/server/people/session";
import { saveNotificationSettings, unsubscribeWithToken } from "@/lib/server/notify/settings";
import { notificationSettingsSchema, unsubscribeSchema } from "@/lib/validation/notifications";
import { NOTIFICATION_LABELS } from "@/lib/server/notify/kinds";

function invalid(error: z.ZodError): ActionState<never> {
  return {
    ok: false,
    status: 422,
    formError: "Please correct the highlighted fields.",
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
  };
}

export async function saveNotificationSettingsAction(
  _prev: ActionState,
  raw: FormData | Record<string, unknown>,
): Promise<ActionState> {
  try {
    const viewer = await currentViewer();
    const parsed = notificationSettingsSchema.safeParse(formDataToObject(raw));
    if (!parsed.success) return invalid(parsed.error);
    const saved = await saveNotificationSettings({ db: db(), viewer, emailOn: parsed.data.emailOn });
    const off = Object.values(saved.emailOn).filter((on) => !on).length;
    return {
      ok: true,
      message:
        off === 0 ? "Saved: you get every kind of email." : `Saved: ${off} kind${off === 1 ? "" : "s"} of email off.`,
    };
  } catch (error) {
    return failure(error);
  }
}

/** The button on the page an email's unsubscribe link opens: no sign-in, the token decides. */
export async function unsubscribeAction(
  _prev: ActionState,
  raw: FormData | Record<string, unknown>,
): Promise<ActionState> {
  try {
    const parsed = unsubscribeSchema.safeParse(formDataToObject(raw));
    if (!parsed.success) return invalid(parsed.error);
    const viewer = await currentViewer();
    const { email, scope } = await unsubscribeWithToken({ db: db(), token: parsed.data.token, viewer });
    const message =
      scope === "ALL"
        ? `Done: ${email} gets no more email from Lectern.`
        : `Done: ${email} gets no more emails about ${NOTIFICATION_LABELS[scope].label.toLowerCase()} from Lectern.`;
    return { ok: true, message };
  } catch (error) {
    return failure(error);
  }
}
