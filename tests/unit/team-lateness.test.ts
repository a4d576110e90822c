import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DueDateExtension } from "@/lib/domain/effective-due";
import type { AssessedAssignment, LatePolicy } from "@/lib/domain/late-policy";
import {
  chargeTeamSubmission,
  memberExtensionEffect,
  splitSharedCharge,
  teamDueAt,
  teamSubmissionPreview,
  type TeamLatenessPolicy,
  type TeamMemberBudget,
} from "@/lib/domain/team-lateness";
import { formatInZone, localToInstant } from "@/lib/domain/time";

const NY = "America/New_York";
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });

// Brown CSCI 1390: "Each student has 144 total late hours for projects", "we exclude hours
// between midnight and 7am", "cannot use more than 72 hours per project", over the budget "a D or an F".
const BROWN: LatePolicy = {
  kind: "BUDGET",
  budgetHours: 144,
  perAssignmentCapHours: 72,
  excludedWindow: { start: "00:00", end: "07:00" },
  graceMinutes: 0,
  coveredKinds: ["PROJECT"],
  overCapAction: "REFUSE",
  overBudgetAction: "CAP_ITEM",
  itemCap: [
    { letter: "D", percent: 65 },
    { letter: "F", percent: 50 },
  ],
  uncoveredLateAction: "FLAG",
  lateRefusedKinds: [],
  finalCutoffAt: local("2025-12-12", "23:59"),
  penaltyPercent: null,
  penaltyUnit: null,
  penaltyFloorPercent: null,
};
const P2: AssessedAssignment = { kind: "PROJECT", lateHoursApply: true, acceptsLate: true, name: "P2" };
const DUE = local("2025-10-14", "18:00"); // Tuesday 6 PM
// 18:00 → 24:00 is 6 h, 00:00–07:00 is not counted, 07:00 → 10:00 is 3 h: 9 h.
const NINE_HOURS_LATE = local("2025-10-15", "10:00");

const member = (userId: string, name: string, hoursLeft: number): TeamMemberBudget => ({
  userId,
  name,
  hoursUsedElsewhere: 144 - hoursLeft,
});
const ANA = member("ana", "Ana", 4);
const BEN = member("ben", "Ben", 100);
const CHEN = member("chen", "Chen", 100);

function charge(
  teamPolicy: TeamLatenessPolicy,
  members: TeamMemberBudget[],
  submittedAt = NINE_HOURS_LATE,
  dueAt = DUE,
) {
  return chargeTeamSubmission({
    teamPolicy,
    policy: BROWN,
    assignment: P2,
    timeZone: NY,
    teamDueAt: dueAt,
    submittedAt,
    members,
  });
}
function preview(
  teamPolicy: TeamLatenessPolicy,
  members: TeamMemberBudget[],
  viewerId: string | null,
  submittedAt = NINE_HOURS_LATE,
) {
  return teamSubmissionPreview({
    teamPolicy,
    assessment: charge(teamPolicy, members, submittedAt),
    members: members.map((m) => ({ userId: m.userId, balanceBefore: 144 - m.hoursUsedElsewhere })),
    assignmentName: "P2",
    viewerId,
  });
}
const hoursOf = (result: ReturnType<typeof charge>) => result.members.map((m) => [m.userId, m.hoursCharged]);

