import "server-only";
import { readAll, type Db } from "@/lib/server/platform/db";
import { serverNow } from "@/lib/server/platform/clock";
import { revokeUserSessions } from "@/lib/server/people/sessions";
import { authorize, authorizeStudentRecord, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { parseRosterCsv, type AddMemberInput, type MemberRole, type RosterCsvRow } from "@/lib/validation/roster";
import { enrolledStudents, lockCourse, promoteFromWaitlist, waitlistRank } from "@/lib/server/people/enrolment";
import { notifyWaitlistPromotion } from "@/lib/server/notify/events";
import { courseWrite } from "@/lib/server/platform/course-write";
import type { Tx } from "@/lib/server/platform/db";

export type RosterMember = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  status: "ENROLLED" | "WAITLISTED" | "DROPPED";
  position: number | null;
};

export type Roster = {
  course: { id: string; slug: string; code: string; title: string; capacity: number | null };
  enrolledStudents: number;
  members: RosterMember[];
  waitlist: RosterMember[];
  dropped: RosterMember[];
  canEdit: boolean;
  viewerId: string;
};

const ROLE_ORDER: Record<MemberRole, number> = { INSTRUCTOR: 0, TA: 1, STUDENT: 2, AUDITOR: 3 };

/** The roster for staff: members by role, the waitlist in order, and who dropped. */
export async function getRoster({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<Roster> {
  const ctx = await authorize({ db, slug, viewer, permission: "roster.read" });
  const courseId = ctx.course.id;
  const [course, rows] = await Promise.all([
    db.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { id: true, slug: true, code: true, title: true, capacity: true },
    }),
    db.membership.findMany({
      where: { courseId },
      orderBy: [{ waitlistPosition: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        role: true,
        status: true,
        waitlistPosition: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  const toMember = (m: (typeof rows)[number], position: number | null): RosterMember => ({
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    status: m.status,
    position,
  });
  const members = rows
    .filter((m) => m.status === "ENROLLED")
    .map((m) => toMember(m, null))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
  const waitlist = rows.filter((m) => m.status === "WAITLISTED").map((m, i) => toMember(m, i + 1));
  const dropped = rows
    .filter((m) => m.status === "DROPPED")
    .map((m) => toMember(m, null))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    course,
    members,
    waitlist,
    dropped,
    enrolledStudents: members.filter((m) => m.role === "STUDENT").length,
    canEdit: ctx.role === "INSTRUCTOR",
    viewerId: ctx.viewer!.userId,
  };
}

type Change = { email: string; name: string | null; role: MemberRole; line?: number };
type Planned =
  | { kind: "add"; change: Change; userId: string | null }
  | {
      kind: "re-enrol";
      change: Change;
      userId: string;
      membershipId: string;
      before: { role: MemberRole; status: string };
    }
  | { kind: "role"; change: Change; userId: string; membershipId: string; before: { role: MemberRole; status: string } }
  | { kind: "unchanged"; change: Change; userId: string; membershipId: string };

export type RosterPlanRow = {
  line: number | null;
  email: string;
  name: string | null;
  role: MemberRole;
  action: "add" | "re-enrol" | "role" | "unchanged";
  note: string | null;
};

/** What adding these people would do, with an error per change that cannot happen. */
async function plan(
  db: Db | Tx,
  courseId: string,
  meId: string,
  changes: Change[],
): Promise<{ planned: Planned[]; errors: { line: number | null; email: string; message: string }[] }> {
  const emails = changes.map((c) => c.email);
  // Also inside the apply transaction: readAll takes turns there.
  const [users, instructors] = await readAll(db, [
    () =>
      db.user.findMany({
        where: { email: { in: emails } },
        select: {
          id: true,
          email: true,
          memberships: { where: { courseId }, select: { id: true, role: true, status: true } },
        },
      }),
    () => db.membership.count({ where: { courseId, role: "INSTRUCTOR", status: "ENROLLED" } }),
  ]);
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const planned: Planned[] = [];
  const errors: { line: number | null; email: string; message: string }[] = [];
  let instructorsLeft = instructors;
  for (const change of changes) {
    const user = byEmail.get(change.email);
    const member = user?.memberships[0];
    const fail = (message: string) => errors.push({ line: change.line ?? null, email: change.email, message });
    if (!user) {
      if (!change.name) fail("a new person needs a name");
      else planned.push({ kind: "add", change, userId: null });
      continue;
    }
    if (user.id === meId && (!member || member.role !== change.role || member.status !== "ENROLLED")) {
      fail("you cannot change your own membership");
      continue;
    }
    if (!member) planned.push({ kind: "add", change, userId: user.id });
    else if (member.status !== "ENROLLED")
      planned.push({
        kind: "re-enrol",
        change,
        userId: user.id,
        membershipId: member.id,
        before: { role: member.role, status: member.status },
      });
    else if (member.role === change.role)
      planned.push({ kind: "unchanged", change, userId: user.id, membershipId: member.id });
    else {
      if (member.role === "INSTRUCTOR" && --instructorsLeft < 1) {
        fail("the course would have no instructor left");
        continue;
      }
      planned.push({
        kind: "role",
        change,
        userId: user.id,
        membershipId: member.id,
        before: { role: member.role, status: member.status },
      });
    }
  }
  return { planned, errors };
}

async function applyPlan(tx: Tx, courseId: string, actorId: string, planned: Planned[]): Promise<void> {
  const { capacity } = await lockCourse(tx, courseId);
  for (const p of planned) {
    if (p.kind === "unchanged") continue;
    const data = { role: p.change.role, status: "ENROLLED" as const, waitlistPosition: null };
    if (p.kind === "add") {
      const userId =
        p.userId ??
        (await tx.user.create({ data: { email: p.change.email, name: p.change.name! }, select: { id: true } })).id;
      const m = await tx.membership.create({ data: { courseId, userId, ...data }, select: { id: true } });
      await recordAudit(tx, {
        courseId,
        actorId,
        action: "membership.add",
        entityType: "Membership",
        entityId: m.id,
        after: { email: p.change.email, ...data },
      });
    } else {
      await tx.membership.update({ where: { id: p.membershipId }, data });
      await recordAudit(tx, {
        courseId,
        actorId,
        action: p.kind === "role" ? "membership.role" : "membership.add",
        entityType: "Membership",
        entityId: p.membershipId,
        before: p.before,
        after: data,
      });
    }
  }
  // A student who became an auditor or TA frees a seat.
  await promoteFromWaitlist(tx, { courseId, capacity, actorId });
}

/**
 * Adds one person by email (creating the account, without a password, if
 * Lectern does not know them yet). An instructor's add enrols even when the
 * course is full: it is the instructor's call, like a permission number.
 */
export async function addMember({
  db,
  viewer,
  slug,
  input,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  input: AddMemberInput;
}): Promise<{ message: string }> {
  return courseWrite({ db, viewer, slug, permission: "roster.edit" }, async ({ tx, me, courseId }) => {
    const { planned, errors } = await plan(tx, courseId, me.userId, [
      { email: input.email, name: input.name, role: input.role },
    ]);
    if (errors[0]) {
      const field = errors[0].message.includes("name") ? "name" : "email";
      throw new ValidationError("Please correct the highlighted fields.", {
        [field]: [`${errors[0].message[0]!.toUpperCase()}${errors[0].message.slice(1)}`],
      });
    }
    const p = planned[0]!;
    if (p.kind === "unchanged")
      throw new ConflictError(`${input.email} is already in the course as ${input.role.toLowerCase()}`);
    await applyPlan(tx, courseId, me.userId, planned);
    const course = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { capacity: true } });
    const seats = await enrolledStudents(tx, courseId);
    const over =
      input.role === "STUDENT" && course.capacity !== null && seats > course.capacity
        ? ` (over capacity: ${seats} of ${course.capacity} seats)`
        : "";
    return {
      message: `${input.email} ${p.kind === "role" ? "is now" : "added as"} ${input.role.toLowerCase()}${over}`,
    };
  });
}

export type RosterImportPreview = {
  rows: RosterPlanRow[];
  errors: { line: number | null; email?: string; message: string }[];
};

async function planCsv(
  db: Db | Tx,
  courseId: string,
  meId: string,
  csv: string,
): Promise<{ planned: Planned[]; preview: RosterImportPreview }> {
  const parsed = parseRosterCsv(csv);
  const { planned, errors } = await plan(
    db,
    courseId,
    meId,
    parsed.rows.map((r: RosterCsvRow) => ({ email: r.email, name: r.name, role: r.role, line: r.line })),
  );
  const allErrors = [...parsed.errors.map((e) => ({ line: e.line, message: e.message })), ...errors].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
  const rows = planned.map((p) => ({
    line: p.change.line ?? null,
    email: p.change.email,
    name: p.change.name,
    role: p.change.role,
    action: p.kind,
    note:
      p.kind === "role" || p.kind === "re-enrol"
        ? `was ${p.before.role.toLowerCase()}${p.before.status === "ENROLLED" ? "" : `, ${p.before.status.toLowerCase()}`}`
        : null,
  }));
  return { planned, preview: { rows, errors: allErrors } };
}

/** Parses a roster CSV and says what importing it would do; changes nothing. */
export async function previewRosterImport({
  db,
  viewer,
  slug,
  csv,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  csv: string;
}): Promise<RosterImportPreview> {
  const ctx = await authorize({ db, slug, viewer, permission: "roster.edit" });
  return (await planCsv(db, ctx.course.id, ctx.viewer!.userId, csv)).preview;
}

/** Imports a roster CSV: all rows or, if any row has an error, none. */
export async function applyRosterImport({
  db,
  viewer,
  slug,
  csv,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  csv: string;
}): Promise<{ applied: number; preview: RosterImportPreview }> {
  return courseWrite({ db, viewer, slug, permission: "roster.edit" }, async ({ tx, me, courseId }) => {
    const { planned, preview } = await planCsv(tx, courseId, me.userId, csv);
    if (preview.errors.length) {
      throw new ValidationError(
        `Nothing was imported: ${preview.errors.length} line${preview.errors.length === 1 ? " has an error" : "s have errors"}.`,
        {
          csv: preview.errors.map((e) => `${e.line ? `Line ${e.line}: ` : ""}${e.message}`),
        },
      );
    }
    await applyPlan(tx, courseId, me.userId, planned);
    return { applied: planned.filter((p) => p.kind !== "unchanged").length, preview };
  });
}

async function memberOf(tx: Tx, courseId: string, membershipId: string) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, courseId },
    select: { id: true, userId: true, role: true, status: true, waitlistPosition: true },
  });
  if (!m) throw new NotFoundError("No such member in this course");
  return m;
}

