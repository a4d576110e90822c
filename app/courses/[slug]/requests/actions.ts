"use server";
// The staff queue: decide one or many requests; the instructor sets the course's automatic rule.
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { decideExtensionRequests, saveExtensionRule } from "@/lib/server/deadlines/extension-requests";
import { decisionSchema, extensionRuleSchema } from "@/lib/validation/extension-requests";

export const decideRequestsAction = courseAction({
  permission: "extension-requests.decide",
  schema: decisionSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { decided } = await decideExtensionRequests({
      db,
      viewer,
      slug: ctx.course.slug,
      requestIds: input.requestId,
      decision:
        input.decision === "other"
          ? { kind: "other", dueLocal: { date: input.date!, time: input.time! } }
          : { kind: input.decision },
      message: input.message,
      now: serverNow(),
    });
    const verb = input.decision === "deny" ? "Denied" : "Approved";
    return {
      message: `${verb} ${decided} request${decided === 1 ? "" : "s"}; the student${decided === 1 ? " gets" : "s get"} an email.`,
    };
  },
  revalidate: ({ ctx }) => [`/courses/${ctx.course.slug}/requests`, `/courses/${ctx.course.slug}/late-hours`],
});

export const saveRuleAction = courseAction({
  permission: "extension-rules.edit",
  schema: extensionRuleSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const rule = await saveExtensionRule({ db, viewer, slug: ctx.course.slug, rule: input });
    return {
      message: rule.enabled
        ? `Saved: requests of at most ${rule.maxHours} h${rule.beforeDeadlineOnly ? " made before the deadline" : ""} are approved at once${rule.maxPerStudent ? `, at most ${rule.maxPerStudent} per student` : ""}.`
        : "Saved: the rule is off; every request waits for a person.",
    };
  },
  revalidate: ({ ctx }) => [`/courses/${ctx.course.slug}/requests`],
});
