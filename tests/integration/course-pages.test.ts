import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { seedDatabase } from "@/lib/server/platform/seed";
import { getCourseSchedule, getCourseSpeakers } from "@/lib/server/course/schedule";
import { getPublicDeadlines } from "@/lib/server/course/assignments";
import { getAnnouncement, getAnnouncementsFeed, getCourseAnnouncements } from "@/lib/server/course/announcements";
import { getCourseHome } from "@/lib/server/course/courses";
import { invalidateCourse } from "@/lib/server/platform/cache";

let t: TestDatabase;
const NOW = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
});
afterAll(async () => {
  await t?.drop();
});

const courseId = async (slug: string) =>
  (await t.db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

describe("schedule loader", () => {
  it("gives CSC 490 thirteen weeks, reading week marked, Kyle Kranen in week 6 and A3 due at its extended time in week 9", async () => {
    const { weeks } = await getCourseSchedule({ db: t.db, slug: "csc490", viewer: null });
    const term = weeks.filter((w) => w.kind === "term");
    expect(term.map((w) => w.label)).toEqual(Array.from({ length: 13 }, (_, i) => `Week ${i + 1}`));
    expect(weeks.at(-1)!.kind).toBe("after");
    const week9 = term[8]!;
    expect(week9.noClass).toBe("Reading week");
    const week6 = term[5]!;
    const lecture = week6.items.find((i) => i.type === "entry")!;
    expect(lecture.type === "entry" && lecture.entry.speakers.map((s) => s.name)).toEqual(["Kyle Kranen"]);
    expect(lecture.type === "entry" && lecture.entry.startsAt?.toISOString()).toBe("2025-10-08T22:00:00.000Z");
    expect(lecture.type === "entry" && lecture.entry.readings).toEqual([
      { title: "KV Cache from huggingface", url: null },
    ]);
    const a3 = week9.items.find((i) => i.type === "event" && i.event.code === "A3" && i.event.kind === "due");
    expect(a3?.type === "event" && [a3.event.at.toISOString(), a3.event.extended]).toEqual([
      "2025-11-01T03:00:00.000Z",
      true,
    ]);
  });

  it("groups INFO9023 by sprint and shows each week's several sessions in order", async () => {
    const schedule = await getCourseSchedule({ db: t.db, slug: "info9023", viewer: null });
    expect(schedule.hasSprints).toBe(true);
    const week3 = schedule.weeks.find((w) => w.label === "Week 3")!;
    expect(week3.sprint).toBe("Sprint 2");
    expect(week3.items.flatMap((i) => (i.type === "entry" ? [i.entry.kind] : []))).toEqual([
      "LECTURE",
      "LAB",
      "LECTURE",
    ]);
    expect(schedule.weeks.filter((w) => w.noClass === "Holiday")).toHaveLength(2);
  });

  it("serves from the course cache until the course is invalidated", async () => {
    const id = await courseId("csc490");
    const before = await getCourseSchedule({ db: t.db, slug: "csc490", viewer: null });
    await t.db.scheduleEntry.create({
      data: { courseId: id, date: new Date("2025-12-03T00:00:00Z"), title: "Bonus review session", kind: "LECTURE" },
    });
    const cached = await getCourseSchedule({ db: t.db, slug: "csc490", viewer: null });
    expect(cached.weeks.length).toBe(before.weeks.length);
    await invalidateCourse(id);
    const fresh = await getCourseSchedule({ db: t.db, slug: "csc490", viewer: null });
    const titles = fresh.weeks.flatMap((w) => w.items.flatMap((i) => (i.type === "entry" ? [i.entry.title] : [])));
    expect(titles).toContain("Bonus review session");
  });

  it("lists speakers with their sessions and the schedule anchor of each", async () => {
    const { speakers } = await getCourseSpeakers({ db: t.db, slug: "csc490", viewer: null });
    const kyle = speakers.find((s) => s.name === "Kyle Kranen")!;
    expect(kyle.sessions).toEqual([
      expect.objectContaining({ date: "2025-10-08", weekAnchor: "week-2025-10-06", weekLabel: "Week 6" }),
    ]);
    expect(speakers[0]!.name).toBe("Elliott Choi"); // week 1's speakers come first (then by name)
  });
});

describe("public deadlines", () => {
  it("replays course-wide extensions only, with the posting history", async () => {
    const { assignments } = await getPublicDeadlines({ db: t.db, slug: "csc490", viewer: null });
    const a3 = assignments.find((a) => a.code === "A3")!;
    expect(a3.dueAt?.toISOString()).toBe("2025-11-01T03:00:00.000Z");
    expect(a3.history.map((h) => [h.dueAt?.toISOString(), h.postedAt?.toISOString() ?? null, h.source])).toEqual([
      ["2025-10-16T03:00:00.000Z", null, "original"],
      ["2025-10-23T03:00:00.000Z", "2025-10-15T00:00:00.000Z", "course"],
      ["2025-10-30T03:00:00.000Z", "2025-10-22T00:00:00.000Z", "course"],
      ["2025-11-01T03:00:00.000Z", "2025-10-29T00:00:00.000Z", "course"],
    ]);
    expect(a3.weight).toMatchObject({ category: "Assignments", categoryPercent: 60, itemsInCategory: 6 });
    expect(assignments.map((a) => a.code)).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "PROJECT"]);
  });

  it("never lets a per-student extension move the public date", async () => {
    const id = await courseId("csc490");
    const student = await t.db.membership.findFirstOrThrow({
      where: { courseId: id, role: "STUDENT" },
      select: { userId: true },
    });
    const a1 = await t.db.assignment.findFirstOrThrow({
      where: { courseId: id, code: "A1" },
      select: { id: true, dueAt: true },
    });
    await t.db.extension.create({
      data: {
        courseId: id,
        assignmentId: a1.id,
        studentId: student.userId,
        dueAt: new Date("2025-09-30T03:00:00Z"),
        reason: "private",
      },
    });
    await invalidateCourse(id);
    const { assignments } = await getPublicDeadlines({ db: t.db, slug: "csc490", viewer: null });
    const shown = assignments.find((a) => a.code === "A1")!;
    expect(shown.dueAt).toEqual(a1.dueAt);
    expect(shown.changed).toBe(false);
    expect(JSON.stringify(assignments)).not.toContain("private");
  });

  it("feeds the course home's upcoming deadlines with effective dates", async () => {
    const home = await getCourseHome({ db: t.db, slug: "csc490", viewer: null, now: NOW });
    const a3 = home.assignments.find((a) => a.code === "A3")!;
    expect(a3.dueAt?.toISOString()).toBe("2025-11-01T03:00:00.000Z");
    expect(a3.extended).toBe(true);
  });
});

