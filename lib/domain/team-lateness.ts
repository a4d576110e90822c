/**
 * Team assignments: which deadline a team works to, and what a late team
 * submission costs each member.
 *
 * The issue's reference (issue 16): "Every major LMS has groups, and each gets
 * group lateness wrong in its own way (Autolab charges members separately;
 * MarkUs gives the group its poorest member's credits; Submitty zeroes only the
 * members short of days, and one member's extension left teammates zeroed
 * without warning; Pawtograder let tokens stack)." So here:
 *
 * - A team has ONE deadline (teamDueAt), fixed by the course's TeamDuePolicy:
 *   "the latest of its members', or the team's own". Lateness is measured once,
 *   against it, so no member is late while a teammate is on time.
 * - A team submission charges each member at most once (chargeTeamSubmission
 *   returns one row per member), under the course's TeamLatenessPolicy:
 *   "charge every member the hours; charge the team's shared budget; or no late
 *   work on team assignments".
 * - Before anyone submits, everyone sees what happens to every member
 *   (teamSubmissionPreview), including who would go over budget.
 *
 * Extensions never stack: a team extension, a member's own extension and a
 * course-wide one each replace the date, they are never added together.
 */
import {
  assessSubmission,
  capPhrase,
  gradeConsequence,
  type AssessedAssignment,
  type ItemConsequence as GradeConsequence,
  type LatePolicy,
  type SubmissionOutcome,
} from "@/lib/domain/late-policy";
import { effectiveDueAt, type DueDateExtension } from "@/lib/domain/effective-due";

export type TeamLatenessPolicy = "CHARGE_EACH" | "SHARED_BUDGET" | "NO_LATE";
export type TeamDuePolicy = "LATEST_OF_MEMBERS" | "TEAM_ONLY";

export type TeamMemberBudget = {
  userId: string;
  name: string;
  /** Net hours this member used on OTHER assignments (as assessSubmission takes it). */
  hoursUsedElsewhere: number;
};

/** Where the team's deadline comes from, so the UI can say why. */
export type TeamDueSource =
  { kind: "original" } | { kind: "course" } | { kind: "team" } | { kind: "member"; userId: string };

export type TeamDue = { dueAt: Date | null; source: TeamDueSource };

// A key no user id can take: team grants are replayed as the "student" scope of
// effectiveDueAt, so they beat course-wide ones exactly as a student's own do.
const TEAM_SCOPE = "\u0000team";

/**
 * The team's own deadline: its own grant beats a course-wide one, whatever the
 * dates (as a student's own grant does in effectiveDueAt).
 */
function teamOwnDue({
  originalDueAt,
  courseExtensions,
  teamExtensions,
}: {
  originalDueAt: Date | null;
  courseExtensions: readonly DueDateExtension[];
  teamExtensions: readonly DueDateExtension[];
}): TeamDue {
  const courseWide = courseExtensions.filter((e) => e.studentId === null);
  const teamEvents = teamExtensions.map((e) => ({ ...e, studentId: TEAM_SCOPE }));
  const base = effectiveDueAt({ originalDueAt, extensions: courseWide, studentId: null });
  const own = effectiveDueAt({ originalDueAt: base, extensions: teamEvents, studentId: TEAM_SCOPE });
  if (hasGrantInForce(teamEvents)) return { dueAt: own, source: { kind: "team" } };
  if (hasGrantInForce(courseWide)) return { dueAt: base, source: { kind: "course" } };
  return { dueAt: originalDueAt, source: { kind: "original" } };
}

function hasGrantInForce(events: readonly DueDateExtension[]): boolean {
  const revoked = new Set(events.filter((e) => e.action === "REVOKE").map((e) => e.revokesId));
  return events.some((e) => e.action === "GRANT" && !revoked.has(e.id));
}

