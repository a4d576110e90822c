import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DueDateExtension } from "@/lib/domain/effective-due";
import { correctingEntry, type LatePolicy } from "@/lib/domain/late-policy";
import { chargeTeamSubmission, teamDueAt, type TeamDue } from "@/lib/domain/team-lateness";
import { correctionReason } from "@/lib/domain/ledger-recompute";
import {
  extensionOrder,
  extensionSelect,
  newLedgerId,
  recomputedOf,
  toAssessed,
  toDueDateExtension,
  type AssignmentRow,
  type Recomputed,
} from "@/lib/server/deadlines/ledger";
import type { Tx } from "@/lib/server/platform/db";

const teamExtensionSelect = {
  id: true,
  teamId: true,
  action: true,
  dueAt: true,
  revokesId: true,
  createdAt: true,
  reason: true,
} as const;

function toTeamDueDateExtension(e: {
  id: string;
  action: "GRANT" | "REVOKE";
  dueAt: Date | null;
  revokesId: string | null;
  createdAt: Date;
  reason: string;
}): DueDateExtension {
  return {
    id: e.id,
    studentId: null,
    action: e.action,
    dueAt: e.dueAt,
    revokesId: e.revokesId,
    createdAt: e.createdAt,
    reason: e.reason || null,
  };
}

export type TeamPolicies = {
  latenessPolicy: "CHARGE_EACH" | "SHARED_BUDGET" | "NO_LATE";
  duePolicy: "LATEST_OF_MEMBERS" | "TEAM_ONLY";
};

/**
 * Extension events for one team assignment, read in bulk (course-wide, the given
 * students' own, and the given teams'), with a resolver for any team's deadline.
 */