describe("CHARGE_EACH: every member pays the team's late hours", () => {
  it("charges each member 9 h once; Ana, 4 h left, goes 5 h over and is capped at D", () => {
    const result = charge("CHARGE_EACH", [ANA, BEN]);
    expect(result.lateHours).toBe(9);
    expect(result.outcome).toBe("charged");
    expect(hoursOf(result)).toEqual([
      ["ana", 9],
      ["ben", 9],
    ]);
    expect(result.members[0]).toMatchObject({
      balanceAfter: -5,
      overBudget: true,
      consequence: {
        kind: "cap",
        choices: [
          { letter: "D", percent: 65 },
          { letter: "F", percent: 50 },
        ],
      },
    });
    expect(result.members[1]).toMatchObject({ balanceAfter: 91, overBudget: false, consequence: { kind: "none" } });
  });

  it("previews in the issue's words, before anyone submits", () => {
    expect(preview("CHARGE_EACH", [ANA, BEN], "ben")).toBe(
      "Submitting now costs each of you 9 h; Ana has 4 h left: Ana's P2 would be graded a D or an F (the staff decide whether it basically works).",
    );
    expect(preview("CHARGE_EACH", [ANA, BEN], "ana")).toBe(
      "Submitting now costs each of you 9 h; you have 4 h left: your P2 would be graded a D or an F (the staff decide whether it basically works).",
    );
    expect(preview("CHARGE_EACH", [BEN, CHEN], "ben")).toBe("Submitting now costs each of you 9 h.");
  });

  it("on time costs nobody anything", () => {
    const result = charge("CHARGE_EACH", [ANA, BEN], local("2025-10-14", "17:59"));
    expect(result.late).toBe(false);
    expect(hoursOf(result)).toEqual([
      ["ana", 0],
      ["ben", 0],
    ]);
    expect(preview("CHARGE_EACH", [ANA, BEN], "ana", local("2025-10-14", "17:59"))).toBe("On time; no late hours.");
  });

  it("refuses past the 72-hour cap for the whole team, charging nobody", () => {
    const result = charge("CHARGE_EACH", [ANA, BEN], local("2025-10-20", "10:00"));
    expect(result.outcome).toBe("refused_over_cap");
    expect(result.refused).toBe(true);
    expect(result.members.every((m) => m.hoursCharged === 0)).toBe(true);
  });
});

describe("SHARED_BUDGET: the team pays its late hours once, from its members' budgets", () => {
  it("splits 9 h evenly when everyone can pay a share", () => {
    expect(hoursOf(charge("SHARED_BUDGET", [ANA, BEN, CHEN]))).toEqual([
      ["ana", 3],
      ["ben", 3],
      ["chen", 3],
    ]);
  });

  it("the richer members cover a member short of hours; nobody is over budget", () => {
    const short = member("ana", "Ana", 2);
    // Hour by hour: Ben, Chen, Ana; Ben, Chen, Ana (Ana now at 0 h); Ben, Chen, Ben.
    const result = charge("SHARED_BUDGET", [short, BEN, CHEN]);
    expect(hoursOf(result)).toEqual([
      ["ana", 2],
      ["ben", 4],
      ["chen", 3],
    ]);
    expect(result.members.some((m) => m.overBudget)).toBe(false);
    expect(preview("SHARED_BUDGET", [short, BEN, CHEN], "ana")).toBe(
      "Submitting now is 9 h late, paid from the team's shared budget: you 2 h, Ben 4 h, Chen 3 h.",
    );
  });

  it("once the pooled 3 h are spent, the 6 h overrun is spread evenly and both are capped", () => {
    const ana = member("ana", "Ana", 1);
    const ben = member("ben", "Ben", 2);
    const result = charge("SHARED_BUDGET", [ana, ben]);
    // Ben 1, Ana 1, Ben 2 (pool spent); then the least overdrawn pays: Ana, Ben, Ana, Ben, Ana, Ben.
    expect(hoursOf(result)).toEqual([
      ["ana", 4],
      ["ben", 5],
    ]);
    expect(result.members.map((m) => m.balanceAfter)).toEqual([-3, -3]);
    expect(preview("SHARED_BUDGET", [ana, ben], "ana")).toBe(
      "Submitting now is 9 h late, paid from the team's shared budget: you 4 h, Ben 5 h; " +
        "you have 1 h left: your P2 would be graded a D or an F (the staff decide whether it basically works); Ben has 2 h left: Ben's P2 would be graded a D or an F (the staff decide whether it basically works).",
    );
  });
});

describe("NO_LATE: no late work on team assignments", () => {
  it("refuses a late team submission and charges nobody", () => {
    const result = charge("NO_LATE", [ANA, BEN]);
    expect(result).toMatchObject({ refused: true, outcome: "refused_not_accepted", lateHours: 9 });
    expect(result.members.every((m) => m.hoursCharged === 0)).toBe(true);
    expect(preview("NO_LATE", [ANA, BEN], "ana")).toBe("P2 is a team assignment that cannot be handed in late.");
  });

  it("accepts it on time", () => {
    expect(charge("NO_LATE", [ANA, BEN], DUE).refused).toBe(false);
  });
});