/**
 * The team's deadline under the course's TeamDuePolicy.
 *
 * - TEAM_ONLY: the team's own (team grant > course-wide grant > original);
 *   a member's personal extension does not move it.
 * - LATEST_OF_MEMBERS: the latest of the team's own and each member's (a member's
 *   own grant replaces the team's date for that member). A member's extension
 *   therefore extends the whole team and never leaves teammates late (Submitty's bug).
 *
 * null (no deadline) wins: if any date in play is null, the team has no deadline.
 */
export function teamDueAt({
  policy,
  originalDueAt,
  courseExtensions,
  teamExtensions,
  memberExtensions,
  memberIds,
}: {
  policy: TeamDuePolicy;
  originalDueAt: Date | null;
  /** Course-wide extensions for the assignment (studentId null); personal ones are ignored here. */
  courseExtensions: readonly DueDateExtension[];
  teamExtensions: readonly DueDateExtension[];
  /** Personal extensions of the team's members for the assignment. */
  memberExtensions: readonly DueDateExtension[];
  memberIds: readonly string[];
}): TeamDue {
  const own = teamOwnDue({ originalDueAt, courseExtensions, teamExtensions });
  if (policy === "TEAM_ONLY" || own.dueAt === null) return own;
  let latest = own;
  for (const userId of memberIds) {
    const personal = memberExtensions.filter((e) => e.studentId === userId);
    if (!hasGrantInForce(personal)) continue;
    const dueAt = effectiveDueAt({ originalDueAt: own.dueAt, extensions: personal, studentId: userId });
    if (dueAt === null) return { dueAt: null, source: { kind: "member", userId } };
    if (latest.dueAt !== null && dueAt.getTime() > latest.dueAt.getTime()) {
      latest = { dueAt, source: { kind: "member", userId } };
    }
  }
  return latest;
}

export type MemberCharge = {
  userId: string;
  name: string;
  /** Hours this team submission should stand charged to this member (the ledger appends the difference). */
  hoursCharged: number;
  /** The member's balance after the charge; null when the course has no budget. */
  balanceAfter: number | null;
  overBudget: boolean;
  consequence: GradeConsequence;
};

export type TeamSubmissionAssessment = {
  late: boolean;
  /** The team's late hours, measured once against the team's deadline. */
  lateHours: number;
  outcome: SubmissionOutcome;
  /** true when the submission must be refused (nothing is recorded, nobody is charged). */
  refused: boolean;
  /** One row per member, in the order given; no member appears twice. */
  members: MemberCharge[];
  message: string;
};

const REFUSED: ReadonlySet<SubmissionOutcome> = new Set(["refused_not_accepted", "refused_over_cap", "after_cutoff"]);

/**
 * What a team submission at `submittedAt` costs each member.
 *
 * The course's late policy (window, grace, per-assignment cap, cutoff, grade cap)
 * applies unchanged to the team's lateness; the team policy only decides who pays:
 * - CHARGE_EACH: every member is charged the team's late hours against their own budget.
 * - SHARED_BUDGET: the team's late hours are paid once, split over the members'
 *   budgets (splitSharedCharge); the sum charged equals the team's late hours.
 * - NO_LATE: a late team submission is refused.
 */
