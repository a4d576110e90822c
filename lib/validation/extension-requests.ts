// Extension requests (issue 17): the student's form, the staff's decision, the course's rule.
import { z } from "zod";
import { checkbox, list } from "@/lib/validation/fields";

export const MAX_REQUEST_FILE_BYTES = 5 * 1024 * 1024;
export const REQUEST_FILE_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};
export const REQUEST_FILE_ACCEPT = Object.keys(REQUEST_FILE_TYPES)
  .map((e) => `.${e}`)
  .join(",");

/** The one message for a supporting file that cannot be accepted, or null. */
export function requestFileError(file: { name: string; size: number }): string | null {
  const ext = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".") + 1).toLowerCase() : "";
  if (!(ext in REQUEST_FILE_TYPES)) return "Attach a PDF, PNG or JPEG file (a Dean's note, a doctor's letter).";
  if (file.name.length > 200) return "The file name is too long (200 characters at most).";
  if (file.size > MAX_REQUEST_FILE_BYTES)
    return `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`;
  return null;
}

export function requestFileType(name: string): string {
  return REQUEST_FILE_TYPES[name.slice(name.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
}

const id = z.string().min(1).max(64);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM (24-hour).");
const fileLike = z.custom<File>((v) => typeof File !== "undefined" && v instanceof File);

/** "48" hours, or a new date and time in the course's zone. */
const asked = {
  assignmentId: id,
  mode: z.enum(["hours", "date"], { error: "Ask for a number of hours or a new date." }),
  hours: z.string().optional(),
  date: z.string().optional(),
  time: z.string().optional(),
};

export type AskedChange = { hours: number } | { dueLocal: { date: string; time: string } };

function refineAsked(
  input: { mode: "hours" | "date"; hours?: string; date?: string; time?: string },
  ctx: z.RefinementCtx,
) {
  if (input.mode === "hours") {
    const n = Number(input.hours);
    if (!input.hours?.trim() || !Number.isInteger(n) || n < 1 || n > 720)
      ctx.addIssue({ code: "custom", path: ["hours"], message: "Enter a whole number of hours, 1 to 720." });
    return;
  }
  const d = localDate.safeParse(input.date ?? "");
  if (!d.success) ctx.addIssue({ code: "custom", path: ["date"], message: d.error.issues[0]!.message });
  const t = localTime.safeParse(input.time ?? "");
  if (!t.success) ctx.addIssue({ code: "custom", path: ["time"], message: t.error.issues[0]!.message });
}

export function askedChange(input: {
  mode: "hours" | "date";
  hours?: string;
  date?: string;
  time?: string;
}): AskedChange {
  return input.mode === "hours"
    ? { hours: Number(input.hours) }
    : { dueLocal: { date: input.date!, time: input.time! } };
}

export const previewRequestSchema = z.object(asked).superRefine(refineAsked);

export const extensionRequestSchema = z
  .object({
    ...asked,
    reason: z
      .string({ error: "Say why you need more time." })
      .trim()
      .min(1, "Say why you need more time; only you and the course staff see it.")
      .max(5000, "Keep the reason under 5,000 characters."),
    file: fileLike.optional(),
  })
  .superRefine((input, ctx) => {
    refineAsked(input, ctx);
    // An empty file input sends a nameless, empty File: no file.
    if (input.file && input.file.size > 0) {
      const error = requestFileError(input.file);
      if (error) ctx.addIssue({ code: "custom", path: ["file"], message: error });
    }
  });

export const decisionSchema = z
  .object({
    requestId: list(id).refine((ids) => ids.length > 0, "Choose at least one request."),
    decision: z.enum(["approve", "other", "deny"], { error: "Approve, approve another date, or deny." }),
    date: z.string().optional(),
    time: z.string().optional(),
    message: z.string().trim().max(2000, "Keep the message under 2,000 characters.").default(""),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "other") refineAsked({ mode: "date", date: input.date, time: input.time }, ctx);
    if (input.decision === "deny" && !input.message)
      ctx.addIssue({ code: "custom", path: ["message"], message: "Tell the student why: the message goes to them." });
  });

export const extensionRuleSchema = z.object({
  enabled: checkbox,
  maxHours: z.coerce
    .number({ error: "Enter a number of hours." })
    .int("Enter a whole number of hours.")
    .min(1, "At least 1 hour.")
    .max(720, "At most 720 hours (30 days)."),
  beforeDeadlineOnly: checkbox,
  maxPerStudent: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce
      .number()
      .int("Enter a whole number.")
      .min(1, "At least 1, or leave it empty for no limit.")
      .max(50)
      .nullable(),
  ),
});
