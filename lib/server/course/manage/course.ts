import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import type { CourseDetailsInput, CourseLinksInput, MeetingSectionsInput } from "@/lib/validation/course";
import { calendarDateOf, dateColumn } from "@/lib/server/platform/local-dates";
import { lockCourse, promoteFromWaitlist } from "@/lib/server/people/enrolment";
import { courseWrite } from "@/lib/server/platform/course-write";

export type CourseForEdit = Awaited<ReturnType<typeof getCourseForEdit>>;

/** The course's details, links and meeting sections as the edit forms show them. */
export async function getCourseForEdit({ db, viewer, slug }: { db: Db; viewer: Viewer | null; slug: string }) {
  const ctx = await authorize({ db, slug, viewer, permission: "course.edit" });
  const c = await db.course.findUniqueOrThrow({
    where: { id: ctx.course.id },
    select: {
      id: true,
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
      sections: {
        orderBy: { code: "asc" },
        select: { code: true, kind: true, weekdays: true, startTime: true, endTime: true, location: true },
      },
      _count: { select: { memberships: { where: { role: "STUDENT", status: "ENROLLED" } } } },
    },
  });
  const waitlisted = await db.membership.count({ where: { courseId: c.id, status: "WAITLISTED" } });
  const { _count, firstDayOfClasses, lastDayOfClasses, ...rest } = c;
  return {
    ...rest,
    firstDayOfClasses: firstDayOfClasses ? calendarDateOf(firstDayOfClasses) : null,
    lastDayOfClasses: lastDayOfClasses ? calendarDateOf(lastDayOfClasses) : null,
    enrolled: _count.memberships,
    waitlisted,
  };
}

/** Details and capacity. Raising the capacity promotes from the waitlist in the same transaction. */
export async function updateCourseDetails({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: CourseDetailsInput;
}): Promise<{ promoted: number }> {
  return courseWrite({ db, viewer, slug, permission: "course.edit" }, async ({ tx, me, courseId }) => {
    await lockCourse(tx, courseId);
    const before = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: {
        code: true,
        title: true,
        term: true,
        institution: true,
        description: true,
        timeZone: true,
        firstDayOfClasses: true,
        lastDayOfClasses: true,
        capacity: true,
      },
    });
    const data = {
      code: input.code,
      title: input.title,
      term: input.term,
      institution: input.institution,
      description: input.description,
      timeZone: input.timeZone,
      capacity: input.capacity,
      firstDayOfClasses: input.firstDayOfClasses ? dateColumn(input.firstDayOfClasses) : null,
      lastDayOfClasses: input.lastDayOfClasses ? dateColumn(input.lastDayOfClasses) : null,
    };
    await tx.course.update({ where: { id: courseId }, data });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "course.update",
      entityType: "Course",
      entityId: courseId,
      before,
      after: data,
    });
    const promoted = await promoteFromWaitlist(tx, { courseId, capacity: input.capacity, actorId: me.userId });
    return { promoted: promoted.length };
  });
}

export async function replaceCourseLinks({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: CourseLinksInput;
}): Promise<void> {
  await courseWrite({ db, viewer, slug, permission: "course.edit" }, async ({ tx, me, courseId }) => {
    const before = await tx.courseLink.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      select: { label: true, url: true },
    });
    await tx.courseLink.deleteMany({ where: { courseId } });
    await tx.courseLink.createMany({
      data: input.links.map((l, position) => ({ courseId, label: l.label, url: l.url, position })),
    });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "course.links",
      entityType: "Course",
      entityId: courseId,
      before,
      after: input.links,
    });
  });
}

export async function replaceMeetingSections({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: MeetingSectionsInput;
}): Promise<void> {
  await courseWrite({ db, viewer, slug, permission: "course.edit" }, async ({ tx, me, courseId }) => {
    const before = await tx.meetingSection.findMany({
      where: { courseId },
      orderBy: { code: "asc" },
      select: { code: true, kind: true, weekdays: true, startTime: true, endTime: true, location: true },
    });
    await tx.meetingSection.deleteMany({ where: { courseId } });
    await tx.meetingSection.createMany({ data: input.sections.map((s) => ({ courseId, ...s })) });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "course.sections",
      entityType: "Course",
      entityId: courseId,
      before,
      after: input.sections,
    });
  });
}
