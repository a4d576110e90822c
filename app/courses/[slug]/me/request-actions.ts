"use server";
// A student's extension request from My deadlines: check what approval would do, then send it.
// The server's clock stamps it; the data layer decides (the course's rule) in the same transaction.
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { createExtensionRequest, previewExtensionRequest } from "@/lib/server/deadlines/extension-requests";
import { formatInZone } from "@/lib/domain/time";
import { askedChange, extensionRequestSchema, previewRequestSchema } from "@/lib/validation/extension-requests";

export const previewRequestAction = courseAction({
  permission: "own.extension-requests.create",
  schema: previewRequestSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const p = await previewExtensionRequest({
      db,
      viewer,
      slug: ctx.course.slug,
      assignmentId: input.assignmentId,
      asked: askedChange(input),
      now: serverNow(),
    });
    const when = formatInZone({ at: p.requestedDueAt, timeZone: ctx.course.timeZone });
    const rule = p.rule.approve ? " The course's rule approves a request like this at once." : "";
    return { message: `Asks for ${Math.round(p.hours * 10) / 10} h more: due ${when}. ${p.sentence}${rule}` };
  },
});

export const createRequestAction = courseAction({
  permission: "own.extension-requests.create",
  schema: extensionRequestSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const file =
      input.file && input.file.size > 0
        ? { name: input.file.name, size: input.file.size, bytes: new Uint8Array(await input.file.arrayBuffer()) }
        : null;
    const result = await createExtensionRequest({
      db,
      viewer,
      slug: ctx.course.slug,
      input: { assignmentId: input.assignmentId, asked: askedChange(input), reason: input.reason, file },
      now: serverNow(),
    });
    if (result.status === "PENDING") return { message: "Request sent: the course staff will decide." };
    const when = result.dueAt ? formatInZone({ at: result.dueAt, timeZone: ctx.course.timeZone }) : "";
    return { message: `Approved by the course's rule: now due ${when}.` };
  },
  revalidate: ({ ctx }) => [`/courses/${ctx.course.slug}/me`, `/courses/${ctx.course.slug}/requests`],
});
