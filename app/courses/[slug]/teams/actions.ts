"use server";
// Staff team actions (issue 16): each goes through courseAction (zod → field errors,
// then the permission table), then the data layer, which writes and audits in one transaction.
import { courseAction } from "@/lib/server/platform/action";
import { ValidationError } from "@/lib/server/platform/errors";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  removeTeamMember,
  saveTeamSet,
  setAssignmentTeamSet,
} from "@/lib/server/people/teams/teams";
import { applyTeamImport, previewTeamImport, type TeamImportPreview } from "@/lib/server/people/teams/team-csv";
import { grantTeamExtension, revokeTeamExtension } from "@/lib/server/deadlines/team-extensions";
import { saveTeamGrade } from "@/lib/server/grading/team-grades";
import {
  assignmentTeamSetSchema,
  createTeamSchema,
  revokeTeamExtensionSchema,
  teamCsvSchema,
  teamExtensionSchema,
  teamGradeOverrides,
  teamGradeSchema,
  teamIdSchema,
  teamMemberSchema,
  teamSetSchema,
} from "@/lib/validation/teams";

const paths = ({ ctx }: { ctx: { course: { slug: string } } }) => {
  const base = `/courses/${ctx.course.slug}`;
  return [`${base}/teams`, `${base}/my-team`, `${base}/me`, `${base}/late-hours`, `${base}/gradebook`];
};

export const saveTeamSetAction = courseAction({
  permission: "teams.edit",
  schema: teamSetSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const set = await saveTeamSet({ db, viewer, slug: ctx.course.slug, input });
    return { message: `Saved ${set.name}.` };
  },
  revalidate: paths,
});

export const setAssignmentTeamSetAction = courseAction({
  permission: "teams.edit",
  schema: assignmentTeamSetSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await setAssignmentTeamSet({ db, viewer, slug: ctx.course.slug, ...input });
    return { message: input.teamSetId ? "Now a team assignment." : "Now an individual assignment." };
  },
  revalidate: paths,
});

export const createTeamAction = courseAction({
  permission: "teams.edit",
  schema: createTeamSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const team = await createTeam({ db, viewer, slug: ctx.course.slug, ...input });
    return { message: `Created ${team.name}.` };
  },
  revalidate: paths,
});

export const deleteTeamAction = courseAction({
  permission: "teams.edit",
  schema: teamIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await deleteTeam({ db, viewer, slug: ctx.course.slug, teamId: input.teamId });
    return { message: "Team deleted." };
  },
  revalidate: paths,
});

export const addTeamMemberAction = courseAction({
  permission: "teams.edit",
  schema: teamMemberSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await addTeamMember({ db, viewer, slug: ctx.course.slug, ...input });
    return { message: "Added to the team." };
  },
  revalidate: paths,
});

export const removeTeamMemberAction = courseAction({
  permission: "teams.edit",
  schema: teamMemberSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await removeTeamMember({ db, viewer, slug: ctx.course.slug, ...input });
    return { message: "Removed from the team; their submissions and late hours stay on record." };
  },
  revalidate: paths,
});

export const previewTeamImportAction = courseAction<typeof teamCsvSchema, TeamImportPreview>({
  permission: "teams.edit",
  schema: teamCsvSchema,
  run: async ({ input, ctx, viewer, db }) => ({
    data: await previewTeamImport({ db, viewer, slug: ctx.course.slug, ...input }),
  }),
});

export const applyTeamImportAction = courseAction({
  permission: "teams.edit",
  schema: teamCsvSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const done = await applyTeamImport({ db, viewer, slug: ctx.course.slug, ...input });
    return { message: `Imported: ${done.placed} students placed, ${done.newTeams} new teams.` };
  },
  revalidate: paths,
});

export const grantTeamExtensionAction = courseAction({
  permission: "extensions.grant",
  schema: teamExtensionSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const out = await grantTeamExtension({
      db,
      viewer,
      slug: ctx.course.slug,
      teamId: input.teamId,
      assignmentId: input.assignmentId,
      dueLocal: input.due,
      reason: input.reason,
    });
    return { message: out.message };
  },
  revalidate: paths,
});

export const revokeTeamExtensionAction = courseAction({
  permission: "extensions.grant",
  schema: revokeTeamExtensionSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const out = await revokeTeamExtension({ db, viewer, slug: ctx.course.slug, ...input });
    return { message: out.message };
  },
  revalidate: paths,
});

export const saveTeamGradeAction = courseAction({
  permission: "grades.edit",
  schema: teamGradeSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const { overrides, errors } = teamGradeOverrides(input as Record<string, unknown>);
    if (Object.keys(errors).length > 0) throw new ValidationError("Please correct the highlighted fields.", errors);
    const saved = await saveTeamGrade({
      db,
      viewer,
      slug: ctx.course.slug,
      input: {
        assignmentId: input.assignmentId,
        teamId: input.teamId,
        score: input.score,
        feedback: input.feedback,
        overrides,
        version: input.version,
        extraCredit: input.extraCredit,
      },
    });
    return { message: `Saved for the team (${saved.changed} member grade${saved.changed === 1 ? "" : "s"} changed).` };
  },
  revalidate: paths,
});
