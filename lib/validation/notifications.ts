import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/lib/server/notify/kinds";
import { list } from "@/lib/validation/fields";

/** The settings form: one checkbox per kind, named emailOn; an unticked box is absent. */
export const notificationSettingsSchema = z.object({
  emailOn: list(z.enum(NOTIFICATION_KINDS, { error: "Not a kind of email Lectern sends" })),
});

/** A signed unsubscribe token, as the link carries it (checked for its signature by the data layer). */
export const unsubscribeSchema = z.object({
  token: z.string({ error: "Missing link" }).min(1, "Missing link").max(500, "Not a valid link"),
});
