// Two courses and one person per persona, for authorization and manage tests.
import type { Db } from "@/lib/server/platform/db";
import type { Viewer } from "@/lib/server/authorization/authz";
import type { CourseRole } from "@/lib/server/authorization/permissions";

export const PERSONAS = [
  "anonymous",
  "student",
  "otherCourseStudent",
  "auditor",
  "ta",
  "instructor",
  "otherCourseInstructor",
  // Beyond the seven required personas: standing that gives no role, and one person with two roles.
  "waitlisted",
  "dropped",
  "taElsewhereStudentHere",
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The persona's role in course "alpha" (where every check runs), and in any course at all. */
export const PERSONA_ROLES: Record<Persona, { signedIn: boolean; role: CourseRole | null; anyRoles: CourseRole[] }> = {
  anonymous: { signedIn: false, role: null, anyRoles: [] },
  student: { signedIn: true, role: "STUDENT", anyRoles: ["STUDENT"] },
  otherCourseStudent: { signedIn: true, role: null, anyRoles: ["STUDENT"] },
  auditor: { signedIn: true, role: "AUDITOR", anyRoles: ["AUDITOR"] },
  ta: { signedIn: true, role: "TA", anyRoles: ["TA"] },
  instructor: { signedIn: true, role: "INSTRUCTOR", anyRoles: ["INSTRUCTOR"] },
  otherCourseInstructor: { signedIn: true, role: null, anyRoles: ["INSTRUCTOR"] },
  waitlisted: { signedIn: true, role: null, anyRoles: [] },
  dropped: { signedIn: true, role: null, anyRoles: [] },
  taElsewhereStudentHere: { signedIn: true, role: "STUDENT", anyRoles: ["STUDENT", "TA"] },
};

export type Fixture = {
  alpha: { id: string; slug: string };
  beta: { id: string; slug: string };
  viewers: Record<Persona, Viewer | null>;
  users: Record<Exclude<Persona, "anonymous">, string>;
  assignmentId: string;
  categoryId: string;
  speakerId: string;
  entryId: string;
  announcementId: string;
};

let counter = 0;

/** Builds the two courses. Alpha has 2 seats, both taken, and one person waiting. */
export async function buildFixture(db: Db, prefix = "p"): Promise<Fixture> {
  const tag = `${prefix}${++counter}`;
  const alpha = await db.course.create({
    data: {
      slug: `alpha-${tag}`,
      code: "ALP 100",
      title: "Alpha",
      term: "Fall 2025",
      institution: "Test U",
      timeZone: "America/Toronto",
      capacity: 2,
    },
    select: { id: true, slug: true },
  });
  const beta = await db.course.create({
    data: {
      slug: `beta-${tag}`,
      code: "BET 200",
      title: "Beta",
      term: "Fall 2025",
      institution: "Test U",
      timeZone: "Europe/Brussels",
    },
    select: { id: true, slug: true },
  });
  const user = async (key: string) =>
    (await db.user.create({ data: { email: `${key}-${tag}@test.example`, name: key }, select: { id: true } })).id;
  const users = {
    student: await user("student"),
    otherCourseStudent: await user("other-student"),
    auditor: await user("auditor"),
    ta: await user("ta"),
    instructor: await user("instructor"),
    otherCourseInstructor: await user("other-instructor"),
    waitlisted: await user("waitlisted"),
    dropped: await user("dropped"),
    taElsewhereStudentHere: await user("cross"),
  };
  await db.membership.createMany({
    data: [
      { courseId: alpha.id, userId: users.instructor, role: "INSTRUCTOR" },
      { courseId: alpha.id, userId: users.ta, role: "TA" },
      { courseId: alpha.id, userId: users.student, role: "STUDENT" },
      { courseId: alpha.id, userId: users.taElsewhereStudentHere, role: "STUDENT" },
      { courseId: alpha.id, userId: users.auditor, role: "AUDITOR" },
      { courseId: alpha.id, userId: users.waitlisted, role: "STUDENT", status: "WAITLISTED", waitlistPosition: 1 },
      { courseId: alpha.id, userId: users.dropped, role: "STUDENT", status: "DROPPED" },
      { courseId: beta.id, userId: users.otherCourseInstructor, role: "INSTRUCTOR" },
      { courseId: beta.id, userId: users.otherCourseStudent, role: "STUDENT" },
      { courseId: beta.id, userId: users.taElsewhereStudentHere, role: "TA" },
    ],
  });
  const category = await db.gradingCategory.create({
    data: { courseId: alpha.id, name: "Projects", weight: 100 },
    select: { id: true },
  });
  const assignment = await db.assignment.create({
    data: {
      courseId: alpha.id,
      code: "A1",
      title: "First",
      kind: "HOMEWORK",
      categoryId: category.id,
      dueAt: new Date("2025-10-01T03:59:00Z"),
      gradesReleasedAt: new Date("2025-10-10T00:00:00Z"),
    },
    select: { id: true },
  });
  await db.grade.create({
    data: { courseId: alpha.id, assignmentId: assignment.id, studentId: users.student, score: 90 },
  });
  await db.submission.create({
    data: {
      courseId: alpha.id,
      assignmentId: assignment.id,
      studentId: users.student,
      submittedAt: new Date("2025-10-01T03:00:00Z"),
      fileName: "a1.pdf",
    },
  });
  const speaker = await db.speaker.create({ data: { courseId: alpha.id, name: "Ada Guest" }, select: { id: true } });
  const entry = await db.scheduleEntry.create({
    data: { courseId: alpha.id, date: new Date("2025-09-10T00:00:00Z"), title: "Intro", topics: [] },
    select: { id: true },
  });
  const announcement = await db.announcement.create({
    data: { courseId: alpha.id, title: "Welcome", body: "Hello", publishedAt: new Date("2025-09-01T12:00:00Z") },
    select: { id: true },
  });
  const viewer = (key: keyof typeof users): Viewer => ({ userId: users[key], email: `${key}@test.example`, name: key });
  const viewers = Object.fromEntries(PERSONAS.map((p) => [p, p === "anonymous" ? null : viewer(p)])) as Record<
    Persona,
    Viewer | null
  >;
  return {
    alpha,
    beta,
    viewers,
    users,
    assignmentId: assignment.id,
    categoryId: category.id,
    speakerId: speaker.id,
    entryId: entry.id,
    announcementId: announcement.id,
  };
}

/** A digest of every row of every table: equal digests mean nothing changed. */
export async function databaseDigest(db: Db): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const parts = tables.map(
    (t) =>
      `SELECT '${t.table_name}' || ':' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS d FROM "${t.table_name}" x`,
  );
  const rows = await db.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(string_agg(d, '|' ORDER BY d)) AS digest FROM (${parts.join(" UNION ALL ")}) s`,
  );
  return rows[0]!.digest;
}

/** The seeded person with this email, as the viewer the data layer takes. */
export async function viewerByEmail(db: Db, email: string): Promise<Viewer> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { userId: u.id, email: u.email, name: u.name };
}
