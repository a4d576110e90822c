"use server";
// A student's own team actions (issue 16): form, join or leave a team while the set is open.
import { courseAction } from "@/lib/server/platform/action";
import { serverNow } from "@/lib/server/platform/clock";
import { createOwnTeam, joinTeam, leaveTeam } from "@/lib/server/people/teams/formation";
import { createTeamSchema, teamIdSchema } from "@/lib/validation/teams";

const paths = ({ ctx }: { ctx: { course: { slug: string } } }) => [
  `/courses/${ctx.course.slug}/my-team`,
  `/courses/${ctx.course.slug}/teams`,
];

export const createOwnTeamAction = courseAction({
  permission: "own.team.form",
  schema: createTeamSchema,
  run: async ({ input, ctx, viewer, db }) => {
    const team = await createOwnTeam({ db, viewer, slug: ctx.course.slug, ...input, now: serverNow() });
    return { message: `You started ${team.name}.` };
  },
  revalidate: paths,
});

export const joinTeamAction = courseAction({
  permission: "own.team.form",
  schema: teamIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await joinTeam({ db, viewer, slug: ctx.course.slug, teamId: input.teamId, now: serverNow() });
    return { message: "You joined the team." };
  },
  revalidate: paths,
});

export const leaveTeamAction = courseAction({
  permission: "own.team.form",
  schema: teamIdSchema,
  run: async ({ input, ctx, viewer, db }) => {
    await leaveTeam({ db, viewer, slug: ctx.course.slug, teamId: input.teamId, now: serverNow() });
    return { message: "You left the team." };
  },
  revalidate: paths,
});
