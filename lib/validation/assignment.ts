import { z } from "zod";
import {
  checkbox,
  id,
  optionalLocalDateTime,
  optionalNumber,
  optionalText,
  requiredNumber,
  requiredText,
} from "@/lib/validation/fields";

export const ASSIGNMENT_KINDS = [
  "PROJECT",
  "HOMEWORK",
  "QUIZ",
  "LAB",
  "EXAM",
  "PARTICIPATION",
  "PRESENTATION",
] as const;

export const assignmentSchema = z
  .object({
    assignmentId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    code: requiredText("a code", 20).regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "Letters, digits, spaces, . _ - only"),
    title: requiredText("a title", 300),
    kind: z.enum(ASSIGNMENT_KINDS, { error: "Choose a kind" }),
    description: optionalText(20_000).transform((v) => v ?? ""),
    releasedAt: optionalLocalDateTime,
    dueAt: optionalLocalDateTime,
    points: requiredNumber({ min: 0.01, max: 100_000 }),
    categoryId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()).transform((v) => v ?? null),
    weight: optionalNumber({ min: 0, max: 1000 }),
    lateHoursApply: checkbox,
    acceptsLate: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.releasedAt && v.dueAt && `${v.releasedAt.date}T${v.releasedAt.time}` > `${v.dueAt.date}T${v.dueAt.time}`) {
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due date is before the release date" });
    }
  });
export type AssignmentInput = z.output<typeof assignmentSchema>;

export const assignmentIdSchema = z.object({ assignmentId: id });