export function chargeTeamSubmission({
  teamPolicy,
  policy,
  assignment,
  timeZone,
  teamDueAt: dueAt,
  submittedAt,
  members,
  recorded = false,
}: {
  teamPolicy: TeamLatenessPolicy;
  policy: LatePolicy;
  assignment: AssessedAssignment;
  timeZone: string;
  teamDueAt: Date | null;
  submittedAt: Date;
  members: readonly TeamMemberBudget[];
  /**
   * The submission is already on record (a recompute after an extension changed):
   * as chargeForRecordedSubmission, one a later revoke pushes past the cap keeps
   * costing its late hours instead of becoming free.
   */
  recorded?: boolean;
}): TeamSubmissionAssessment {
  assertDistinctMembers(members);
  const name = assignment.name ?? "This assignment";
  const assessFor = (hoursUsedElsewhere: number) =>
    assessSubmission({ policy, assignment, timeZone, effectiveDueAt: dueAt, submittedAt, hoursUsedElsewhere });
  const team = assessFor(0);
  const budget = policy.kind === "BUDGET" ? policy.budgetHours : null;
  const uncharged = (member: TeamMemberBudget): MemberCharge => ({
    userId: member.userId,
    name: member.name,
    hoursCharged: 0,
    balanceAfter: budget === null ? null : budget - member.hoursUsedElsewhere,
    overBudget: false,
    consequence: gradeConsequence({ overBudget: false, afterCutoff: team.outcome === "after_cutoff", policy }),
  });
  const base = { late: team.late, lateHours: team.lateHours };

  if (team.late && teamPolicy === "NO_LATE") {
    return {
      ...base,
      outcome: "refused_not_accepted",
      refused: true,
      members: members.map(uncharged),
      message: `${name} is a team assignment that cannot be handed in late.`,
    };
  }
  const keepsCharge = recorded && team.outcome === "refused_over_cap" && policy.kind === "BUDGET";
  const hours = keepsCharge ? team.lateHours : team.hoursCharged;
  if ((REFUSED.has(team.outcome) && !keepsCharge) || hours === 0) {
    return {
      ...base,
      outcome: team.outcome,
      refused: REFUSED.has(team.outcome),
      members: members.map(uncharged),
      message: team.message,
    };
  }

  const charges =
    teamPolicy === "SHARED_BUDGET"
      ? splitSharedCharge({ hours, members, budgetHours: budget })
      : members.map(() => hours);
  const rows = members.map((member, i): MemberCharge => {
    const hoursCharged = charges[i]!;
    const balanceAfter = budget === null ? null : budget - member.hoursUsedElsewhere - hoursCharged;
    const overBudget = balanceAfter !== null && balanceAfter < 0;
    return {
      userId: member.userId,
      name: member.name,
      hoursCharged,
      balanceAfter,
      overBudget,
      consequence: gradeConsequence({ overBudget, afterCutoff: false, policy }),
    };
  });
  const outcome = keepsCharge ? "flagged_over_cap" : team.outcome;
  return { ...base, outcome, refused: false, members: rows, message: team.message };
}

function assertDistinctMembers(members: readonly TeamMemberBudget[]): void {
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.userId)) throw new RangeError(`Member ${member.userId} is listed twice in one team.`);
    seen.add(member.userId);
  }
}

/**
 * Split `hours` whole hours over the members' remaining budgets, one hour at a
 * time: each hour goes to the member charged least so far among those who still
 * have hours left; ties go to the one with more left, then to input order. When
 * the pooled budget is spent, each further hour goes to the least overdrawn member,
 * so the overrun is spread evenly as well.
 *
 * So: an even split where every member can pay their share ("9 h: 3 + 3 + 3"),
 * the richer members covering a member who is short, and nobody goes over budget
 * while the team as a whole still has hours. The sum is exactly `hours`.
 * // assumed: "the team's shared budget" is the sum of its members' remaining hours
 * // (no page defines a team budget); the split above is this project's choice.
 */
export function splitSharedCharge({
  hours,
  members,
  budgetHours,
}: {
  hours: number;
  members: readonly TeamMemberBudget[];
  budgetHours: number | null;
}): number[] {
  if (!Number.isInteger(hours) || hours < 0) throw new RangeError(`hours must be a whole number >= 0, got ${hours}.`);
  if (members.length === 0) throw new RangeError("A team submission needs at least one member.");
  const left = members.map((m) =>
    budgetHours === null ? Number.POSITIVE_INFINITY : budgetHours - m.hoursUsedElsewhere,
  );
  const charged = members.map(() => 0);
  const remaining = (i: number) => left[i]! - charged[i]!;
  const everyone = members.map((_, i) => i);
  for (let hour = 0; hour < hours; hour++) {
    const solvent = everyone.filter((i) => remaining(i) > 0);
    // While the pool lasts: the least charged pays (an even split). Once it is spent:
    // the least overdrawn pays, so the overrun is spread evenly too.
    const better =
      solvent.length > 0
        ? (i: number, j: number) =>
            charged[i]! < charged[j]! || (charged[i] === charged[j] && remaining(i) > remaining(j))
        : (i: number, j: number) =>
            remaining(i) > remaining(j) || (remaining(i) === remaining(j) && charged[i]! < charged[j]!);
    const pool = solvent.length > 0 ? solvent : everyone;
    let pick = pool[0]!;
    for (const i of pool) if (better(i, pick)) pick = i;
    charged[pick]! += 1;
  }
  return charged;
}

