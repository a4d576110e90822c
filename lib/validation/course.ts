import { z } from "zod";
import {
  httpUrl,
  localTime,
  optionalLocalDate,
  optionalNumber,
  optionalText,
  requiredText,
  timeZone,
} from "@/lib/validation/fields";
import { zipRows } from "@/lib/validation/rows";

export const courseDetailsSchema = z
  .object({
    code: requiredText("a course code", 40),
    title: requiredText("a title", 200),
    term: requiredText("a term", 80),
    // Blank when the course's page names none (the LLM-systems account): better nothing than a made-up school.
    institution: optionalText(200).transform((v) => v ?? ""),
    description: optionalText(20_000).transform((v) => v ?? ""),
    timeZone,
    firstDayOfClasses: optionalLocalDate,
    lastDayOfClasses: optionalLocalDate,
    // Seats for students; blank = no limit. Auditors and staff never take seats.
    capacity: optionalNumber({ min: 0, max: 100_000, int: true }),
  })
  .refine((v) => !v.firstDayOfClasses || !v.lastDayOfClasses || v.firstDayOfClasses <= v.lastDayOfClasses, {
    path: ["lastDayOfClasses"],
    message: "The last day of classes is before the first",
  });
export type CourseDetailsInput = z.infer<typeof courseDetailsSchema>;

export const linkRow = z
  .object({ linkLabel: requiredText("a label", 120), linkUrl: httpUrl })
  .transform((r) => ({ label: r.linkLabel, url: r.linkUrl }));
export const courseLinksSchema = zipRows(["linkLabel", "linkUrl"] as const, linkRow, "links").transform((links) => ({
  links,
}));
export type CourseLinksInput = z.output<typeof courseLinksSchema>;

export const SECTION_KINDS = ["LECTURE", "TUTORIAL", "LAB"] as const;
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "Mon Wed", "mon,wed", "1 3" → [1, 3] (ISO weekdays). */
export function parseWeekdays(text: string): number[] | null {
  const tokens = text
    .toLowerCase()
    .split(/[\s,/]+/)
    .filter(Boolean);
  if (tokens.length === 0) return null;
  const days = new Set<number>();
  for (const t of tokens) {
    const n = /^[1-7]$/.test(t) ? Number(t) : DAY_NAMES.indexOf(t.slice(0, 3)) + 1;
    if (n < 1) return null;
    days.add(n);
  }
  return [...days].sort((a, b) => a - b);
}

export function formatWeekdays(days: number[]): string {
  return days.map((d) => DAY_NAMES[d - 1]!.replace(/^./, (c) => c.toUpperCase())).join(" ");
}

export const sectionRow = z
  .object({
    sectionCode: requiredText("a section code", 60),
    sectionKind: z.enum(SECTION_KINDS, { error: "Choose lecture, tutorial or lab" }),
    sectionDays: z.string(),
    sectionStart: localTime,
    sectionEnd: localTime,
    sectionLocation: requiredText("a location", 200),
  })
  .transform((r, ctx) => {
    const weekdays = parseWeekdays(r.sectionDays);
    if (!weekdays) {
      ctx.addIssue({ code: "custom", message: "Enter days such as Mon Wed" });
      return z.NEVER;
    }
    if (r.sectionEnd <= r.sectionStart) {
      ctx.addIssue({ code: "custom", message: "The end time must be after the start time" });
      return z.NEVER;
    }
    return {
      code: r.sectionCode,
      kind: r.sectionKind,
      weekdays,
      startTime: r.sectionStart,
      endTime: r.sectionEnd,
      location: r.sectionLocation,
    };
  });
export type SectionInput = z.output<typeof sectionRow>;
export const meetingSectionsSchema = zipRows(
  ["sectionCode", "sectionKind", "sectionDays", "sectionStart", "sectionEnd", "sectionLocation"] as const,
  sectionRow,
  "sections",
)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (seen.has(r.code))
        ctx.addIssue({
          code: "custom",
          path: ["sections"],
          message: `Row ${i + 1}: section ${r.code} is listed twice`,
        });
      seen.add(r.code);
    });
  })
  .transform((sections) => ({ sections }));
export type MeetingSectionsInput = { sections: SectionInput[] };
