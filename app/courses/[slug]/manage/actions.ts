"use server";
// Instructor editing: every action goes through courseAction (zod → field
// errors, then the policy), calls the data layer (which writes and audits in one
// transaction and bumps the course cache after commit), then revalidates the
// public pages so they show the edit right away.
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { replaceCourseLinks, replaceMeetingSections, updateCourseDetails } from "@/lib/server/course/manage/course";
import { addNoClassDay, deleteScheduleEntry, saveScheduleEntry } from "@/lib/server/course/manage/schedule";
import { deleteAssignment, saveAssignment } from "@/lib/server/course/manage/assignments";
import { deleteAnnouncement, saveAnnouncement } from "@/lib/server/course/manage/announcements";
import {
  addMember,
  applyRosterImport,
  changeMemberRole,
  admitMember,
  dropMember,
  previewRosterImport,
  type RosterImportPreview,
} from "@/lib/server/people/roster";
import { courseDetailsSchema, courseLinksSchema, meetingSectionsSchema } from "@/lib/validation/course";
import { entryIdSchema, noClassSchema, scheduleEntrySchema } from "@/lib/validation/schedule";
import { assignmentIdSchema, assignmentSchema } from "@/lib/validation/assignment";
import { announcementIdSchema, announcementSchema } from "@/lib/validation/announcement";
import {
  addMemberSchema,
  admitMemberSchema,
  changeRoleSchema,
  membershipIdSchema,
  rosterCsvSchema,
} from "@/lib/validation/roster";

/** Every page that shows course content, so an edit is visible at once. */
function coursePaths(slug: string, ...more: string[]): string[] {
  const base = `/courses/${slug}`;
  return [
    "/courses",
    base,
    `${base}/schedule`,
    `${base}/announcements`,
    `${base}/assignments`,
    `${base}/speakers`,
    ...more.map((m) => `${base}${m}`),
  ];
}

export const updateCourseDetailsAction = courseAction({
  permission: "course.edit",
  schema: courseDetailsSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { promoted } = await updateCourseDetails({ db, viewer, slug: ctx.course.slug, input });
    return {
      message: `Course details saved.${promoted ? ` ${promoted} ${promoted === 1 ? "person" : "people"} promoted from the waitlist.` : ""}`,
    };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage", "/manage/roster"),
});

export const saveCourseLinksAction = courseAction({
  permission: "course.edit",
  schema: courseLinksSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await replaceCourseLinks({ db, viewer, slug: ctx.course.slug, input });
    return { message: `Links saved (${input.links.length}).` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage"),
});

export const saveMeetingSectionsAction = courseAction({
  permission: "course.edit",
  schema: meetingSectionsSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await replaceMeetingSections({ db, viewer, slug: ctx.course.slug, input });
    return { message: `Meeting sections saved (${input.sections.length}).` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage"),
});

export const saveScheduleEntryAction = courseAction({
  permission: "schedule.edit",
  schema: scheduleEntrySchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { created } = await saveScheduleEntry({ db, viewer, slug: ctx.course.slug, input });
    return { message: created ? `Added “${input.title}” on ${input.date}.` : `Saved “${input.title}”.` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/schedule"),
});

export const addNoClassAction = courseAction({
  permission: "schedule.edit",
  schema: noClassSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await addNoClassDay({ db, viewer, slug: ctx.course.slug, input });
    return { message: `No class on ${input.date}.` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/schedule"),
});

export const deleteScheduleEntryAction = courseAction({
  permission: "schedule.edit",
  schema: entryIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await deleteScheduleEntry({ db, viewer, slug: ctx.course.slug, entryId: input.entryId });
    return { message: "Entry deleted." };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/schedule"),
});

export const saveAssignmentAction = courseAction({
  permission: "assignments.edit",
  schema: assignmentSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { created } = await saveAssignment({ db, viewer, slug: ctx.course.slug, input });
    return { message: `${input.code} ${created ? "created" : "saved"}.` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/assignments", "/me", "/gradebook"),
});

export const deleteAssignmentAction = courseAction({
  permission: "assignments.edit",
  schema: assignmentIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await deleteAssignment({ db, viewer, slug: ctx.course.slug, assignmentId: input.assignmentId });
    return { message: "Assignment deleted." };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/assignments", "/me", "/gradebook"),
});

export const saveAnnouncementAction = courseAction({
  permission: "announcements.post",
  schema: announcementSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const now = serverNow();
    const { created } = await saveAnnouncement({ db, viewer, slug: ctx.course.slug, input, now });
    return { message: created ? `Posted “${input.title}”.` : `Saved “${input.title}”.` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/announcements"),
});

export const deleteAnnouncementAction = courseAction({
  permission: "announcements.post",
  schema: announcementIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await deleteAnnouncement({ db, viewer, slug: ctx.course.slug, announcementId: input.announcementId });
    return { message: "Announcement deleted." };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/announcements"),
});

export const addMemberAction = courseAction({
  permission: "roster.edit",
  schema: addMemberSchema,
  run: async ({ input, ctx, viewer, db }) => addMember({ db, viewer, slug: ctx.course.slug, input }),
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/roster"),
});

export const previewRosterImportAction = courseAction<typeof rosterCsvSchema, RosterImportPreview>({
  permission: "roster.edit",
  schema: rosterCsvSchema,
  run: async ({ input, ctx, viewer, db }) => ({
    data: await previewRosterImport({ db, viewer, slug: ctx.course.slug, csv: input.csv }),
  }),
});

export const applyRosterImportAction = courseAction({
  permission: "roster.edit",
  schema: rosterCsvSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { applied } = await applyRosterImport({ db, viewer, slug: ctx.course.slug, csv: input.csv });
    return { message: `Roster imported: ${applied} ${applied === 1 ? "change" : "changes"}.` };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/roster"),
});

export const changeRoleAction = courseAction({
  permission: "roster.edit",
  schema: changeRoleSchema,
  run: async ({ input, ctx, viewer, db }) =>
    changeMemberRole({ db, viewer, slug: ctx.course.slug, membershipId: input.membershipId, role: input.role }),
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/roster"),
});

export const admitMemberAction = courseAction({
  permission: "roster.edit",
  schema: admitMemberSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { message } = await admitMember({ db, viewer, slug: ctx.course.slug, ...input });
    return { message };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/roster"),
});

export const dropMemberAction = courseAction({
  permission: "roster.edit",
  schema: membershipIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { message } = await dropMember({ db, viewer, slug: ctx.course.slug, membershipId: input.membershipId });
    return { message };
  },
  revalidate: ({ ctx }) => coursePaths(ctx.course.slug, "/manage/roster"),
});
