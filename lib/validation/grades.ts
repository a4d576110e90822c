import { z } from "zod";

const id = z.string().min(1).max(64);

/** A score typed into a cell: blank clears it; otherwise a number of points, at least 0. */
export const scoreValue = z
  .number({ error: "Enter a number" })
  .finite("Enter a number")
  .min(0, "Scores can't be negative")
  .max(100_000, "That score is too large");

/** What a grader typed ("85", " 7.5 ", "", or "EX" for excused, as in Canvas) as a cell value. */
export function parseScoreText(
  text: string,
): { ok: true; score: number | null; excused: boolean } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, score: null, excused: false };
  if (/^ex$/i.test(trimmed)) return { ok: true, score: null, excused: true };
  // A lone "-" (the first key of "-5") and "-5" itself are refused as negatives, not as "not a number".
  if (trimmed === "-") return { ok: false, error: "Scores can't be negative" };
  // A leading "-" is read as a number so the answer is "Scores can't be negative", not "not a number".
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed))
    return { ok: false, error: `"${trimmed}" is not a number (or EX for excused)` };
  const parsed = scoreValue.safeParse(Number(trimmed));
  return parsed.success
    ? { ok: true, score: parsed.data, excused: false }
    : { ok: false, error: parsed.error.issues[0]!.message };
}

/** A cell save (JSON body of PUT /api/courses/[slug]/grades/[assignmentId]/[studentId]). */
export const gradeSaveSchema = z
  .object({
    // The version the grader read; 0 = there was no grade row yet.
    version: z.number().int().min(0),
    score: scoreValue.nullable().optional(),
    // Excused: left out of the grade; a score of its own makes no sense alongside.
    excused: z.boolean().optional(),
    // The grader confirmed a score above the item's points as extra credit (checkScore in lib/domain/score-bounds).
    extraCredit: z.boolean().optional(),
    feedback: z.string().max(20_000, "Feedback is limited to 20,000 characters").optional(),
    // The grader's call on an item the late policy grades D or F (Brown: "we'll give it a D or an F
    // depending on whether it seems to basically work"): true = basically works, false = not, null = undecided.
    basicallyWorks: z.boolean().nullable().optional(),
  })
  .refine(
    (v) =>
      v.score !== undefined || v.feedback !== undefined || v.excused !== undefined || v.basicallyWorks !== undefined,
    {
      message: "Nothing to save",
    },
  )
  .refine((v) => !(v.excused === true && typeof v.score === "number"), {
    message: "An excused grade has no score",
    path: ["score"],
  });
export type GradeSaveInput = z.infer<typeof gradeSaveSchema>;

/** One grade cell as both sides of a save see it: a save's answer, and a conflict's `current`. version 0 = no grade row. */
export const cellStateSchema = z.object({
  score: z.number().nullable(),
  excused: z.boolean(),
  feedback: z.string(),
  version: z.number().int().min(0),
  graderName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  // The grader's D/F call on a capped item (null = not decided); absent where the grid does not need it.
  basicallyWorks: z.boolean().nullable().optional(),
});
export type CellState = z.infer<typeof cellStateSchema>;

/** What PUT …/grades/[assignmentId]/[studentId] answers: the saved cell, or (409) the cell as it is now. */
export const cellSaveAnswerSchema = z.object({
  cell: cellStateSchema.optional(),
  current: cellStateSchema.optional(),
  error: z.string().optional(),
  // 422 from checkScore: "needs-extra-credit" asks the grader to confirm; the others are refusals.
  reason: z.enum(["negative", "needs-extra-credit", "over-limit", "not-finite"]).optional(),
});

export const releaseSchema = z.object({
  assignmentId: id,
  release: z.enum(["release", "unrelease"]),
});

// ---------------------------------------------------------------- grading scheme

