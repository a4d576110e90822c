// Capacity and waitlist against real PostgreSQL: concurrent joins, drops and a
// raised cap never put more students in seats than there are, and promotion
// follows the waitlist order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/server/authorization/authz";
import { getEnrolment, joinCourse, leaveCourse } from "@/lib/server/people/enrolment";
import { dropMember, getRoster } from "@/lib/server/people/roster";
import { updateCourseDetails } from "@/lib/server/course/manage/course";
import { getCourseHome } from "@/lib/server/course/courses";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildFixture, type Fixture } from "./support/personas";

let t: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildFixture(t.db, "enrol");
});
afterAll(async () => {
  await t.drop();
});

async function people(n: number, tag: string): Promise<Viewer[]> {
  const out: Viewer[] = [];
  for (let i = 0; i < n; i++) {
    const u = await t.db.user.create({
      data: { email: `${tag}${i}@join.example`, name: `${tag} ${i}` },
      select: { id: true, email: true, name: true },
    });
    out.push({ userId: u.id, email: u.email, name: u.name });
  }
  return out;
}

async function newCourse(slug: string, capacity: number | null) {
  const c = await t.db.course.create({
    data: { slug, code: "X", title: slug, term: "T", institution: "I", timeZone: "UTC", capacity },
    select: { id: true },
  });
  await t.db.membership.create({ data: { courseId: c.id, userId: f.users.instructor, role: "INSTRUCTOR" } });
  return c.id;
}

const seats = (courseId: string) => t.db.membership.count({ where: { courseId, role: "STUDENT", status: "ENROLLED" } });
const details = (slug: string, capacity: number | null) => ({
  code: "X",
  title: slug,
  term: "T",
  institution: "I",
  description: "",
  timeZone: "UTC",
  firstDayOfClasses: null,
  lastDayOfClasses: null,
  capacity,
});

