/**
 * How many late hours a submission costs.
 *
 * Public contract: callers (grading, previews, ledger correction) all rely on
 * this exact function, so its rules are fixed here:
 *
 *   elapsed  = submittedAt − dueAt                    (real time, ms-exact)
 *   excluded = the parts of [dueAt, submittedAt) that fall inside the course's
 *              excluded local wall-clock window, taken per calendar day in
 *              `timeZone` (00:00–07:00 is 6 real hours on a spring-forward
 *              night and 8 on a fall-back night)
 *   counted  = elapsed − excluded
 *   result   = 0                                 if submittedAt <= dueAt
 *              0                                 if counted <= grace
 *              ceil((counted − grace) / 1 hour)  otherwise
 *
 * Grace is subtracted from counted time, not just used as a threshold, so a
 * submission 61 minutes late with 5 grace minutes costs 1 hour, not 2.
 *
 * Window edges use localToInstant, so a window edge that falls in a DST gap
 * moves forward by the gap and one in the repeated hour takes its first
 * occurrence.
 */
import { addDays, assertTimeZone, dailyInstants, localDateOf, parseLocalTime } from "@/lib/domain/time";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export type ExcludedWindow = { start: string; end: string };

export function lateHoursCharged(input: {
  dueAt: Date;
  submittedAt: Date;
  timeZone: string;
  excludedWindow?: { start: string; end: string } /* "HH:MM" local */;
  graceMinutes?: number;
}): number {
  const { dueAt, submittedAt, timeZone, excludedWindow, graceMinutes = 0 } = input;
  assertTimeZone({ timeZone });
  assertValidDate(dueAt, "dueAt");
  assertValidDate(submittedAt, "submittedAt");
  if (!Number.isFinite(graceMinutes) || graceMinutes < 0) {
    throw new RangeError(`graceMinutes must be a finite number >= 0, got ${graceMinutes}.`);
  }
  if (excludedWindow) assertValidWindow(excludedWindow);

  const elapsed = submittedAt.getTime() - dueAt.getTime();
  if (elapsed <= 0) return 0;

  const excluded = excludedWindow
    ? excludedOverlapMs({ from: dueAt, to: submittedAt, timeZone, window: excludedWindow })
    : 0;
  const counted = elapsed - excluded;
  const grace = graceMinutes * MINUTE_MS;
  if (counted <= grace) return 0;
  return Math.ceil((counted - grace) / HOUR_MS);
}

function assertValidDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${name} must be a valid Date.`);
  }
}

function assertValidWindow(window: ExcludedWindow): void {
  parseLocalTime({ time: window.start });
  parseLocalTime({ time: window.end });
  // Equal edges could mean "nothing excluded" or "the whole day"; refuse to guess.
  if (window.start === window.end) {
    throw new RangeError(`Excluded window start and end are both "${window.start}": use no window, or a real range.`);
  }
}

/**
 * Milliseconds of [from, to) inside the window, walking local calendar days.
 * Starts one day early because a window wrapping midnight (22:00–06:00) that
 * opened the evening before can still cover the first hours after the deadline.
 * Each day's window opens about 24 h after the previous one, so the walk stops
 * at the first window opening at or after `to`.
 */
function excludedOverlapMs({
  from,
  to,
  timeZone,
  window,
}: {
  from: Date;
  to: Date;
  timeZone: string;
  window: ExcludedWindow;
}): number {
  const wraps = window.end < window.start; // "HH:MM" strings compare correctly as text
  const firstDay = addDays({ date: localDateOf({ at: from, timeZone }), days: -1 });
  const nextStart = dailyInstants({ firstDay, time: window.start, timeZone });
  const nextEnd = dailyInstants({
    firstDay: wraps ? addDays({ date: firstDay, days: 1 }) : firstDay,
    time: window.end,
    timeZone,
  });
  const fromMs = from.getTime();
  const toMs = to.getTime();

  let total = 0;
  let previousEnd = -Infinity;
  for (
    let windowStart = nextStart(), windowEnd = nextEnd();
    windowStart < toMs;
    windowStart = nextStart(), windowEnd = nextEnd()
  ) {
    // Clamp against the previous day's window so an odd window around a DST shift is never counted twice.
    const start = Math.max(windowStart, fromMs, previousEnd);
    const end = Math.min(windowEnd, toMs);
    if (end > start) total += end - start;
    previousEnd = Math.max(previousEnd, windowEnd);
  }
  return total;
}
