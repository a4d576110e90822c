"use server";
import { z } from "zod";
import { courseAction } from "@/lib/server/platform/action";
import { regenerateMyFeed } from "@/lib/server/deadlines/personal-feed";

export const regenerateFeedAction = courseAction({
  permission: "own.feed.manage",
  schema: z.object({ courseSlug: z.string().min(1).max(100) }),
  run: async ({ input, viewer, db }) => {
    const { path } = await regenerateMyFeed({ db, slug: input.courseSlug, viewer });
    return { message: "New feed address created. The old one no longer works.", data: { path } };
  },
  revalidate: ({ input }) => [`/courses/${input.courseSlug}/me/feed`],
});
