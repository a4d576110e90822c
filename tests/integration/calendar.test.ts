import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ical, { type VEvent } from "node-ical";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { seedDatabase } from "@/lib/server/platform/seed";
import { getCourseCalendar } from "@/lib/server/course/calendar";
import { invalidateCourse } from "@/lib/server/platform/cache";

const ORIGIN = "http://lectern.test";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
});
afterAll(async () => {
  await t?.drop();
});

async function feed(slug: string) {
  const { ics } = await getCourseCalendar({ db: t.db, slug, origin: ORIGIN });
  const parsed = ical.sync.parseICS(ics);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === "VEVENT");
  return { ics, parsed, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

describe("course calendar feed (RFC 5545)", () => {
  it("is a well-formed VCALENDAR with the course zone's VTIMEZONE and TZID-qualified times", async () => {
    const { ics, parsed } = await feed("csc490");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    expect(ics).toContain("VERSION:2.0");
    expect(ics).toMatch(/PRODID:-\/\/Lectern\/\/Course calendar\/\/EN/);
    // Every line is CRLF-terminated and folded at 75 octets.
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/[^\r]\n/);

    const zones = Object.values(parsed).filter((c) => c?.type === "VTIMEZONE");
    expect(zones).toHaveLength(1);
    expect(ics).toContain("TZID:America/Toronto");
    expect(ics).toMatch(
      /BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST/,
    );
    expect(ics).toContain("DTSTART;TZID=America/Toronto:20251008T180000");
    expect(ics).toContain("X-WR-TIMEZONE:America/Toronto");
    // DTSTAMP (and LAST-MODIFIED) must be UTC date-times.
    expect(ics.match(/^DTSTAMP:.*$/gm)!.every((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    expect(ics.match(/^LAST-MODIFIED:.*$/gm)!.every((l) => /^LAST-MODIFIED:\d{8}T\d{6}Z$/.test(l))).toBe(true);
  });

  it("has one lecture per Wednesday of term except reading week, at 6–9 PM Toronto time across DST", async () => {
    const { events, byUid } = await feed("csc490");
    const lectures = events.filter((e) => String(e.uid).startsWith("csc490-csc490h1-f-lec5101-"));
    expect(lectures).toHaveLength(12); // Sep 3 … Nov 26 is 13 Wednesdays; Oct 29 is reading week
    expect(byUid.has("csc490-csc490h1-f-lec5101-2025-10-29@lectern.test")).toBe(false);

    const week6 = byUid.get("csc490-csc490h1-f-lec5101-2025-10-08@lectern.test")!;
    expect(week6.summary).toContain("Speculative decoding & KV caching");
    expect(String(week6.description)).toContain("Kyle Kranen");
    expect(week6.location).toBe("DSCIL");
    expect(week6.start.toISOString()).toBe("2025-10-08T22:00:00.000Z"); // 18:00 EDT
    expect(week6.end!.toISOString()).toBe("2025-10-09T01:00:00.000Z");
    expect((week6.start as Date & { tz?: string }).tz).toBe("America/Toronto");

    const afterDst = byUid.get("csc490-csc490h1-f-lec5101-2025-11-05@lectern.test")!;
    expect(afterDst.start.toISOString()).toBe("2025-11-05T23:00:00.000Z"); // 18:00 EST
  });

  it("holds deadlines at their effective course-wide time with stable UIDs and a growing SEQUENCE", async () => {
    const { events, byUid } = await feed("csc490");
    const deadlines = events.filter((e) => String(e.uid).includes("-deadline-"));
    expect(deadlines.map((e) => e.uid).sort()).toEqual(
      ["a1", "a2", "a3", "a4", "a5", "a6", "project"].map((c) => `csc490-deadline-${c}@lectern.test`),
    );
    const a3 = byUid.get("csc490-deadline-a3@lectern.test")!;
    expect(a3.start.toISOString()).toBe("2025-11-01T03:00:00.000Z"); // Fri Oct 31, 11:00 PM EDT
    expect(Number(a3.sequence)).toBe(3);
    expect(String(a3.description)).toContain("Wed Oct 15, 11:00 PM EDT");
    const a1 = byUid.get("csc490-deadline-a1@lectern.test")!;
    expect(Number(a1.sequence)).toBe(0);
  });

  it("shows a new course-wide extension once the course cache is invalidated", async () => {
    const course = await t.db.course.findUniqueOrThrow({ where: { slug: "csc490" }, select: { id: true } });
    const a3 = await t.db.assignment.findFirstOrThrow({
      where: { courseId: course.id, code: "A3" },
      select: { id: true },
    });
    await feed("csc490"); // warm the cache
    const newDue = new Date("2025-11-04T04:59:00Z"); // Mon Nov 3, 11:59 PM EST — after DST ended
    await t.db.extension.create({
      data: {
        courseId: course.id,
        assignmentId: a3.id,
        studentId: null,
        action: "GRANT",
        dueAt: newDue,
        reason: "Integration test",
        createdAt: new Date("2025-10-30T12:00:00Z"),
      },
    });
    // A per-student extension must never reach the public feed.
    const student = await t.db.membership.findFirstOrThrow({
      where: { courseId: course.id, role: "STUDENT" },
      select: { userId: true },
    });
    await t.db.extension.create({
      data: {
        courseId: course.id,
        assignmentId: a3.id,
        studentId: student.userId,
        action: "GRANT",
        dueAt: new Date("2025-12-20T04:59:00Z"),
        reason: "private",
        createdAt: new Date("2025-10-31T12:00:00Z"),
      },
    });
    await invalidateCourse(course.id);

    const { ics, byUid } = await feed("csc490");
    const event = byUid.get("csc490-deadline-a3@lectern.test")!;
    expect(event.start.toISOString()).toBe(newDue.toISOString());
    expect(ics).toContain("DTSTART;TZID=America/Toronto:20251103T235900");
    expect(Number(event.sequence)).toBe(4);
    expect(ics).not.toContain("20251219T235900");
  });

  it("uses each course's own zone: Brussels for INFO9023, with holidays skipped", async () => {
    const { ics, events, byUid } = await feed("info9023");
    expect(ics).toContain("TZID:Europe/Brussels");
    expect(ics).toMatch(/TZNAME:CEST/);
    const lectures = events.filter((e) => String(e.uid).startsWith("info9023-info9023-lec-"));
    // Mondays Feb 2 … May 11 are 15; Apr 20 and Apr 27 are holidays.
    expect(lectures).toHaveLength(13);
    expect(byUid.has("info9023-info9023-lec-2026-04-20@lectern.test")).toBe(false);
    // 14:00 CET before the Mar 29 change, 14:00 CEST after it.
    expect(byUid.get("info9023-info9023-lec-2026-03-23@lectern.test")!.start.toISOString()).toBe(
      "2026-03-23T13:00:00.000Z",
    );
    expect(byUid.get("info9023-info9023-lec-2026-03-30@lectern.test")!.start.toISOString()).toBe(
      "2026-03-30T12:00:00.000Z",
    );
    const week3 = byUid.get("info9023-info9023-lec-2026-02-16@lectern.test")!;
    expect(week3.summary).toContain("Guest Lecture W03");
    expect(String(week3.description)).toContain("Michiel Vanthoor");
  });

  it("answers an unknown course with NotFoundError", async () => {
    await expect(getCourseCalendar({ db: t.db, slug: "no-such-course", origin: ORIGIN })).rejects.toMatchObject({
      status: 404,
    });
  });
});
