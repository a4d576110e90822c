// An instructor admits a waitlisted student from the roster (issue 12): ahead of the line, audited,
// with the promotion email; a full course asks for confirmation first and changes nothing without it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/server/authorization/authz";
import { getEnrolment, joinCourse } from "@/lib/server/people/enrolment";
import { admitMember, getRoster } from "@/lib/server/people/roster";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildFixture, type Fixture } from "./support/personas";

let t: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildFixture(t.db, "admit");
});
afterAll(async () => {
  await t.drop();
});

async function person(tag: string): Promise<Viewer> {
  const u = await t.db.user.create({
    data: { email: `${tag}@admit.example`, name: `Person ${tag}` },
    select: { id: true, email: true, name: true },
  });
  return { userId: u.id, email: u.email, name: u.name };
}

async function newCourse(slug: string, capacity: number | null) {
  const c = await t.db.course.create({
    data: { slug, code: "ADM 1", title: slug, term: "T", institution: "I", timeZone: "UTC", capacity },
    select: { id: true },
  });
  await t.db.membership.create({ data: { courseId: c.id, userId: f.users.instructor, role: "INSTRUCTOR" } });
  return c.id;
}

const membershipOf = (courseId: string, userId: string) =>
  t.db.membership.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId } } });

describe("admitting from the waitlist", () => {
  it("admits the second in line into a freed seat ahead of the first, audited and emailed", async () => {
    const courseId = await newCourse("admit-free", 2);
    const [a, b, c] = [await person("free-a"), await person("free-b"), await person("free-c")];
    await joinCourse({ db: t.db, viewer: a, slug: "admit-free" });
    await joinCourse({ db: t.db, viewer: b, slug: "admit-free" });
    await joinCourse({ db: t.db, viewer: c, slug: "admit-free" }); // waitlist #1
    const d = await person("free-d");
    await joinCourse({ db: t.db, viewer: d, slug: "admit-free" }); // waitlist #2
    // Raise no cap: the course is full (2 of 2), so admitting d asks first.
    const md = await membershipOf(courseId, d.userId);
    await expect(
      admitMember({
        db: t.db,
        viewer: f.viewers.instructor,
        slug: "admit-free",
        membershipId: md.id,
        overCapacity: false,
      }),
    ).rejects.toMatchObject({
      status: 409,
      message: "The course is full (2 of 2 seats): confirm to admit over capacity",
    });
    expect((await membershipOf(courseId, d.userId)).status).toBe("WAITLISTED"); // nothing changed
    expect(await t.db.auditEvent.count({ where: { courseId, action: "membership.admit" } })).toBe(0);

    // Confirmed: d is in, over capacity (3 of 2), c is now first in line.
    const result = await admitMember({
      db: t.db,
      viewer: f.viewers.instructor,
      slug: "admit-free",
      membershipId: md.id,
      overCapacity: true,
    });
    expect(result.message).toBe("Admitted over capacity (3 of 2 seats)");
    const after = await membershipOf(courseId, d.userId);
    expect([after.status, after.role, after.waitlistPosition]).toEqual(["ENROLLED", "STUDENT", null]);
    expect((await getEnrolment({ db: t.db, viewer: c, slug: "admit-free" })).position).toBe(1);
    const audit = await t.db.auditEvent.findMany({ where: { courseId, action: "membership.admit" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: f.users.instructor,
      entityId: md.id,
      before: { status: "WAITLISTED", waitlistPosition: 2 },
      after: { status: "ENROLLED", role: "STUDENT", overCapacity: true },
    });
    const emails = await t.db.outboxMessage.findMany({
      where: { courseId, recipientId: d.userId, kind: "WAITLIST_PROMOTION" },
    });
    expect(emails).toHaveLength(1);
    const roster = await getRoster({ db: t.db, viewer: f.viewers.instructor, slug: "admit-free" });
    expect(roster.enrolledStudents).toBe(3);
    expect(roster.waitlist.map((m) => m.userId)).toEqual([c.userId]);
  });

  it("admits without asking while a seat is free, and refuses someone not on the waitlist", async () => {
    const courseId = await newCourse("admit-open", null);
    const a = await person("open-a");
    await t.db.membership.create({
      data: { courseId, userId: a.userId, role: "STUDENT", status: "WAITLISTED", waitlistPosition: 1 },
    });
    const m = await membershipOf(courseId, a.userId);
    const admit = () =>
      admitMember({
        db: t.db,
        viewer: f.viewers.instructor,
        slug: "admit-open",
        membershipId: m.id,
        overCapacity: false,
      });
    expect((await admit()).message).toBe("Admitted");
    await expect(admit()).rejects.toMatchObject({
      status: 409,
      message: "Only someone on the waitlist can be admitted",
    });
    expect(await t.db.auditEvent.count({ where: { courseId, action: "membership.admit" } })).toBe(1);
  });
});