async function assertNotLastInstructor(tx: Tx, courseId: string, role: MemberRole) {
  if (role !== "INSTRUCTOR") return;
  const n = await tx.membership.count({ where: { courseId, role: "INSTRUCTOR", status: "ENROLLED" } });
  if (n <= 1) throw new ConflictError("The course would have no instructor left");
}

/** Changes an enrolled member's role. A student who stops being one frees a seat for the waitlist. */
export async function changeMemberRole({
  db,
  viewer,
  slug,
  membershipId,
  role,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  membershipId: string;
  role: MemberRole;
}): Promise<{ message: string }> {
  return courseWrite({ db, viewer, slug, permission: "roster.edit" }, async ({ tx, me, courseId }) => {
    const { capacity } = await lockCourse(tx, courseId);
    const m = await memberOf(tx, courseId, membershipId);
    if (m.userId === me.userId) throw new ConflictError("You cannot change your own role");
    if (m.status !== "ENROLLED")
      throw new ConflictError("Only enrolled members have a role to change; add them again instead");
    if (m.role === role) return { message: "No change" };
    await assertNotLastInstructor(tx, courseId, m.role);
    await tx.membership.update({ where: { id: m.id }, data: { role } });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "membership.role",
      entityType: "Membership",
      entityId: m.id,
      before: { role: m.role },
      after: { role },
    });
    const promoted = await promoteFromWaitlist(tx, { courseId, capacity, actorId: me.userId });
    return {
      message: `Role changed to ${role.toLowerCase()}${promoted.length ? `; ${promoted.length} promoted from the waitlist` : ""}`,
    };
  });
}

