// The course file: one YAML document with everything a course shows and no
// student data. Local calendar values are in the course's zone ("YYYY-MM-DD",
// "HH:MM"); instants are ISO 8601 with their offset (a hand-written
// "YYYY-MM-DD HH:MM" without one is read in the course's zone). Lectern writes them
// quoted; what YAML 1.1 tools write back is read by lib/validation/yaml-values.ts.
import { z } from "zod";
import { ASSIGNMENT_KINDS } from "@/lib/validation/assignment";
import { SECTION_KINDS } from "@/lib/validation/course";
import { httpUrl, timeZone } from "@/lib/validation/fields";
import { fileDate as localDate, fileInstant as instant, fileTime as localTime } from "@/lib/validation/yaml-values";
import { ENTRY_KINDS } from "@/lib/validation/schedule";

export const COURSE_FILE_VERSION = 1;

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().max(max).nullish();
const optUrl = httpUrl.nullish();
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, "lowercase letters, digits and dashes (2–60)");

export const courseFileSchema = z
  .object({
    lectern: z.literal(COURSE_FILE_VERSION, {
      error: `this is not a Lectern course file (version ${COURSE_FILE_VERSION})`,
    }),
    course: z.object({
      slug,
      code: text(40),
      title: text(200),
      term: text(80),
      // Blank when the course page names no school (see courseDetailsSchema).
      institution: z.string().trim().max(200).default(""),
      timeZone,
      firstDayOfClasses: localDate.nullish(),
      lastDayOfClasses: localDate.nullish(),
      capacity: z.number().int().min(0).max(100_000).nullish(),
      description: z.string().max(20_000).nullish(),
    }),
    links: z.array(z.object({ label: text(120), url: httpUrl })).default([]),
    staff: z
      .array(
        z.object({
          email: z.string().trim().toLowerCase().email().max(254),
          name: text(200),
          role: z.enum(["INSTRUCTOR", "TA"]),
          title: optText(120),
          contactEmail: optText(254),
          officeHours: optText(500),
        }),
      )
      .default([]),
    sections: z
      .array(
        z.object({
          code: text(60),
          kind: z.enum(SECTION_KINDS),
          weekdays: z.array(z.number().int().min(1).max(7)).min(1),
          startTime: localTime,
          endTime: localTime,
          location: text(200),
        }),
      )
      .default([]),
    speakers: z.array(z.object({ name: text(200), affiliation: optText(200), url: optUrl })).default([]),
    schedule: z
      .array(
        z.object({
          date: localDate,
          kind: z.enum(ENTRY_KINDS).default("LECTURE"),
          title: text(300),
          startTime: localTime.nullish(),
          endTime: localTime.nullish(),
          location: optText(200),
          week: z.number().int().min(0).max(60).nullish(),
          sprint: optText(80),
          topics: z.array(z.string().max(500)).default([]),
          readings: z.array(z.object({ title: text(300), url: optUrl })).default([]),
          speakers: z.array(text(200)).default([]),
          slides: optUrl,
          notes: optUrl,
          recording: optUrl,
          quiz: optUrl,
          note: optText(2000),
        }),
      )
      .default([]),
    announcements: z
      .array(
        z.object({
          title: text(200),
          publishedAt: instant,
          pinned: z.boolean().default(false),
          body: z.string().min(1).max(50_000),
        }),
      )
      .default([]),
    grading: z
      .object({
        tracks: z.array(z.object({ name: text(120), description: z.string().max(2000).nullish() })).default([]),
        categories: z
          .array(
            z.object({
              name: text(120),
              weight: z.number().min(0).max(1000),
              dropLowest: z.number().int().min(0).default(0),
              allowedMisses: z.number().int().min(0).default(0),
              track: text(120).nullish(),
            }),
          )
          .default([]),
        cutoffs: z.array(z.object({ letter: text(8), minPercent: z.number().min(0).max(1000) })).default([]),
      })
      .default({ tracks: [], categories: [], cutoffs: [] }),
    latePolicy: z
      .object({
        kind: z.enum(["BUDGET", "FLAG_ONLY", "PERCENT_PENALTY"]),
        budgetHours: z.number().int().min(0).nullish(),
        perAssignmentCapHours: z.number().int().min(0).nullish(),
        excludedWindow: z.object({ start: localTime, end: localTime }).nullish(),
        graceMinutes: z.number().int().min(0).default(0),
        coveredKinds: z.array(z.enum(ASSIGNMENT_KINDS)).default([]),
        overCapAction: z.enum(["REFUSE", "FLAG", "CAP_ITEM"]).default("REFUSE"),
        overBudgetAction: z.enum(["REFUSE", "FLAG", "CAP_ITEM"]).default("FLAG"),
        itemCap: z
          .array(z.object({ letter: z.enum(["D", "F"]), percent: z.number().min(0).max(100) }))
          .max(2)
          .default([]),
        uncoveredLateAction: z.enum(["FLAG", "ZERO", "REFUSE"]).default("FLAG"),
        lateRefusedKinds: z.array(z.enum(ASSIGNMENT_KINDS)).default([]),
        finalCutoffAt: instant.nullish(),
        penaltyPercent: z.number().min(0).max(100).nullish(),
        penaltyUnit: z.enum(["HOUR", "DAY"]).nullish(),
        penaltyFloorPercent: z.number().min(0).max(100).nullish(),
        description: z.string().max(20_000).default(""),
      })
      .nullish(),
    assignments: z
      .array(
        z.object({
          code: z.string().trim().min(1).max(20),
          title: text(300),
          kind: z.enum(ASSIGNMENT_KINDS),
          category: text(120).nullish(),
          weight: z.number().min(0).max(1000).nullish(),
          points: z.number().min(0).max(100_000).default(100),
          releasedAt: instant.nullish(),
          dueAt: instant.nullish(),
          lateHoursApply: z.boolean().default(false),
          acceptsLate: z.boolean().default(true),
          description: z.string().max(20_000).nullish(),
        }),
      )
      .default([]),
    // Course-wide extensions in force, in posting order.
    extensions: z
      .array(
        z.object({
          assignment: z.string().trim().min(1).max(20),
          dueAt: instant,
          postedAt: instant.nullish(),
          reason: z.string().max(2000).default(""),
        }),
      )
      .default([]),
  })
  .superRefine((file, ctx) => {
    const dup = (items: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      items.forEach((v, i) => {
        if (seen.has(v))
          ctx.addIssue({ code: "custom", path: [...path, i], message: `${what} "${v}" is listed twice` });
        seen.add(v);
      });
    };
    dup(
      file.sections.map((s) => s.code),
      ["sections"],
      "section",
    );
    dup(
      file.speakers.map((s) => s.name),
      ["speakers"],
      "speaker",
    );
    dup(
      file.assignments.map((a) => a.code),
      ["assignments"],
      "assignment",
    );
    dup(
      file.grading.tracks.map((t) => t.name),
      ["grading", "tracks"],
      "track",
    );
    dup(
      file.grading.categories.map((c) => c.name),
      ["grading", "categories"],
      "category",
    );
    dup(
      file.grading.cutoffs.map((c) => c.letter),
      ["grading", "cutoffs"],
      "letter",
    );
    dup(
      file.staff.map((s) => s.email),
      ["staff"],
      "staff member",
    );
    const speakers = new Set(file.speakers.map((s) => s.name));
    file.schedule.forEach((e, i) =>
      e.speakers.forEach((name, j) => {
        if (!speakers.has(name))
          ctx.addIssue({
            code: "custom",
            path: ["schedule", i, "speakers", j],
            message: `speaker "${name}" is not in the speakers list`,
          });
      }),
    );
    const tracks = new Set(file.grading.tracks.map((t) => t.name));
    file.grading.categories.forEach((c, i) => {
      if (c.track && !tracks.has(c.track))
        ctx.addIssue({
          code: "custom",
          path: ["grading", "categories", i, "track"],
          message: `track "${c.track}" is not in grading.tracks`,
        });
    });
    const categories = new Set(file.grading.categories.map((c) => c.name));
    file.assignments.forEach((a, i) => {
      if (a.category && !categories.has(a.category))
        ctx.addIssue({
          code: "custom",
          path: ["assignments", i, "category"],
          message: `category "${a.category}" is not in grading.categories`,
        });
    });
    const codes = new Set(file.assignments.map((a) => a.code));
    file.extensions.forEach((x, i) => {
      if (!codes.has(x.assignment))
        ctx.addIssue({
          code: "custom",
          path: ["extensions", i, "assignment"],
          message: `assignment "${x.assignment}" is not in assignments`,
        });
    });
    if (
      file.course.firstDayOfClasses &&
      file.course.lastDayOfClasses &&
      file.course.firstDayOfClasses > file.course.lastDayOfClasses
    ) {
      ctx.addIssue({ code: "custom", path: ["course", "lastDayOfClasses"], message: "is before firstDayOfClasses" });
    }
  });
export type CourseFile = z.output<typeof courseFileSchema>;

/** "schedule[3].date: expected ..." lines for the preview. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 50).map((i) => {
    const path = i.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    return path ? `${path}: ${i.message}` : i.message;
  });
}

export const courseImportSchema = z.object({
  yaml: z
    .string({ error: "Choose a course file" })
    .min(1, "The file is empty")
    .max(5_000_000, "The file is larger than 5 MB"),
  // Set on a course's own import page: the file updates that course, whatever slug it names.
  targetSlug: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
});
