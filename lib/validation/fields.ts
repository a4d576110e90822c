// Field parsers shared by the manage forms: FormData gives strings ("" for an
// empty input, "on" for a ticked checkbox, arrays for repeated names).
import { z } from "zod";
import { assertTimeZone } from "@/lib/domain/time";
import { realDate } from "@/lib/validation/dates";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `At most ${max} characters`);

/** Optional text: blank becomes null. */
export const optionalText = (max: number) =>
  z
    .preprocess(
      (v) => (v === undefined || v === null ? "" : v),
      z.string().trim().max(max, `At most ${max} characters`),
    )
    .transform((v) => (v === "" ? null : v));

/** Only http(s) URLs: a stored link is rendered as an href, and javascript: must never get there. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://");

export const optionalUrl = z.preprocess(emptyToUndefined, httpUrl.optional()).transform((v) => v ?? null);

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A repeated form field as an array ("a" → ["a"], missing → []). */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const localDate = realDate(
  z
    .string({ error: "Enter a date" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD"),
);

export const optionalLocalDate = z.preprocess(emptyToUndefined, localDate.optional()).transform((v) => v ?? null);

export const localTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM (24-hour)");
export const optionalLocalTime = z.preprocess(emptyToUndefined, localTime.optional()).transform((v) => v ?? null);

/** <input type="datetime-local"> gives "YYYY-MM-DDTHH:MM" (seconds optional). */
export const localDateTime = realDate(
  z
    .string({ error: "Enter a date and time" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/, "Enter a date and time"),
).transform((v) => ({ date: v.slice(0, 10), time: v.slice(11, 16) }));
export const optionalLocalDateTime = z
  .preprocess(emptyToUndefined, localDateTime.optional())
  .transform((v) => v ?? null);

export const timeZone = z
  .string()
  .trim()
  .min(1, "Enter a time zone")
  .refine((v) => {
    try {
      assertTimeZone({ timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, "Enter an IANA time zone such as America/Toronto");

/** A number typed into an input: blank → null when optional. */
export const optionalNumber = (opts: { min?: number; max?: number; int?: boolean; label?: string } = {}) =>
  z.preprocess(
    (v) =>
      v === undefined || v === null || (typeof v === "string" && v.trim() === "")
        ? null
        : typeof v === "string"
          ? Number(v)
          : v,
    z
      .number({ error: `Enter a number` })
      .finite("Enter a number")
      .refine((n) => !opts.int || Number.isInteger(n), "Enter a whole number")
      .refine((n) => opts.min === undefined || n >= opts.min, `At least ${opts.min}`)
      .refine((n) => opts.max === undefined || n <= opts.max, `At most ${opts.max}`)
      .nullable(),
  );

export const requiredNumber = (opts: { min?: number; max?: number; int?: boolean } = {}) =>
  optionalNumber(opts)
    .refine((n): n is number => n !== null, "Enter a number")
    .transform((n) => n as number);

export const id = z.string().trim().min(1).max(64);
