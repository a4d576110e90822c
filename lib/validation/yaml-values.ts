// Course-file values as every YAML tool hands them back. Lectern writes times and dates quoted,
// but a YAML 1.1 reader (PyYAML, Ruby's Psych) turns an unquoted 18:00 into 1080 (base-60
// minutes) and an unquoted timestamp into a date object, then writes that back: 1080, or
// "2025-01-21 12:00:00.123456-05:00" (PyYAML) / "2025-01-21 12:00:00.123456789 -05:00" (Ruby).
import { z } from "zod";
import { localDate, localTime } from "@/lib/validation/fields";
import { calendarDateProblem } from "@/lib/domain/time";

/** What an unquoted time became in YAML 1.1 (base 60): 1080 was 18:00, 64800 was 18:00:00. */
function asSexagesimalTime(n: number): string | null {
  if (!Number.isInteger(n) || n < 0) return null;
  const two = (v: number) => String(v).padStart(2, "0");
  if (n < 24 * 60) return `${two(Math.floor(n / 60))}:${two(n % 60)}`;
  if (n < 24 * 3600 && n % 60 === 0) return `${two(Math.floor(n / 3600))}:${two(Math.floor(n / 60) % 60)}`;
  return null;
}

/** "HH:MM"; a number gets a message that says what happened and what to write instead. */
export const fileTime = z
  .string({
    error: (issue) => {
      if (typeof issue.input !== "number") return "Enter a time as HH:MM (24-hour) in quotes";
      const time = asSexagesimalTime(issue.input);
      return time
        ? `${issue.input} is a number, not a time: a YAML 1.1 tool (PyYAML, Ruby) read the unquoted time ${time} as ${issue.input}. Write it in quotes: "${time}"`
        : `${issue.input} is a number, not a time: write the time in quotes, such as "18:00"`;
    },
  })
  .pipe(localTime);

/** A calendar date; a date object (a YAML 1.1 reader's unquoted 2025-01-23) is read back as its date. */
export const fileDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string({ error: "Enter a date as YYYY-MM-DD in quotes" }).pipe(localDate),
);

// YAML 1.1's timestamp (yaml.org/type/timestamp): "T", "t" or spaces between date and time, a
// one- or two-digit hour, any fraction of a second, and an offset that may follow a space and
// may be just hours (-5). An offset-less time is local to the course.
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[ \t]*(Z|[+-]\d{1,2}(?::?\d{2})?))?$/;

export type ParsedInstant = { date: string; time: string; seconds: string; millis: string; offset: string | null };

/** The parts of a timestamp in any of those forms, or null. */
export function parseTimestamp(text: string): ParsedInstant | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, date, hour, minute, second = "00", fraction = "", zone] = m;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  let offset: string | null = null;
  if (zone === "Z") offset = "Z";
  else if (zone) {
    const z2 = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone)!;
    offset = `${z2[1]}${z2[2]!.padStart(2, "0")}:${z2[3] ?? "00"}`;
  }
  return {
    date: date!,
    time: `${hour!.padStart(2, "0")}:${minute}`,
    seconds: second,
    // Milliseconds are what an instant keeps; microseconds and nanoseconds are cut, not rounded.
    millis: fraction.slice(0, 3).padEnd(3, "0"),
    offset,
  };
}

/** An instant as the file may hold it; a date object (a YAML 1.1 reader's timestamp) is read back as ISO. */
export const fileInstant = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
  z.string({ error: "expected an ISO date-time such as 2025-10-31T23:00:00-04:00" }).superRefine((v, ctx) => {
    const parsed = parseTimestamp(v);
    const problem = parsed
      ? calendarDateProblem(parsed.date)
      : "expected an ISO date-time such as 2025-10-31T23:00:00-04:00 (in quotes)";
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
);
