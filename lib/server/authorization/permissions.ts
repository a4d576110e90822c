// The one role → permission table. Every page, server action and route handler
// asks `authorize` (lib/server/authorization/authz.ts) for one of these; nothing checks roles
// by hand. docs/role-matrix.md is generated from this file (`npx tsx scripts/role-matrix.ts`).
//
// Audiences:
//   "public"    anyone, signed in or not;
//   "signedIn"  any signed-in person, member of the course or not (joining it, say);
//   a role      a person ENROLLED in the course with that role. Roles are per course
//               (memberships), so a TA of one course is only a student in another.
// Permissions named "site.*" are not about one course: a role there means "has that
// role, enrolled, in at least one course" (authorizeSite in authz.ts).
// "own.*" permissions cover a student's own records; "own" is enforced by scoping
// every query to the viewer (see authorizeStudentRecord).
export const COURSE_ROLES = ["INSTRUCTOR", "TA", "STUDENT", "AUDITOR"] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];
export type Audience = CourseRole | "public" | "signedIn";
export const AUDIENCES = ["public", "signedIn", ...COURSE_ROLES] as const satisfies readonly Audience[];

export const permissions = {
  // Course content everyone may read: home, schedule, announcements, deadlines, speakers, feeds.
  "course.read": ["public"],
  // Joining a course (a seat, or the waitlist when full) and leaving it again.
  "course.join": ["signedIn"],
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
  "course.import": ["INSTRUCTOR"],
  // Teams (issue 16): staff see them, the instructor shapes them.
  "teams.read": ["INSTRUCTOR", "TA"],
  "teams.edit": ["INSTRUCTOR"],
  // A student's own records.
  "own.grades.read": ["STUDENT"],
  "own.deadlines.read": ["STUDENT"],
  "own.submissions.read": ["STUDENT"],
  "own.submissions.create": ["STUDENT"],
  "own.late-hours.read": ["STUDENT"],
  "own.feed.manage": ["STUDENT"],
  "own.track.choose": ["STUDENT"],
  "own.team.read": ["STUDENT"],
  "own.team.form": ["STUDENT"],
  // Extension requests (#17). assumed: TAs review and decide requests, as they answer students'
  // mail about deadlines today; only the instructor sets the rule that decides by itself.
  "own.extension-requests.create": ["STUDENT"],
  "own.extension-requests.read": ["STUDENT"],
  "extension-requests.review": ["INSTRUCTOR", "TA"],
  "extension-requests.decide": ["INSTRUCTOR", "TA"],
  "extension-rules.edit": ["INSTRUCTOR"],
  // The signed link in an email is its own authority: anyone holding a valid token.
  "notifications.unsubscribe": ["public"],
  // Not about one course.
  "site.course.create": ["INSTRUCTOR"],
  "site.notifications.manage": ["signedIn"],
  "site.notices.read": ["STUDENT"],
  // The local outbox (/dev/outbox), only when no SMTP_URL is set: an instructor reads the mail of their courses.
  "site.outbox.read": ["INSTRUCTOR"],
} as const satisfies Record<string, readonly Audience[]>;

export type Permission = keyof typeof permissions;

/** One line per permission for the role matrix; a missing line is a type error. */
export const permissionDescriptions: Record<Permission, string> = {
  "course.read": "Read course content: home, schedule, announcements, deadlines, speakers, calendar feed",
  "course.join": "Join the course (a seat, or the waitlist when it is full), see one's place, leave",
  "roster.read": "See the roster, the waitlist and a member's record",
  "gradebook.read": "See every student's grades",
  "grades.edit": "Enter and change grades",
  "grades.release": "Release an assignment's grades to students",
  "grades.import": "Import grades from a CSV file",
  "ledger.read.all": "See every student's late-hour ledger",
  "submissions.read.all": "See every student's submissions",
  "audit.read": "Read the course's audit log",
  "course.edit": "Edit course details, links, meeting sections and capacity",
  "schedule.edit": "Edit schedule entries, readings, guest speakers and no-class days",
  "assignments.edit": "Create, edit and delete assignments and due dates",
  "announcements.post": "Post, edit and delete announcements",
  "roster.edit": "Add people, import a roster CSV, change roles, drop members",
  "extensions.grant": "Grant and revoke extensions",
  "ledger.adjust": "Adjust a student's late-hour ledger",
  "policy.edit": "Change the late policy",
  "scheme.edit": "Change the grading scheme (categories, weights, tracks, cutoffs)",
  "course.export": "Export the course as a YAML file (no student data)",
  "course.import": "Update the course from a YAML course file",
  "teams.read": "See every team: members, submissions, late hours per member; export them as CSV",
  "teams.edit": "Create, rename and delete teams and team sets, move members, import teams from CSV",
  "own.grades.read": "See one's own released grades",
  "own.deadlines.read": "See one's own deadlines, with personal extensions",
  "own.submissions.read": "See one's own submissions",
  "own.submissions.create": "Hand in work",
  "own.late-hours.read": "See one's own late-hour balance and ledger",
  "own.feed.manage": "Create or regenerate one's personal calendar feed",
  "own.track.choose": "Choose an elective grading track",
  "own.team.read": "See one's own team, its submissions and what a late team submission costs each member",
  "own.team.form": "Create, join or leave a team while the team set is open for students",
  "site.course.create": "Create a new course from a YAML course file (an instructor of any course)",
  "own.extension-requests.create": "Ask for an extension of one's own deadline (date, reason, a file)",
  "own.extension-requests.read": "See one's own extension requests and their decisions",
  "extension-requests.review": "See the queue of extension requests with each student's standing",
  "extension-requests.decide": "Approve, approve another date, or deny extension requests",
  "extension-rules.edit": "Set the course's rule that decides extension requests by itself",
  "notifications.unsubscribe": "Turn off a kind of email through the signed link in it, without signing in",
  "site.notifications.manage": "Choose which emails one gets",
  "site.notices.read": "See one's notices: what changed in one's courses since the last visit",
  "site.outbox.read": "Read the local outbox of one's courses' emails (only without SMTP_URL)",
};

