import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lateHoursCharged } from "@/lib/domain/late-hours";
import { daysBetween, localDateOf, localToInstant } from "@/lib/domain/time";
import { tzOffset } from "@date-fns/tz";
import { ZONES } from "./support/zones";

const NIGHT = { start: "00:00", end: "07:00" };
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const local = (date: string, time: string, timeZone: string) => localToInstant({ date, time, timeZone });
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe("lateHoursCharged — hand-computed", () => {
  const ny = "America/New_York";

  it("no DST: due Tue 18:00, submitted Wed 09:00 → 15 h − 7 h = 8", () => {
    const dueAt = local("2025-10-14", "18:00", ny);
    const submittedAt = local("2025-10-15", "09:00", ny);
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: ny, excludedWindow: NIGHT })).toBe(8);
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: ny })).toBe(15);
  });

  it("New York spring forward: Sat 2025-03-08 18:00 → Sun 09:00 is 14 real hours − 6 = 8", () => {
    const dueAt = local("2025-03-08", "18:00", ny);
    const submittedAt = local("2025-03-09", "09:00", ny);
    expect(submittedAt.getTime() - dueAt.getTime()).toBe(14 * HOUR);
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: ny })).toBe(14);
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: ny, excludedWindow: NIGHT })).toBe(8);
  });

  it("New York fall back: Sat 2025-11-01 18:00 → Sun 09:00 is 16 real hours − 8 = 8", () => {
    const dueAt = local("2025-11-01", "18:00", ny);
    const submittedAt = local("2025-11-02", "09:00", ny);
    expect(submittedAt.getTime() - dueAt.getTime()).toBe(16 * HOUR);
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: ny, excludedWindow: NIGHT })).toBe(8);
  });

  it("Toronto fall back: CSC 490 due Fri Oct 31 23:59, submitted Sun Nov 2 10:00", () => {
    const tz = "America/Toronto";
    const dueAt = local("2025-10-31", "23:59", tz); // 03:59Z Nov 1
    const submittedAt = local("2025-11-02", "10:00", tz); // 15:00Z Nov 2 → 35 h 1 min real
    // Windows: Sat 00:00–07:00 EDT minus the first minute (6 h 59 min) + Sun 00:00 EDT–07:00 EST (8 h).
    // 35 h 1 min − 14 h 59 min = 20 h 2 min → 21.
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: tz, excludedWindow: NIGHT })).toBe(21);
  });

  it("Brussels spring forward 2025-03-30 and fall back 2025-10-26", () => {
    const tz = "Europe/Brussels";
    expect(
      lateHoursCharged({
        dueAt: local("2025-03-29", "18:00", tz),
        submittedAt: local("2025-03-30", "09:00", tz),
        timeZone: tz,
        excludedWindow: NIGHT,
      }),
    ).toBe(14 - 6);
    expect(
      lateHoursCharged({
        dueAt: local("2025-10-25", "18:00", tz),
        submittedAt: local("2025-10-26", "09:00", tz),
        timeZone: tz,
        excludedWindow: NIGHT,
      }),
    ).toBe(16 - 8);
  });

  it("Singapore has no DST: every night is 7 hours", () => {
    const tz = "Asia/Singapore";
    expect(
      lateHoursCharged({
        dueAt: local("2025-03-08", "18:00", tz),
        submittedAt: local("2025-03-09", "09:00", tz),
        timeZone: tz,
        excludedWindow: NIGHT,
      }),
    ).toBe(8);
  });

  it("several nights across the spring forward: 62 real hours − (7 + 6 + 7) = 42", () => {
    const dueAt = local("2025-03-07", "18:00", ny);
    const submittedAt = local("2025-03-10", "09:00", ny);
    expect(submittedAt.getTime() - dueAt.getTime()).toBe(62 * HOUR);
    expect(lateHoursCharged({ dueAt, submittedAt, timeZone: ny, excludedWindow: NIGHT })).toBe(42);
  });

  it("exactly on time is 0, early is 0, one second late is 1", () => {
    const dueAt = local("2025-10-14", "18:00", ny);
    expect(lateHoursCharged({ dueAt, submittedAt: dueAt, timeZone: ny, excludedWindow: NIGHT })).toBe(0);
    expect(lateHoursCharged({ dueAt, submittedAt: plus(dueAt, -HOUR), timeZone: ny, excludedWindow: NIGHT })).toBe(0);
    expect(lateHoursCharged({ dueAt, submittedAt: plus(dueAt, SECOND), timeZone: ny, excludedWindow: NIGHT })).toBe(1);
    expect(lateHoursCharged({ dueAt, submittedAt: plus(dueAt, 1), timeZone: ny })).toBe(1);
    expect(lateHoursCharged({ dueAt, submittedAt: plus(dueAt, HOUR), timeZone: ny })).toBe(1);
    expect(lateHoursCharged({ dueAt, submittedAt: plus(dueAt, HOUR + 1), timeZone: ny })).toBe(2);
  });

  it("submissions inside the window", () => {
    const dueAt = local("2025-10-14", "18:00", ny);
    // 9 h elapsed, 3 h of it after midnight.
    expect(
      lateHoursCharged({ dueAt, submittedAt: local("2025-10-15", "03:00", ny), timeZone: ny, excludedWindow: NIGHT }),
    ).toBe(6);
    const lateNight = local("2025-10-14", "23:30", ny);
    // Only the 30 minutes before midnight count, whenever in the night it arrives.
    expect(
      lateHoursCharged({
        dueAt: lateNight,
        submittedAt: local("2025-10-15", "00:10", ny),
        timeZone: ny,
        excludedWindow: NIGHT,
      }),
    ).toBe(1);
    expect(
      lateHoursCharged({
        dueAt: lateNight,
        submittedAt: local("2025-10-15", "06:59", ny),
        timeZone: ny,
        excludedWindow: NIGHT,
      }),
    ).toBe(1);
    expect(
      lateHoursCharged({
        dueAt: lateNight,
        submittedAt: local("2025-10-15", "07:31", ny),
        timeZone: ny,
        excludedWindow: NIGHT,
      }),
    ).toBe(2);
  });

  it("due times inside the window", () => {
    const dueAt = local("2025-10-15", "02:00", ny);
    expect(
      lateHoursCharged({ dueAt, submittedAt: local("2025-10-15", "06:00", ny), timeZone: ny, excludedWindow: NIGHT }),
    ).toBe(0);
    expect(
      lateHoursCharged({ dueAt, submittedAt: local("2025-10-15", "07:00", ny), timeZone: ny, excludedWindow: NIGHT }),
    ).toBe(0);
    expect(
      lateHoursCharged({
        dueAt,
        submittedAt: plus(local("2025-10-15", "07:00", ny), SECOND),
        timeZone: ny,
        excludedWindow: NIGHT,
      }),
    ).toBe(1);
    expect(
      lateHoursCharged({ dueAt, submittedAt: local("2025-10-15", "08:00", ny), timeZone: ny, excludedWindow: NIGHT }),
    ).toBe(1);
  });

  it("a window wrapping midnight (22:00–06:00)", () => {
    const wrap = { start: "22:00", end: "06:00" };
    // 12 h elapsed, 8 h in the window.
    expect(
      lateHoursCharged({
        dueAt: local("2025-10-14", "20:00", ny),
        submittedAt: local("2025-10-15", "08:00", ny),
        timeZone: ny,
        excludedWindow: wrap,
      }),
    ).toBe(4);
    // Due inside the window: only 06:00–07:00 counts.
    expect(
      lateHoursCharged({
        dueAt: local("2025-10-14", "23:00", ny),
        submittedAt: local("2025-10-15", "07:00", ny),
        timeZone: ny,
        excludedWindow: wrap,
      }),
    ).toBe(1);
    // Due after midnight in a window that opened the evening before: 01:00–06:00 excluded.
    expect(
      lateHoursCharged({
        dueAt: local("2025-10-15", "01:00", ny),
        submittedAt: local("2025-10-15", "10:00", ny),
        timeZone: ny,
        excludedWindow: wrap,
      }),
    ).toBe(4);
    // Across the spring forward the wrapped night is 7 real hours: 14 − 7 = 7.
    expect(
      lateHoursCharged({
        dueAt: local("2025-03-08", "18:00", ny),
        submittedAt: local("2025-03-09", "09:00", ny),
        timeZone: ny,
        excludedWindow: wrap,
      }),
    ).toBe(7);
  });

  it("a window fully inside the day (12:00–13:00) over two days: 48 − 2 = 46", () => {
    const lunch = { start: "12:00", end: "13:00" };
    expect(
      lateHoursCharged({
        dueAt: local("2025-10-13", "09:00", ny),
        submittedAt: local("2025-10-15", "09:00", ny),
        timeZone: ny,
        excludedWindow: lunch,
      }),
    ).toBe(46);
  });

  it("window edges on DST nights follow localToInstant (gap forward, repeated hour first)", () => {
    const w = { start: "01:00", end: "03:00" };
    // Spring: 01:00 EST → 03:00 EDT is 1 real hour. 14 − 1 = 13.
    expect(
      lateHoursCharged({
        dueAt: local("2025-03-08", "18:00", ny),
        submittedAt: local("2025-03-09", "09:00", ny),
        timeZone: ny,
        excludedWindow: w,
      }),
    ).toBe(13);
    // Fall: 01:00 EDT → 03:00 EST is 3 real hours. 16 − 3 = 13.
    expect(
      lateHoursCharged({
        dueAt: local("2025-11-01", "18:00", ny),
        submittedAt: local("2025-11-02", "09:00", ny),
        timeZone: ny,
        excludedWindow: w,
      }),
    ).toBe(13);
  });

  it("grace minutes are subtracted from counted time", () => {
    const dueAt = local("2025-10-14", "18:00", ny);
    const g = { dueAt, timeZone: ny, graceMinutes: 10 };
    expect(lateHoursCharged({ ...g, submittedAt: plus(dueAt, 10 * MINUTE) })).toBe(0);
    expect(lateHoursCharged({ ...g, submittedAt: plus(dueAt, 10 * MINUTE + SECOND) })).toBe(1);
    expect(lateHoursCharged({ ...g, submittedAt: plus(dueAt, 70 * MINUTE) })).toBe(1);
    expect(lateHoursCharged({ ...g, submittedAt: plus(dueAt, 70 * MINUTE + 1) })).toBe(2);
    // With the window: 23:55 → 07:10 is 7 h 15 min, 7 h excluded, 15 min counted ≤ 15 grace.
    const night = { dueAt: local("2025-10-14", "23:55", ny), timeZone: ny, excludedWindow: NIGHT, graceMinutes: 15 };
    expect(lateHoursCharged({ ...night, submittedAt: local("2025-10-15", "07:10", ny) })).toBe(0);
    expect(lateHoursCharged({ ...night, submittedAt: local("2025-10-15", "07:11", ny) })).toBe(1);
  });

  it("validates its input with RangeError", () => {
    const base = {
      dueAt: new Date("2025-10-14T22:00:00Z"),
      submittedAt: new Date("2025-10-15T22:00:00Z"),
      timeZone: ny,
    };
    expect(() => lateHoursCharged({ ...base, timeZone: "Nowhere/Land" })).toThrow(RangeError);
    expect(() => lateHoursCharged({ ...base, excludedWindow: { start: "7:00", end: "09:00" } })).toThrow(/HH:MM/);
    expect(() => lateHoursCharged({ ...base, excludedWindow: { start: "00:00", end: "24:00" } })).toThrow(RangeError);
    expect(() => lateHoursCharged({ ...base, excludedWindow: { start: "03:00", end: "03:00" } })).toThrow(RangeError);
    expect(() => lateHoursCharged({ ...base, graceMinutes: -1 })).toThrow(RangeError);
    expect(() => lateHoursCharged({ ...base, dueAt: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

const WINDOWS = [
  NIGHT,
  { start: "22:00", end: "06:00" },
  { start: "12:00", end: "13:00" },
  { start: "01:30", end: "02:45" },
];
const zone = fc.constantFrom(...ZONES);
// Half the instants land within two days of a real DST transition so DST nights are actually exercised.
const TRANSITIONS = [
  "2024-03-10T07:00:00Z",
  "2024-11-03T06:00:00Z",
  "2025-03-09T07:00:00Z",
  "2025-11-02T06:00:00Z", // New York / Toronto
  "2025-03-30T01:00:00Z",
  "2025-10-26T01:00:00Z",
  "2026-03-29T01:00:00Z",
  "2026-10-25T01:00:00Z", // Europe
  "2025-04-05T15:00:00Z",
  "2025-10-04T15:30:00Z", // Lord Howe (30 minutes)
].map((iso) => Date.parse(iso));
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * 24 * HOUR, max: 2 * 24 * HOUR }))
    .map(([t, d]) => t + d),
);
const span = fc.integer({ min: -2 * 24 * HOUR, max: 12 * 24 * HOUR });
const maybeWindow = fc.option(fc.constantFrom(...WINDOWS), { nil: undefined });
const grace = fc.integer({ min: 0, max: 120 });
const RUNS = { numRuns: 300 };

describe("lateHoursCharged — properties", () => {
  it("never more than ceil(elapsed hours), never negative", () => {
    fc.assert(
      fc.property(zone, instant, span, maybeWindow, grace, (timeZone, due, delta, excludedWindow, graceMinutes) => {
        const charged = lateHoursCharged({
          dueAt: new Date(due),
          submittedAt: new Date(due + delta),
          timeZone,
          excludedWindow,
          graceMinutes,
        });
        expect(charged).toBeGreaterThanOrEqual(0);
        expect(charged).toBeLessThanOrEqual(Math.max(0, Math.ceil(delta / HOUR)));
      }),
      RUNS,
    );
  });

  it("monotone non-decreasing in submittedAt", () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        span,
        fc.integer({ min: 0, max: 3 * 24 * HOUR }),
        maybeWindow,
        grace,
        (timeZone, due, delta, more, excludedWindow, graceMinutes) => {
          const base = { dueAt: new Date(due), timeZone, excludedWindow, graceMinutes };
          const earlier = lateHoursCharged({ ...base, submittedAt: new Date(due + delta) });
          const later = lateHoursCharged({ ...base, submittedAt: new Date(due + delta + more) });
          expect(later).toBeGreaterThanOrEqual(earlier);
        },
      ),
      RUNS,
    );
  });

  it("0 when on time", () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        fc.integer({ min: 0, max: 30 * 24 * HOUR }),
        maybeWindow,
        grace,
        (timeZone, due, early, excludedWindow, graceMinutes) => {
          expect(
            lateHoursCharged({
              dueAt: new Date(due),
              submittedAt: new Date(due - early),
              timeZone,
              excludedWindow,
              graceMinutes,
            }),
          ).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it("equals ceil(elapsed hours) with no window and no grace", () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 1, max: 60 * 24 * HOUR }), (timeZone, due, delta) => {
        expect(lateHoursCharged({ dueAt: new Date(due), submittedAt: new Date(due + delta), timeZone })).toBe(
          Math.ceil(delta / HOUR),
        );
      }),
      RUNS,
    );
  });

  it("00:00–07:00 window removes at most 8 real hours per local day spanned", () => {
    fc.assert(
      fc.property(zone, instant, span, (timeZone, due, delta) => {
        const dueAt = new Date(due);
        const submittedAt = new Date(due + delta);
        const daysSpanned = Math.max(
          0,
          daysBetween({ from: localDateOf({ at: dueAt, timeZone }), to: localDateOf({ at: submittedAt, timeZone }) }),
        );
        const charged = lateHoursCharged({ dueAt, submittedAt, timeZone, excludedWindow: NIGHT });
        expect(charged).toBeGreaterThanOrEqual(Math.ceil((delta - 8 * HOUR * (daysSpanned + 1)) / HOUR));
      }),
      RUNS,
    );
  });

  it("a window or grace never increases the charge", () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        span,
        fc.constantFrom(...WINDOWS),
        grace,
        (timeZone, due, delta, excludedWindow, graceMinutes) => {
          const base = { dueAt: new Date(due), submittedAt: new Date(due + delta), timeZone };
          const plain = lateHoursCharged(base);
          expect(lateHoursCharged({ ...base, excludedWindow })).toBeLessThanOrEqual(plain);
          expect(lateHoursCharged({ ...base, graceMinutes })).toBeLessThanOrEqual(plain);
        },
      ),
      RUNS,
    );
  });

  it("matches a minute-by-minute count of wall-clock readings outside the window", () => {
    // Independent oracle: a minute is excluded when the zone's clock reads a time inside the window.
    // Edges of these windows never fall in a DST gap in these zones, so both definitions agree.
    const oracleWindows = [NIGHT, { start: "22:00", end: "06:00" }, { start: "12:00", end: "13:00" }];
    const inWindow = (minuteOfDay: number, w: { start: string; end: string }) => {
      const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
      const s = toMin(w.start);
      const e = toMin(w.end);
      return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
    };
    fc.assert(
      fc.property(
        zone,
        instant.map((ms) => Math.floor(ms / MINUTE)),
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        fc.constantFrom(...oracleWindows),
        grace,
        (timeZone, dueMinute, lateMinutes, excludedWindow, graceMinutes) => {
          let counted = 0;
          for (let m = 0; m < lateMinutes; m++) {
            const t = (dueMinute + m) * MINUTE;
            const localMinute = (((t / MINUTE + tzOffset(timeZone, new Date(t))) % 1440) + 1440) % 1440;
            if (!inWindow(localMinute, excludedWindow)) counted++;
          }
          const expected = counted <= graceMinutes ? 0 : Math.ceil((counted - graceMinutes) / 60);
          const dueAt = new Date(dueMinute * MINUTE);
          const submittedAt = new Date((dueMinute + lateMinutes) * MINUTE);
          expect(lateHoursCharged({ dueAt, submittedAt, timeZone, excludedWindow, graceMinutes })).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
