import "server-only";
import type { Db, Tx } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { courseWrite } from "@/lib/server/platform/course-write";
import { recordAudit } from "@/lib/server/platform/audit";
import { cachedForCourse } from "@/lib/server/platform/cache";
import { ConflictError } from "@/lib/server/platform/errors";
import { serverNow } from "@/lib/server/platform/clock";
import { notifyWaitlistPromotion } from "@/lib/server/notify/events";

// Seats: only ENROLLED students take one. Auditors and staff never do, and the
// waitlist holds students only. Every change that can free or take a seat runs
// in one transaction that first locks the course row (SELECT ... FOR UPDATE), so
// two requests can never both see the last free seat, and promotion from the
// waitlist always happens in waitlist order.

/** Locks the course row for the rest of the transaction; returns its capacity. */
export async function lockCourse(tx: Tx, courseId: string): Promise<{ capacity: number | null }> {
  const rows = await tx.$queryRaw<
    { capacity: number | null }[]
  >`SELECT "capacity" FROM "Course" WHERE "id" = ${courseId} FOR UPDATE`;
  if (!rows[0]) throw new ConflictError("The course no longer exists");
  return { capacity: rows[0].capacity };
}

export async function enrolledStudents(tx: Tx | Db, courseId: string): Promise<number> {
  return tx.membership.count({ where: { courseId, role: "STUDENT", status: "ENROLLED" } });
}

/**
 * Fills free seats from the waitlist, earliest first. Call only while holding
 * the course lock (lockCourse) in the same transaction.
 */
export async function promoteFromWaitlist(
  tx: Tx,
  { courseId, capacity, actorId }: { courseId: string; capacity: number | null; actorId: string | null },
): Promise<{ userId: string; membershipId: string }[]> {
  const enrolled = await enrolledStudents(tx, courseId);
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - enrolled;
  if (free <= 0) return [];
  const next = await tx.membership.findMany({
    where: { courseId, status: "WAITLISTED" },
    orderBy: [{ waitlistPosition: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: Math.min(free, 10_000),
    select: { id: true, userId: true, waitlistPosition: true },
  });
  for (const m of next) {
    await tx.membership.update({
      where: { id: m.id },
      data: { status: "ENROLLED", role: "STUDENT", waitlistPosition: null },
    });
  }
  await recordAudit(
    tx,
    next.map((m) => ({
      courseId,
      actorId,
      action: "membership.promote",
      entityType: "Membership",
      entityId: m.id,
      before: { status: "WAITLISTED", waitlistPosition: m.waitlistPosition },
      after: { status: "ENROLLED" },
    })),
  );
  const promoted = next.map((m) => ({ userId: m.userId, membershipId: m.id }));
  if (promoted.length) {
    // Every path that opens a seat comes through here, so the promotion email is queued here, in its transaction.
    const course = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { id: true, code: true, title: true, slug: true, timeZone: true },
    });
    await notifyWaitlistPromotion(tx, course, { promoted, now: serverNow() });
  }
  return promoted;
}

async function nextWaitlistPosition(tx: Tx, courseId: string): Promise<number> {
  const last = await tx.membership.aggregate({
    where: { courseId, status: "WAITLISTED" },
    _max: { waitlistPosition: true },
  });
  return (last._max.waitlistPosition ?? 0) + 1;
}

/** A waitlisted member's place in line (1 = next to get a seat). */
export async function waitlistRank(
  db: Tx | Db,
  courseId: string,
  waitlistPosition: number | null,
): Promise<number | null> {
  if (waitlistPosition === null) return null;
  return (
    1 +
    (await db.membership.count({
      where: { courseId, status: "WAITLISTED", waitlistPosition: { lt: waitlistPosition } },
    }))
  );
}

export type Enrolment = {
  signedIn: boolean;
  status: "ENROLLED" | "WAITLISTED" | "DROPPED" | null;
  role: "INSTRUCTOR" | "TA" | "STUDENT" | "AUDITOR" | null;
  /** Place in line while waitlisted. */
  position: number | null;
  waitlistLength: number;
  capacity: number | null;
  enrolled: number;
  /** What joining would do now. */
  joinWould: "enrol" | "waitlist";
};

