import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/server/authorization/authz";
import { getMyFeed, getPersonalCalendar, regenerateMyFeed } from "@/lib/server/deadlines/personal-feed";
import { seedDatabase } from "@/lib/server/platform/seed";
import { createTestDatabase, type TestDatabase } from "./support/database";

let t: TestDatabase;
const ORIGIN = "https://lectern.example";

async function viewer(email: string): Promise<Viewer> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  return { userId: u.id, email: u.email, name: u.name };
}
const tokenOf = (path: string) => path.replace(/^\/feeds\//, "").replace(/\.ics$/, "");

function deadline(ics: string, code: string): Date {
  const events = Object.values(ical.sync.parseICS(ics)).filter((e) => e?.type === "VEVENT");
  const event = events.find((e) => String((e as { summary?: unknown }).summary).includes(` ${code} due`));
  if (!event) throw new Error(`no ${code} deadline in the feed`);
  return (event as { start: Date }).start;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase({ db: t.db });
});
afterAll(async () => {
  await t.drop();
});

describe("personal calendar feeds", () => {
  it("hold the student's own extension, and never another student's", async () => {
    const alice = await viewer("student1@csci1390.demo");
    const bob = await viewer("student2@csci1390.demo");
    const course = await t.db.course.findUniqueOrThrow({ where: { slug: "csci1390" } });
    const p2 = await t.db.assignment.findUniqueOrThrow({
      where: { courseId_code: { courseId: course.id, code: "P2" } },
    });
    const granted = new Date("2025-03-21T22:00:00Z"); // Fri Mar 21, 6:00 PM EDT
    await t.db.extension.create({
      data: {
        courseId: course.id,
        assignmentId: p2.id,
        studentId: alice.userId,
        action: "GRANT",
        dueAt: granted,
        reason: "Dean's note",
      },
    });

    const aliceFeed = await getMyFeed({ db: t.db, slug: "csci1390", viewer: alice });
    const bobFeed = await getMyFeed({ db: t.db, slug: "csci1390", viewer: bob });
    expect(aliceFeed.path).not.toBe(bobFeed.path);
    const aliceIcs = await getPersonalCalendar({ db: t.db, token: tokenOf(aliceFeed.path), origin: ORIGIN });
    const bobIcs = await getPersonalCalendar({ db: t.db, token: tokenOf(bobFeed.path), origin: ORIGIN });

    expect(deadline(aliceIcs, "P2").toISOString()).toBe(granted.toISOString());
    // Bob keeps the public due date (Tue Mar 18, 6 PM EDT) and his feed has no trace of Alice's extension.
    expect(deadline(bobIcs, "P2").toISOString()).toBe("2025-03-18T22:00:00.000Z");
    expect(bobIcs).not.toContain("20250321T180000");
    expect(bobIcs).not.toContain("Dean's note");
  });

  it("regenerating revokes the old address", async () => {
    const alice = await viewer("student1@csci1390.demo");
    const before = await getMyFeed({ db: t.db, slug: "csci1390", viewer: alice });
    const { path } = await regenerateMyFeed({ db: t.db, slug: "csci1390", viewer: alice });
    expect(path).not.toBe(before.path);
    await expect(getPersonalCalendar({ db: t.db, token: tokenOf(before.path), origin: ORIGIN })).rejects.toMatchObject({
      status: 404,
    });
    await expect(getPersonalCalendar({ db: t.db, token: tokenOf(path), origin: ORIGIN })).resolves.toContain(
      "BEGIN:VCALENDAR",
    );
    const audit = await t.db.auditEvent.count({ where: { action: "feed.regenerate", actorId: alice.userId } });
    expect(audit).toBe(1);
  });

  it("is for enrolled students only, and unknown tokens look like nothing", async () => {
    const ta = await viewer("ta@csci1390.demo");
    await expect(getMyFeed({ db: t.db, slug: "csci1390", viewer: ta })).rejects.toMatchObject({ status: 403 });
    await expect(getMyFeed({ db: t.db, slug: "csci1390", viewer: null })).rejects.toMatchObject({ status: 401 });
    await expect(getPersonalCalendar({ db: t.db, token: "A".repeat(32), origin: ORIGIN })).rejects.toMatchObject({
      status: 404,
    });
    await expect(getPersonalCalendar({ db: t.db, token: "../../etc/passwd", origin: ORIGIN })).rejects.toMatchObject({
      status: 404,
    });
  });
});
