import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  dailyInstants,
  daysBetween,
  formatCountdown,
  formatInZone,
  localDateOf,
  localTimeOf,
  localToInstant,
  weekStart,
  zoneAbbreviation,
} from "@/lib/domain/time";
import { ZONES } from "./support/zones";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("localToInstant", () => {
  it("converts an ordinary wall-clock time", () => {
    expect(localToInstant({ date: "2025-10-29", time: "23:00", timeZone: "America/Toronto" })).toEqual(
      at("2025-10-30T03:00:00Z"),
    );
    expect(localToInstant({ date: "2025-11-07", time: "23:59", timeZone: "America/Toronto" })).toEqual(
      at("2025-11-08T04:59:00Z"),
    );
    expect(localToInstant({ date: "2025-03-09", time: "23:59", timeZone: "Asia/Singapore" })).toEqual(
      at("2025-03-09T15:59:00Z"),
    );
  });

  it("moves a nonexistent spring-forward time forward by the gap", () => {
    // 02:30 does not exist in New York on 2025-03-09; it becomes 03:30 EDT.
    expect(localToInstant({ date: "2025-03-09", time: "02:30", timeZone: "America/New_York" })).toEqual(
      at("2025-03-09T07:30:00Z"),
    );
    expect(localToInstant({ date: "2025-03-09", time: "02:00", timeZone: "America/New_York" })).toEqual(
      at("2025-03-09T07:00:00Z"),
    );
    // Brussels jumps 02:00 CET → 03:00 CEST on 2025-03-30: 02:30 → 03:30 CEST = 01:30Z.
    expect(localToInstant({ date: "2025-03-30", time: "02:30", timeZone: "Europe/Brussels" })).toEqual(
      at("2025-03-30T01:30:00Z"),
    );
    // Lord Howe's 30-minute shift: 02:15 on 2025-10-05 → 02:45 (+11:00).
    expect(localToInstant({ date: "2025-10-05", time: "02:15", timeZone: "Australia/Lord_Howe" })).toEqual(
      at("2025-10-04T15:45:00Z"),
    );
  });

  it("takes the earlier instant for an ambiguous fall-back time", () => {
    expect(localToInstant({ date: "2025-11-02", time: "01:30", timeZone: "America/New_York" })).toEqual(
      at("2025-11-02T05:30:00Z"),
    );
    expect(localToInstant({ date: "2025-11-02", time: "01:30", timeZone: "America/Toronto" })).toEqual(
      at("2025-11-02T05:30:00Z"),
    );
    // Brussels repeats 02:00–03:00 on 2025-10-26: first pass is CEST (+2).
    expect(localToInstant({ date: "2025-10-26", time: "02:30", timeZone: "Europe/Brussels" })).toEqual(
      at("2025-10-26T00:30:00Z"),
    );
    expect(localToInstant({ date: "2025-04-06", time: "01:45", timeZone: "Australia/Lord_Howe" })).toEqual(
      at("2025-04-05T14:45:00Z"),
    );
  });

  it("midnight on DST nights", () => {
    expect(localToInstant({ date: "2025-03-09", time: "00:00", timeZone: "America/New_York" })).toEqual(
      at("2025-03-09T05:00:00Z"),
    );
    expect(localToInstant({ date: "2025-11-02", time: "07:00", timeZone: "America/New_York" })).toEqual(
      at("2025-11-02T12:00:00Z"),
    );
  });

  it("rejects bad input with RangeError", () => {
    expect(() => localToInstant({ date: "2025-02-30", time: "10:00", timeZone: "UTC" })).toThrow(RangeError);
    expect(() => localToInstant({ date: "2025-2-3", time: "10:00", timeZone: "UTC" })).toThrow(RangeError);
    expect(() => localToInstant({ date: "2025-02-03", time: "24:00", timeZone: "UTC" })).toThrow(RangeError);
    expect(() => localToInstant({ date: "2025-02-03", time: "7:00", timeZone: "UTC" })).toThrow(RangeError);
    expect(() => localToInstant({ date: "2025-02-03", time: "07:00", timeZone: "Mars/Olympus" })).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });
});

