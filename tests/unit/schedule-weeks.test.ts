import { describe, expect, it } from "vitest";
import {
  assignmentAnchor,
  buildScheduleWeeks,
  currentWeekKey,
  entryTags,
  groupBySprint,
  parseScheduleFilter,
  weekAnchor,
  weekRangeLabel,
  type WeekEntry,
} from "@/lib/domain/schedule-weeks";
import { localToInstant } from "@/lib/domain/time";

const TORONTO = "America/Toronto";
const entry = (date: string, extra: Partial<WeekEntry> = {}): WeekEntry & { id: string } => ({
  id: `${date}-${extra.title ?? "lecture"}`,
  date,
  position: 0,
  weekNumber: null,
  kind: "LECTURE",
  sprintLabel: null,
  title: "Lecture",
  speakerCount: 0,
  sortAt: localToInstant({ date, time: "18:00", timeZone: TORONTO }),
  ...extra,
});
const due = (iso: string, code = "A1") => ({ at: new Date(iso), kind: "due" as const, code });

describe("buildScheduleWeeks", () => {
  it("covers the term Monday to Sunday without gaps and keeps the course's week numbers", () => {
    const weeks = buildScheduleWeeks({
      entries: [entry("2025-09-03", { weekNumber: 1 }), entry("2025-09-17", { weekNumber: 3 })],
      events: [],
      firstDay: "2025-09-03",
      lastDay: "2025-09-17",
      timeZone: TORONTO,
    });
    expect(weeks.map((w) => [w.key, w.label])).toEqual([
      ["2025-09-01", "Week 1"],
      ["2025-09-08", "Week 2"], // a week with nothing stated counts by its place in the term
      ["2025-09-15", "Week 3"],
    ]);
    expect(weeks[1]!.items).toEqual([]);
    expect(weeks[0]!.anchor).toBe("week-2025-09-01");
    expect(weeks[0]!.end).toBe("2025-09-07");
  });

  it("keeps every other week's number when one entry states a week number (a guest lecture in week 13)", () => {
    const term = ["2026-02-04", "2026-02-11", "2026-02-18", "2026-02-25"].map((d) => entry(d));
    const input = { events: [], firstDay: "2026-02-04", lastDay: "2026-02-25", timeZone: "Europe/Brussels" };
    const before = buildScheduleWeeks({ ...input, entries: term });
    const guest = entry("2026-02-19", { title: "Guest lecture", weekNumber: 13 });
    const after = buildScheduleWeeks({ ...input, entries: [...term, guest] });
    expect(before.map((w) => w.label)).toEqual(["Week 1", "Week 2", "Week 3", "Week 4"]);
    expect(after.map((w) => w.label)).toEqual(["Week 1", "Week 2", "Week 13", "Week 4"]);
  });

  it("names a holiday week after its entry and leaves it out of the count", () => {
    const weeks = buildScheduleWeeks({
      entries: [
        entry("2026-04-13"),
        entry("2026-04-20", { kind: "NO_CLASS", title: "Easter holidays" }),
        entry("2026-04-27"),
      ],
      events: [],
      firstDay: null,
      lastDay: null,
      timeZone: "Europe/Brussels",
    });
    expect(weeks.map((w) => [w.label, w.number])).toEqual([
      ["Week 1", 1],
      ["Easter holidays", null],
      ["Week 2", 2],
    ]);
  });

  it("numbers weeks by position when the course gives no numbers", () => {
    const weeks = buildScheduleWeeks({
      entries: [entry("2025-01-23"), entry("2025-02-04")],
      events: [],
      firstDay: "2025-01-23",
      lastDay: "2025-02-06",
      timeZone: "America/New_York",
    });
    expect(weeks.map((w) => w.label)).toEqual(["Week 1", "Week 2", "Week 3"]);
  });

  it("marks a week whose only sessions are no-class entries, labelled by the entry when unnumbered", () => {
    const weeks = buildScheduleWeeks({
      entries: [
        entry("2025-10-22", { weekNumber: 8 }),
        entry("2025-10-29", { weekNumber: 9, kind: "NO_CLASS", title: "Reading week" }),
        entry("2025-11-05", { kind: "NO_CLASS", title: "Recess week" }),
      ],
      events: [],
      firstDay: null,
      lastDay: null,
      timeZone: TORONTO,
    });
    expect(weeks.map((w) => [w.label, w.noClass])).toEqual([
      ["Week 8", null],
      ["Week 9", "Reading week"],
      ["Recess week", "Recess week"],
    ]);
  });

  it("places deadlines in the week of their LOCAL date, and outside the term into before/after", () => {
    const weeks = buildScheduleWeeks({
      entries: [entry("2025-10-29", { weekNumber: 9 })],
      // 23:59 Sunday Nov 2 in Toronto is Monday 04:59 UTC: it stays in the Oct 27 week.
      events: [
        due("2025-11-03T04:59:00Z", "A3"),
        due("2025-12-02T23:00:00Z", "PROJECT"),
        due("2025-10-01T03:00:00Z", "A0"),
      ],
      firstDay: "2025-10-27",
      lastDay: "2025-11-02",
      timeZone: TORONTO,
    });
    expect(weeks.map((w) => [w.key, w.items.map((i) => (i.type === "event" ? i.event.code : i.type))])).toEqual([
      ["before", ["A0"]],
      ["2025-10-27", ["entry", "A3"]],
      ["after", ["PROJECT"]],
    ]);
    expect(weeks[0]!.label).toBe("Before classes");
    expect(weeks[2]!.label).toBe("After classes");
  });

  it("orders a week's items by time, sessions before releases before deadlines at the same instant", () => {
    const at = localToInstant({ date: "2025-09-03", time: "18:00", timeZone: TORONTO });
    const weeks = buildScheduleWeeks({
      entries: [entry("2025-09-03")],
      events: [
        { at, kind: "due", code: "D" },
        { at, kind: "release", code: "R" },
        { at: new Date(at.getTime() - 3_600_000), kind: "release", code: "EARLY" },
      ],
      firstDay: null,
      lastDay: null,
      timeZone: TORONTO,
    });
    expect(weeks[0]!.items.map((i) => (i.type === "event" ? i.event.code : "entry"))).toEqual([
      "EARLY",
      "entry",
      "R",
      "D",
    ]);
  });

  it("uses the deadlines themselves for the span when a course has no dates and no sessions", () => {
    const weeks = buildScheduleWeeks({
      entries: [],
      events: [due("2025-09-11T03:59:00Z", "MP1"), due("2025-09-25T03:59:00Z", "MP2")],
      firstDay: null,
      lastDay: null,
      timeZone: "America/New_York",
    });
    expect(weeks.map((w) => w.key)).toEqual(["2025-09-08", "2025-09-15", "2025-09-22"]);
  });

  it("tags weeks and items for the filters", () => {
    expect(entryTags({ kind: "LECTURE", speakerCount: 0 })).toEqual(["lectures"]);
    expect(entryTags({ kind: "LECTURE", speakerCount: 2 })).toEqual(["lectures", "guests"]);
    expect(entryTags({ kind: "MILESTONE", speakerCount: 0 })).toEqual(["lectures", "deadlines"]);
    expect(entryTags({ kind: "NO_CLASS", speakerCount: 1 })).toEqual(["lectures"]);
    const [week] = buildScheduleWeeks({
      entries: [entry("2025-10-08", { speakerCount: 1 })],
      events: [due("2025-10-09T03:00:00Z")],
      firstDay: null,
      lastDay: null,
      timeZone: TORONTO,
    });
    expect(week!.tags).toEqual(["lectures", "deadlines", "guests"]);
  });
});

