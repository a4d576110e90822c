// The one role → permission table. Every page, server action and route handler
// asks `authorize` (lib/server/authz.ts) for one of these; nothing checks roles
// by hand. "public" means anyone, signed in or not. The README's role matrix is
// this table.
export const COURSE_ROLES = ["INSTRUCTOR", "TA", "STUDENT", "AUDITOR"] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];
export type Audience = CourseRole | "public";

export const permissions = {
  // Course content everyone may read: home, schedule, announcements, deadlines, speakers, feeds.
  "course.read": ["public"],
  // Staff pages and data.
  "roster.read": ["INSTRUCTOR", "TA"],
  "gradebook.read": ["INSTRUCTOR", "TA"],
  "grades.edit": ["INSTRUCTOR", "TA"],
  "grades.release": ["INSTRUCTOR", "TA"],
  "grades.import": ["INSTRUCTOR", "TA"],
  "ledger.read.all": ["INSTRUCTOR", "TA"],
  "submissions.read.all": ["INSTRUCTOR", "TA"],
  "audit.read": ["INSTRUCTOR", "TA"],
  // Instructor-only: shaping the course.
  "course.edit": ["INSTRUCTOR"],
  "schedule.edit": ["INSTRUCTOR"],
  "assignments.edit": ["INSTRUCTOR"],
  "announcements.post": ["INSTRUCTOR"],
  "roster.edit": ["INSTRUCTOR"],
  "extensions.grant": ["INSTRUCTOR"],
  "ledger.adjust": ["INSTRUCTOR"],
  "policy.edit": ["INSTRUCTOR"],
  "scheme.edit": ["INSTRUCTOR"],
  "course.export": ["INSTRUCTOR"],
  // A student's own records; "own" is enforced by scoping queries to the viewer.
  "own.grades.read": ["STUDENT"],
  "own.deadlines.read": ["STUDENT"],
  "own.submissions.create": ["STUDENT"],
  "own.feed.manage": ["STUDENT"],
  "own.track.choose": ["STUDENT"],
} as const satisfies Record<string, readonly Audience[]>;

export type Permission = keyof typeof permissions;

export function roleAllows(permission: Permission, role: CourseRole | null): boolean {
  const allowed: readonly Audience[] = permissions[permission];
  if (allowed.includes("public")) return true;
  return role !== null && allowed.includes(role);
}
