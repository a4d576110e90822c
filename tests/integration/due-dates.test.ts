// One due date per (student, assignment), whichever page asks: the course home, My deadlines,
// My grades, the personal calendar feed and the gradebook read the same date, against real
// PostgreSQL and the seeded courses. Issue 11: "P3 'Tue Apr 15' on the home, 'Apr 17' on My
// deadlines"; "My grades shows the ORIGINAL due dates of CSC 490's A3–A6".
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import type { Viewer } from "@/lib/server/authorization/authz";
import { seedDatabase } from "@/lib/server/platform/seed";
import { getCourseHome } from "@/lib/server/course/courses";
import { getMyDeadlines } from "@/lib/server/deadlines/my-deadlines";
import { getMyGrades } from "@/lib/server/grading/grades";
import { getGradebook } from "@/lib/server/grading/gradebook";
import { getMyFeed, getPersonalCalendar } from "@/lib/server/deadlines/personal-feed";
import { createTestDatabase, type TestDatabase } from "./support/database";

const HOUR = 3_600_000;
let t: TestDatabase;

async function viewerFor(email: string): Promise<Viewer> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  return { userId: u.id, email: u.email, name: u.name };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
});
afterAll(async () => {
  await t?.drop();
});

/** DTSTART of the feed's event for `code`, as the local wall time the feed writes ("20251117T230000"). */
function feedStart(ics: string, code: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const event = unfolded.split("BEGIN:VEVENT").find((e) => new RegExp(`\\r\\nSUMMARY:[^\\r]* ${code} due:`).test(e));
  return event ? /\r\nDTSTART(?:;[^:]*)?:(\d{8}T\d{6})/.exec(event)?.[1] : undefined;
}

/** Every page's date for each assignment of the student's course, by code (ISO strings; undefined = not shown). */
async function datesEverywhere(slug: string, email: string, now: Date) {
  const student = await viewerFor(email);
  const [home, deadlines, grades, feed] = await Promise.all([
    getCourseHome({ db: t.db, slug, viewer: student, now }),
    getMyDeadlines({ db: t.db, slug, viewer: student, now }),
    getMyGrades({ db: t.db, slug, viewer: student, now }),
    getMyFeed({ db: t.db, slug, viewer: student }),
  ]);
  const token = /\/feeds\/([^/]+)\.ics$/.exec(feed.path)![1]!;
  const ics = await getPersonalCalendar({ db: t.db, token, origin: "http://lectern.test" });
  const course = await t.db.course.findUniqueOrThrow({ where: { slug } });
  const codes = deadlines.assignments.filter((a) => a.effectiveDueAt !== null).map((a) => a.code);
  return {
    codes,
    timeZone: course.timeZone,
    home: (code: string) => home.assignments.find((a) => a.code === code)?.dueAt?.toISOString(),
    deadlines: (code: string) =>
      deadlines.assignments.find((a) => a.code === code)?.effectiveDueAt?.toISOString() ?? undefined,
    grades: (code: string) => grades.rows.find((r) => r.code === code)?.dueAt ?? undefined,
    feed: (code: string) => feedStart(ics, code),
  };
}

const local = (iso: string, timeZone: string) => format(new TZDate(new Date(iso), timeZone), "yyyyMMdd'T'HHmmss");

describe("one due date per (student, assignment)", () => {
  it("CSC 490, a student with a personal A5 extension: home, My deadlines, My grades and the feed agree on every item", async () => {
    const now = new Date("2025-10-20T15:00:00Z");
    const d = await datesEverywhere("csc490", "student5@csc490.demo", now);
    expect(d.codes).toEqual(expect.arrayContaining(["A3", "A4", "A5", "A6"]));
    for (const code of d.codes) {
      const date = d.deadlines(code)!;
      expect({ code, home: d.home(code) }).toEqual({ code, home: date });
      expect({ code, feed: d.feed(code) }).toEqual({ code, feed: local(date, d.timeZone) });
      const inGrades = d.grades(code);
      if (inGrades !== undefined) expect({ code, grades: inGrades }).toEqual({ code, grades: date });
    }
    // Hand-checked against the seed: A3 last moved to the assignments table's Oct 31 (after "A3
    // extension until Oct 29th!"), "A4, A5, A6 extensions until Nov 7, 14 and 28"; this student's
    // own A5 grant adds 72 h to Nov 14.
    const original = async (code: string) =>
      (await t.db.assignment.findFirstOrThrow({ where: { course: { slug: "csc490" }, code } })).dueAt!;
    expect(d.grades("A3")).toBeDefined();
    expect(d.grades("A3")).not.toBe((await original("A3")).toISOString());
    expect(local(d.grades("A3")!, d.timeZone).slice(0, 8)).toBe("20251031");
    expect(local(d.grades("A4")!, d.timeZone).slice(0, 8)).toBe("20251107");
    expect(local(d.grades("A6")!, d.timeZone).slice(0, 8)).toBe("20251128");
    const everyone = await getCourseHome({ db: t.db, slug: "csc490", viewer: null, now });
    const a5ForAll = everyone.assignments.find((a) => a.code === "A5")!.dueAt!;
    expect(local(a5ForAll.toISOString(), d.timeZone).slice(0, 8)).toBe("20251114");
    expect(new Date(d.home("A5")!).getTime() - a5ForAll.getTime()).toBe(72 * HOUR);
    // The gradebook's column carries the date in force for everyone, not the original.
    const staff = await viewerFor("instructor@csc490.demo");
    const book = await getGradebook({ db: t.db, slug: "csc490", viewer: staff, now });
    expect(book.assignments.find((a) => a.code === "A3")!.dueAt).toBe(
      everyone.assignments.find((a) => a.code === "A3")!.dueAt!.toISOString(),
    );
  });

  it("Brown, the student with a Dean's-note P3 extension (+48 h): the same P3 date on every page", async () => {
    const now = new Date("2025-04-10T15:00:00Z");
    const d = await datesEverywhere("csci1390", "student21@csci1390.demo", now);
    const p3 = d.deadlines("P3")!;
    expect(d.home("P3")).toBe(p3);
    expect(d.grades("P3")).toBe(p3);
    expect(d.feed("P3")).toBe(local(p3, d.timeZone));
    const everyone = await getCourseHome({ db: t.db, slug: "csci1390", viewer: null, now });
    expect(new Date(p3).getTime() - everyone.assignments.find((a) => a.code === "P3")!.dueAt!.getTime()).toBe(
      48 * HOUR,
    );
  });
});