const optionalWeight = z.preprocess(
  (v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v),
  z
    .number({ error: "Enter a number or leave blank" })
    .finite("Enter a number")
    .min(0, "Must be 0 or more")
    .max(1000, "At most 1000")
    .nullable(),
);
const number = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ error: `${label} is required` })
      .finite(`${label} must be a number`)
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max}`),
  );

export const schemeCategoryInput = z.object({
  id,
  weight: number("Weight", 0, 100),
  dropLowest: number("Drop lowest", 0, 100).pipe(z.number().int("Drop lowest must be a whole number")),
  // Which elective track the category belongs to (null = everyone); read-only here, used for the 100% check.
  trackId: z.string().nullable(),
});
export const schemeItemInput = z.object({ id, weight: optionalWeight });
export const schemeCutoffInput = z.object({
  letter: z.string().trim().min(1, "Enter a letter").max(4, "At most 4 characters"),
  minPercent: number("Minimum percent", 0, 100),
});

/**
 * The editable part of a course's grading scheme. Every track's categories
 * (mandatory ones plus the track's own) must add up to 100%; letters and their
 * minimums must be distinct; there is a letter for 0%.
 */
export const schemeInputSchema = z
  .object({
    categories: z.array(schemeCategoryInput).max(50),
    items: z.array(schemeItemInput).max(500),
    cutoffs: z.array(schemeCutoffInput).min(1, "Add at least one letter").max(20),
  })
  .superRefine((value, ctx) => {
    const trackIds = [...new Set(value.categories.map((c) => c.trackId).filter((t): t is string => t !== null))];
    const groups = trackIds.length ? trackIds : [null];
    for (const track of groups) {
      const total = value.categories
        .filter((c) => c.trackId === null || c.trackId === track)
        .reduce((sum, c) => sum + c.weight, 0);
      if (Math.abs(total - 100) > 0.001) {
        ctx.addIssue({
          code: "custom",
          path: ["categories"],
          message: `Category weights${track ? " on one of the tracks" : ""} add up to ${Math.round(total * 1000) / 1000}%, not 100%`,
        });
      }
    }
    const letters = new Map<string, number>();
    const mins = new Map<number, number>();
    value.cutoffs.forEach((c, i) => {
      const seenLetter = letters.get(c.letter.toUpperCase());
      if (seenLetter !== undefined)
        ctx.addIssue({ code: "custom", path: ["cutoffs", i, "letter"], message: `"${c.letter}" is already used` });
      else letters.set(c.letter.toUpperCase(), i);
      const seenMin = mins.get(c.minPercent);
      if (seenMin !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["cutoffs", i, "minPercent"],
          message: `Another letter already starts at ${c.minPercent}%`,
        });
      else mins.set(c.minPercent, i);
    });
    if (value.cutoffs.length && !value.cutoffs.some((c) => c.minPercent === 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["cutoffs"],
        message: "One letter must start at 0% so every grade has a letter",
      });
    }
  });
export type SchemeInput = z.infer<typeof schemeInputSchema>;

/** zod issues keyed by their dotted path ("cutoffs.2.letter"), for inline errors. */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// ---------------------------------------------------------------- CSV import

/** Parsed CSV as sent for preview/apply: the header and the data rows with their 1-based line numbers. */
/** The largest grades CSV the import page accepts (the browser parses it and posts the rows). */
export const GRADE_CSV_MAX_BYTES = 20 * 1024 * 1024;

export const gradeImportSchema = z.object({
  mode: z.enum(["preview", "apply"]),
  header: z.array(z.string().max(500)).min(1).max(2000),
  rows: z
    .array(z.object({ line: z.number().int().min(1), cells: z.array(z.string().max(2000)).max(2000) }))
    .max(50_000, "At most 50,000 rows per import"),
  // apply only: the fingerprint of the previewed changes; a mismatch means the grades moved since.
  previewToken: z.string().max(128).optional(),
  // The mapping step's answers: a column (by index) → an assignment id or "ignore"; a row (by
  // line) → a member's user id or "skip"; and the extra-credit confirmation.
  choices: z
    .object({
      columns: z.record(z.string().regex(/^\d{1,4}$/), z.union([z.literal("ignore"), id])).optional(),
      students: z.record(z.string().regex(/^\d{1,6}$/), z.union([z.literal("skip"), id])).optional(),
      extraCredit: z.boolean().optional(),
    })
    .optional(),
});
export type GradeImportInput = z.infer<typeof gradeImportSchema>;
