/**
 * Course-time-zone helpers.
 *
 * Deadlines are stored as instants (Date) but courses think in wall-clock
 * time in one IANA zone. Everything here converts between the two without
 * touching the server's own zone or the clock.
 *
 * Local dates are plain "YYYY-MM-DD" strings and local times "HH:MM"
 * (24-hour) strings, so date-only arithmetic never meets a DST transition.
 */
import { format } from "date-fns";
import { tz, tzOffset } from "@date-fns/tz";

export type LocalDate = string; // "YYYY-MM-DD"
export type LocalTime = string; // "HH:MM", 24-hour

export type DisplayStyle = "full" | "date" | "time" | "dateShort";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const knownZones = new Set<string>();

/** Throws RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone({ timeZone }: { timeZone: string }): void {
  if (knownZones.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as "America/New_York".`);
  }
  knownZones.add(timeZone);
}

export function parseLocalDate({ date }: { date: LocalDate }): { year: number; month: number; day: number } {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const probe = utcMidnight(year, month, day);
    // Round-tripping rejects "2025-02-30" and friends, which Date would silently roll over.
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid local date "${date}": expected a real calendar date as "YYYY-MM-DD".`);
}

/**
 * The years a stored date may fall in (issue 18 finding 6: an extension due in year 0000 reached
 * PostgreSQL and answered 500). assumed: no course runs before 1900 or after 2200; the bound
 * catches typos such as 0205 or 20255 long before they become deadlines.
 */
export const SUPPORTED_YEARS = { first: 1900, last: 2200 } as const;

/** Why "YYYY-MM-DD" is not a date Lectern keeps (not a real calendar date, or out of range), or null. */
export function calendarDateProblem(date: string): string | null {
  let year: number;
  try {
    year = parseLocalDate({ date }).year;
  } catch {
    return /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? `${date} is not a date on the calendar`
      : `"${date}" is not a date as YYYY-MM-DD`;
  }
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last)
    return `${date} is outside the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`;
  return null;
}

