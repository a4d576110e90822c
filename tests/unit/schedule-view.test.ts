import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ScheduleView, filterTags } from "@/components/course/schedule-view";
import { buildScheduleWeeks, currentWeekKey } from "@/lib/domain/schedule-weeks";
import { formatInZone, localToInstant } from "@/lib/domain/time";
import type { CourseSchedule, ScheduleEntryDto, ScheduleEventDto } from "@/lib/server/course/schedule";

const zone = "America/Toronto";
const lecture = (date: string, title: string, extra: Partial<ScheduleEntryDto> = {}): ScheduleEntryDto => {
  const startsAt = localToInstant({ date, time: "18:00", timeZone: zone });
  const endsAt = localToInstant({ date, time: "21:00", timeZone: zone });
  return {
    id: `e-${date}`,
    date,
    position: 0,
    weekNumber: null,
    kind: "LECTURE",
    sprintLabel: null,
    title,
    topics: [],
    startsAt,
    endsAt,
    location: "DSCIL",
    readings: [],
    speakers: [],
    materials: { slides: null, notes: null, recording: null, quiz: null },
    note: null,
    speakerCount: 0,
    sortAt: startsAt,
    labels: {
      day: formatInZone({ at: startsAt, timeZone: zone, style: "date" }),
      start: formatInZone({ at: startsAt, timeZone: zone }),
      end: formatInZone({ at: endsAt, timeZone: zone, style: "time" }),
    },
    ...extra,
  };
};

function schedule(): CourseSchedule {
  const entries = [
    lecture("2025-10-01", "Serving 1", {
      weekNumber: 5,
      readings: [
        { title: "TGI blogpost", url: null },
        { title: "Recsys design", url: "https://eugeneyan.com/writing/system-design-for-discovery/" },
      ],
      materials: { slides: "https://example.org/s.pdf", notes: null, recording: null, quiz: "https://example.org/q" },
    }),
    lecture("2025-10-08", "Serving 2", {
      weekNumber: 6,
      speakers: [{ id: "k", name: "Kyle Kranen", affiliation: "NVIDIA", url: "https://example.org/kyle" }],
      speakerCount: 1,
    }),
    {
      ...lecture("2025-10-29", "Reading week", { weekNumber: 9, kind: "NO_CLASS", note: "No Class/Tutorial" }),
      startsAt: null,
      endsAt: null,
      labels: { day: "Wed Oct 29, 2025", start: null, end: null },
    },
  ];
  const events: ScheduleEventDto[] = [
    {
      kind: "due",
      at: new Date("2025-11-01T03:00:00Z"),
      assignmentId: "a3",
      code: "A3",
      title: "Assignment 3",
      extended: true,
      originalDueAt: new Date("2025-10-16T03:00:00Z"),
      atLabel: "Fri Oct 31, 11:00 PM EDT",
    },
  ];
  return {
    course: { id: "c", slug: "csc490", code: "CSC 490", title: "ML Engineering Capstone", timeZone: zone },
    firstDay: "2025-10-01",
    lastDay: "2025-10-29",
    weeks: buildScheduleWeeks({ entries, events, firstDay: "2025-10-01", lastDay: "2025-10-29", timeZone: zone }),
    hasSprints: false,
  };
}

describe("<ScheduleView>", () => {
  const data = schedule();
  const now = new Date("2025-10-08T15:00:00Z"); // Wednesday of week 6
  const current = currentWeekKey({ weeks: data.weeks, now, timeZone: zone });
  const html = renderToStaticMarkup(
    createElement(ScheduleView, { schedule: data, filter: "guests", currentWeek: current }),
  );

  it("marks this week and points the page at it", () => {
    expect(current).toBe("2025-10-06");
    expect(html).toMatch(/<section id="week-2025-10-06" aria-labelledby="week-2025-10-06-h" aria-current="date"/);
    expect(html).toContain(">This week<");
    expect(html).toContain('href="#week-2025-10-06"');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it("renders the filter from the URL on the server (no flash, nothing to re-render on hydration)", () => {
    expect(html).toContain('data-show="guests"');
    expect(html).toContain(`name="schedule-show" checked="" value="guests"`);
    // Each week and item lists the filters it shows under; the CSS hides the rest.
    expect(html).toMatch(/id="week-2025-09-29"[^>]*data-tags="lectures"/); // no guest in week 5
    expect(html).toMatch(/id="week-2025-10-06"[^>]*data-tags="lectures guests"/);
    expect(html).toMatch(/id="week-2025-10-27"[^>]*data-no-class=""[^>]*data-tags="lectures deadlines"/);
    expect(html).toMatch(/<li data-tags="deadlines"[^>]*data-event-kind="due"/);
    expect(filterTags(["lectures", "guests"])).toBe("lectures guests");
  });

  it("shows readings as links only when they have a URL, speakers with affiliation and link, and materials", () => {
    expect(html).toContain("<li>TGI blogpost</li>");
    expect(html).toContain('<a href="https://eugeneyan.com/writing/system-design-for-discovery/">Recsys design</a>');
    expect(html).toContain('<a href="https://example.org/kyle">Kyle Kranen</a>');
    expect(html).toContain("(NVIDIA)");
    expect(html).toContain('href="https://example.org/s.pdf">Slides');
    expect(html).toContain('href="https://example.org/q">Post-lecture quiz');
  });

  it("marks the no-class week and shows the deadline there at its effective time", () => {
    expect(html).toContain("No class: Reading week");
    expect(html).toContain("Fri Oct 31, 11:00 PM EDT");
    expect(html).toContain('href="/courses/csc490/assignments#as-a3"');
    expect(html).toContain(">Extended<");
  });

  it("has no current week (and so no jump link) for a past course", () => {
    const past = renderToStaticMarkup(createElement(ScheduleView, { schedule: data, filter: null, currentWeek: null }));
    expect(past).not.toContain("aria-current");
    expect(past).not.toContain("Jump to this week");
    expect(past).toContain('data-show="all"');
  });
});
