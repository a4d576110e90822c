import { z } from "zod";
import { checkbox, id, optionalLocalDateTime, requiredText } from "@/lib/validation/fields";

export const announcementSchema = z.object({
  announcementId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  title: requiredText("a title", 200),
  body: z
    .string({ error: "Write the announcement" })
    .trim()
    .min(1, "Write the announcement")
    .max(50_000, "At most 50,000 characters"),
  pinned: checkbox,
  // Blank = now; a later time schedules the post.
  publishAt: optionalLocalDateTime,
});
export type AnnouncementInput = z.output<typeof announcementSchema>;

export const announcementIdSchema = z.object({ announcementId: id });