export function parseLocalTime({ time }: { time: LocalTime }): { hours: number; minutes: number } {
  const match = LOCAL_TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Invalid local time "${time}": expected 24-hour "HH:MM" between 00:00 and 23:59.`);
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

function utcMidnight(year: number, month: number, day: number): Date {
  // setUTCFullYear, unlike Date.UTC, does not remap years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

function toLocalDateString(utcDate: Date): LocalDate {
  const y = String(utcDate.getUTCFullYear()).padStart(4, "0");
  const m = String(utcDate.getUTCMonth() + 1).padStart(2, "0");
  const d = String(utcDate.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

// Memoized: an offset lookup formats a date through Intl (~2 µs), and walks over many
// days (late hours long after a deadline) ask for the same instants request after request.
const offsetMemo = new Map<string, Map<number, number>>();
const OFFSET_MEMO_LIMIT = 100_000;

function offsetMinutesAt(timeZone: string, epochMs: number): number {
  let zone = offsetMemo.get(timeZone);
  if (!zone) offsetMemo.set(timeZone, (zone = new Map()));
  let offset = zone.get(epochMs);
  if (offset === undefined) {
    if (zone.size >= OFFSET_MEMO_LIMIT) zone.clear();
    offset = tzOffset(timeZone, new Date(epochMs));
    zone.set(epochMs, offset);
  }
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` reads `date` `time`.
 *
 * DST policy (deliberate, so deadlines never silently move earlier):
 * - Nonexistent local times (the spring-forward gap) are read with the offset
 *   in force before the jump, which moves them forward by the gap:
 *   02:30 on 2025-03-09 in America/New_York → 03:30 EDT (07:30Z).
 * - Ambiguous local times (the fall-back hour) take the EARLIER instant, the
 *   first time the clock shows them: 01:30 on 2025-11-02 in New York → 01:30 EDT.
 *
 * We resolve this ourselves from tzOffset instead of trusting TZDate's
 * constructor, whose choice for ambiguous times differs between zones.
 */
export function localToInstant({ date, time, timeZone }: { date: LocalDate; time: LocalTime; timeZone: string }): Date {
  assertTimeZone({ timeZone });
  const { year, month, day } = parseLocalDate({ date });
  const { hours, minutes } = parseLocalTime({ time });
  // The wall-clock reading expressed as if it were UTC; the real instant lies within ±14 h of it.
  const wallMs = utcMidnight(year, month, day).getTime() + hours * HOUR_MS + minutes * MINUTE_MS;

  // Real zones change offset at most once in any 48-hour stretch, so offsets sampled
  // a day either side cover every offset that could apply to this reading.
  const offsetBefore = offsetMinutesAt(timeZone, wallMs - DAY_MS);
  const candidateOffsets = new Set([
    offsetBefore,
    offsetMinutesAt(timeZone, wallMs),
    offsetMinutesAt(timeZone, wallMs + DAY_MS),
  ]);

  let earliest: number | null = null;
  for (const offset of candidateOffsets) {
    const instant = wallMs - offset * MINUTE_MS;
    if (offsetMinutesAt(timeZone, instant) !== offset) continue;
    if (earliest === null || instant < earliest) earliest = instant;
  }
  if (earliest !== null) return new Date(earliest);

  // In the gap: no offset reproduces this reading, so use the pre-transition offset.
  return new Date(wallMs - offsetBefore * MINUTE_MS);
}

/**
 * The instants at which the wall clock in `timeZone` reads `time` on `firstDay` and on each
 * following day, one per call: localToInstant for every day, but cheap. The offset that
 * placed yesterday's reading is tried first (one offset lookup); only when it does not
 * reproduce today's reading (a DST change, or yesterday's reading fell in a gap) is the
 * day resolved in full. It is the earliest match whenever it matches, because a zone
 * changes offset at most once in 48 hours (localToInstant's own assumption).
 */
export function dailyInstants({
  firstDay,
  time,
  timeZone,
}: {
  firstDay: LocalDate;
  time: LocalTime;
  timeZone: string;
}): () => number {
  const { year, month, day } = parseLocalDate({ date: firstDay });
  const { hours, minutes } = parseLocalTime({ time });
  // Wall-clock readings expressed as if they were UTC: exactly a day apart.
  const firstWall = utcMidnight(year, month, day).getTime() + hours * HOUR_MS + minutes * MINUTE_MS;
  let days = 0;
  let offset: number | null = null; // minutes such that instant = wall − offset, as used yesterday
  return () => {
    const wall = firstWall + days * DAY_MS;
    let at: number | null = null;
    if (offset !== null && offsetMinutesAt(timeZone, wall - offset * MINUTE_MS) === offset)
      at = wall - offset * MINUTE_MS;
    at ??= localToInstant({ date: addDays({ date: firstDay, days }), time, timeZone }).getTime();
    offset = (wall - at) / MINUTE_MS;
    days++;
    return at;
  };
}

/** The calendar date shown by a wall clock in `timeZone` at instant `at`. */
export function localDateOf({ at, timeZone }: { at: Date; timeZone: string }): LocalDate {
  assertTimeZone({ timeZone });
  return format(at, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** The "HH:MM" (24-hour) shown by a wall clock in `timeZone` at instant `at`. */
export function localTimeOf({ at, timeZone }: { at: Date; timeZone: string }): LocalTime {
  assertTimeZone({ timeZone });
  return format(at, "HH:mm", { in: tz(timeZone) });
}

/**
 * ICU's English data has no letter abbreviations for most European zones
 * (Node prints "GMT+1" for Brussels) nor for Singapore ("GMT+8"), but students
 * in those courses expect CET/CEST and SGT. Keyed by UTC offset in minutes so an
 * unexpected offset falls back to ICU rather than printing a wrong name.
 */
const CENTRAL_EUROPE = { 60: "CET", 120: "CEST" } as const;
const WESTERN_EUROPE = { 0: "WET", 60: "WEST" } as const;
const EASTERN_EUROPE = { 120: "EET", 180: "EEST" } as const;
const ZONE_ABBREVIATIONS: Record<string, Record<number, string>> = {
  "Europe/Amsterdam": CENTRAL_EUROPE,
  "Europe/Berlin": CENTRAL_EUROPE,
  "Europe/Brussels": CENTRAL_EUROPE,
  "Europe/Copenhagen": CENTRAL_EUROPE,
  "Europe/Luxembourg": CENTRAL_EUROPE,
  "Europe/Madrid": CENTRAL_EUROPE,
  "Europe/Oslo": CENTRAL_EUROPE,
  "Europe/Paris": CENTRAL_EUROPE,
  "Europe/Prague": CENTRAL_EUROPE,
  "Europe/Rome": CENTRAL_EUROPE,
  "Europe/Stockholm": CENTRAL_EUROPE,
  "Europe/Vienna": CENTRAL_EUROPE,
  "Europe/Warsaw": CENTRAL_EUROPE,
  "Europe/Zurich": CENTRAL_EUROPE,
  "Europe/Lisbon": WESTERN_EUROPE,
  "Europe/Athens": EASTERN_EUROPE,
  "Europe/Helsinki": EASTERN_EUROPE,
  "Europe/London": { 0: "GMT", 60: "BST" },
  "Asia/Singapore": { 480: "SGT" },
};

const shortZoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Short zone name at that instant: "EDT"/"EST", "CEST"/"CET", "BST", "SGT", or "GMT+5:30" where no letters are known. */
export function zoneAbbreviation({ at, timeZone }: { at: Date; timeZone: string }): string {
  assertTimeZone({ timeZone });
  const mapped = ZONE_ABBREVIATIONS[timeZone]?.[offsetMinutesAt(timeZone, at.getTime())];
  if (mapped) return mapped;
  let formatter = shortZoneNameFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    shortZoneNameFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/**
 * Display an instant in the course's zone (en-US):
 * - "full":      "Wed Oct 29, 11:00 PM EDT"
 * - "date":      "Wed Oct 29, 2025"
 * - "time":      "11:00 PM EDT"
 * - "dateShort": "Oct 29"
 * The zone name is always printed next to a time so nobody has to guess whose 11 PM it is.
 */
export function formatInZone({
  at,
  timeZone,
  style = "full",
}: {
  at: Date;
  timeZone: string;
  style?: DisplayStyle;
}): string {
  assertTimeZone({ timeZone });
  const inZone = { in: tz(timeZone) };
  switch (style) {
    case "full":
      return `${format(at, "EEE MMM d, h:mm a", inZone)} ${zoneAbbreviation({ at, timeZone })}`;
    case "date":
      return format(at, "EEE MMM d, yyyy", inZone);
    case "time":
      return `${format(at, "h:mm a", inZone)} ${zoneAbbreviation({ at, timeZone })}`;
    case "dateShort":
      return format(at, "MMM d", inZone);
  }
}

/** Calendar arithmetic on local dates; always whole days, immune to DST. */
export function addDays({ date, days }: { date: LocalDate; days: number }): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}.`);
  const { year, month, day } = parseLocalDate({ date });
  return toLocalDateString(utcMidnight(year, month, day + days));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween({ from, to }: { from: LocalDate; to: LocalDate }): number {
  const a = parseLocalDate({ date: from });
  const b = parseLocalDate({ date: to });
  return Math.round(
    (utcMidnight(b.year, b.month, b.day).getTime() - utcMidnight(a.year, a.month, a.day).getTime()) / DAY_MS,
  );
}

/** The Monday on or before `date` (course weeks run Monday–Sunday). */
export function weekStart({ date }: { date: LocalDate }): LocalDate {
  const { year, month, day } = parseLocalDate({ date });
  const weekday = utcMidnight(year, month, day).getUTCDay(); // 0 = Sunday
  return addDays({ date, days: -((weekday + 6) % 7) });
}

// In its own module, without date-fns: the countdowns on public pages import it in the browser.
export { formatCountdown } from "@/lib/domain/countdown";
