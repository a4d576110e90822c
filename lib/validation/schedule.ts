import { z } from "zod";
import {
  id,
  list,
  localDate,
  optionalLocalTime,
  optionalNumber,
  optionalText,
  optionalUrl,
  requiredText,
} from "@/lib/validation/fields";
import { parseLines } from "@/lib/validation/rows";

export const ENTRY_KINDS = ["LECTURE", "LAB", "NO_CLASS", "PRESENTATION", "MILESTONE"] as const;
export type EntryKindInput = (typeof ENTRY_KINDS)[number];

export type ReadingInput = { title: string; url: string | null };

/** One reading per line: "Title" or "Title | https://…". */
export function parseReadings(text: string): { values: ReadingInput[]; errors: string[] } {
  return parseLines(text, (line) => {
    const bar = line.lastIndexOf("|");
    const title = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const url = bar >= 0 ? line.slice(bar + 1).trim() : "";
    if (!title) return { ok: false, error: "a reading needs a title before the |" };
    if (title.length > 300) return { ok: false, error: "the title is longer than 300 characters" };
    if (url) {
      const parsed = optionalUrl.safeParse(url);
      if (!parsed.success) return { ok: false, error: "the link must be a full web address starting with https://" };
    }
    return { ok: true, value: { title, url: url || null } };
  });
}

export function formatReadings(readings: ReadingInput[]): string {
  return readings.map((r) => (r.url ? `${r.title} | ${r.url}` : r.title)).join("\n");
}

const lines = z
  .preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(20_000))
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );

export const scheduleEntrySchema = z
  .object({
    entryId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    date: localDate,
    kind: z.enum(ENTRY_KINDS, { error: "Choose a kind" }),
    title: requiredText("a title", 300),
    startTime: optionalLocalTime,
    endTime: optionalLocalTime,
    location: optionalText(200),
    weekNumber: optionalNumber({ min: 0, max: 60, int: true }),
    sprintLabel: optionalText(80),
    topics: lines,
    readings: z
      .preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(20_000))
      .transform((text, ctx) => {
        const { values, errors } = parseReadings(text);
        for (const message of errors) ctx.addIssue({ code: "custom", message });
        return values;
      }),
    slidesUrl: optionalUrl,
    notesUrl: optionalUrl,
    recordingUrl: optionalUrl,
    quizUrl: optionalUrl,
    note: optionalText(2000),
    // Speakers already known to the course, reused across entries...
    speakerIds: list(id),
    // ...and, optionally, a new one (reused by name if it exists already).
    newSpeakerName: optionalText(200),
    newSpeakerAffiliation: optionalText(200),
    newSpeakerUrl: optionalUrl,
  })
  .superRefine((v, ctx) => {
    if ((v.startTime === null) !== (v.endTime === null))
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Give both a start and an end time, or neither" });
    else if (v.startTime && v.endTime && v.endTime <= v.startTime)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "The end time must be after the start time" });
    if (!v.newSpeakerName && (v.newSpeakerAffiliation || v.newSpeakerUrl))
      ctx.addIssue({ code: "custom", path: ["newSpeakerName"], message: "Enter the new speaker's name" });
  });
export type ScheduleEntryInput = z.output<typeof scheduleEntrySchema>;

export const noClassSchema = z.object({
  date: localDate,
  title: z.preprocess((v) => (typeof v === "string" && v.trim() ? v : "No class"), requiredText("a title", 300)),
  note: optionalText(2000),
});
export type NoClassInput = z.output<typeof noClassSchema>;

export const entryIdSchema = z.object({ entryId: id });