/** The viewer's standing in the course, and the seats. Public: anonymous viewers see the seats only. */
export async function getEnrolment({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<Enrolment> {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  const courseId = ctx.course.id;
  const [{ capacity, enrolled, waitlistLength }, mine] = await Promise.all([
    // Seat counts change only through writes that bump the course's cache version.
    cachedForCourse({
      courseId,
      key: "enrolment",
      load: async () => {
        const [course, enrolledNow, waiting] = await Promise.all([
          db.course.findUniqueOrThrow({ where: { id: courseId }, select: { capacity: true } }),
          enrolledStudents(db, courseId),
          db.membership.count({ where: { courseId, status: "WAITLISTED" } }),
        ]);
        return { capacity: course.capacity, enrolled: enrolledNow, waitlistLength: waiting };
      },
    }),
    viewer
      ? db.membership.findUnique({
          where: { courseId_userId: { courseId, userId: viewer.userId } },
          select: { status: true, role: true, waitlistPosition: true },
        })
      : null,
  ]);
  const position = mine?.status === "WAITLISTED" ? await waitlistRank(db, courseId, mine.waitlistPosition) : null;
  const full = capacity !== null && (enrolled >= capacity || waitlistLength > 0);
  return {
    signedIn: Boolean(viewer),
    status: mine?.status ?? null,
    role: mine?.role ?? null,
    position,
    waitlistLength,
    capacity,
    enrolled,
    joinWould: full ? "waitlist" : "enrol",
  };
}

/** Join as a student: a seat if one is free (and nobody is waiting), else the end of the waitlist. */
export async function joinCourse({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<{ status: "ENROLLED" | "WAITLISTED"; position: number | null }> {
  return courseWrite({ db, viewer, slug, permission: "course.join" }, async ({ tx, me, courseId }) => {
    const { capacity } = await lockCourse(tx, courseId);
    const existing = await tx.membership.findUnique({
      where: { courseId_userId: { courseId, userId: me.userId } },
      select: { id: true, status: true, role: true, waitlistPosition: true },
    });
    if (existing?.status === "ENROLLED")
      throw new ConflictError(`You are already in this course (${existing.role.toLowerCase()})`);
    if (existing?.status === "WAITLISTED")
      return { status: "WAITLISTED" as const, position: await waitlistRank(tx, courseId, existing.waitlistPosition) };
    // Seats freed earlier go to the people already waiting, before anyone new.
    await promoteFromWaitlist(tx, { courseId, capacity, actorId: me.userId });
    const enrolled = await enrolledStudents(tx, courseId);
    const waiting = await tx.membership.count({ where: { courseId, status: "WAITLISTED" } });
    const seat = capacity === null || (enrolled < capacity && waiting === 0);
    const data = seat
      ? { role: "STUDENT" as const, status: "ENROLLED" as const, waitlistPosition: null }
      : {
          role: "STUDENT" as const,
          status: "WAITLISTED" as const,
          waitlistPosition: await nextWaitlistPosition(tx, courseId),
        };
    const membership = existing
      ? await tx.membership.update({ where: { id: existing.id }, data, select: { id: true, waitlistPosition: true } })
      : await tx.membership.create({
          data: { courseId, userId: me.userId, ...data },
          select: { id: true, waitlistPosition: true },
        });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: seat ? "membership.join" : "membership.waitlist",
      entityType: "Membership",
      entityId: membership.id,
      before: existing ? { status: existing.status, role: existing.role } : null,
      after: data,
    });
    return {
      status: data.status,
      position: seat ? null : await waitlistRank(tx, courseId, membership.waitlistPosition),
    };
  });
}

/** Leave the course or its waitlist; a freed seat goes to the first person waiting. Staff are removed by an instructor. */
export async function leaveCourse({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<{ promoted: number }> {
  return courseWrite({ db, viewer, slug, permission: "course.join" }, async ({ tx, me, courseId }) => {
    const { capacity } = await lockCourse(tx, courseId);
    const existing = await tx.membership.findUnique({
      where: { courseId_userId: { courseId, userId: me.userId } },
      select: { id: true, status: true, role: true, waitlistPosition: true },
    });
    if (!existing || existing.status === "DROPPED") throw new ConflictError("You are not in this course");
    if (existing.role === "INSTRUCTOR" || existing.role === "TA")
      throw new ConflictError("Course staff are removed by an instructor");
    await tx.membership.update({ where: { id: existing.id }, data: { status: "DROPPED", waitlistPosition: null } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "membership.leave",
      entityType: "Membership",
      entityId: existing.id,
      before: { status: existing.status, role: existing.role, waitlistPosition: existing.waitlistPosition },
      after: { status: "DROPPED" },
    });
    const promoted = await promoteFromWaitlist(tx, { courseId, capacity, actorId: me.userId });
    return { promoted: promoted.length };
  });
}
