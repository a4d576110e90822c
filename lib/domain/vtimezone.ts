/**
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, built from the
 * runtime's own zone data instead of a bundled table: every offset change in
 * the window is listed explicitly (no RRULE), which every calendar client
 * reads the same way and which stays right when a zone's rules change.
 */
import { tzOffset } from "@date-fns/tz";
import { assertTimeZone, zoneAbbreviation } from "@/lib/domain/time";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function offsetAt(timeZone: string, ms: number): number {
  return tzOffset(timeZone, new Date(ms));
}

/** "+0100", "-0430". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The wall-clock reading of an instant under a fixed offset, as an iCalendar local DATE-TIME. */
function localStamp(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, 19).replace(/[-:]/g, "");
}

export type ZoneTransition = { at: Date; from: number; to: number };

/** Every offset change in [from, to], to the millisecond. */
export function zoneTransitions({ timeZone, from, to }: { timeZone: string; from: Date; to: Date }): ZoneTransition[] {
  assertTimeZone({ timeZone });
  const out: ZoneTransition[] = [];
  let prevMs = from.getTime();
  let prevOffset = offsetAt(timeZone, prevMs);
  // Offsets change at most a few times a year, so a daily probe cannot miss one.
  for (let ms = prevMs + DAY; prevMs < to.getTime(); ms += DAY) {
    const probe = Math.min(ms, to.getTime());
    const offset = offsetAt(timeZone, probe);
    if (offset !== prevOffset) {
      let lo = prevMs; // offset prevOffset
      let hi = probe; // offset `offset`
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(timeZone, mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ at: new Date(hi), from: prevOffset, to: offset });
    }
    prevMs = probe;
    prevOffset = offset;
  }
  return out;
}

/**
 * VTIMEZONE text for `timeZone`, valid for instants in [from, to] (callers pass
 * a margin around the events). Lines are joined with CRLF.
 */
export function vtimezone({ timeZone, from, to }: { timeZone: string; from: Date; to: Date }): string {
  const transitions = zoneTransitions({ timeZone, from, to });
  const initial = offsetAt(timeZone, from.getTime());
  const standardOffset = (ms: number) => {
    const year = new Date(ms).getUTCFullYear();
    return Math.min(offsetAt(timeZone, Date.UTC(year, 0, 1)), offsetAt(timeZone, Date.UTC(year, 6, 1)));
  };
  const observance = (startMs: number, fromOffset: number, toOffset: number) => {
    const kind = toOffset > standardOffset(startMs) ? "DAYLIGHT" : "STANDARD";
    return [
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(startMs, fromOffset)}`,
      `TZOFFSETFROM:${formatUtcOffset(fromOffset)}`,
      `TZOFFSETTO:${formatUtcOffset(toOffset)}`,
      `TZNAME:${zoneAbbreviation({ at: new Date(startMs), timeZone })}`,
      `END:${kind}`,
    ];
  };
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  // The observance already in force when the window opens.
  lines.push(...observance(from.getTime(), initial, initial));
  for (const t of transitions) lines.push(...observance(t.at.getTime(), t.from, t.to));
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