describe("DST nights: the night window is local wall-clock time", () => {
  it("spring forward (9 Mar 2025): 17 real hours, 6 of them in the night window, costs each member 11 h", () => {
    const result = charge("CHARGE_EACH", [ANA, BEN], local("2025-03-09", "12:00"), local("2025-03-08", "18:00"));
    expect(result.lateHours).toBe(11);
    expect(hoursOf(result)).toEqual([
      ["ana", 11],
      ["ben", 11],
    ]);
  });

  it("fall back (2 Nov 2025): 19 real hours, 8 of them in the night window, is 11 h shared 6 + 5", () => {
    const result = charge("SHARED_BUDGET", [BEN, CHEN], local("2025-11-02", "12:00"), local("2025-11-01", "18:00"));
    expect(result.lateHours).toBe(11);
    expect(hoursOf(result)).toEqual([
      ["ben", 6],
      ["chen", 5],
    ]);
  });
});

let nextId = 0;
const grant = (studentId: string | null, dueAt: Date | null, createdAt: Date): DueDateExtension => ({
  id: `g${nextId++}`,
  studentId,
  action: "GRANT",
  dueAt,
  revokesId: null,
  createdAt,
  reason: null,
});
const revoke = (of: DueDateExtension, createdAt: Date): DueDateExtension => ({
  ...of,
  id: `r${nextId++}`,
  action: "REVOKE",
  dueAt: null,
  revokesId: of.id,
  createdAt,
});

describe("teamDueAt: one deadline per team", () => {
  const posted = local("2025-10-10", "12:00");
  const THU = local("2025-10-16", "18:00");
  const WED = local("2025-10-15", "18:00");
  const due = (over: Partial<Parameters<typeof teamDueAt>[0]>) =>
    teamDueAt({
      policy: "LATEST_OF_MEMBERS",
      originalDueAt: DUE,
      courseExtensions: [],
      teamExtensions: [],
      memberExtensions: [],
      memberIds: ["ana", "ben"],
      ...over,
    });

  it("is the assignment's due date when nobody has an extension", () => {
    expect(due({})).toEqual({ dueAt: DUE, source: { kind: "original" } });
  });

  it("latest of members: Ana's extension to Thursday moves the whole team, so Ben is not late (Submitty's bug)", () => {
    const team = due({ memberExtensions: [grant("ana", THU, posted)] });
    expect(team).toEqual({ dueAt: THU, source: { kind: "member", userId: "ana" } });
    const result = charge("CHARGE_EACH", [ANA, BEN], WED, team.dueAt!);
    expect(result.late).toBe(false);
  });

  it("team's own: a member's extension does not move the team", () => {
    expect(due({ policy: "TEAM_ONLY", memberExtensions: [grant("ana", THU, posted)] })).toEqual({
      dueAt: DUE,
      source: { kind: "original" },
    });
  });

  it("a team extension beats a course-wide one, even an earlier one, and never stacks with it", () => {
    const course = grant(null, THU, local("2025-10-12", "12:00"));
    const team = grant("ignored", WED, posted);
    expect(due({ courseExtensions: [course], teamExtensions: [team] })).toEqual({
      dueAt: WED,
      source: { kind: "team" },
    });
  });

  it("a revoked team extension falls back to the course-wide date", () => {
    const course = grant(null, THU, posted);
    const team = grant(null, WED, posted);
    expect(
      due({ courseExtensions: [course], teamExtensions: [team, revoke(team, local("2025-10-11", "09:00"))] }),
    ).toEqual({
      dueAt: THU,
      source: { kind: "course" },
    });
  });

  it("a member's earlier personal date never pulls the team's deadline in", () => {
    const team = grant(null, THU, posted);
    expect(due({ teamExtensions: [team], memberExtensions: [grant("ben", WED, posted)] })).toEqual({
      dueAt: THU,
      source: { kind: "team" },
    });
  });

  it("ignores extensions of students outside the team", () => {
    expect(due({ memberExtensions: [grant("zoe", THU, posted)] }).dueAt).toEqual(DUE);
  });
});