export async function teamDeadlines(
  tx: Tx,
  {
    courseId,
    assignment,
    duePolicy,
    teamIds,
    studentIds,
  }: {
    courseId: string;
    assignment: Pick<AssignmentRow, "id" | "dueAt">;
    duePolicy: TeamPolicies["duePolicy"];
    teamIds: readonly string[] | null;
    studentIds: readonly string[] | null;
  },
): Promise<(teamId: string, memberIds: readonly string[]) => TeamDue> {
  const [events, teamEvents] = [
    await tx.extension.findMany({
      where: {
        courseId,
        assignmentId: assignment.id,
        ...(studentIds ? { OR: [{ studentId: null }, { studentId: { in: [...studentIds] } }] } : {}),
      },
      orderBy: extensionOrder,
      select: extensionSelect,
    }),
    await tx.teamExtension.findMany({
      where: { courseId, assignmentId: assignment.id, ...(teamIds ? { teamId: { in: [...teamIds] } } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: teamExtensionSelect,
    }),
  ];
  const all = events.map(toDueDateExtension);
  const courseExtensions = all.filter((e) => e.studentId === null);
  const personal = all.filter((e) => e.studentId !== null);
  const byTeam = new Map<string, DueDateExtension[]>();
  for (const e of teamEvents) byTeam.set(e.teamId, [...(byTeam.get(e.teamId) ?? []), toTeamDueDateExtension(e)]);
  return (teamId, memberIds) =>
    teamDueAt({
      policy: duePolicy,
      originalDueAt: assignment.dueAt,
      courseExtensions,
      teamExtensions: byTeam.get(teamId) ?? [],
      memberExtensions: personal.filter((e) => memberIds.includes(e.studentId!)),
      memberIds,
    });
}

/** Per student: net hours used overall, and net hours charged for this assignment (one GROUP BY). */
export async function ledgerSumsFor(
  tx: Tx,
  { courseId, assignmentId, studentIds }: { courseId: string; assignmentId: string; studentIds: readonly string[] },
): Promise<Map<string, { used: number; chargedHere: number }>> {
  const sums = new Map(studentIds.map((id) => [id, { used: 0, chargedHere: 0 }]));
  if (studentIds.length === 0) return sums;
  const rows = await tx.ledgerEntry.groupBy({
    by: ["studentId", "assignmentId", "kind"],
    where: { courseId, studentId: { in: [...studentIds] } },
    _sum: { hours: true },
  });
  for (const row of rows) {
    const entry = sums.get(row.studentId)!;
    const hours = row._sum.hours ?? 0;
    entry.used += hours;
    if (row.assignmentId === assignmentId && row.kind !== "ADJUSTMENT") entry.chargedHere += hours;
  }
  return sums;
}

/**
 * The team version of recomputeAssignmentLedgers: after a due date changed, every
 * affected team's latest submission is charged again under the team's deadline and
 * the difference appended for each member who was in the team when it was handed
 * in (a member removed since keeps their history). A fixed number of statements
 * whatever the number of teams: events, latest submissions and ledger sums are read
 * in bulk, the plan is computed in memory, entries and audits are one INSERT each.
 * `studentIds` (a member's own extension) widens to their whole team.
 */
export async function recomputeTeamAssignmentLedgers(
  tx: Tx,
  {
    courseId,
    timeZone,
    policy,
    assignment,
    teamPolicies,
    studentIds,
    teamIds,
    actorId,
    cause,
  }: {
    courseId: string;
    timeZone: string;
    policy: LatePolicy;
    assignment: Pick<AssignmentRow, "id" | "code" | "kind" | "dueAt" | "lateHoursApply" | "acceptsLate">;
    teamPolicies: TeamPolicies;
    studentIds: readonly string[] | null;
    teamIds: readonly string[] | null;
    actorId: string | null;
    cause: string;
  },
): Promise<Recomputed> {
  const none: Recomputed = { corrections: 0, hoursCharged: 0, hoursRefunded: 0, audits: [] };
  const latest = await tx.$queryRaw<{ id: string; teamId: string; submittedAt: Date }[]>`
    SELECT DISTINCT ON ("teamId") "id", "teamId", "submittedAt"
    FROM "TeamSubmission"
    WHERE "courseId" = ${courseId} AND "assignmentId" = ${assignment.id}
    ORDER BY "teamId", "submittedAt" DESC, "createdAt" DESC, "id" DESC`;
  const rows = await tx.submission.findMany({
    where: { teamSubmissionId: { in: latest.map((l) => l.id) } },
    select: { id: true, studentId: true, teamSubmissionId: true },
  });
  const membersOf = new Map<string, { studentId: string; submissionId: string }[]>();
  for (const r of rows)
    membersOf.set(r.teamSubmissionId!, [
      ...(membersOf.get(r.teamSubmissionId!) ?? []),
      { studentId: r.studentId, submissionId: r.id },
    ]);
  const affected = latest.filter(
    (l) =>
      (teamIds === null && studentIds === null) ||
      teamIds?.includes(l.teamId) ||
      (studentIds !== null && (membersOf.get(l.id) ?? []).some((m) => studentIds.includes(m.studentId))),
  );
  if (affected.length === 0) return none;
  const everyone = affected.flatMap((l) => (membersOf.get(l.id) ?? []).map((m) => m.studentId));
  const whole = teamIds === null && studentIds === null;
  const dueOf = await teamDeadlines(tx, {
    courseId,
    assignment,
    duePolicy: teamPolicies.duePolicy,
    teamIds: whole ? null : affected.map((l) => l.teamId),
    studentIds: whole ? null : everyone,
  });
  const sums = await ledgerSumsFor(tx, { courseId, assignmentId: assignment.id, studentIds: everyone });

  const created: (Prisma.LedgerEntryCreateManyInput & Parameters<typeof recomputedOf>[0]["created"][number])[] = [];
  for (const submission of affected) {
    const members = membersOf.get(submission.id) ?? [];
    const memberIds = members.map((m) => m.studentId);
    const charge = chargeTeamSubmission({
      teamPolicy: teamPolicies.latenessPolicy,
      policy,
      assignment: toAssessed(assignment),
      timeZone,
      teamDueAt: dueOf(submission.teamId, memberIds).dueAt,
      submittedAt: submission.submittedAt,
      members: members.map((m) => ({
        userId: m.studentId,
        name: m.studentId,
        hoursUsedElsewhere: sums.get(m.studentId)!.used - sums.get(m.studentId)!.chargedHere,
      })),
      recorded: true,
    });
    for (const [i, m] of members.entries()) {
      const chargedSoFar = sums.get(m.studentId)!.chargedHere;
      const shouldCharge = charge.members[i]!.hoursCharged;
      const change = correctingEntry({ chargedSoFar, shouldCharge });
      if (!change) continue;
      created.push({
        id: newLedgerId(),
        courseId,
        studentId: m.studentId,
        assignmentId: assignment.id,
        submissionId: m.submissionId,
        kind: change.kind,
        hours: change.hours,
        actorId,
        reason: `${correctionReason({ cause, code: assignment.code, chargedSoFar, shouldCharge })} (team submission)`,
      });
    }
  }
  if (created.length === 0) return none;
  await tx.ledgerEntry.createMany({ data: created });
  return recomputedOf({ courseId, actorId, assignmentId: assignment.id, created });
}

/**
 * recomputeAssignmentLedgers's hook: for a team assignment, the team recompute
 * runs instead (null for an individual assignment, which recomputes as before).
 */
export async function recomputeIfTeamAssignment(
  tx: Tx,
  args: Omit<Parameters<typeof recomputeTeamAssignmentLedgers>[1], "teamPolicies" | "teamIds">,
): Promise<Recomputed | null> {
  const row = await tx.assignment.findUnique({
    where: { id: args.assignment.id },
    select: { teamSet: { select: { latenessPolicy: true, duePolicy: true } } },
  });
  if (!row?.teamSet) return null;
  return recomputeTeamAssignmentLedgers(tx, { ...args, teamPolicies: row.teamSet, teamIds: null });
}
