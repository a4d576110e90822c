"use server";
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { setGradesReleased } from "@/lib/server/grading/grades";
import { previewScheme, updateScheme, type SchemePreview } from "@/lib/server/grading/grade-scheme";
import { releaseSchema, schemeInputSchema } from "@/lib/validation/grades";

export const releaseGradesAction = courseAction({
  permission: "grades.release",
  schema: releaseSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const release = input.release === "release";
    const result = await setGradesReleased({
      db,
      slug: ctx.course.slug,
      viewer,
      assignmentId: input.assignmentId,
      release,
      now: serverNow(),
    });
    return {
      message: release
        ? `${result.code} grades released to students.`
        : `${result.code} grades hidden from students again.`,
    };
  },
  revalidate: ({ ctx }) => [
    `/courses/${ctx.course.slug}/gradebook`,
    `/courses/${ctx.course.slug}/gradebook/assignments`,
    `/courses/${ctx.course.slug}/grades`,
  ],
});

export const saveSchemeAction = courseAction({
  permission: "scheme.edit",
  schema: schemeInputSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await updateScheme({ db, slug: ctx.course.slug, viewer, input });
    return { message: "Grading scheme saved." };
  },
  revalidate: ({ ctx }) => [
    `/courses/${ctx.course.slug}/gradebook`,
    `/courses/${ctx.course.slug}/gradebook/scheme`,
    `/courses/${ctx.course.slug}/grades`,
  ],
});

export const previewSchemeAction = courseAction<typeof schemeInputSchema, SchemePreview>({
  permission: "scheme.edit",
  schema: schemeInputSchema,
  run: async ({ input, ctx, viewer, db }) => ({
    data: await previewScheme({ db, slug: ctx.course.slug, viewer, input, now: serverNow() }),
  }),
});