describe("memberExtensionEffect: what a member's extension does to the team", () => {
  const format = (at: Date) => formatInZone({ at, timeZone: NY });
  const THU = local("2025-10-16", "18:00");
  it("says when the whole team moves", () => {
    expect(
      memberExtensionEffect({
        duePolicy: "LATEST_OF_MEMBERS",
        before: DUE,
        after: THU,
        memberName: "Ana",
        assignmentName: "P2",
        format,
      }),
    ).toBe(
      `The team's deadline for P2 moves from ${format(DUE)} to ${format(THU)} for every member: the course uses the latest of its members' deadlines.`,
    );
  });
  it("says when it does nothing", () => {
    expect(
      memberExtensionEffect({
        duePolicy: "TEAM_ONLY",
        before: DUE,
        after: DUE,
        memberName: "Ana",
        assignmentName: "P2",
        format,
      }),
    ).toBe(
      `P2 is a team assignment and the course uses the team's own deadline: Ana's extension does not change it (${format(DUE)}). Extend the team instead.`,
    );
  });
});

describe("properties", () => {
  const members = fc
    .uniqueArray(
      fc.record({ userId: fc.string({ minLength: 1, maxLength: 4 }), used: fc.integer({ min: 0, max: 200 }) }),
      {
        minLength: 1,
        maxLength: 5,
        selector: (m) => m.userId,
      },
    )
    .map((ms) => ms.map((m) => ({ userId: m.userId, name: m.userId, hoursUsedElsewhere: m.used })));
  const lateness = fc.integer({ min: 0, max: 80 * 60 }).map((minutes) => new Date(DUE.getTime() + minutes * 60_000));
  const policies = fc.constantFrom<TeamLatenessPolicy>("CHARGE_EACH", "SHARED_BUDGET", "NO_LATE");

  it("a team submission never charges a member twice, and charges nobody outside the team", () => {
    fc.assert(
      fc.property(policies, members, lateness, (teamPolicy, team, at) => {
        const result = charge(teamPolicy, team, at);
        const ids = result.members.map((m) => m.userId);
        expect(ids).toEqual(team.map((m) => m.userId));
        expect(new Set(ids).size).toBe(ids.length);
        if (teamPolicy === "CHARGE_EACH" && !result.refused)
          for (const m of result.members) expect(m.hoursCharged).toBe(result.lateHours);
      }),
    );
  });

  it("under the shared budget, the sum charged equals the team's late hours", () => {
    fc.assert(
      fc.property(members, lateness, (team, at) => {
        const result = charge("SHARED_BUDGET", team, at);
        const sum = result.members.reduce((s, m) => s + m.hoursCharged, 0);
        expect(sum).toBe(result.refused ? 0 : result.lateHours);
      }),
    );
  });

  it("nobody goes over budget while the team's pooled hours cover the charge", () => {
    fc.assert(
      fc.property(members, fc.integer({ min: 0, max: 300 }), (team, hours) => {
        const split = splitSharedCharge({ hours, members: team, budgetHours: 144 });
        const pooled = team.reduce((s, m) => s + Math.max(0, 144 - m.hoursUsedElsewhere), 0);
        expect(split.reduce((a, b) => a + b, 0)).toBe(hours);
        if (pooled >= hours)
          team.forEach((m, i) =>
            expect(144 - m.hoursUsedElsewhere - split[i]!).toBeGreaterThanOrEqual(
              Math.min(0, 144 - m.hoursUsedElsewhere),
            ),
          );
      }),
    );
  });

  it("with no budget the split is even to within one hour", () => {
    fc.assert(
      fc.property(members, fc.integer({ min: 0, max: 300 }), (team, hours) => {
        const split = splitSharedCharge({ hours, members: team, budgetHours: null });
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("refuses a member listed twice", () => {
    expect(() => charge("CHARGE_EACH", [ANA, ANA])).toThrow(/listed twice/);
  });
});
