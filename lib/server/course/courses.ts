import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { courseAnnouncements, publishedOrder } from "@/lib/server/course/announcements";
import { cachedForCourse } from "@/lib/server/platform/cache";
import { deadlinesFor } from "@/lib/server/deadlines/due-dates";

export type CourseSummary = {
  slug: string;
  code: string;
  title: string;
  term: string;
  institution: string;
  timeZone: string;
  enrolled: number;
  capacity: number | null;
};

export async function listCourses(db: Db): Promise<CourseSummary[]> {
  const courses = await db.course.findMany({
    orderBy: [{ firstDayOfClasses: "desc" }, { code: "asc" }],
    select: {
      slug: true,
      code: true,
      title: true,
      term: true,
      institution: true,
      timeZone: true,
      capacity: true,
      _count: { select: { memberships: { where: { role: "STUDENT", status: "ENROLLED" } } } },
    },
  });
  return courses.map(({ _count, ...c }) => ({ ...c, enrolled: _count.memberships }));
}

export type CourseHome = Awaited<ReturnType<typeof getCourseHome>>;

// The course's own content, read through the course cache: every write to the course (details,
// links, sections, staff, enrolment) bumps its version, and the home page is the most visited page.
async function loadHomeContent(db: Db, courseId: string) {
  const [course, staff, sections, enrolled] = await Promise.all([
    db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        slug: true,
        code: true,
        title: true,
        term: true,
        institution: true,
        description: true,
        timeZone: true,
        firstDayOfClasses: true,
        lastDayOfClasses: true,
        capacity: true,
        links: { orderBy: { position: "asc" }, select: { label: true, url: true } },
      },
    }),
    db.membership.findMany({
      where: { courseId, role: { in: ["INSTRUCTOR", "TA"] }, status: "ENROLLED" },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { role: true, title: true, contactEmail: true, officeHours: true, user: { select: { name: true } } },
    }),
    db.meetingSection.findMany({
      where: { courseId },
      orderBy: { code: "asc" },
      select: { code: true, kind: true, weekdays: true, startTime: true, endTime: true, location: true },
    }),
    db.membership.count({ where: { courseId, role: "STUDENT", status: "ENROLLED" } }),
  ]);
  return {
    course,
    staff: staff.map((s) => ({
      name: s.user.name,
      role: s.role,
      title: s.title,
      contactEmail: s.contactEmail,
      officeHours: s.officeHours,
    })),
    sections,
    enrolled,
  };
}

/** Everything the course home shows; public content only. */
export async function getCourseHome({
  db,
  slug,
  viewer,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}) {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  const courseId = ctx.course.id;
  const [content, announcements, upcoming] = await Promise.all([
    cachedForCourse({ courseId, key: "home", load: () => loadHomeContent(db, courseId) }),
    courseAnnouncements(db, courseId),
    // Due dates in force for this viewer, soonest first: an enrolled student's own extensions
    // applied (the same dates as My deadlines, My grades and their feed); course-wide for anyone else.
    deadlinesFor({ db, courseId, studentId: ctx.role === "STUDENT" ? ctx.viewer!.userId : null }),
  ]);
  return {
    ...content,
    role: ctx.role,
    membershipStatus: ctx.membership?.status ?? null,
    // Published at `now`, pinned first, then newest: the latest three.
    announcements: publishedOrder(announcements, now).slice(0, 3),
    assignments: upcoming
      .filter((a) => a.dueAt !== null)
      .map((a) => ({ id: a.id, code: a.code, title: a.title, kind: a.kind, dueAt: a.dueAt, extended: a.changed })),
  };
}
