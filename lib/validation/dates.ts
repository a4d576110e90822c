// The one date check for every boundary (forms, JSON routes, course files, CSVs): a value whose
// first ten characters are "YYYY-MM-DD" must be a real calendar date ("2025-02-31" is refused, not
// rolled over to March 3) in SUPPORTED_YEARS (year 0000 is refused, not sent to PostgreSQL).
import { z } from "zod";
import { calendarDateProblem } from "@/lib/domain/time";

/** Adds the calendar check to a string schema whose value starts with its date (a date, a date-time, an ISO instant). */
export function realDate<S extends z.ZodType<string>>(schema: S) {
  return schema.superRefine((value, ctx) => {
    const problem = calendarDateProblem(value.trim().slice(0, 10));
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** An ISO 8601 instant with its offset ("2025-10-31T23:00:00-04:00"), as a Date; for JSON bodies. */
export const isoInstant = (field: string) =>
  realDate(z.iso.datetime({ offset: true, message: `${field} must be an ISO 8601 instant with an offset` })).transform(
    (s) => new Date(s),
  );