/**
 * The sentence a member reads before submitting for the team, e.g.
 * "Submitting now costs each of you 9 h; Ana has 4 h left: Ana's grade for P2
 * would be capped at D."
 * // assumed: Lectern stores no pronouns, so the "her grade" reads "Ana's grade";
 * // the viewer is addressed as "you".
 */
export function teamSubmissionPreview({
  teamPolicy,
  assessment,
  members,
  assignmentName,
  viewerId,
}: {
  teamPolicy: TeamLatenessPolicy;
  assessment: TeamSubmissionAssessment;
  members: readonly { userId: string; balanceBefore: number | null }[];
  assignmentName: string;
  viewerId: string | null;
}): string {
  if (assessment.refused || assessment.members.every((m) => m.hoursCharged === 0)) return assessment.message;
  const before = new Map(members.map((m) => [m.userId, m.balanceBefore]));
  const who = (m: MemberCharge) => (m.userId === viewerId ? "you" : m.name);
  const whose = (m: MemberCharge) => (m.userId === viewerId ? "your" : `${m.name}'s`);
  const has = (m: MemberCharge) => (m.userId === viewerId ? "you have" : `${m.name} has`);

  const cost =
    teamPolicy === "SHARED_BUDGET"
      ? `Submitting now is ${assessment.lateHours} h late, paid from the team's shared budget: ` +
        assessment.members.map((m) => `${who(m)} ${m.hoursCharged} h`).join(", ")
      : `Submitting now costs each of you ${assessment.lateHours} h`;
  const short = assessment.members.filter((m) => m.overBudget);
  if (short.length === 0) return `${cost}.`;
  const clauses = short.map((m) => {
    const left = Math.max(0, before.get(m.userId) ?? 0);
    const effect =
      m.consequence.kind === "cap"
        ? `${whose(m)} ${assignmentName} would be graded ${capPhrase(m.consequence.choices)}`
        : `${who(m) === "you" ? "you" : m.name} would be ${-(m.balanceAfter ?? 0)} h over the budget`;
    return `${has(m)} ${left} h left: ${effect}`;
  });
  return `${cost}; ${clauses.join("; ")}.`;
}

/**
 * What one member's personal extension does to the team's deadline, in words,
 * for the extension form (the issue: "the UI says what it does to the team's deadline").
 */
export function memberExtensionEffect({
  duePolicy,
  before,
  after,
  memberName,
  assignmentName,
  format,
}: {
  duePolicy: TeamDuePolicy;
  /** The team's deadline without this extension. */
  before: Date | null;
  /** The team's deadline with it (teamDueAt including the new grant). */
  after: Date | null;
  memberName: string;
  assignmentName: string;
  format: (at: Date) => string;
}): string {
  const show = (at: Date | null) => (at === null ? "no deadline" : format(at));
  if (duePolicy === "TEAM_ONLY") {
    return `${assignmentName} is a team assignment and the course uses the team's own deadline: ${memberName}'s extension does not change it (${show(before)}). Extend the team instead.`;
  }
  const same = (before?.getTime() ?? null) === (after?.getTime() ?? null);
  if (same) {
    return `The team's deadline for ${assignmentName} stays ${show(before)}: it is already as late as ${memberName}'s extension.`;
  }
  return `The team's deadline for ${assignmentName} moves from ${show(before)} to ${show(after)} for every member: the course uses the latest of its members' deadlines.`;
}