describe("current week", () => {
  const weeks = buildScheduleWeeks({
    entries: [entry("2025-09-03"), entry("2025-11-26")],
    events: [],
    firstDay: null,
    lastDay: null,
    timeZone: TORONTO,
  });

  it("is the week containing now in the course's zone", () => {
    // Monday 02:00 UTC is still Sunday evening in Toronto: the previous week.
    expect(currentWeekKey({ weeks, now: new Date("2025-10-13T02:00:00Z"), timeZone: TORONTO })).toBe("2025-10-06");
    expect(currentWeekKey({ weeks, now: new Date("2025-10-13T12:00:00Z"), timeZone: TORONTO })).toBe("2025-10-13");
  });

  it("is null before and after the term (the page then opens at the top)", () => {
    expect(currentWeekKey({ weeks, now: new Date("2026-11-27T09:00:00Z"), timeZone: TORONTO })).toBeNull();
    expect(currentWeekKey({ weeks, now: new Date("2025-08-01T09:00:00Z"), timeZone: TORONTO })).toBeNull();
  });
});

describe("sprints, anchors and labels", () => {
  it("groups consecutive weeks of one sprint; weeks without a sprint stand alone", () => {
    const groups = groupBySprint([
      { sprint: "Sprint 1" },
      { sprint: "Sprint 1" },
      { sprint: null },
      { sprint: null },
      { sprint: "Sprint 2" },
    ]);
    expect(groups.map((g) => [g.sprint, g.weeks.length])).toEqual([
      ["Sprint 1", 2],
      [null, 1],
      [null, 1],
      ["Sprint 2", 1],
    ]);
  });

  it("makes stable anchors and readable ranges", () => {
    expect(weekAnchor({ date: "2025-10-08" })).toBe("week-2025-10-06");
    expect(assignmentAnchor({ code: "A3" })).toBe("as-a3");
    expect(assignmentAnchor({ code: "Final Report" })).toBe("as-final-report");
    expect(weekRangeLabel({ start: "2025-09-01", end: "2025-09-07" })).toBe("Sep 1 – 7");
    expect(weekRangeLabel({ start: "2025-09-29", end: "2025-10-05" })).toBe("Sep 29 – Oct 5");
  });

  it("accepts only known filters from the URL", () => {
    expect(parseScheduleFilter("deadlines")).toBe("deadlines");
    expect(parseScheduleFilter(["guests", "x"])).toBe("guests");
    expect(parseScheduleFilter("<script>")).toBeNull();
    expect(parseScheduleFilter(undefined)).toBeNull();
  });
});