/**
 * Admits a waitlisted student ahead of the line: enrolled now, with the promotion email. A full
 * course takes them only when the instructor confirmed admitting over capacity (`overCapacity`);
 * otherwise the refusal says so, and nothing changes.
 */
export async function admitMember({
  db,
  viewer,
  slug,
  membershipId,
  overCapacity,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  membershipId: string;
  overCapacity: boolean;
}): Promise<{ message: string }> {
  return courseWrite({ db, viewer, slug, permission: "roster.edit" }, async ({ tx, me, courseId }) => {
    const { capacity } = await lockCourse(tx, courseId);
    const m = await memberOf(tx, courseId, membershipId);
    if (m.status !== "WAITLISTED") throw new ConflictError("Only someone on the waitlist can be admitted");
    const seated = await enrolledStudents(tx, courseId);
    const full = capacity !== null && seated >= capacity;
    if (full && !overCapacity)
      throw new ConflictError(`The course is full (${seated} of ${capacity} seats): confirm to admit over capacity`);
    await tx.membership.update({
      where: { id: m.id },
      data: { status: "ENROLLED", role: "STUDENT", waitlistPosition: null },
    });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "membership.admit",
      entityType: "Membership",
      entityId: m.id,
      before: { status: "WAITLISTED", waitlistPosition: m.waitlistPosition },
      after: { status: "ENROLLED", role: "STUDENT", overCapacity: full },
    });
    const course = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { id: true, code: true, title: true, slug: true, timeZone: true },
    });
    await notifyWaitlistPromotion(tx, course, {
      promoted: [{ userId: m.userId, membershipId: m.id }],
      now: serverNow(),
    });
    return { message: full ? `Admitted over capacity (${seated + 1} of ${capacity} seats)` : "Admitted" };
  });
}