describe("joining a course", () => {
  it("enrols while seats are free, then waitlists, and tells the position", async () => {
    const courseId = await newCourse("join-basic", 1);
    const [a, b, c] = await people(3, "basic");
    expect(await joinCourse({ db: t.db, viewer: a!, slug: "join-basic" })).toEqual({
      status: "ENROLLED",
      position: null,
    });
    expect(await joinCourse({ db: t.db, viewer: b!, slug: "join-basic" })).toEqual({
      status: "WAITLISTED",
      position: 1,
    });
    expect(await joinCourse({ db: t.db, viewer: c!, slug: "join-basic" })).toEqual({
      status: "WAITLISTED",
      position: 2,
    });
    expect((await getEnrolment({ db: t.db, viewer: c!, slug: "join-basic" })).position).toBe(2);
    // Leaving the waitlist moves the people behind up.
    await leaveCourse({ db: t.db, viewer: b!, slug: "join-basic" });
    expect((await getEnrolment({ db: t.db, viewer: c!, slug: "join-basic" })).position).toBe(1);
    // A student leaving frees the seat for the first in line, in the same transaction.
    await leaveCourse({ db: t.db, viewer: a!, slug: "join-basic" });
    expect((await getEnrolment({ db: t.db, viewer: c!, slug: "join-basic" })).status).toBe("ENROLLED");
    expect(await seats(courseId)).toBe(1);
  });

  it("the seat counts on the course home and the enrolment panel follow every join, leave and cap change (they are cached)", async () => {
    await newCourse("join-counts", 2);
    const [a, b, c] = await people(3, "counts");
    const counts = async () => {
      const [panel, home] = await Promise.all([
        getEnrolment({ db: t.db, viewer: null, slug: "join-counts" }),
        getCourseHome({ db: t.db, viewer: null, slug: "join-counts", now: new Date("2026-01-01T00:00:00Z") }),
      ]);
      expect(home.enrolled).toBe(panel.enrolled);
      return {
        enrolled: panel.enrolled,
        waiting: panel.waitlistLength,
        capacity: panel.capacity,
        joinWould: panel.joinWould,
      };
    };
    expect(await counts()).toEqual({ enrolled: 0, waiting: 0, capacity: 2, joinWould: "enrol" });
    for (const v of [a!, b!, c!]) await joinCourse({ db: t.db, viewer: v, slug: "join-counts" });
    expect(await counts()).toEqual({ enrolled: 2, waiting: 1, capacity: 2, joinWould: "waitlist" });
    await leaveCourse({ db: t.db, viewer: a!, slug: "join-counts" });
    expect(await counts()).toEqual({ enrolled: 2, waiting: 0, capacity: 2, joinWould: "waitlist" });
    await updateCourseDetails({
      db: t.db,
      viewer: f.viewers.instructor,
      slug: "join-counts",
      input: details("join-counts", 5),
    });
    expect(await counts()).toEqual({ enrolled: 2, waiting: 0, capacity: 5, joinWould: "enrol" });
  });

  it("needs a signed-in viewer", async () => {
    await expect(joinCourse({ db: t.db, viewer: null, slug: f.alpha.slug })).rejects.toMatchObject({ status: 401 });
  });

  it("auditors do not take seats: a full course still has the auditor, and an auditor becoming a student is the instructor's call", async () => {
    const roster = await getRoster({ db: t.db, viewer: f.viewers.instructor, slug: f.alpha.slug });
    expect(roster.course.capacity).toBe(2);
    expect(roster.enrolledStudents).toBe(2);
    expect(roster.members.some((m) => m.role === "AUDITOR")).toBe(true);
  });

  it("50 people joining at once for 3 seats: exactly 3 get seats and the waitlist is 1..47 with no gaps or repeats", async () => {
    const courseId = await newCourse("join-race", 3);
    const crowd = await people(50, "race");
    const results = await Promise.all(crowd.map((viewer) => joinCourse({ db: t.db, viewer, slug: "join-race" })));
    expect(results.filter((r) => r.status === "ENROLLED")).toHaveLength(3);
    expect(await seats(courseId)).toBe(3);
    const positions = (
      await t.db.membership.findMany({ where: { courseId, status: "WAITLISTED" }, select: { waitlistPosition: true } })
    )
      .map((m) => m.waitlistPosition)
      .sort((x, y) => x! - y!);
    expect(positions).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
  });

  it("concurrent drops and a raised cap promote in waitlist order and never overfill", async () => {
    const courseId = await newCourse("promote-race", 4);
    const crowd = await people(14, "promo");
    for (const viewer of crowd) await joinCourse({ db: t.db, viewer, slug: "promote-race" }); // 4 seated, 10 waiting, in order
    const seated = await t.db.membership.findMany({
      where: { courseId, status: "ENROLLED", role: "STUDENT" },
      select: { id: true },
    });
    const instructor = f.viewers.instructor;
    // Two drops, two students leaving themselves, a raise to 6 and a join, all at once.
    const late = (await people(1, "late"))[0]!;
    await Promise.all([
      dropMember({ db: t.db, viewer: instructor, slug: "promote-race", membershipId: seated[0]!.id }),
      dropMember({ db: t.db, viewer: instructor, slug: "promote-race", membershipId: seated[1]!.id }),
      leaveCourse({ db: t.db, viewer: crowd[2]!, slug: "promote-race" }),
      leaveCourse({ db: t.db, viewer: crowd[3]!, slug: "promote-race" }),
      updateCourseDetails({ db: t.db, viewer: instructor, slug: "promote-race", input: details("promote-race", 6) }),
      joinCourse({ db: t.db, viewer: late, slug: "promote-race" }),
    ]);
    expect(await seats(courseId)).toBe(6);
    // Seats went to the first six in line (people 4..9), never to the newcomer.
    const enrolled = new Set(
      (
        await t.db.membership.findMany({
          where: { courseId, status: "ENROLLED", role: "STUDENT" },
          select: { userId: true },
        })
      ).map((m) => m.userId),
    );
    expect([...enrolled].sort()).toEqual(
      crowd
        .slice(4, 10)
        .map((v) => v.userId)
        .sort(),
    );
    const lateStanding = await getEnrolment({ db: t.db, viewer: late, slug: "promote-race" });
    expect(lateStanding.status).toBe("WAITLISTED");
    expect(lateStanding.position).toBe(5);
    const promotions = await t.db.auditEvent.count({ where: { courseId, action: "membership.promote" } });
    expect(promotions).toBe(6);
  });

  it("many concurrent leave/join rounds keep seats ≤ capacity", async () => {
    const courseId = await newCourse("churn", 2);
    const crowd = await people(12, "churn");
    for (const viewer of crowd) await joinCourse({ db: t.db, viewer, slug: "churn" });
    await Promise.all(
      crowd
        .slice(0, 8)
        .map((viewer) =>
          leaveCourse({ db: t.db, viewer, slug: "churn" }).then(() => joinCourse({ db: t.db, viewer, slug: "churn" })),
        ),
    );
    expect(await seats(courseId)).toBe(2);
    const waiting = await t.db.membership.count({ where: { courseId, status: "WAITLISTED" } });
    expect(waiting).toBe(10);
  });
});
