import { describe, expect, it } from "vitest";
import ical, { type VEvent } from "node-ical";
import {
  classMeetings,
  isoWeekday,
  type MeetingEntryInput,
  type MeetingSectionInput,
} from "@/lib/domain/class-meetings";
import { formatUtcOffset, vtimezone, zoneTransitions } from "@/lib/domain/vtimezone";
import { assignmentWeights, formatPercent } from "@/lib/domain/assignment-weight";
import { atomFeed, escapeXml } from "@/lib/domain/atom";

const wednesday: MeetingSectionInput = {
  code: "LEC0101",
  kind: "LECTURE",
  weekdays: [3],
  startTime: "18:00",
  endTime: "21:00",
  location: "DSCIL",
};
const entry = (date: string, extra: Partial<MeetingEntryInput> = {}): MeetingEntryInput => ({
  id: `e-${date}-${extra.title ?? "x"}`,
  date,
  position: 0,
  startTime: null,
  endTime: null,
  location: null,
  kind: "LECTURE",
  title: "Lecture",
  ...extra,
});

describe("classMeetings", () => {
  it("meets on every section weekday of the term, skipping a no-class week, at local times across DST", () => {
    const meetings = classMeetings({
      courseKey: "csc490",
      sections: [wednesday],
      entries: [
        entry("2025-10-22", { title: "Week 8" }),
        entry("2025-10-29", { kind: "NO_CLASS", title: "Reading week" }),
      ],
      firstDay: "2025-10-22",
      lastDay: "2025-11-05",
      timeZone: "America/Toronto",
    });
    expect(meetings.map((m) => [m.uid, m.start.toISOString(), m.end?.toISOString(), m.entryIds.length])).toEqual([
      ["csc490-lec0101-2025-10-22", "2025-10-22T22:00:00.000Z", "2025-10-23T01:00:00.000Z", 1], // EDT
      ["csc490-lec0101-2025-11-05", "2025-11-05T23:00:00.000Z", "2025-11-06T02:00:00.000Z", 0], // EST
    ]);
  });

  it("cancels only the date of a one-day holiday in a week with other classes", () => {
    const tueThu: MeetingSectionInput = {
      ...wednesday,
      code: "S01",
      weekdays: [2, 4],
      startTime: "09:00",
      endTime: "10:20",
    };
    const meetings = classMeetings({
      courseKey: "brown",
      sections: [tueThu],
      entries: [entry("2025-02-18", { kind: "NO_CLASS", title: "Long weekend" }), entry("2025-02-20")],
      firstDay: "2025-02-17",
      lastDay: "2025-02-23",
      timeZone: "America/New_York",
    });
    expect(meetings.map((m) => m.date)).toEqual(["2025-02-20"]);
  });

  it("gives timed entries and entries off the section days events of their own", () => {
    const meetings = classMeetings({
      courseKey: "c",
      sections: [wednesday],
      entries: [
        entry("2025-02-04", { startTime: "18:00", endTime: "18:00", kind: "MILESTONE", title: "Check-in due" }),
        entry("2025-02-06", { title: "Extra Thursday" }),
      ],
      firstDay: "2025-02-03",
      lastDay: "2025-02-09",
      timeZone: "America/New_York",
    });
    const milestone = meetings.find((m) => m.entryIds[0]?.includes("Check-in"))!;
    expect(milestone.start.toISOString()).toBe("2025-02-04T23:00:00.000Z");
    expect(milestone.end).toBeNull(); // zero-length: DTSTART only
    const thursday = meetings.find((m) => m.entryIds[0]?.includes("Extra"))!;
    expect(thursday.start.toISOString()).toBe("2025-02-06T23:00:00.000Z"); // the lecture section's hours
    expect(thursday.uid).toMatch(/^c-entry-/);
  });

  it("knows ISO weekdays", () => {
    expect(isoWeekday({ date: "2025-10-29" })).toBe(3);
    expect(isoWeekday({ date: "2025-11-02" })).toBe(7);
  });
});

