import { z } from "zod";
import {
  checkbox,
  id,
  localDateTime,
  optionalLocalDateTime,
  optionalNumber,
  requiredNumber,
  requiredText,
} from "@/lib/validation/fields";
import { cellSaveAnswerSchema, cellStateSchema, scoreValue } from "@/lib/validation/grades";

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

export const teamExtensionSchema = z.object({
  teamId: id,
  assignmentId: id,
  due: localDateTime,
  reason: requiredText("a reason", 500),
});
export const revokeTeamExtensionSchema = z.object({ extensionId: id, reason: requiredText("a reason", 500) });

/** A team grade form: the team's score, feedback, and `override:<userId>` fields for members graded differently. */
export const teamGradeSchema = z.looseObject({
  assignmentId: id,
  teamId: id,
  score: optionalNumber({ min: 0 }),
  feedback: z.string().trim().max(5000, "Keep the feedback under 5,000 characters").default(""),
  version: optionalNumber({ int: true, min: 1 }),
  extraCredit: checkbox,
});

/** The override fields of a team grade form: blank means "same as the team". */
export function teamGradeOverrides(raw: Record<string, unknown>): {
  overrides: Record<string, number>;
  errors: Record<string, string[]>;
} {
  const overrides: Record<string, number> = {};
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("override:") || typeof value !== "string" || value.trim() === "") continue;
    const score = Number(value);
    if (!Number.isFinite(score)) errors[key] = ["Enter a number, or leave it blank for the team's grade"];
    else overrides[key.slice("override:".length)] = score;
  }
  return { overrides, errors };
}

/** A gradebook cell on team work (PUT /api/courses/[slug]/team-grades/[assignmentId]/[studentId]). */
export const teamCellSaveSchema = z.object({
  // The typed member's grade version the grader read; 0 = no grade row yet.
  version: z.number().int().min(0),
  score: scoreValue.nullable(),
  // "team": the team's grade (every member without an override); "member": this member's own score.
  scope: z.enum(["team", "member"]),
  extraCredit: z.boolean().optional(),
});
export type TeamCellSaveInput = z.infer<typeof teamCellSaveSchema>;

/** Its answer: the typed cell (or, 409, `current`), and the other members' cells the save changed. */
export const teamCellSaveAnswerSchema = cellSaveAnswerSchema.extend({
  members: z.array(z.object({ studentId: z.string(), cell: cellStateSchema })).optional(),
  team: z.object({ id: z.string(), name: z.string() }).optional(),
});