describe("formatInZone", () => {
  it("formats a Toronto deadline before the fall-back with EDT", () => {
    expect(formatInZone({ at: at("2025-10-30T03:00:00Z"), timeZone: "America/Toronto" })).toBe(
      "Wed Oct 29, 11:00 PM EDT",
    );
    expect(formatInZone({ at: at("2025-11-01T03:59:00Z"), timeZone: "America/Toronto" })).toBe(
      "Fri Oct 31, 11:59 PM EDT",
    );
  });

  it("shows EST for a Toronto deadline after the fall-back", () => {
    expect(formatInZone({ at: at("2025-11-08T04:59:00Z"), timeZone: "America/Toronto" })).toBe(
      "Fri Nov 7, 11:59 PM EST",
    );
  });

  it("distinguishes both passes of the repeated hour in New York", () => {
    expect(formatInZone({ at: at("2025-11-02T05:30:00Z"), timeZone: "America/New_York" })).toBe(
      "Sun Nov 2, 1:30 AM EDT",
    );
    expect(formatInZone({ at: at("2025-11-02T06:30:00Z"), timeZone: "America/New_York" })).toBe(
      "Sun Nov 2, 1:30 AM EST",
    );
  });

  it("shows CEST / CET in Brussels around 2025-10-26", () => {
    expect(formatInZone({ at: at("2025-10-25T21:59:00Z"), timeZone: "Europe/Brussels" })).toBe(
      "Sat Oct 25, 11:59 PM CEST",
    );
    expect(formatInZone({ at: at("2025-10-27T22:59:00Z"), timeZone: "Europe/Brussels" })).toBe(
      "Mon Oct 27, 11:59 PM CET",
    );
    expect(formatInZone({ at: at("2025-03-30T00:59:00Z"), timeZone: "Europe/Brussels" })).toBe(
      "Sun Mar 30, 1:59 AM CET",
    );
    expect(formatInZone({ at: at("2025-03-30T01:00:00Z"), timeZone: "Europe/Brussels" })).toBe(
      "Sun Mar 30, 3:00 AM CEST",
    );
  });

  it("uses SGT for Singapore (as people there write it, not ICU's GMT+8) and GMT/BST for London", () => {
    expect(formatInZone({ at: at("2025-07-01T15:59:00Z"), timeZone: "Asia/Singapore" })).toBe(
      "Tue Jul 1, 11:59 PM SGT",
    );
    expect(zoneAbbreviation({ at: at("2025-01-01T00:00:00Z"), timeZone: "Asia/Singapore" })).toBe("SGT");
    expect(formatInZone({ at: at("2025-01-15T12:00:00Z"), timeZone: "Europe/London" })).toBe(
      "Wed Jan 15, 12:00 PM GMT",
    );
    expect(formatInZone({ at: at("2025-07-15T12:00:00Z"), timeZone: "Europe/London" })).toBe("Tue Jul 15, 1:00 PM BST");
  });

  it("supports the other styles", () => {
    const deadline = at("2025-10-30T03:00:00Z");
    expect(formatInZone({ at: deadline, timeZone: "America/Toronto", style: "date" })).toBe("Wed Oct 29, 2025");
    expect(formatInZone({ at: deadline, timeZone: "America/Toronto", style: "time" })).toBe("11:00 PM EDT");
    expect(formatInZone({ at: deadline, timeZone: "America/Toronto", style: "dateShort" })).toBe("Oct 29");
  });
});

describe("local date/time and zone helpers", () => {
  it("reads the local calendar date and time", () => {
    expect(localDateOf({ at: at("2025-10-30T03:00:00Z"), timeZone: "America/Toronto" })).toBe("2025-10-29");
    expect(localTimeOf({ at: at("2025-10-30T03:00:00Z"), timeZone: "America/Toronto" })).toBe("23:00");
    expect(localDateOf({ at: at("2025-10-30T03:00:00Z"), timeZone: "Asia/Singapore" })).toBe("2025-10-30");
    expect(localTimeOf({ at: at("2025-10-30T03:00:00Z"), timeZone: "Asia/Singapore" })).toBe("11:00");
  });

  it("names the zone at the instant", () => {
    expect(zoneAbbreviation({ at: at("2025-03-09T06:59:00Z"), timeZone: "America/New_York" })).toBe("EST");
    expect(zoneAbbreviation({ at: at("2025-03-09T07:00:00Z"), timeZone: "America/New_York" })).toBe("EDT");
    expect(zoneAbbreviation({ at: at("2025-07-01T00:00:00Z"), timeZone: "Europe/Paris" })).toBe("CEST");
  });

  it("weekStart is the Monday on or before the date", () => {
    expect(weekStart({ date: "2025-10-29" })).toBe("2025-10-27"); // Wednesday
    expect(weekStart({ date: "2025-10-27" })).toBe("2025-10-27"); // Monday
    expect(weekStart({ date: "2025-11-02" })).toBe("2025-10-27"); // Sunday, fall-back day
    expect(weekStart({ date: "2026-01-01" })).toBe("2025-12-29");
  });

  it("addDays and daysBetween are plain calendar arithmetic", () => {
    expect(addDays({ date: "2025-03-08", days: 1 })).toBe("2025-03-09");
    expect(addDays({ date: "2024-02-28", days: 1 })).toBe("2024-02-29");
    expect(addDays({ date: "2025-01-01", days: -1 })).toBe("2024-12-31");
    expect(daysBetween({ from: "2025-03-01", to: "2025-04-01" })).toBe(31);
    expect(daysBetween({ from: "2025-04-01", to: "2025-03-01" })).toBe(-31);
    expect(() => addDays({ date: "2025-01-01", days: 0.5 })).toThrow(RangeError);
  });
});