/**
 * Pages under /courses/[slug] that not everyone may open, by path below the
 * course (first match wins). The course layout checks these before anything
 * streams, so a refused request gets a real 401/403/404 status instead of a 200
 * whose body says "forbidden"; each page still authorizes its own data load.
 * `record` pages show one student: staff with `all` see anyone, a student with
 * `own` only themselves (the path's id), anyone else gets a 404.
 * Adding a protected page is one line here.
 */
export type CoursePageRule =
  { path: RegExp; permission: Permission } | { path: RegExp; record: { own: Permission; all: Permission } };

export const coursePageRules: readonly CoursePageRule[] = [
  { path: /^\/manage\/roster(\/|$)/, permission: "roster.read" },
  { path: /^\/manage\/schedule(\/|$)/, permission: "schedule.edit" },
  { path: /^\/manage\/assignments(\/|$)/, permission: "assignments.edit" },
  { path: /^\/manage\/announcements(\/|$)/, permission: "announcements.post" },
  { path: /^\/manage\/import(\/|$)/, permission: "course.import" },
  { path: /^\/manage(\/|$)/, permission: "course.edit" },
  { path: /^\/gradebook\/import(\/|$)/, permission: "grades.import" },
  { path: /^\/gradebook(\/|$)/, permission: "gradebook.read" },
  { path: /^\/late-hours\/extensions(\/|$)/, permission: "extensions.grant" },
  { path: /^\/late-hours\/students\/([^/]+)/, record: { own: "own.late-hours.read", all: "ledger.read.all" } },
  { path: /^\/late-hours(\/|$)/, permission: "ledger.read.all" },
  { path: /^\/grades(\/|$)/, permission: "own.grades.read" },
  { path: /^\/teams(\/|$)/, permission: "teams.read" },
  { path: /^\/my-team(\/|$)/, permission: "own.team.read" },
  { path: /^\/me(\/|$)/, permission: "own.deadlines.read" },
  { path: /^\/requests(\/|$)/, permission: "extension-requests.review" },
  { path: /^\/people\/([^/]+)/, record: { own: "own.submissions.read", all: "roster.read" } },
];

/** The rule for a path below /courses/[slug] ("/manage/roster"), if any. */
export function coursePageRule(subpath: string): CoursePageRule | undefined {
  return coursePageRules.find((r) => r.path.test(subpath));
}

export function isSitePermission(permission: Permission): boolean {
  return permission.startsWith("site.");
}

/**
 * Whether someone with `role` in the course (null: not enrolled there) may do
 * `permission`. `signedIn` matters only for "signedIn" permissions; a role
 * implies a signed-in viewer.
 */
export function roleAllows(
  permission: Permission,
  role: CourseRole | null,
  signedIn: boolean = role !== null,
): boolean {
  const allowed: readonly Audience[] = permissions[permission];
  if (allowed.includes("public")) return true;
  if (allowed.includes("signedIn") && (signedIn || role !== null)) return true;
  return role !== null && allowed.includes(role);
}

/** The audiences a permission is granted to, as listed in the table. */
export function audiencesOf(permission: Permission): readonly Audience[] {
  return permissions[permission];
}
