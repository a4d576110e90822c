"use server";
// A student hands in work. The server's clock stamps it; the data layer decides,
// charges and audits in one transaction under the student's ledger lock.
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { submitWork } from "@/lib/server/deadlines/submissions";
import { submitWorkSchema } from "@/lib/validation/deadlines";

export const submitWorkAction = courseAction({
  permission: "own.submissions.create",
  schema: submitWorkSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const now = serverNow();
    const payload =
      input.method === "link"
        ? { url: input.url ?? "" }
        : {
            file: {
              name: input.file!.name,
              size: input.file!.size,
              bytes: new Uint8Array(await input.file!.arrayBuffer()),
            },
          };
    const result = await submitWork({
      db,
      viewer,
      slug: ctx.course.slug,
      assignmentId: input.assignmentId,
      input: payload,
      now,
      expectedLatestId: input.expectedLatestId === undefined ? undefined : input.expectedLatestId || null,
    });
    return { message: result.message };
  },
  revalidate: ({ ctx }) => [`/courses/${ctx.course.slug}/me`, `/courses/${ctx.course.slug}/late-hours`],
});
