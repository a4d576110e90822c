import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { formatInZone, localToInstant } from "@/lib/domain/time";
import { dueDateHistory } from "@/lib/domain/effective-due";
import { LocalTime } from "@/components/ui/local-time";
import { DueHistory } from "@/components/course/due-history";
import { Countdown } from "@/components/course/countdown";
import { weightText } from "@/components/course/assignments-list";

// Toronto leaves DST on Sun Nov 2, 2025 (EDT → EST); Brussels on Sun Oct 26, 2025 (CEST → CET).
const TORONTO = "America/Toronto";
const BRUSSELS = "Europe/Brussels";

describe("deadlines shown across the end of DST", () => {
  it("Toronto: the same 11 PM reads EDT before the change and EST after it", () => {
    const friday = localToInstant({ date: "2025-10-31", time: "23:00", timeZone: TORONTO });
    const monday = localToInstant({ date: "2025-11-03", time: "23:00", timeZone: TORONTO });
    expect(friday.toISOString()).toBe("2025-11-01T03:00:00.000Z");
    expect(monday.toISOString()).toBe("2025-11-04T04:00:00.000Z"); // one hour later in UTC terms
    expect(formatInZone({ at: friday, timeZone: TORONTO })).toBe("Fri Oct 31, 11:00 PM EDT");
    expect(formatInZone({ at: monday, timeZone: TORONTO })).toBe("Mon Nov 3, 11:00 PM EST");
    // The changeover night itself: 01:30 happens twice; the first (EDT) is the one we mean.
    const ambiguous = localToInstant({ date: "2025-11-02", time: "01:30", timeZone: TORONTO });
    expect(formatInZone({ at: ambiguous, timeZone: TORONTO })).toBe("Sun Nov 2, 1:30 AM EDT");
  });

  it("Brussels: CEST before Oct 26, CET after, never GMT+1", () => {
    const friday = localToInstant({ date: "2025-10-24", time: "23:59", timeZone: BRUSSELS });
    const monday = localToInstant({ date: "2025-10-27", time: "23:59", timeZone: BRUSSELS });
    expect(friday.toISOString()).toBe("2025-10-24T21:59:00.000Z");
    expect(monday.toISOString()).toBe("2025-10-27T22:59:00.000Z");
    expect(formatInZone({ at: friday, timeZone: BRUSSELS })).toBe("Fri Oct 24, 11:59 PM CEST");
    expect(formatInZone({ at: monday, timeZone: BRUSSELS })).toBe("Mon Oct 27, 11:59 PM CET");
    expect(formatInZone({ at: monday, timeZone: BRUSSELS, style: "time" })).toBe("11:59 PM CET");
  });

  it("<LocalTime> server-renders the course-zone text with a machine-readable instant (viewer time comes only in the browser)", () => {
    const at = localToInstant({ date: "2025-11-03", time: "23:59", timeZone: TORONTO });
    const html = renderToStaticMarkup(createElement(LocalTime, { at, timeZone: TORONTO }));
    expect(html).toBe(`<span><time dateTime="2025-11-04T04:59:00.000Z">Mon Nov 3, 11:59 PM EST</time></span>`);
  });

  it("a due-date history crossing the change strikes through the old dates, each with its own zone name", () => {
    const original = localToInstant({ date: "2025-10-24", time: "23:59", timeZone: BRUSSELS });
    const extended = localToInstant({ date: "2025-10-27", time: "23:59", timeZone: BRUSSELS });
    const history = dueDateHistory({
      originalDueAt: original,
      studentId: null,
      extensions: [
        {
          id: "g1",
          studentId: null,
          action: "GRANT",
          dueAt: extended,
          revokesId: null,
          createdAt: new Date("2025-10-23T10:00:00Z"),
          reason: "Server outage",
        },
      ],
    });
    const html = renderToStaticMarkup(createElement(DueHistory, { history, timeZone: BRUSSELS }));
    expect(html).toMatch(/<del[^>]*>.*Fri Oct 24, 11:59 PM CEST.*<\/del>/);
    expect(html).toContain(
      '<strong><span><time dateTime="2025-10-27T22:59:00.000Z">Mon Oct 27, 11:59 PM CET</time></span></strong>',
    );
    expect(html).toContain(
      'posted <span><time dateTime="2025-10-23T10:00:00.000Z">Thu Oct 23, 12:00 PM CEST</time></span>',
    );
    expect(html).toContain("Server outage");
    expect(html.match(/<del/g)).toHaveLength(1);
  });
});

describe("countdown", () => {
  it("renders from the server's now, so the browser's first render is identical (no hydration mismatch)", () => {
    const props = { dueIso: "2025-11-01T03:00:00.000Z", serverNowIso: "2025-10-29T00:30:00.000Z" };
    const first = renderToStaticMarkup(createElement(Countdown, props));
    const second = renderToStaticMarkup(createElement(Countdown, props));
    expect(first).toBe(second);
    expect(first).toContain("due in 3 days 2 hours");
  });

  it("says closed once the deadline has passed", () => {
    const html = renderToStaticMarkup(
      createElement(Countdown, { dueIso: "2025-11-01T03:00:00.000Z", serverNowIso: "2025-11-01T05:10:00.000Z" }),
    );
    expect(html).toContain("closed 2 hours 10 minutes ago");
  });
});

describe("weight text", () => {
  it("states the category weight and the item's part of it", () => {
    expect(
      weightText({
        category: "Assignments",
        categoryPercent: 60,
        shareOfCategory: 1 / 6,
        percentOfGrade: 10,
        itemsInCategory: 6,
        equalShare: true,
        dropLowest: 0,
        track: null,
      }),
    ).toBe("Assignments: 60% of the final grade · this item 1 of 6 equal parts (10% of the grade)");
    expect(
      weightText({
        category: "Course project",
        categoryPercent: 60,
        shareOfCategory: 0.1,
        percentOfGrade: 6,
        itemsInCategory: 4,
        equalShare: false,
        dropLowest: 0,
        track: "Project",
      }),
    ).toBe(
      "Course project: 60% of the final grade · this item 10% of the category (6% of the grade) · counts on the Project track only",
    );
    expect(weightText(null)).toBe("Not part of the final grade");
  });
});
