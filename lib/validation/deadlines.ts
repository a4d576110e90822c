import { z } from "zod";
import { isoInstant, realDate } from "@/lib/validation/dates";

export const MAX_SUBMISSION_BYTES = 10 * 1024 * 1024;
export const SUBMISSION_EXTENSIONS = ["pdf", "zip", "ipynb", "py", "txt", "md"] as const;
/** What the file input offers; the server decides by the name's extension (browsers disagree on .ipynb/.py/.md types). */
export const SUBMISSION_ACCEPT = SUBMISSION_EXTENSIONS.map((e) => `.${e}`).join(",");

const MIME_BY_EXTENSION: Record<(typeof SUBMISSION_EXTENSIONS)[number], string> = {
  pdf: "application/pdf",
  zip: "application/zip",
  ipynb: "application/x-ipynb+json",
  py: "text/x-python",
  txt: "text/plain",
  md: "text/markdown",
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** The one message for a file that cannot be accepted, or null. Shared by the form, the action and the data layer. */
export function submissionFileError(file: { name: string; size: number }): string | null {
  if (!file.name || file.size === 0) return "Choose a file to upload; it must not be empty.";
  if (file.name.length > 200) return "The file name is too long (200 characters at most).";
  const ext = extensionOf(file.name);
  if (!(SUBMISSION_EXTENSIONS as readonly string[]).includes(ext)) {
    return `Only ${SUBMISSION_EXTENSIONS.map((e) => `.${e}`).join(", ")} files are accepted${ext ? `, not .${ext}` : ""}.`;
  }
  if (file.size > MAX_SUBMISSION_BYTES)
    return `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`;
  return null;
}

/** The stored content type: from the extension, so a download is served as what it is. */
export function submissionFileType(name: string): string {
  return MIME_BY_EXTENSION[extensionOf(name) as keyof typeof MIME_BY_EXTENSION] ?? "application/octet-stream";
}

export const submissionUrl = z
  .string()
  .trim()
  .min(1, "Enter the link to your work.")
  .max(2000, "The link is too long.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://");

const id = z.string().min(1).max(64);
const localDate = realDate(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD."));
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM (24-hour).");
const reason = (message: string) => z.string().trim().min(1, message).max(500, "Keep the reason under 500 characters.");

const fileLike = z.custom<File>((v) => typeof File !== "undefined" && v instanceof File);

export const submitWorkSchema = z
  .object({
    courseSlug: z.string().min(1),
    assignmentId: id,
    method: z.enum(["link", "file"], { message: "Choose a link or a file." }),
    url: z.string().optional(),
    file: fileLike.optional(),
    // Team assignments: the team's latest hand-in the member saw ("" = none); absent = not a team form.
    expectedLatestId: z.string().max(64).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.method === "link") {
      const url = submissionUrl.safeParse(input.url ?? "");
      if (!url.success) ctx.addIssue({ code: "custom", path: ["url"], message: url.error.issues[0]!.message });
    } else {
      const error = input.file ? submissionFileError(input.file) : "Choose a file to upload; it must not be empty.";
      if (error) ctx.addIssue({ code: "custom", path: ["file"], message: error });
    }
  });

export const courseExtensionSchema = z
  .object({
    courseSlug: z.string().min(1),
    assignmentId: id,
    dueDate: localDate,
    dueTime: localTime,
    reason: z.string().trim().max(500, "Keep the reason under 500 characters.").default(""),
    postAnnouncement: z.union([z.literal("on"), z.literal("true")]).optional(),
    announcementTitle: z.string().trim().max(200, "Keep the title under 200 characters.").optional(),
    announcementBody: z.string().trim().max(10_000, "The announcement is too long.").optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.postAnnouncement) return;
    if (!input.announcementTitle)
      ctx.addIssue({
        code: "custom",
        path: ["announcementTitle"],
        message: "Give the announcement a title, or untick “Post an announcement”.",
      });
    if (!input.announcementBody)
      ctx.addIssue({
        code: "custom",
        path: ["announcementBody"],
        message: "Write the announcement, or untick “Post an announcement”.",
      });
  });

const oneOrMany = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(id).min(1, "Choose at least one student.").max(2000),
);

export const studentExtensionSchema = z.object({
  courseSlug: z.string().min(1),
  assignmentId: id,
  studentIds: oneOrMany,
  dueDate: localDate,
  dueTime: localTime,
  reason: reason("Give a reason; the student sees it with the new due date."),
});

export const extensionCsvSchema = z.object({
  courseSlug: z.string().min(1),
  csv: z
    .string()
    .trim()
    .min(1, "Paste the CSV or choose a file.")
    .max(500_000, "The CSV is too large (500 kB at most)."),
});

export const revokeExtensionSchema = z.object({
  courseSlug: z.string().min(1),
  extensionId: id,
  reason: reason("Give a reason for revoking."),
});

export const ledgerAdjustmentSchema = z.object({
  courseSlug: z.string().min(1),
  studentId: id,
  direction: z.enum(["give_back", "charge"], { message: "Choose whether to give hours back or charge them." }),
  hours: z.coerce
    .number({ message: "Enter a whole number of hours." })
    .int("Enter a whole number of hours.")
    .min(1, "At least 1 hour.")
    .max(1000, "At most 1000 hours."),
  reason: reason("Give a reason (for example, a Dean's note); the student sees it in their ledger."),
});

/** JSON API body for a course-wide extension (`POST /api/courses/[slug]/extensions`). */
export const courseExtensionApiSchema = z.object({
  assignmentId: z.string().min(1).max(64),
  dueAt: isoInstant("dueAt"),
  reason: z.string().trim().max(2000).default(""),
  announcement: z
    .object({ title: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(20_000) })
    .nullable()
    .default(null),
});
