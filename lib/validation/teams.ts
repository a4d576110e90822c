import { z } from "zod";
import {
  checkbox,
  id,
  optionalLocalDateTime,
  optionalNumber,
  requiredNumber,
  requiredText,
} from "@/lib/validation/fields";

export const TEAM_LATENESS_POLICIES = ["CHARGE_EACH", "SHARED_BUDGET", "NO_LATE"] as const;
export const TEAM_DUE_POLICIES = ["LATEST_OF_MEMBERS", "TEAM_ONLY"] as const;

export const teamSetSchema = z
  .object({
    teamSetId: id.optional(),
    name: requiredText("a name", 80),
    minSize: requiredNumber({ min: 1, max: 50, int: true }),
    maxSize: optionalNumber({ min: 1, max: 50, int: true }),
    selfFormation: checkbox,
    formationLocksAt: optionalLocalDateTime,
    latenessPolicy: z.enum(TEAM_LATENESS_POLICIES, { error: "Choose what a late team submission costs" }),
    duePolicy: z.enum(TEAM_DUE_POLICIES, { error: "Choose which deadline a team works to" }),
  })
  .refine((v) => v.maxSize === null || v.maxSize >= v.minSize, {
    path: ["maxSize"],
    message: "The largest team size must be at least the smallest",
  });
export type TeamSetInput = z.output<typeof teamSetSchema>;

export const teamNameSchema = requiredText("a team name", 80);
export const createTeamSchema = z.object({ teamSetId: id, name: teamNameSchema });
export const renameTeamSchema = z.object({ teamId: id, name: teamNameSchema });
export const teamIdSchema = z.object({ teamId: id });
export const teamMemberSchema = z.object({ teamId: id, userId: id });
export const teamCsvSchema = z.object({
  teamSetId: id,
  csv: z.string().max(1_000_000, "The file is too large (1 MB at most)").min(1, "Choose a CSV file or paste its text"),
});
export const assignmentTeamSetSchema = z.object({
  assignmentId: id,
  teamSetId: z.preprocess((v) => (v === "" ? null : v), id.nullable()),
});