describe("announcements", () => {
  it("puts pinned first and hides what is not yet published", async () => {
    const id = await courseId("csci1390");
    await t.db.announcement.create({
      data: { courseId: id, title: "Newer, unpinned", body: "hello", publishedAt: new Date("2025-02-01T12:00:00Z") },
    });
    await t.db.announcement.create({
      data: { courseId: id, title: "Scheduled", body: "later", publishedAt: new Date("2099-01-01T00:00:00Z") },
    });
    await invalidateCourse(id);
    const { announcements } = await getCourseAnnouncements({ db: t.db, slug: "csci1390", viewer: null, now: NOW });
    expect(announcements.map((a) => [a.title, a.pinned])).toEqual([
      ["The class is full: waitlist", true],
      ["Newer, unpinned", false],
    ]);
    const scheduled = await t.db.announcement.findFirstOrThrow({ where: { title: "Scheduled" }, select: { id: true } });
    await expect(
      getAnnouncement({ db: t.db, slug: "csci1390", viewer: null, id: scheduled.id, now: NOW }),
    ).rejects.toMatchObject({ status: 404 });
    // An announcement of another course is not found through this one.
    const other = await t.db.announcement.findFirstOrThrow({
      where: { course: { slug: "csc490" } },
      select: { id: true },
    });
    await expect(
      getAnnouncement({ db: t.db, slug: "csci1390", viewer: null, id: other.id, now: NOW }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("renders the Atom feed from sanitized markdown", async () => {
    const id = await courseId("llm-systems");
    await t.db.announcement.create({
      data: {
        courseId: id,
        title: "Tricky <b>title</b> & co",
        body: "**Bold** and [a link](https://example.org)\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        publishedAt: new Date("2025-09-01T12:00:00Z"),
      },
    });
    await invalidateCourse(id);
    const xml = await getAnnouncementsFeed({
      db: t.db,
      slug: "llm-systems",
      origin: "https://lectern.example",
      now: NOW,
    });
    expect(xml).toContain("<title>Tricky &lt;b&gt;title&lt;/b&gt; &amp; co</title>");
    expect(xml).toContain("&lt;strong&gt;Bold&lt;/strong&gt;");
    expect(xml).toContain("&lt;a href=&quot;https://example.org&quot;&gt;a link&lt;/a&gt;");
    expect(xml).toContain("&lt;table&gt;");
    expect(xml).not.toMatch(/script|javascript:/i);
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://lectern.example/courses/llm-systems/announcements/feed.xml"/>',
    );
  });
});
