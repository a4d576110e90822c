import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/server/notify/kinds";
import { list } from "@/lib/validation/fields";

/**
 * The settings form: one checkbox per kind, named emailOn; an unticked box is absent, so "nothing
 * ticked" and "no emailOn at all" look the same. The hidden `settings` field says the form was
 * really sent: a request without it turns nothing off.
 */
export const notificationSettingsSchema = z.object({
  settings: z.literal("email", { error: "Send the email settings form." }),
  emailOn: list(z.enum(NOTIFICATION_KINDS, { error: "Not a kind of email Lectern sends" })),
});

/** A signed unsubscribe token, as the link carries it (checked for its signature by the data layer). */
export const unsubscribeSchema = z.object({
  token: z.string({ error: "Missing link" }).min(1, "Missing link").max(500, "Not a valid link"),
});