describe("formatCountdown", () => {
  const from = at("2025-10-27T12:00:00Z");
  const plus = (ms: number) => new Date(from.getTime() + ms);
  it("phrases future and past distances", () => {
    expect(formatCountdown({ from, to: plus(2 * 24 * HOUR + 3 * HOUR + 59_000) })).toBe("in 2 days 3 hours");
    expect(formatCountdown({ from, to: plus(45 * 60_000 + 30_000) })).toBe("in 45 minutes");
    expect(formatCountdown({ from, to: plus(-3 * HOUR) })).toBe("3 hours ago");
    expect(formatCountdown({ from, to: plus(HOUR + 60_000) })).toBe("in 1 hour 1 minute");
    expect(formatCountdown({ from, to: plus(24 * HOUR) })).toBe("in 1 day");
    expect(formatCountdown({ from, to: plus(30_000) })).toBe("in less than a minute");
    expect(formatCountdown({ from, to: plus(-30_000) })).toBe("less than a minute ago");
  });
});

const MIN_MS = Date.UTC(2024, 0, 1);
const MAX_MS = Date.UTC(2027, 11, 31);

describe("time properties", () => {
  it("localToInstant inverts localDateOf/localTimeOf, picking the earliest matching instant", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: MIN_MS / 60_000, max: MAX_MS / 60_000 }),
        (timeZone, minute) => {
          const instant = new Date(minute * 60_000);
          const date = localDateOf({ at: instant, timeZone });
          const time = localTimeOf({ at: instant, timeZone });
          const resolved = localToInstant({ date, time, timeZone });
          expect(localDateOf({ at: resolved, timeZone })).toBe(date);
          expect(localTimeOf({ at: resolved, timeZone })).toBe(time);
          // Differs only in the repeated hour, and then toward the first occurrence.
          const gap = instant.getTime() - resolved.getTime();
          expect(gap >= 0 && gap <= HOUR).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("weekStart is a Monday within the 6 days before", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (offset) => {
        const date = addDays({ date: "2024-01-01", days: offset });
        const monday = weekStart({ date });
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        const back = daysBetween({ from: monday, to: date });
        expect(back >= 0 && back <= 6).toBe(true);
        expect(addDays({ date: addDays({ date, days: offset }), days: -offset })).toBe(date);
      }),
      { numRuns: 200 },
    );
  });
});

describe("dailyInstants", () => {
  it("steps a day at a time across a DST change: Toronto 23:59 around Nov 2, 2025", () => {
    const next = dailyInstants({ firstDay: "2025-10-31", time: "23:59", timeZone: "America/Toronto" });
    expect([next(), next(), next(), next()].map((ms) => new Date(ms).toISOString())).toEqual([
      "2025-11-01T03:59:00.000Z", // Fri 23:59 EDT
      "2025-11-02T03:59:00.000Z", // Sat 23:59 EDT
      "2025-11-03T04:59:00.000Z", // Sun 23:59 EST: 25 real hours later
      "2025-11-04T04:59:00.000Z",
    ]);
  });

  it("agrees with localToInstant on every day, gaps and repeated hours included (property)", () => {
    const times = ["00:00", "00:30", "01:30", "02:00", "02:30", "03:00", "07:00", "22:00", "23:59"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.constantFrom(...times),
        fc.integer({ min: 1, max: 400 }),
        (timeZone, startMs, time, days) => {
          const firstDay = localDateOf({ at: new Date(startMs), timeZone });
          const next = dailyInstants({ firstDay, time, timeZone });
          for (let d = 0; d < days; d++) {
            expect(next()).toBe(
              localToInstant({ date: addDays({ date: firstDay, days: d }), time, timeZone }).getTime(),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
