// The authorization matrix, against real PostgreSQL.
//
// Part 1 is driven by the permission table itself: every permission × every
// persona through authorize() (authorizeSite() for "site.*"), compared with what
// the table says for that persona's role in the course.
// Part 2 is a list of concrete entry points (data-layer functions, server
// actions, route handlers), one line each, naming the permission they need: each
// runs as every persona, must be allowed or refused exactly as the table says,
// and a refusal must leave every row of every table as it was.
//
// Adding an entry point is one line in ENTRIES.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/people/session", () => ({ currentViewer: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { currentViewer } from "@/lib/server/people/session";
import type { Db } from "@/lib/server/platform/db";
import { authorize, authorizeSite, type Viewer } from "@/lib/server/authorization/authz";
import { AppError } from "@/lib/server/platform/errors";
import { permissions, type Permission } from "@/lib/server/authorization/permissions";
import type { ActionState } from "@/lib/server/platform/action";
// Data layer: manage (this issue)
import { getEnrolment, joinCourse, leaveCourse } from "@/lib/server/people/enrolment";
import {
  addMember,
  applyRosterImport,
  changeMemberRole,
  admitMember,
  dropMember,
  getMemberRecord,
  getRoster,
  previewRosterImport,
} from "@/lib/server/people/roster";
import {
  getCourseForEdit,
  replaceCourseLinks,
  replaceMeetingSections,
  updateCourseDetails,
} from "@/lib/server/course/manage/course";
import {
  addNoClassDay,
  deleteScheduleEntry,
  getScheduleForEdit,
  saveScheduleEntry,
} from "@/lib/server/course/manage/schedule";
import { deleteAssignment, getAssignmentsForEdit, saveAssignment } from "@/lib/server/course/manage/assignments";
import {
  deleteAnnouncement,
  getAnnouncementsForEdit,
  saveAnnouncement,
} from "@/lib/server/course/manage/announcements";
import {
  applyCourseImport,
  courseFileOf,
  courseFileYaml,
  exportCourse,
  previewCourseImport,
} from "@/lib/server/course/manage/course-file";
// Data layer: the rest of the app
import { getCourseHome } from "@/lib/server/course/courses";
import { getAnnouncement, getCourseAnnouncements } from "@/lib/server/course/announcements";
import { getCourseSchedule, getCourseSpeakers } from "@/lib/server/course/schedule";
import { getPublicDeadlines } from "@/lib/server/course/assignments";
import { getCourseLateHours, getMyDeadlines, getStudentLedger } from "@/lib/server/deadlines/my-deadlines";
import { grantCourseExtension, grantStudentExtensions, listExtensions } from "@/lib/server/deadlines/extensions";
import { adjustLedger } from "@/lib/server/deadlines/ledger";
import { getGradeDetail, getMyGrades, saveGrade, setGradesReleased } from "@/lib/server/grading/grades";
import { getGradebook } from "@/lib/server/grading/gradebook";
import { getSchemeEditor } from "@/lib/server/grading/grade-scheme";
import { getGradebookStats } from "@/lib/server/grading/grade-stats";
import { exportGradebookCsv } from "@/lib/server/grading/grade-csv";
import { previewGradeImport } from "@/lib/server/grading/grade-import";
// Server actions
import * as manage from "@/app/courses/[slug]/manage/actions";
import * as enrolment from "@/app/courses/[slug]/enrolment-actions";
import * as courseImport from "@/app/courses/import/actions";
import * as gradebookActions from "@/app/courses/[slug]/gradebook/actions";
import * as lateHoursActions from "@/app/courses/[slug]/late-hours/actions";
import * as meActions from "@/app/courses/[slug]/me/actions";
import * as feedActions from "@/app/courses/[slug]/me/feed/actions";
// Route handlers
import { GET as exportRoute } from "@/app/api/courses/[slug]/export/route";
import { GET as gradebookExportRoute } from "@/app/api/courses/[slug]/gradebook/export/route";
import { GET as gradebookRowsRoute } from "@/app/api/courses/[slug]/gradebook/rows/route";
import {
  GET as gradeDetailRoute,
  PUT as gradeSaveRoute,
} from "@/app/api/courses/[slug]/grades/[assignmentId]/[studentId]/route";
// Teams (issue 16)
import { getMyTeams, getTeamsPage } from "@/lib/server/people/teams/team-views";
import { applyTeamImport, exportTeamsCsv, previewTeamImport } from "@/lib/server/people/teams/team-csv";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  removeTeamMember,
  saveTeamSet,
  setAssignmentTeamSet,
} from "@/lib/server/people/teams/teams";
import { createOwnTeam, joinTeam, leaveTeam } from "@/lib/server/people/teams/formation";
import { submitTeamWork } from "@/lib/server/deadlines/team-submissions";
import { getSubmissionFile } from "@/lib/server/deadlines/submissions";
import { grantTeamExtension } from "@/lib/server/deadlines/team-extensions";
import { saveTeamGrade, saveTeamGradeCell } from "@/lib/server/grading/team-grades";
import { PUT as teamGradeCellRoute } from "@/app/api/courses/[slug]/team-grades/[assignmentId]/[studentId]/route";
import * as teamActions from "@/app/courses/[slug]/teams/actions";
import * as myTeamActions from "@/app/courses/[slug]/my-team/actions";
import { GET as teamsExportRoute } from "@/app/api/courses/[slug]/teams/[teamSetId]/export/route";
// Notifications (issue 17)
import {
  describeUnsubscribe,
  getNotificationSettings,
  saveNotificationSettings,
  unsubscribeWithToken,
} from "@/lib/server/notify/settings";
import { listLocalOutbox } from "@/lib/server/notify/outbox-view";
import { unsubscribeToken } from "@/lib/server/notify/unsubscribe-token";
import * as notifyActions from "@/app/settings/notifications/actions";
import { POST as oneClickUnsubscribeRoute } from "@/app/api/unsubscribe/[token]/route";
import {
  createExtensionRequest,
  decideExtensionRequests,
  getExtensionQueue,
  getExtensionRequestFile,
  getMyExtensionRequests,
  previewExtensionRequest,
  saveExtensionRule,
} from "@/lib/server/deadlines/extension-requests";
import * as requestActions from "@/app/courses/[slug]/me/request-actions";
import * as queueActions from "@/app/courses/[slug]/requests/actions";
import { GET as requestFileRoute } from "@/app/api/courses/[slug]/extension-requests/[requestId]/file/route";
import { scheduleEntrySchema } from "@/lib/validation/schedule";
import { assignmentSchema } from "@/lib/validation/assignment";
import { announcementSchema } from "@/lib/validation/announcement";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { buildFixture, databaseDigest, PERSONA_ROLES, PERSONAS, type Fixture, type Persona } from "./support/personas";

// ---------------------------------------------------------------- harness

type Env = {
  db: Db;
  f: Fixture;
  slug: string;
  viewer: Viewer | null;
  persona: Persona;
  now: Date;
  /** Unique per run, for names and emails. */
  n: string;
  /** Another student of the course than the viewer. */
  other: string;
  /** The viewer's own user id (a student's for anonymous). */
  self: string;
  /** What `setup` returned. */
  given: Record<string, string>;
};

