"use server";
import { z } from "zod";
import { courseAction } from "@/lib/server/platform/action";
import { joinCourse, leaveCourse } from "@/lib/server/people/enrolment";

const paths = (slug: string) => ["/courses", `/courses/${slug}`, `/courses/${slug}/manage/roster`];

/** Join: a seat if one is free, else the end of the waitlist (course.join: any signed-in person). */
export const joinCourseAction = courseAction({
  permission: "course.join",
  schema: z.object({}),
  run: async ({ ctx, viewer, db }) => {
    const r = await joinCourse({ db, viewer, slug: ctx.course.slug });
    return {
      message:
        r.status === "ENROLLED"
          ? "You are enrolled."
          : `The course is full: you are number ${r.position} on the waitlist.`,
    };
  },
  revalidate: ({ ctx }) => paths(ctx.course.slug),
});

export const leaveCourseAction = courseAction({
  permission: "course.join",
  schema: z.object({}),
  run: async ({ ctx, viewer, db }) => {
    await leaveCourse({ db, viewer, slug: ctx.course.slug });
    return { message: "You have left the course." };
  },
  revalidate: ({ ctx }) => paths(ctx.course.slug),
});