/** Drops a member (or takes them off the waitlist); a freed seat goes to the first person waiting. */
export async function dropMember({
  db,
  viewer,
  slug,
  membershipId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  membershipId: string;
}): Promise<{ message: string; promoted: number }> {
  return courseWrite({ db, viewer, slug, permission: "roster.edit" }, async ({ tx, me, courseId }) => {
    const { capacity } = await lockCourse(tx, courseId);
    const m = await memberOf(tx, courseId, membershipId);
    if (m.userId === me.userId) throw new ConflictError("You cannot drop yourself");
    if (m.status === "DROPPED") throw new ConflictError("Already dropped");
    if (m.status === "ENROLLED") await assertNotLastInstructor(tx, courseId, m.role);
    await tx.membership.update({ where: { id: m.id }, data: { status: "DROPPED", waitlistPosition: null } });
    // Removed by an instructor: signed out everywhere at once (issue 18.8).
    await revokeUserSessions(tx, m.userId, serverNow());
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "membership.drop",
      entityType: "Membership",
      entityId: m.id,
      before: { status: m.status, role: m.role, waitlistPosition: m.waitlistPosition },
      after: { status: "DROPPED" },
    });
    const promoted = await promoteFromWaitlist(tx, { courseId, capacity, actorId: me.userId });
    return {
      message: `Dropped${promoted.length ? `; ${promoted.length} promoted from the waitlist` : ""}`,
      promoted: promoted.length,
    };
  });
}

export type MemberRecord = {
  course: { slug: string; code: string; timeZone: string };
  scope: "all" | "own";
  person: {
    userId: string;
    name: string;
    email: string;
    role: MemberRole;
    status: "ENROLLED" | "WAITLISTED" | "DROPPED";
    position: number | null;
  };
  submissions: { assignmentCode: string; assignmentTitle: string; submittedAt: Date; fileName: string | null }[];
  grades: { assignmentCode: string; score: number | null; points: number }[];
  lateHoursUsed: number;
};

/**
 * One member's record. Staff see anyone's; a student sees only their own (any
 * other id is a 404); released grades only, unless staff.
 */
export async function getMemberRecord({
  db,
  viewer,
  slug,
  userId,
  now,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  userId: string;
  now: Date;
}): Promise<MemberRecord> {
  const ctx = await authorizeStudentRecord({
    db,
    slug,
    viewer,
    studentId: userId,
    own: "own.submissions.read",
    all: "roster.read",
  });
  const courseId = ctx.course.id;
  const [member, submissions, grades, ledger] = await Promise.all([
    db.membership.findUniqueOrThrow({
      where: { courseId_userId: { courseId, userId } },
      select: {
        role: true,
        status: true,
        waitlistPosition: true,
        user: { select: { id: true, name: true, email: true } },
      },
    }),
    db.submission.findMany({
      where: { courseId, studentId: userId },
      orderBy: { submittedAt: "desc" },
      select: { submittedAt: true, fileName: true, assignment: { select: { code: true, title: true } } },
    }),
    db.grade.findMany({
      where: {
        courseId,
        studentId: userId,
        ...(ctx.scope === "own" ? { assignment: { gradesReleasedAt: { lte: now } } } : {}),
      },
      orderBy: { assignment: { position: "asc" } },
      select: { score: true, assignment: { select: { code: true, points: true } } },
    }),
    db.ledgerEntry.aggregate({ where: { courseId, studentId: userId }, _sum: { hours: true } }),
  ]);
  return {
    course: { slug: ctx.course.slug, code: ctx.course.code, timeZone: ctx.course.timeZone },
    scope: ctx.scope,
    person: {
      userId: member.user.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      status: member.status,
      position: member.status === "WAITLISTED" ? await waitlistRank(db, courseId, member.waitlistPosition) : null,
    },
    submissions: submissions.map((s) => ({
      assignmentCode: s.assignment.code,
      assignmentTitle: s.assignment.title,
      submittedAt: s.submittedAt,
      fileName: s.fileName,
    })),
    grades: grades.map((g) => ({ assignmentCode: g.assignment.code, score: g.score, points: g.assignment.points })),
    lateHoursUsed: ledger._sum.hours ?? 0,
  };
}