/**
 * A record needs `all` to see anyone's, or `own` to see one's own; `target` picks
 * whose. `studentsOnly`: the record exists only for students (a late-hour ledger),
 * so staff asking for a non-student's get a 404 too.
 */
type Needs = Permission | { own: Permission; all: Permission; target: "self" | "other"; studentsOnly?: true };

type Entry = {
  name: string;
  needs: Needs;
  kind: "data" | "action" | "route";
  call: (e: Env) => Promise<unknown>;
  /** Changes data when allowed: run on a fresh fixture per persona. */
  mutates?: boolean;
  /** Allowed personas must succeed outright (this entry points; others may answer 409/422 after passing the policy). */
  strict?: boolean;
  /** Runs first, as the test harness (no authorization), for ids the call needs. */
  setup?: (e: Omit<Env, "given">) => Promise<Record<string, string>>;
};

const d =
  (kind: Entry["kind"]) =>
  (
    name: string,
    needs: Needs,
    call: Entry["call"],
    opts: Partial<Pick<Entry, "mutates" | "strict" | "setup">> = {},
  ): Entry => ({ name, needs, kind, call, ...opts });
const data = d("data");
const action = d("action");
const route = d("route");

const act =
  (fn: (prev: never, raw: Record<string, unknown>) => Promise<unknown>, input: (e: Env) => Record<string, unknown>) =>
  (e: Env) =>
    fn(null as never, { courseSlug: e.slug, ...input(e) });
const req = (url: string, init?: RequestInit) => new Request(`http://localhost${url}`, init);
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

const details = (e: Env, capacity: number | null = 3) => ({
  code: "ALP 101",
  title: `Alpha ${e.n}`,
  term: "Fall 2025",
  institution: "Test U",
  description: "Edited",
  timeZone: "America/Toronto",
  firstDayOfClasses: "2025-09-03",
  lastDayOfClasses: "2025-12-03",
  capacity,
});
const entryInput = (e: Env) =>
  scheduleEntrySchema.parse({
    date: "2025-10-01",
    kind: "LECTURE",
    title: `Lecture ${e.n}`,
    readings: `Paper ${e.n} | https://example.org/${e.n}`,
    newSpeakerName: `Guest ${e.n}`,
  });
const assignmentInput = (e: Env) =>
  assignmentSchema.parse({
    code: `Z${e.n}`.slice(0, 12),
    title: "New",
    kind: "HOMEWORK",
    points: "10",
    dueAt: "2025-11-01T23:00",
  });
const announcementInput = (e: Env) => announcementSchema.parse({ title: `News ${e.n}`, body: "**Hello**" });
const freshMember = async (e: Omit<Env, "given">, role: "STUDENT" | "AUDITOR" = "STUDENT") => {
  const u = await e.db.user.create({ data: { email: `m${e.n}@x.example`, name: "Member" }, select: { id: true } });
  const m = await e.db.membership.create({
    data: { courseId: e.f.alpha.id, userId: u.id, role },
    select: { id: true },
  });
  return { membershipId: m.id, userId: u.id };
};
const waitlistedMember = async (e: Omit<Env, "given">) => {
  const u = await e.db.user.create({ data: { email: `w${e.n}@x.example`, name: "Waiting" }, select: { id: true } });
  const m = await e.db.membership.create({
    data: { courseId: e.f.alpha.id, userId: u.id, role: "STUDENT", status: "WAITLISTED", waitlistPosition: 1000 },
    select: { id: true },
  });
  return { membershipId: m.id, userId: u.id };
};
const courseYaml = async (e: Omit<Env, "given">) => ({ yaml: courseFileYaml(await courseFileOf(e.db, e.f.alpha.id)) });
const newCourseYaml = async (e: Omit<Env, "given">) => {
  const { yaml } = await courseYaml(e);
  return { yaml: yaml.replace(`slug: ${e.f.alpha.slug}`, `slug: new-${e.n}`) };
};

/** A valid scheme for alpha: its one category at 100%, A from 90%, F from 0%. */
const schemeInput = (e: Env) => ({
  categories: [{ id: e.f.categoryId, weight: 100, dropLowest: 0, trackId: null }],
  items: [],
  cutoffs: [
    { letter: "A", minPercent: 90 },
    { letter: "F", minPercent: 0 },
  ],
});
/** One valid row: alpha's student gets A1 until Oct 4. */
const extensionCsv = async (e: Omit<Env, "given">) => {
  const { email } = await e.db.user.findUniqueOrThrow({ where: { id: e.f.users.student }, select: { email: true } });
  return { csv: `email,assignment,due_date,due_time,reason\n${email},A1,2025-10-04,23:59,Travel\n` };
};
/** A personal extension of A1 for alpha's student, granted by the harness as the instructor. */
const anExtension = async (e: Omit<Env, "given">) => {
  const out = await grantStudentExtensions({
    db: e.db,
    slug: e.f.alpha.slug,
    viewer: e.f.viewers.instructor,
    assignmentId: e.f.assignmentId,
    studentIds: [e.f.users.student],
    dueAt: new Date("2025-10-05T03:59:00Z"),
    reason: "Illness",
  });
  return { extensionId: out.extensionIds[0]! };
};

// ---------------------------------------------------------------- the entry points