describe("vtimezone", () => {
  it("lists Toronto's 2025 changes at the local wall-clock time they happen", () => {
    const t = zoneTransitions({
      timeZone: "America/Toronto",
      from: new Date("2025-01-01T00:00:00Z"),
      to: new Date("2025-12-31T00:00:00Z"),
    });
    expect(t.map((x) => [x.at.toISOString(), x.from, x.to])).toEqual([
      ["2025-03-09T07:00:00.000Z", -300, -240],
      ["2025-11-02T06:00:00.000Z", -240, -300],
    ]);
    const text = vtimezone({
      timeZone: "America/Toronto",
      from: new Date("2025-01-01T00:00:00Z"),
      to: new Date("2025-12-31T00:00:00Z"),
    });
    expect(text).toContain(
      "BEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT",
    );
    expect(text).toContain(
      "BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD",
    );
  });

  it("gives Brussels CET/CEST and Singapore a single fixed observance", () => {
    const brussels = vtimezone({
      timeZone: "Europe/Brussels",
      from: new Date("2025-06-01T00:00:00Z"),
      to: new Date("2025-12-01T00:00:00Z"),
    });
    expect(brussels).toContain("DTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET");
    const singapore = vtimezone({
      timeZone: "Asia/Singapore",
      from: new Date("2024-08-01T00:00:00Z"),
      to: new Date("2024-12-01T00:00:00Z"),
    });
    expect(singapore.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(singapore).toContain("TZOFFSETTO:+0800");
    expect(formatUtcOffset(-270)).toBe("-0430");
  });

  it("is read back by node-ical: a local TZID time in the fall-back week resolves to the right instant", () => {
    const zone = vtimezone({
      timeZone: "America/Toronto",
      from: new Date("2025-10-01T00:00:00Z"),
      to: new Date("2025-12-01T00:00:00Z"),
    });
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      zone,
      "BEGIN:VEVENT",
      "UID:x@test",
      "DTSTAMP:20251001T000000Z",
      "DTSTART;TZID=America/Toronto:20251103T235900",
      "SUMMARY:due",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const event = Object.values(ical.sync.parseICS(ics)).find((c): c is VEvent => c?.type === "VEVENT")!;
    expect(event.start.toISOString()).toBe("2025-11-04T04:59:00.000Z");
  });
});

describe("assignment weights", () => {
  it("reads item weights as shares within the category, null as an ordinary item", () => {
    const w = assignmentWeights({
      categories: [
        { id: "proj", name: "Course Projects", weight: 65, dropLowest: 0, track: null },
        { id: "plq", name: "Post Lecture Quizzes", weight: 10, dropLowest: 5, track: null },
      ],
      items: [
        { id: "p1", categoryId: "proj", weight: 18 },
        { id: "p4", categoryId: "proj", weight: 11 },
        { id: "p2", categoryId: "proj", weight: 18 },
        { id: "p3", categoryId: "proj", weight: 18 },
        { id: "q1", categoryId: "plq", weight: null },
        { id: "q2", categoryId: "plq", weight: null },
        { id: "x", categoryId: null, weight: null },
      ],
    });
    expect(w.get("p1")!.percentOfGrade).toBeCloseTo(18);
    expect(w.get("p4")!.percentOfGrade).toBeCloseTo(11);
    expect(w.get("p4")!.equalShare).toBe(false);
    expect(w.get("q1")).toMatchObject({ shareOfCategory: 0.5, percentOfGrade: 5, equalShare: true, dropLowest: 5 });
    expect(w.has("x")).toBe(false);
    expect(formatPercent(10)).toBe("10%");
    expect(formatPercent(100 / 6)).toBe("16.67%");
  });
});

describe("atom feed", () => {
  it("escapes text and carries HTML content escaped", () => {
    const xml = atomFeed({
      id: "http://x/a",
      title: "CSC 490 <announcements> & more",
      selfUrl: "http://x/a/feed.xml",
      pageUrl: "http://x/a",
      updated: new Date("2025-10-28T00:05:00Z"),
      entries: [
        {
          id: "http://x/a/1",
          title: 'A3 "extension"',
          link: "http://x/a/1",
          published: new Date("2025-10-14T00:00:00Z"),
          updated: new Date("2025-10-14T00:00:00Z"),
          author: null,
          html: "<p>Hi & bye</p>",
        },
      ],
    });
    expect(xml).toContain("<title>CSC 490 &lt;announcements&gt; &amp; more</title>");
    expect(xml).toContain('<content type="html">&lt;p&gt;Hi &amp; bye&lt;/p&gt;</content>');
    expect(xml).toContain("<author><name>CSC 490 &lt;announcements&gt; &amp; more</name></author>");
    expect(escapeXml("a\u0001b")).toBe("ab");
  });
});