const ENTRIES: Entry[] = [
  // ---- public reads
  data("getCourseHome", "course.read", (e) => getCourseHome({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }), {
    strict: true,
  }),
  data("getEnrolment", "course.read", (e) => getEnrolment({ db: e.db, slug: e.slug, viewer: e.viewer }), {
    strict: true,
  }),
  data("getCourseSchedule", "course.read", (e) => getCourseSchedule({ db: e.db, slug: e.slug, viewer: e.viewer })),
  data("getCourseSpeakers", "course.read", (e) => getCourseSpeakers({ db: e.db, slug: e.slug, viewer: e.viewer })),
  data("getCourseAnnouncements", "course.read", (e) =>
    getCourseAnnouncements({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }),
  ),
  data("getAnnouncement", "course.read", (e) =>
    getAnnouncement({ db: e.db, slug: e.slug, viewer: e.viewer, id: e.f.announcementId, now: e.now }),
  ),
  data("getPublicDeadlines", "course.read", (e) => getPublicDeadlines({ db: e.db, slug: e.slug, viewer: e.viewer })),
  // ---- joining
  data("joinCourse", "course.join", (e) => joinCourse({ db: e.db, slug: e.slug, viewer: e.viewer }), { mutates: true }),
  data("leaveCourse", "course.join", (e) => leaveCourse({ db: e.db, slug: e.slug, viewer: e.viewer }), {
    mutates: true,
  }),
  action(
    "joinCourseAction",
    "course.join",
    act(enrolment.joinCourseAction, () => ({})),
    { mutates: true },
  ),
  action(
    "leaveCourseAction",
    "course.join",
    act(enrolment.leaveCourseAction, () => ({})),
    { mutates: true },
  ),
  // ---- roster
  data("getRoster", "roster.read", (e) => getRoster({ db: e.db, slug: e.slug, viewer: e.viewer }), { strict: true }),
  data(
    "getMemberRecord(other student)",
    { own: "own.submissions.read", all: "roster.read", target: "other" },
    (e) => getMemberRecord({ db: e.db, slug: e.slug, viewer: e.viewer, userId: e.other, now: e.now }),
    { strict: true },
  ),
  data(
    "getMemberRecord(self)",
    { own: "own.submissions.read", all: "roster.read", target: "self" },
    (e) => getMemberRecord({ db: e.db, slug: e.slug, viewer: e.viewer, userId: e.self, now: e.now }),
    { strict: true },
  ),
  data(
    "addMember",
    "roster.edit",
    (e) =>
      addMember({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: { email: `new${e.n}@x.example`, name: "New", role: "STUDENT" },
      }),
    { mutates: true, strict: true },
  ),
  data(
    "previewRosterImport",
    "roster.edit",
    (e) => previewRosterImport({ db: e.db, slug: e.slug, viewer: e.viewer, csv: `email,name\nc${e.n}@x.example,C` }),
    { strict: true },
  ),
  data(
    "applyRosterImport",
    "roster.edit",
    (e) =>
      applyRosterImport({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        csv: `email,name,role\nc${e.n}@x.example,C,auditor`,
      }),
    { mutates: true, strict: true },
  ),
  data(
    "changeMemberRole",
    "roster.edit",
    (e) =>
      changeMemberRole({ db: e.db, slug: e.slug, viewer: e.viewer, membershipId: e.given.membershipId!, role: "TA" }),
    { mutates: true, strict: true, setup: (e) => freshMember(e, "AUDITOR") },
  ),
  data(
    "admitMember",
    "roster.edit",
    (e) =>
      admitMember({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        membershipId: e.given.membershipId!,
        overCapacity: true,
      }),
    { mutates: true, strict: true, setup: (e) => waitlistedMember(e) },
  ),
  data(
    "dropMember",
    "roster.edit",
    (e) => dropMember({ db: e.db, slug: e.slug, viewer: e.viewer, membershipId: e.given.membershipId! }),
    { mutates: true, strict: true, setup: (e) => freshMember(e) },
  ),
  action(
    "addMemberAction",
    "roster.edit",
    act(manage.addMemberAction, (e) => ({ email: `new${e.n}@x.example`, name: "New", role: "STUDENT" })),
    { mutates: true, strict: true },
  ),
  action(
    "previewRosterImportAction",
    "roster.edit",
    act(manage.previewRosterImportAction, (e) => ({ csv: `email\nd${e.n}@x.example` })),
    { strict: true },
  ),
  action(
    "applyRosterImportAction",
    "roster.edit",
    act(manage.applyRosterImportAction, (e) => ({ csv: `email,name\nd${e.n}@x.example,D` })),
    { mutates: true, strict: true },
  ),
  action(
    "changeRoleAction",
    "roster.edit",
    act(manage.changeRoleAction, (e) => ({ membershipId: e.given.membershipId, role: "TA" })),
    { mutates: true, strict: true, setup: (e) => freshMember(e, "AUDITOR") },
  ),
  action(
    "admitMemberAction",
    "roster.edit",
    act(manage.admitMemberAction, (e) => ({ membershipId: e.given.membershipId, overCapacity: "1" })),
    { mutates: true, strict: true, setup: (e) => waitlistedMember(e) },
  ),
  action(
    "dropMemberAction",
    "roster.edit",
    act(manage.dropMemberAction, (e) => ({ membershipId: e.given.membershipId })),
    { mutates: true, strict: true, setup: (e) => freshMember(e) },
  ),
  // ---- course details, links, sections, capacity
  data("getCourseForEdit", "course.edit", (e) => getCourseForEdit({ db: e.db, slug: e.slug, viewer: e.viewer }), {
    strict: true,
  }),
  data(
    "updateCourseDetails",
    "course.edit",
    (e) => updateCourseDetails({ db: e.db, slug: e.slug, viewer: e.viewer, input: details(e) }),
    { mutates: true, strict: true },
  ),
  data(
    "replaceCourseLinks",
    "course.edit",
    (e) =>
      replaceCourseLinks({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: { links: [{ label: "Syllabus", url: "https://example.org/s" }] },
      }),
    { mutates: true, strict: true },
  ),
  data(
    "replaceMeetingSections",
    "course.edit",
    (e) =>
      replaceMeetingSections({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: {
          sections: [
            {
              code: "LEC0101",
              kind: "LECTURE",
              weekdays: [3],
              startTime: "10:00",
              endTime: "12:00",
              location: "BA 1130",
            },
          ],
        },
      }),
    { mutates: true, strict: true },
  ),
  action(
    "updateCourseDetailsAction",
    "course.edit",
    act(manage.updateCourseDetailsAction, (e) => ({ ...details(e), capacity: "4" })),
    { mutates: true, strict: true },
  ),
  action(
    "saveCourseLinksAction",
    "course.edit",
    act(manage.saveCourseLinksAction, () => ({
      linkLabel: ["A", "B"],
      linkUrl: ["https://a.example", "https://b.example"],
    })),
    { mutates: true, strict: true },
  ),
  action(
    "saveMeetingSectionsAction",
    "course.edit",
    act(manage.saveMeetingSectionsAction, () => ({
      sectionCode: "L1",
      sectionKind: "LECTURE",
      sectionDays: "Mon Wed",
      sectionStart: "09:00",
      sectionEnd: "10:00",
      sectionLocation: "Room 1",
    })),
    { mutates: true, strict: true },
  ),
  // ---- schedule
  data("getScheduleForEdit", "schedule.edit", (e) => getScheduleForEdit({ db: e.db, slug: e.slug, viewer: e.viewer }), {
    strict: true,
  }),
  data(
    "saveScheduleEntry(new)",
    "schedule.edit",
    (e) => saveScheduleEntry({ db: e.db, slug: e.slug, viewer: e.viewer, input: entryInput(e) }),
    { mutates: true, strict: true },
  ),
  data(
    "saveScheduleEntry(edit)",
    "schedule.edit",
    (e) =>
      saveScheduleEntry({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: { ...entryInput(e), entryId: e.f.entryId, speakerIds: [e.f.speakerId] },
      }),
    { mutates: true, strict: true },
  ),
  data(
    "addNoClassDay",
    "schedule.edit",
    (e) =>
      addNoClassDay({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: { date: "2025-10-15", title: "Reading week", note: null },
      }),
    { mutates: true, strict: true },
  ),
  data(
    "deleteScheduleEntry",
    "schedule.edit",
    (e) => deleteScheduleEntry({ db: e.db, slug: e.slug, viewer: e.viewer, entryId: e.f.entryId }),
    { mutates: true, strict: true },
  ),
  action(
    "saveScheduleEntryAction",
    "schedule.edit",
    act(manage.saveScheduleEntryAction, (e) => ({
      date: "2025-10-08",
      kind: "LECTURE",
      title: `L ${e.n}`,
      speakerIds: e.f.speakerId,
    })),
    { mutates: true, strict: true },
  ),
  action(
    "addNoClassAction",
    "schedule.edit",
    act(manage.addNoClassAction, () => ({ date: "2025-10-22" })),
    { mutates: true, strict: true },
  ),
  action(
    "deleteScheduleEntryAction",
    "schedule.edit",
    act(manage.deleteScheduleEntryAction, (e) => ({ entryId: e.f.entryId })),
    { mutates: true, strict: true },
  ),
  // ---- assignments
  data(
    "getAssignmentsForEdit",
    "assignments.edit",
    (e) => getAssignmentsForEdit({ db: e.db, slug: e.slug, viewer: e.viewer }),
    { strict: true },
  ),
  data(
    "saveAssignment(new)",
    "assignments.edit",
    (e) => saveAssignment({ db: e.db, slug: e.slug, viewer: e.viewer, input: assignmentInput(e) }),
    { mutates: true, strict: true },
  ),
  data(
    "saveAssignment(edit)",
    "assignments.edit",
    (e) =>
      saveAssignment({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: { ...assignmentInput(e), code: "A1", assignmentId: e.f.assignmentId, categoryId: e.f.categoryId },
      }),
    { mutates: true, strict: true },
  ),
  data(
    "deleteAssignment",
    "assignments.edit",
    (e) => deleteAssignment({ db: e.db, slug: e.slug, viewer: e.viewer, assignmentId: e.given.id! }),
    {
      mutates: true,
      strict: true,
      setup: async (e) => ({
        id: (
          await e.db.assignment.create({
            data: { courseId: e.f.alpha.id, code: "DEL", title: "Delete me", kind: "QUIZ" },
            select: { id: true },
          })
        ).id,
      }),
    },
  ),
  action(
    "saveAssignmentAction",
    "assignments.edit",
    act(manage.saveAssignmentAction, (e) => ({
      code: `Q${e.n}`.slice(0, 12),
      title: "Quiz",
      kind: "QUIZ",
      points: "5",
      acceptsLate: "on",
    })),
    { mutates: true, strict: true },
  ),
  action(
    "deleteAssignmentAction",
    "assignments.edit",
    act(manage.deleteAssignmentAction, (e) => ({ assignmentId: e.given.id })),
    {
      mutates: true,
      strict: true,
      setup: async (e) => ({
        id: (
          await e.db.assignment.create({
            data: { courseId: e.f.alpha.id, code: "DEL", title: "Delete me", kind: "QUIZ" },
            select: { id: true },
          })
        ).id,
      }),
    },
  ),
  // ---- announcements
  data(
    "getAnnouncementsForEdit",
    "announcements.post",
    (e) => getAnnouncementsForEdit({ db: e.db, slug: e.slug, viewer: e.viewer }),
    { strict: true },
  ),
  data(
    "saveAnnouncement(new)",
    "announcements.post",
    (e) => saveAnnouncement({ db: e.db, slug: e.slug, viewer: e.viewer, input: announcementInput(e), now: e.now }),
    { mutates: true, strict: true },
  ),
  data(
    "saveAnnouncement(edit)",
    "announcements.post",
    (e) =>
      saveAnnouncement({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: { ...announcementInput(e), announcementId: e.f.announcementId },
        now: e.now,
      }),
    { mutates: true, strict: true },
  ),
  data(
    "deleteAnnouncement",
    "announcements.post",
    (e) => deleteAnnouncement({ db: e.db, slug: e.slug, viewer: e.viewer, announcementId: e.f.announcementId }),
    { mutates: true, strict: true },
  ),
  action(
    "saveAnnouncementAction",
    "announcements.post",
    act(manage.saveAnnouncementAction, (e) => ({ title: `T ${e.n}`, body: "Body", pinned: "on" })),
    { mutates: true, strict: true },
  ),
  action(
    "deleteAnnouncementAction",
    "announcements.post",
    act(manage.deleteAnnouncementAction, (e) => ({ announcementId: e.f.announcementId })),
    { mutates: true, strict: true },
  ),
  // ---- course file
  data("exportCourse", "course.export", (e) => exportCourse({ db: e.db, slug: e.slug, viewer: e.viewer }), {
    strict: true,
  }),
  route(
    "GET /api/courses/[slug]/export",
    "course.export",
    (e) => exportRoute(req(`/api/courses/${e.slug}/export`), params({ slug: e.slug })),
    { strict: true },
  ),
  data(
    "previewCourseImport(this course)",
    "course.import",
    (e) => previewCourseImport({ db: e.db, viewer: e.viewer, yaml: e.given.yaml!, targetSlug: e.slug }),
    { strict: true, setup: courseYaml },
  ),
  data(
    "applyCourseImport(this course)",
    "course.import",
    (e) => applyCourseImport({ db: e.db, viewer: e.viewer, yaml: e.given.yaml!, targetSlug: e.slug }),
    { mutates: true, strict: true, setup: courseYaml },
  ),
  data(
    "applyCourseImport(new course)",
    "site.course.create",
    (e) => applyCourseImport({ db: e.db, viewer: e.viewer, yaml: e.given.yaml! }),
    { mutates: true, strict: true, setup: newCourseYaml },
  ),
  action(
    "previewCourseImportAction(this course)",
    "course.import",
    (e) => courseImport.previewCourseImportAction(null, { yaml: e.given.yaml, targetSlug: e.slug }),
    { strict: true, setup: courseYaml },
  ),
  action(
    "applyCourseImportAction(new course)",
    "site.course.create",
    (e) => courseImport.applyCourseImportAction(null, { yaml: e.given.yaml }),
    { mutates: true, strict: true, setup: newCourseYaml },
  ),
  // ---- own records (deadlines engine, gradebook)
  data("getMyDeadlines", "own.deadlines.read", (e) =>
    getMyDeadlines({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }),
  ),
  data("getMyGrades", "own.grades.read", (e) => getMyGrades({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now })),
  data(
    "getStudentLedger(other student)",
    { own: "own.late-hours.read", all: "ledger.read.all", target: "other" },
    (e) => getStudentLedger({ db: e.db, slug: e.slug, viewer: e.viewer, studentId: e.other, now: e.now }),
  ),
  data(
    "getStudentLedger(self)",
    { own: "own.late-hours.read", all: "ledger.read.all", target: "self", studentsOnly: true },
    (e) => getStudentLedger({ db: e.db, slug: e.slug, viewer: e.viewer, studentId: e.self, now: e.now }),
  ),
  data("getGradeDetail(other student)", { own: "own.grades.read", all: "gradebook.read", target: "other" }, (e) =>
    getGradeDetail({
      db: e.db,
      slug: e.slug,
      viewer: e.viewer,
      assignmentId: e.f.assignmentId,
      studentId: e.other,
      now: e.now,
    }),
  ),
  route(
    "GET /api/…/grades/[a]/[student] (other student)",
    { own: "own.grades.read", all: "gradebook.read", target: "other" },
    (e) => gradeDetailRoute(req("/x"), params({ slug: e.slug, assignmentId: e.f.assignmentId, studentId: e.other })),
  ),
  action(
    "regenerateFeedAction",
    "own.feed.manage",
    act(feedActions.regenerateFeedAction, () => ({})),
    { mutates: true },
  ),
  action(
    "submitWorkAction",
    "own.submissions.create",
    act(meActions.submitWorkAction, (e) => ({
      assignmentId: e.f.assignmentId,
      method: "link",
      url: "https://github.com/x/y",
    })),
    { mutates: true },
  ),
  // ---- staff: grading, late hours, extensions
  data("getGradebook", "gradebook.read", (e) => getGradebook({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now })),
  data("getGradebook(first screen)", "gradebook.read", (e) =>
    getGradebook({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now, firstStudents: 1 }),
  ),
  data("getSchemeEditor", "gradebook.read", (e) => getSchemeEditor({ db: e.db, slug: e.slug, viewer: e.viewer })),
  data("getGradebookStats", "gradebook.read", (e) =>
    getGradebookStats({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }),
  ),
  data("exportGradebookCsv", "gradebook.read", (e) =>
    exportGradebookCsv({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }),
  ),
  data("previewGradeImport", "grades.import", (e) =>
    previewGradeImport({
      db: e.db,
      slug: e.slug,
      viewer: e.viewer,
      input: { header: ["Student", "SIS User ID", "A1"], rows: [] },
      now: e.now,
    }),
  ),
  route("GET /api/courses/[slug]/gradebook/export", "gradebook.read", (e) =>
    gradebookExportRoute(req("/x"), params({ slug: e.slug })),
  ),
  route("GET /api/courses/[slug]/gradebook/rows", "gradebook.read", (e) =>
    gradebookRowsRoute(req("/x"), params({ slug: e.slug })),
  ),
  data(
    "saveGrade",
    "grades.edit",
    (e) =>
      saveGrade({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.f.assignmentId,
        studentId: e.f.users.taElsewhereStudentHere,
        input: { version: 0, score: 70 },
      }),
    { mutates: true },
  ),
  route(
    "PUT /api/…/grades/[a]/[student]",
    "grades.edit",
    (e) =>
      gradeSaveRoute(
        req("/x", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: 0, score: 71 }),
        }),
        params({ slug: e.slug, assignmentId: e.f.assignmentId, studentId: e.f.users.taElsewhereStudentHere }),
      ),
    { mutates: true },
  ),
  data(
    "setGradesReleased",
    "grades.release",
    (e) =>
      setGradesReleased({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.f.assignmentId,
        release: false,
        now: e.now,
      }),
    { mutates: true },
  ),
  action(
    "releaseGradesAction",
    "grades.release",
    act(gradebookActions.releaseGradesAction, (e) => ({ assignmentId: e.f.assignmentId, release: "unrelease" })),
    { mutates: true },
  ),
  action("saveSchemeAction", "scheme.edit", act(gradebookActions.saveSchemeAction, schemeInput), {
    mutates: true,
    strict: true,
  }),
  action("previewSchemeAction", "scheme.edit", act(gradebookActions.previewSchemeAction, schemeInput), {
    strict: true,
  }),
  data("getCourseLateHours", "ledger.read.all", (e) =>
    getCourseLateHours({ db: e.db, slug: e.slug, viewer: e.viewer }),
  ),
  data(
    "adjustLedger",
    "ledger.adjust",
    (e) =>
      adjustLedger({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        studentId: e.f.users.student,
        hours: -2,
        reason: "Illness",
      }),
    { mutates: true },
  ),
  action(
    "adjustLedgerAction",
    "ledger.adjust",
    act(lateHoursActions.adjustLedgerAction, (e) => ({
      studentId: e.f.users.student,
      direction: "give_back",
      hours: "2",
      reason: "Dean's note",
    })),
    { mutates: true, strict: true },
  ),
  data("listExtensions", "extensions.grant", (e) => listExtensions({ db: e.db, slug: e.slug, viewer: e.viewer })),
  data(
    "grantCourseExtension",
    "extensions.grant",
    (e) =>
      grantCourseExtension({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.f.assignmentId,
        dueAt: new Date("2025-10-03T03:59:00Z"),
        reason: "Outage",
        announcement: null,
        now: e.now,
      }),
    { mutates: true },
  ),
  data(
    "grantStudentExtensions",
    "extensions.grant",
    (e) =>
      grantStudentExtensions({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.f.assignmentId,
        studentIds: [e.f.users.student],
        dueAt: new Date("2025-10-05T03:59:00Z"),
        reason: "Illness",
      }),
    { mutates: true },
  ),
  action(
    "grantCourseExtensionAction",
    "extensions.grant",
    act(lateHoursActions.grantCourseExtensionAction, (e) => ({
      assignmentId: e.f.assignmentId,
      dueDate: "2025-10-02",
      dueTime: "23:59",
      reason: "Outage",
    })),
    { mutates: true, strict: true },
  ),
  action(
    "grantStudentExtensionsAction",
    "extensions.grant",
    act(lateHoursActions.grantStudentExtensionsAction, (e) => ({
      assignmentId: e.f.assignmentId,
      studentIds: e.f.users.student,
      dueDate: "2025-10-04",
      dueTime: "23:59",
      reason: "Illness",
    })),
    { mutates: true, strict: true },
  ),
  action(
    "previewExtensionCsvAction",
    "extensions.grant",
    act(lateHoursActions.previewExtensionCsvAction, (e) => ({ csv: e.given.csv })),
    { strict: true, setup: extensionCsv },
  ),
  action(
    "applyExtensionCsvAction",
    "extensions.grant",
    act(lateHoursActions.applyExtensionCsvAction, (e) => ({ csv: e.given.csv })),
    { mutates: true, strict: true, setup: extensionCsv },
  ),
  action(
    "revokeExtensionAction",
    "extensions.grant",
    act(lateHoursActions.revokeExtensionAction, (e) => ({ extensionId: e.given.extensionId, reason: "Granted twice" })),
    { mutates: true, strict: true, setup: anExtension },
  ),
  // ---- teams (issue 16)
  data("getTeamsPage", "teams.read", (e) => getTeamsPage({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }), {
    strict: true,
    setup: (e) => teamSetup(e),
  }),
  data("getMyTeams", "own.team.read", (e) => getMyTeams({ db: e.db, slug: e.slug, viewer: e.viewer, now: e.now }), {
    strict: true,
    setup: (e) => teamSetup(e, { selfIn: true }),
  }),
  data(
    "exportTeamsCsv",
    "teams.read",
    (e) => exportTeamsCsv({ db: e.db, slug: e.slug, viewer: e.viewer, teamSetId: e.given.teamSetId! }),
    { strict: true, setup: (e) => teamSetup(e) },
  ),
  route(
    "GET /api/courses/[slug]/teams/[teamSetId]/export",
    "teams.read",
    (e) =>
      teamsExportRoute(
        req(`/api/courses/${e.slug}/teams/${e.given.teamSetId}/export`),
        params({ slug: e.slug, teamSetId: e.given.teamSetId! }),
      ),
    { strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "saveTeamSet",
    "teams.edit",
    (e) =>
      saveTeamSet({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: {
          name: `Teams ${e.n}`,
          minSize: 2,
          maxSize: 3,
          selfFormation: false,
          formationLocksAt: null,
          latenessPolicy: "CHARGE_EACH",
          duePolicy: "LATEST_OF_MEMBERS",
        },
      }),
    { mutates: true, strict: true },
  ),
  data(
    "setAssignmentTeamSet",
    "teams.edit",
    (e) =>
      setAssignmentTeamSet({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.given.assignmentId!,
        teamSetId: null,
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "createTeam",
    "teams.edit",
    (e) => createTeam({ db: e.db, slug: e.slug, viewer: e.viewer, teamSetId: e.given.teamSetId!, name: `New ${e.n}` }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "deleteTeam",
    "teams.edit",
    (e) => deleteTeam({ db: e.db, slug: e.slug, viewer: e.viewer, teamId: e.given.emptyTeamId! }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "addTeamMember",
    "teams.edit",
    (e) =>
      addTeamMember({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        teamId: e.given.emptyTeamId!,
        userId: e.f.users.taElsewhereStudentHere,
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "removeTeamMember",
    "teams.edit",
    (e) =>
      removeTeamMember({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        teamId: e.given.teamId!,
        userId: e.f.users.student,
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "previewTeamImport",
    "teams.edit",
    (e) =>
      previewTeamImport({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        teamSetId: e.given.teamSetId!,
        csv: "team,email\nX,nobody@x.example",
      }),
    { strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "applyTeamImport",
    "teams.edit",
    async (e) =>
      applyTeamImport({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        teamSetId: e.given.teamSetId!,
        csv: `team,email\nImported,${(await e.db.user.findUniqueOrThrow({ where: { id: e.f.users.taElsewhereStudentHere } })).email}`,
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "createOwnTeam",
    "own.team.form",
    (e) =>
      createOwnTeam({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        teamSetId: e.given.teamSetId!,
        name: `Mine ${e.n}`,
        now: e.now,
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e, { open: true, withoutStudent: true }) },
  ),
  data(
    "joinTeam",
    "own.team.form",
    (e) => joinTeam({ db: e.db, slug: e.slug, viewer: e.viewer, teamId: e.given.emptyTeamId!, now: e.now }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e, { open: true }) },
  ),
  data(
    "leaveTeam",
    "own.team.form",
    (e) => leaveTeam({ db: e.db, slug: e.slug, viewer: e.viewer, teamId: e.given.teamId!, now: e.now }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e, { open: true, selfIn: true }) },
  ),
  data(
    "submitTeamWork",
    "own.submissions.create",
    (e) =>
      submitTeamWork({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.given.assignmentId!,
        input: { url: "https://example.org/team" },
        now: e.now,
        expectedLatestId: null,
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e, { selfIn: true }) },
  ),
  data(
    "getSubmissionFile(another team's hand-in)",
    { own: "own.deadlines.read", all: "submissions.read.all", target: "other" },
    (e) => getSubmissionFile({ db: e.db, slug: e.slug, viewer: e.viewer, submissionId: e.given.otherRowId! }),
    { strict: true, setup: (e) => teamSetup(e, { otherHandIn: true }) },
  ),
  data(
    "grantTeamExtension",
    "extensions.grant",
    (e) =>
      grantTeamExtension({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        teamId: e.given.teamId!,
        assignmentId: e.given.assignmentId!,
        dueLocal: { date: "2025-11-05", time: "23:00" },
        reason: "Outage",
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "saveTeamGrade",
    "grades.edit",
    (e) =>
      saveTeamGrade({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        input: {
          assignmentId: e.given.assignmentId!,
          teamId: e.given.teamId!,
          score: 80,
          feedback: "",
          overrides: {},
          version: null,
        },
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  data(
    "saveTeamGradeCell",
    "grades.edit",
    (e) =>
      saveTeamGradeCell({
        db: e.db,
        slug: e.slug,
        viewer: e.viewer,
        assignmentId: e.given.assignmentId!,
        studentId: e.f.users.student,
        input: { version: 0, score: 80, scope: "team" },
      }),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  route(
    "PUT /api/…/team-grades/[a]/[student]",
    "grades.edit",
    (e) =>
      teamGradeCellRoute(
        req("/x", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: 0, score: 81, scope: "member" }),
        }),
        params({ slug: e.slug, assignmentId: e.given.assignmentId!, studentId: e.f.users.student }),
      ),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  action(
    "saveTeamSetAction",
    "teams.edit",
    act(teamActions.saveTeamSetAction, (e) => ({
      name: `Teams ${e.n}`,
      minSize: "2",
      maxSize: "3",
      latenessPolicy: "SHARED_BUDGET",
      duePolicy: "TEAM_ONLY",
    })),
    { mutates: true, strict: true },
  ),
  action(
    "createTeamAction",
    "teams.edit",
    act(teamActions.createTeamAction, (e) => ({ teamSetId: e.given.teamSetId, name: `New ${e.n}` })),
    { mutates: true, strict: true, setup: (e) => teamSetup(e) },
  ),
  action(
    "setAssignmentTeamSetAction",
    "teams.edit",
    act(teamActions.setAssignmentTeamSetAction, () => ({})),
  ),
  action(
    "deleteTeamAction",
    "teams.edit",
    act(teamActions.deleteTeamAction, () => ({})),
  ),
  action(
    "addTeamMemberAction",
    "teams.edit",
    act(teamActions.addTeamMemberAction, () => ({})),
  ),
  action(
    "removeTeamMemberAction",
    "teams.edit",
    act(teamActions.removeTeamMemberAction, () => ({})),
  ),
  action(
    "previewTeamImportAction",
    "teams.edit",
    act(teamActions.previewTeamImportAction, () => ({})),
  ),
  action(
    "applyTeamImportAction",
    "teams.edit",
    act(teamActions.applyTeamImportAction, () => ({})),
  ),
  action(
    "grantTeamExtensionAction",
    "extensions.grant",
    act(teamActions.grantTeamExtensionAction, () => ({})),
  ),
  action(
    "revokeTeamExtensionAction",
    "extensions.grant",
    act(teamActions.revokeTeamExtensionAction, () => ({})),
  ),
  action(
    "saveTeamGradeAction",
    "grades.edit",
    act(teamActions.saveTeamGradeAction, () => ({})),
  ),
  action(
    "joinTeamAction",
    "own.team.form",
    act(myTeamActions.joinTeamAction, (e) => ({ teamId: e.given.emptyTeamId })),
    { mutates: true, strict: true, setup: (e) => teamSetup(e, { open: true }) },
  ),
  action(
    "createOwnTeamAction",
    "own.team.form",
    act(myTeamActions.createOwnTeamAction, () => ({})),
  ),
  action(
    "leaveTeamAction",
    "own.team.form",
    act(myTeamActions.leaveTeamAction, () => ({})),
  ),
  // ---- notifications (issue 17): one's own email settings, the local outbox, the signed unsubscribe link
  data(
    "getNotificationSettings",
    "site.notifications.manage",
    (e) => getNotificationSettings({ db: e.db, viewer: e.viewer }),
    {
      strict: true,
    },
  ),
  data(
    "saveNotificationSettings",
    "site.notifications.manage",
    (e) => saveNotificationSettings({ db: e.db, viewer: e.viewer, emailOn: ["ANNOUNCEMENT"] }),
    { strict: true },
  ),
  action(
    "saveNotificationSettingsAction",
    "site.notifications.manage",
    () =>
      notifyActions.saveNotificationSettingsAction(null, {
        settings: "email",
        emailOn: ["GRADE_RELEASE", "ANNOUNCEMENT"],
      }),
    { strict: true },
  ),
  data("listLocalOutbox", "site.outbox.read", (e) => listLocalOutbox({ db: e.db, viewer: e.viewer }), { strict: true }),
  data(
    "describeUnsubscribe",
    "notifications.unsubscribe",
    (e) => describeUnsubscribe({ db: e.db, viewer: e.viewer, token: e.given.token! }),
    { strict: true, setup: unsubscribeSetup },
  ),
  data(
    "unsubscribeWithToken",
    "notifications.unsubscribe",
    (e) => unsubscribeWithToken({ db: e.db, viewer: e.viewer, token: e.given.token! }),
    { strict: true, setup: unsubscribeSetup },
  ),
  action(
    "unsubscribeAction",
    "notifications.unsubscribe",
    (e) => notifyActions.unsubscribeAction(null, { token: e.given.token }),
    { strict: true, setup: unsubscribeSetup },
  ),
  route(
    "POST /api/unsubscribe/[token] (RFC 8058 one-click)",
    "notifications.unsubscribe",
    (e) =>
      oneClickUnsubscribeRoute(
        req(`/api/unsubscribe/${e.given.token}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        params({ token: e.given.token! }),
      ),
    { strict: true, setup: unsubscribeSetup },
  ),
  // ---- extension requests (issue 17)
  data(
    "previewExtensionRequest",
    "own.extension-requests.create",
    (e) =>
      previewExtensionRequest({
        db: e.db,
        viewer: e.viewer,
        slug: e.slug,
        assignmentId: e.f.assignmentId,
        asked: { hours: 48 },
        now: e.now,
      }),
    { strict: true },
  ),
  data(
    "createExtensionRequest",
    "own.extension-requests.create",
    (e) =>
      createExtensionRequest({
        db: e.db,
        viewer: e.viewer,
        slug: e.slug,
        input: { assignmentId: e.f.assignmentId, asked: { hours: 48 }, reason: "Ill", file: null },
        now: e.now,
      }),
    { mutates: true, strict: true },
  ),
  action(
    "previewRequestAction",
    "own.extension-requests.create",
    act(requestActions.previewRequestAction, (e) => ({ assignmentId: e.f.assignmentId, mode: "hours", hours: "24" })),
    { strict: true },
  ),
  action(
    "createRequestAction",
    "own.extension-requests.create",
    act(requestActions.createRequestAction, (e) => ({
      assignmentId: e.f.assignmentId,
      mode: "date",
      date: "2025-10-03",
      time: "23:59",
      reason: "A **Dean's** note",
    })),
    { mutates: true, strict: true },
  ),
  data(
    "getMyExtensionRequests",
    "own.extension-requests.read",
    (e) => getMyExtensionRequests({ db: e.db, viewer: e.viewer, slug: e.slug }),
    { strict: true },
  ),
  data(
    "getExtensionQueue",
    "extension-requests.review",
    (e) => getExtensionQueue({ db: e.db, viewer: e.viewer, slug: e.slug }),
    {
      strict: true,
      setup: pendingRequest,
    },
  ),
  data(
    "decideExtensionRequests",
    "extension-requests.decide",
    (e) =>
      decideExtensionRequests({
        db: e.db,
        viewer: e.viewer,
        slug: e.slug,
        requestIds: [e.given.requestId!],
        decision: { kind: "approve" },
        message: "",
        now: e.now,
      }),
    { mutates: true, strict: true, setup: pendingRequest },
  ),
  action(
    "decideRequestsAction",
    "extension-requests.decide",
    act(queueActions.decideRequestsAction, (e) => ({ requestId: e.given.requestId, decision: "deny", message: "No" })),
    { mutates: true, strict: true, setup: pendingRequest },
  ),
  data(
    "saveExtensionRule",
    "extension-rules.edit",
    (e) =>
      saveExtensionRule({
        db: e.db,
        viewer: e.viewer,
        slug: e.slug,
        rule: { enabled: true, maxHours: 48, beforeDeadlineOnly: true, maxPerStudent: 2 },
      }),
    { mutates: true, strict: true },
  ),
  action(
    "saveRuleAction",
    "extension-rules.edit",
    act(queueActions.saveRuleAction, () => ({
      enabled: "on",
      maxHours: "48",
      beforeDeadlineOnly: "on",
      maxPerStudent: "",
    })),
    { mutates: true, strict: true },
  ),
  data(
    "getExtensionRequestFile(another student's)",
    { own: "own.extension-requests.read", all: "extension-requests.review", target: "other" },
    (e) => getExtensionRequestFile({ db: e.db, viewer: e.viewer, slug: e.slug, requestId: e.given.requestId! }),
    { strict: true, setup: (e) => pendingRequest(e, e.other) },
  ),
  route(
    "GET /api/…/extension-requests/[id]/file (another student's)",
    { own: "own.extension-requests.read", all: "extension-requests.review", target: "other" },
    (e) =>
      requestFileRoute(
        req(`/api/courses/${e.slug}/extension-requests/${e.given.requestId}/file`),
        params({ slug: e.slug, requestId: e.given.requestId! }),
      ),
    { strict: true, setup: (e) => pendingRequest(e, e.other) },
  ),
];

/** A pending extension request (with a file) of `studentId` (the course's student by default) on the fixture's assignment. */
async function pendingRequest(
  e: Omit<Env, "given">,
  studentId: string = e.f.users.student,
): Promise<Record<string, string>> {
  const row = await e.db.extensionRequest.create({
    data: {
      courseId: e.f.alpha.id,
      assignmentId: e.f.assignmentId,
      studentId,
      currentDueAt: new Date("2025-10-01T03:59:00Z"),
      requestedDueAt: new Date("2025-10-03T03:59:00Z"),
      reason: "Ill",
      fileName: "note.pdf",
      fileType: "application/pdf",
      fileSize: 3,
      file: { create: { data: new Uint8Array([1, 2, 3]) } },
    },
    select: { id: true },
  });
  return { requestId: row.id };
}

/** A signed unsubscribe link of the course's student (whoever opens it: the token decides). */
async function unsubscribeSetup(e: Omit<Env, "given">): Promise<Record<string, string>> {
  return { token: unsubscribeToken(e.f.users.student, "GRADE_RELEASE") };
}

/**
 * A team set in alpha with a team assignment, a team holding the course's student (and
 * the viewer, with selfIn), and an empty team; otherHandIn adds a file handed in by the
 * other student's team.
 */
async function teamSetup(
  e: Omit<Env, "given">,
  opts: { open?: boolean; selfIn?: boolean; withoutStudent?: boolean; otherHandIn?: boolean } = {},
): Promise<Record<string, string>> {
  const courseId = e.f.alpha.id;
  const set = await e.db.teamSet.create({
    data: {
      courseId,
      name: `Set ${e.n}`,
      minSize: 1,
      maxSize: 3,
      selfFormation: opts.open ?? false,
      formationLocksAt: opts.open ? new Date("2099-01-01T00:00:00Z") : null,
    },
  });
  const assignment = await e.db.assignment.create({
    data: {
      courseId,
      code: `T${e.n}`.slice(0, 12),
      title: "Team work",
      kind: "PROJECT",
      dueAt: new Date("2025-10-30T03:59:00Z"),
      teamSetId: set.id,
    },
  });
  const team = await e.db.team.create({ data: { courseId, teamSetId: set.id, name: `Team ${e.n}` } });
  const empty = await e.db.team.create({ data: { courseId, teamSetId: set.id, name: `Empty ${e.n}` } });
  const members = new Set(opts.withoutStudent ? [] : [e.f.users.student]);
  if (opts.selfIn && e.viewer) members.add(e.viewer.userId);
  if (opts.otherHandIn) members.delete(e.other);
  for (const userId of members)
    await e.db.teamMember.create({ data: { courseId, teamSetId: set.id, teamId: team.id, userId } });
  const given: Record<string, string> = {
    teamSetId: set.id,
    assignmentId: assignment.id,
    teamId: team.id,
    emptyTeamId: empty.id,
  };
  if (opts.otherHandIn) {
    await e.db.teamMember.create({ data: { courseId, teamSetId: set.id, teamId: empty.id, userId: e.other } });
    const handIn = await e.db.teamSubmission.create({
      data: {
        courseId,
        assignmentId: assignment.id,
        teamId: empty.id,
        submittedById: e.other,
        submittedAt: e.now,
        fileName: "team.zip",
        fileData: new Uint8Array([1, 2, 3]),
        outcome: "on_time",
      },
    });
    const row = await e.db.submission.create({
      data: {
        courseId,
        assignmentId: assignment.id,
        studentId: e.other,
        submittedAt: e.now,
        fileName: "team.zip",
        teamSubmissionId: handIn.id,
      },
    });
    given.otherRowId = row.id;
  }
  return given;
}

// ---------------------------------------------------------------- expectations, from the table

function expectedAllowed(needs: Needs, persona: Persona): boolean {
  const p = PERSONA_ROLES[persona];
  const grants = (permission: Permission) => {
    const audience: readonly string[] = permissions[permission];
    if (permission.startsWith("site."))
      return (audience.includes("signedIn") && p.signedIn) || p.anyRoles.some((r) => audience.includes(r));
    return (
      audience.includes("public") ||
      (audience.includes("signedIn") && p.signedIn) ||
      (p.role !== null && audience.includes(p.role))
    );
  };
  if (typeof needs === "string") return grants(needs);
  // "other" is always a student of the course; "self" is the persona.
  const targetIsStudent = needs.target === "other" || p.role === "STUDENT";
  return (
    (grants(needs.all) && (targetIsStudent || !needs.studentsOnly)) ||
    (needs.target === "self" && p.role !== null && grants(needs.own))
  );
}

type Verdict = { allowed: boolean; ok: boolean; status: number | null; detail: string };

/** What came back, in the terms of the policy: refused (401/403, or 404 for someone else's record) or let through. */
async function verdict(entry: Entry, run: Promise<unknown>): Promise<Verdict> {
  const refusals = typeof entry.needs === "string" ? [401, 403] : [401, 403, 404];
  try {
    const value = await run;
    if (entry.kind === "action") {
      const state = value as ActionState<unknown>;
      if (state && !state.ok)
        return {
          allowed: !refusals.includes(state.status),
          ok: false,
          status: state.status,
          detail: state.formError ?? "",
        };
      return { allowed: true, ok: true, status: 200, detail: "" };
    }
    if (entry.kind === "route") {
      const response = value as Response;
      const detail = response.ok ? "" : await response.text();
      return { allowed: !refusals.includes(response.status), ok: response.ok, status: response.status, detail };
    }
    return { allowed: true, ok: true, status: null, detail: "" };
  } catch (error) {
    if (error instanceof AppError)
      return { allowed: !refusals.includes(error.status), ok: false, status: error.status, detail: error.message };
    return {
      allowed: true,
      ok: false,
      status: 500,
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

// ---------------------------------------------------------------- runs

let t: TestDatabase;
let shared: Fixture;
let counter = 0;
const NOW = new Date("2025-10-20T16:00:00Z");
let pairs = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  // Actions and route handlers read through db(); point it at this file's database.
  (globalThis as { lecternDb?: Db }).lecternDb = t.db;
  process.env.LECTERN_CACHE = "off";
  shared = await buildFixture(t.db, "shared");
});
afterAll(async () => {
  console.info(`authz matrix: ${pairs} (entry or permission) × persona pairs checked`);
  await t.drop();
});

function envFor(f: Fixture, persona: Persona): Omit<Env, "given"> {
  const viewer = f.viewers[persona];
  return {
    db: t.db,
    f,
    slug: f.alpha.slug,
    viewer,
    persona,
    now: NOW,
    n: `${++counter}${persona.slice(0, 3).toLowerCase()}`,
    other: persona === "student" ? f.users.taElsewhereStudentHere : f.users.student,
    self: viewer?.userId ?? f.users.student,
  };
}

describe("every permission of the table × every persona (authorize / authorizeSite)", () => {
  const permissionNames = Object.keys(permissions) as Permission[];
  it.each(permissionNames)("%s", async (permission) => {
    for (const persona of PERSONAS) {
      const viewer = shared.viewers[persona];
      const run = permission.startsWith("site.")
        ? authorizeSite({ db: t.db, viewer, permission })
        : authorize({ db: t.db, slug: shared.alpha.slug, viewer, permission });
      const outcome = await run.then(
        () => ({ allowed: true, status: 200 }),
        (error: AppError) => ({ allowed: false, status: error.status }),
      );
      pairs++;
      expect(outcome.allowed, `${permission} as ${persona}`).toBe(expectedAllowed(permission, persona));
      if (!outcome.allowed) expect(outcome.status, `${permission} as ${persona}`).toBe(viewer ? 403 : 401);
    }
  });
});

describe("every entry point × every persona", () => {
  it.each(ENTRIES.map((e) => [e.name, e] as const))("%s", async (_name, entry) => {
    for (const persona of PERSONAS) {
      const f = entry.mutates ? await buildFixture(t.db, `m${counter}`) : shared;
      const base = envFor(f, persona);
      const env: Env = { ...base, given: entry.setup ? await entry.setup(base) : {} };
      vi.mocked(currentViewer).mockResolvedValue(env.viewer);
      const before = await databaseDigest(t.db);
      const audits = await t.db.auditEvent.count();
      const v = await verdict(entry, entry.call(env));
      pairs++;
      const label = `${entry.name} as ${persona} → ${v.status ?? "ok"} ${v.detail.slice(0, 300)}`;
      const allowed = expectedAllowed(entry.needs, persona);
      expect(v.allowed, label).toBe(allowed);
      if (!allowed) {
        // Refused: not one row anywhere changed.
        expect(await databaseDigest(t.db), label).toBe(before);
        expect(v.status, label).toBe(env.viewer ? (v.status === 404 ? 404 : 403) : 401);
      } else if (entry.strict) {
        expect(v.ok, label).toBe(true);
        // This writes record an audit event in the same transaction.
        if (entry.mutates) expect(await t.db.auditEvent.count(), label).toBeGreaterThan(audits);
      } else {
        expect(v.status === 500, label).toBe(false);
      }
    }
  });
});
