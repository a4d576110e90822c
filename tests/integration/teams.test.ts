// Teams (issue 16) against real PostgreSQL: a Brown-style course (144 h budget, nights
// 00:00–07:00 not counted, 72 h cap, D over the budget) with a team project P2.
// Team CSV import is all-or-nothing; two members submitting at the same moment make
// one submission and one charge per member; a removed member keeps their history;
// team and member extensions move the team's one deadline; a team grade reaches every
// member with overrides; students form teams within limits; another team is a 404.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { localToInstant } from "@/lib/domain/time";
import type { Viewer } from "@/lib/server/authorization/authz";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/platform/errors";
import { grantStudentExtensions } from "@/lib/server/deadlines/extensions";
import { getSubmissionFile } from "@/lib/server/deadlines/submissions";
import { submitTeamWork } from "@/lib/server/deadlines/team-submissions";
import { grantTeamExtension, revokeTeamExtension } from "@/lib/server/deadlines/team-extensions";
import { saveTeamGrade, saveTeamGradeCell } from "@/lib/server/grading/team-grades";
import { getGradebook } from "@/lib/server/grading/gradebook";
import { getCourseLateHours } from "@/lib/server/deadlines/my-deadlines";
import { GradeConflictError } from "@/lib/server/grading/grades";
import { applyTeamImport, exportTeamsCsv, previewTeamImport } from "@/lib/server/people/teams/team-csv";
import { createOwnTeam, joinTeam, leaveTeam } from "@/lib/server/people/teams/formation";
import { removeTeamMember, saveTeamSet, setAssignmentTeamSet } from "@/lib/server/people/teams/teams";
import { getMyTeams, getTeamsPage } from "@/lib/server/people/teams/team-views";
import { seedDatabase } from "@/lib/server/platform/seed";
import { createTestDatabase, type TestDatabase } from "./support/database";

const NY = "America/New_York";
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });
const DUE = local("2025-03-18", "18:00"); // Tuesday 6 PM
// 18:00 → 24:00 is 6 h; 00:00–07:00 is not counted; 07:00 → 10:00 is 3 h: 9 h late.
const NINE_LATE = local("2025-03-19", "10:00");
const SLUG = "brown-teams";

let t: TestDatabase;
let courseId: string;
let p2: string;
let p3: string;
let setId: string;
const v: Record<string, Viewer> = {};

async function person(key: string, name: string, role: "INSTRUCTOR" | "TA" | "STUDENT") {
  const u = await t.db.user.create({ data: { email: `${key}@brown.example`, name }, select: { id: true } });
  await t.db.membership.create({ data: { courseId, userId: u.id, role } });
  v[key] = { userId: u.id, email: `${key}@brown.example`, name };
}
const args = (who: string) => ({ db: t.db, viewer: v[who]!, slug: SLUG });
const charges = (who: string, assignmentId: string) =>
  t.db.ledgerEntry.findMany({
    where: { courseId, studentId: v[who]!.userId, assignmentId, kind: { in: ["CHARGE", "REFUND"] } },
    orderBy: { createdAt: "asc" },
  });
const net = async (who: string, assignmentId: string) =>
  (await charges(who, assignmentId)).reduce((s, e) => s + e.hours, 0);
const teamSetInput = (over: Partial<Parameters<typeof saveTeamSet>[0]["input"]> = {}) => ({
  name: "Project teams",
  minSize: 2,
  maxSize: 3,
  selfFormation: false,
  formationLocksAt: null,
  latenessPolicy: "CHARGE_EACH" as const,
  duePolicy: "LATEST_OF_MEMBERS" as const,
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase();
  const course = await t.db.course.create({
    data: {
      slug: SLUG,
      code: "CSCI 1390",
      title: "Systems for ML",
      term: "Spring 2025",
      institution: "Brown",
      timeZone: NY,
    },
    select: { id: true },
  });
  courseId = course.id;
  await t.db.latePolicy.create({
    data: {
      courseId,
      kind: "BUDGET",
      budgetHours: 144,
      perAssignmentCapHours: 72,
      excludedWindowStart: "00:00",
      excludedWindowEnd: "07:00",
      coveredKinds: ["PROJECT"],
      overCapAction: "REFUSE",
      overBudgetAction: "CAP_ITEM",
      itemCap: [
        { letter: "D", percent: 65 },
        { letter: "F", percent: 50 },
      ],
    },
  });
  const assignment = (code: string) =>
    t.db.assignment.create({
      data: {
        courseId,
        code,
        title: code,
        kind: "PROJECT",
        dueAt: DUE,
        lateHoursApply: true,
        releasedAt: local("2025-02-25", "17:00"),
      },
      select: { id: true },
    });
  p2 = (await assignment("P2")).id;
  p3 = (await assignment("P3")).id;
  await person("instructor", "Deborah", "INSTRUCTOR");
  await person("ta", "Tomas", "TA");
  for (const [key, name] of [
    ["ana", "Ana"],
    ["ben", "Ben"],
    ["chen", "Chen"],
    ["dev", "Dev"],
    ["eve", "Eve"],
    ["fay", "Fay"],
  ])
    await person(key!, name!, "STUDENT");
  // Ana has used 140 of her 144 hours on earlier work.
  await t.db.ledgerEntry.create({
    data: { courseId, studentId: v.ana!.userId, kind: "ADJUSTMENT", hours: 140, reason: "earlier projects" },
  });
  const set = await saveTeamSet({ ...args("instructor"), input: teamSetInput() });
  setId = set.id;
  await setAssignmentTeamSet({ ...args("instructor"), assignmentId: p2, teamSetId: setId });
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("CSV import: preview with line errors, all or nothing", () => {
  it("reports each bad line and imports nothing while any line is wrong", async () => {
    const csv = [
      "team,email",
      "Team 1,ana@brown.example",
      "Team 1,ben@brown.example",
      "Team 1,nobody@brown.example",
      "Team 1,ana@brown.example",
      "Team 2,dev@brown.example",
      "Team 2,eve@brown.example",
      "Team 2,fay@brown.example",
      "Team 2,chen@brown.example",
    ].join("\n");
    const preview = await previewTeamImport({ ...args("instructor"), teamSetId: setId, csv });
    expect(preview.errors).toEqual([
      { line: 4, message: "nobody@brown.example is not an enrolled student of this course" },
      { line: 5, message: "ana@brown.example is already on line 2" },
      { line: 9, message: "Team 2 would have 4 members; teams in Project teams have at most 3" },
    ]);
    await expect(applyTeamImport({ ...args("instructor"), teamSetId: setId, csv })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await t.db.team.count({ where: { teamSetId: setId } })).toBe(0);
  });

  it("imports a clean file, audited, and exports it back in the same layout", async () => {
    const csv =
      "Team,Email\nTeam 1,ana@brown.example\nTeam 1,ben@brown.example\nTeam 1,chen@brown.example\nTeam 2,dev@brown.example\nTeam 2,eve@brown.example\n";
    const preview = await previewTeamImport({ ...args("instructor"), teamSetId: setId, csv });
    expect(preview.errors).toEqual([]);
    expect(preview.newTeams).toEqual(["Team 1", "Team 2"]);
    expect(await applyTeamImport({ ...args("instructor"), teamSetId: setId, csv })).toEqual({ placed: 5, newTeams: 2 });
    const audits = await t.db.auditEvent.count({
      where: { courseId, action: { in: ["team.create", "team.member.add", "team.import"] } },
    });
    expect(audits).toBe(2 + 5 + 1);
    const exported = await exportTeamsCsv({ ...args("ta"), teamSetId: setId });
    expect(exported.csv).toBe(
      "team,email,name\r\nTeam 1,ana@brown.example,Ana\r\nTeam 1,ben@brown.example,Ben\r\nTeam 1,chen@brown.example,Chen\r\nTeam 2,dev@brown.example,Dev\r\nTeam 2,eve@brown.example,Eve\r\n",
    );
  });

  it("a TA may read the teams but not import them", async () => {
    await expect(
      previewTeamImport({ ...args("ta"), teamSetId: setId, csv: "team,email\nX,fay@brown.example" }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("one submission for the team, one charge per member", () => {
  it("shows every member, before anyone submits, what it costs each of them", async () => {
    const page = await getMyTeams({ ...args("ben"), now: NINE_LATE });
    const work = page.teamSets[0]!.myTeam!.work.find((w) => w.code === "P2")!;
    expect(work.preview!.message).toBe(
      // The course grades an over-budget project D or F (Brown's "we'll give it a D or an F depending on
      // whether it seems to basically work"), so the sentence names both and who decides.
      "Submitting now costs each of you 9 h; Ana has 4 h left: Ana's P2 would be graded a D or an F (the staff decide whether it basically works).",
    );
    const anas = await getMyTeams({ ...args("ana"), now: NINE_LATE });
    expect(anas.teamSets[0]!.myTeam!.work.find((w) => w.code === "P2")!.preview!.message).toBe(
      "Submitting now costs each of you 9 h; you have 4 h left: your P2 would be graded a D or an F (the staff decide whether it basically works).",
    );
  });

  it("two members submitting at the same moment: one submission, one charge of 9 h per member", async () => {
    const bytes = (s: string) => new Uint8Array(new TextEncoder().encode(s)) as Uint8Array<ArrayBuffer>;
    const results = await Promise.allSettled([
      submitTeamWork({
        ...args("ana"),
        assignmentId: p2,
        now: NINE_LATE,
        expectedLatestId: null,
        input: { file: { name: "p2-ana.zip", size: 3, bytes: bytes("ana") } },
      }),
      submitTeamWork({
        ...args("ben"),
        assignmentId: p2,
        now: NINE_LATE,
        expectedLatestId: null,
        input: { file: { name: "p2-ben.zip", size: 3, bytes: bytes("ben") } },
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((lost[0] as PromiseRejectedResult).reason.message).toMatch(
      /submitted P2 for Team 1 at .* while you were on this page/,
    );

    const submissions = await t.db.teamSubmission.findMany({ where: { assignmentId: p2 } });
    expect(submissions).toHaveLength(1);
    const rows = await t.db.submission.findMany({
      where: { assignmentId: p2 },
      select: { studentId: true, teamSubmissionId: true },
    });
    expect(rows.map((r) => r.studentId).sort()).toEqual([v.ana!.userId, v.ben!.userId, v.chen!.userId].sort());
    expect(new Set(rows.map((r) => r.teamSubmissionId))).toEqual(new Set([submissions[0]!.id]));
    for (const who of ["ana", "ben", "chen"]) {
      const entries = await charges(who, p2);
      expect(entries.map((e) => [e.kind, e.hours])).toEqual([["CHARGE", 9]]);
      expect(entries[0]!.reason).toMatch(/^P2 team submission by (Ana|Ben) for Team 1, .*, 9 h late$/);
    }
    // Ana went 5 h over: the result says her grade is capped.
    const result = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof submitTeamWork>>>).value;
    expect(result.members.find((m) => m.userId === v.ana!.userId)).toMatchObject({
      balanceAfter: -5,
      consequence: {
        kind: "cap",
        choices: [
          { letter: "D", percent: 65 },
          { letter: "F", percent: 50 },
        ],
      },
    });
  });

  it("every member sees who submitted what and when, and may download the team's file", async () => {
    const page = await getMyTeams({ ...args("chen"), now: NINE_LATE });
    const handIn = page.teamSets[0]!.myTeam!.work.find((w) => w.code === "P2")!.handIns[0]!;
    expect(handIn).toMatchObject({ submittedAt: NINE_LATE, lateHours: 9 });
    expect(["Ana", "Ben"]).toContain(handIn.submittedBy);
    const file = await getSubmissionFile({ ...args("chen"), submissionId: handIn.myRowId! });
    expect(["p2-ana.zip", "p2-ben.zip"]).toContain(file.name);
    expect(new TextDecoder().decode(file.data)).toBe(file.name === "p2-ana.zip" ? "ana" : "ben");
  });

  it("a student of another team sees that file as missing (404) and never sees the other team", async () => {
    const chenRow = await t.db.submission.findFirstOrThrow({ where: { assignmentId: p2, studentId: v.chen!.userId } });
    await expect(getSubmissionFile({ ...args("dev"), submissionId: chenRow.id })).rejects.toBeInstanceOf(NotFoundError);
    const devs = await getMyTeams({ ...args("dev"), now: NINE_LATE });
    expect(devs.teamSets[0]!.myTeam!.name).toBe("Team 2");
    expect(devs.teamSets[0]!.myTeam!.work.find((w) => w.code === "P2")!.handIns).toEqual([]);
  });

  it("a resubmission after seeing the latest charges only the difference, once per member", async () => {
    const page = await getMyTeams({ ...args("chen"), now: NINE_LATE });
    const latestId = page.teamSets[0]!.myTeam!.work.find((w) => w.code === "P2")!.latestId;
    const later = local("2025-03-19", "11:00"); // 10 h late
    await submitTeamWork({
      ...args("chen"),
      assignmentId: p2,
      now: later,
      expectedLatestId: latestId,
      input: { url: "https://github.com/team1/p2" },
    });
    for (const who of ["ana", "ben", "chen"]) expect((await charges(who, p2)).map((e) => e.hours)).toEqual([9, 1]);
  });

  it("removing a member after a submission keeps their ledger history and their submission", async () => {
    const team1 = await t.db.team.findFirstOrThrow({ where: { teamSetId: setId, name: "Team 1" } });
    await removeTeamMember({ ...args("instructor"), teamId: team1.id, userId: v.chen!.userId });
    expect(await net("chen", p2)).toBe(10);
    expect(await t.db.submission.count({ where: { assignmentId: p2, studentId: v.chen!.userId } })).toBe(2);
    expect(await t.db.auditEvent.count({ where: { courseId, action: "team.member.remove", entityId: team1.id } })).toBe(
      1,
    );
  });
});

describe("extensions for a team", () => {
  it("a team extension applies to every member who handed in, refunding their charges", async () => {
    const team1 = await t.db.team.findFirstOrThrow({ where: { teamSetId: setId, name: "Team 1" } });
    const outcome = await grantTeamExtension({
      ...args("instructor"),
      teamId: team1.id,
      assignmentId: p2,
      dueLocal: { date: "2025-03-19", time: "12:00" },
      reason: "Cluster outage",
    });
    expect(outcome.message).toMatch(/^Team 1's deadline for P2 is now .*, for every member\.$/);
    for (const who of ["ana", "ben", "chen"]) expect(await net(who, p2)).toBe(0);
    // The Teams page lists the extension in force (with its revoke form), and none once revoked.
    const inForce = async () =>
      (await getTeamsPage({ ...args("instructor"), now: NINE_LATE })).teamSets[0]!.teams.find(
        (x) => x.id === team1.id,
      )!.work.find((w) => w.assignmentId === p2)!.extensions;
    expect(await inForce()).toEqual([
      { id: outcome.extensionId, dueAt: local("2025-03-19", "12:00"), reason: "Cluster outage" },
    ]);
    await revokeTeamExtension({
      ...args("instructor"),
      extensionId: outcome.extensionId,
      reason: "granted by mistake",
    });
    for (const who of ["ana", "ben", "chen"]) expect(await net(who, p2)).toBe(10);
    expect(await inForce()).toEqual([]);
  });

  it("one member's own extension moves the whole team's deadline (the latest of the members')", async () => {
    await grantStudentExtensions({
      ...args("instructor"),
      assignmentId: p2,
      studentIds: [v.ben!.userId],
      dueAt: local("2025-03-20", "18:00"),
      reason: "Dean's note",
    });
    for (const who of ["ana", "ben", "chen"]) expect(await net(who, p2)).toBe(0);
    const page = await getTeamsPage({ ...args("ta"), now: NINE_LATE });
    const work = page.teamSets[0]!.teams.find((x) => x.name === "Team 1")!.work.find((w) => w.code === "P2")!;
    expect(work.dueSource).toBe("Ben's extension (the latest of the members')");
  });
});

describe("one grade for the team, with per-member overrides", () => {
  it("writes the team's grade to every member, an override to one, audited; a stale version is refused", async () => {
    const team2 = await t.db.team.findFirstOrThrow({ where: { teamSetId: setId, name: "Team 2" } });
    const saved = await saveTeamGrade({
      ...args("ta"),
      input: {
        assignmentId: p2,
        teamId: team2.id,
        score: 88,
        feedback: "Solid",
        overrides: { [v.eve!.userId]: 80 },
        version: null,
      },
    });
    expect(saved).toEqual({ version: 1, changed: 2 });
    const grades = await t.db.grade.findMany({
      where: { assignmentId: p2, studentId: { in: [v.dev!.userId, v.eve!.userId] } },
    });
    expect(Object.fromEntries(grades.map((g) => [g.studentId, g.score]))).toEqual({
      [v.dev!.userId]: 88,
      [v.eve!.userId]: 80,
    });
    expect(
      await t.db.auditEvent.count({ where: { courseId, action: { in: ["teamGrade.update", "grade.update"] } } }),
    ).toBe(3);
    await expect(
      saveTeamGrade({
        ...args("ta"),
        input: { assignmentId: p2, teamId: team2.id, score: 90, feedback: "", overrides: {}, version: null },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      saveTeamGrade({
        ...args("ta"),
        input: { assignmentId: p2, teamId: team2.id, score: 101, feedback: "", overrides: {}, version: 1 },
      }),
    ).rejects.toMatchObject({
      fieldErrors: { score: ["101 is more than the 100 points possible: confirm it as extra credit"] },
    });
    await expect(
      saveTeamGrade({
        ...args("ana"),
        input: { assignmentId: p2, teamId: team2.id, score: 100, feedback: "", overrides: {}, version: 1 },
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("the gradebook's team work: one score for the team, a member's own score beside it", () => {
  const gradeOf = async (who: string) =>
    t.db.grade.findUniqueOrThrow({
      where: { assignmentId_studentId: { assignmentId: p2, studentId: v[who]!.userId } },
      select: { score: true, version: true },
    });
  const cell = async (who: string, score: number | null, scope: "team" | "member", as = "ta") =>
    saveTeamGradeCell({
      ...args(as),
      assignmentId: p2,
      studentId: v[who]!.userId,
      input: { version: (await gradeOf(who)).version, score, scope },
    });
  const teamGrade = async () => {
    const team2 = await t.db.team.findFirstOrThrow({ where: { teamSetId: setId, name: "Team 2" } });
    return t.db.teamGrade.findUniqueOrThrow({ where: { assignmentId_teamId: { assignmentId: p2, teamId: team2.id } } });
  };

  it("names each student's team and marks team work in the gradebook", async () => {
    const data = await getGradebook({ ...args("ta"), now: NINE_LATE });
    expect(data.teamSets).toEqual([{ id: setId, name: "Project teams" }]);
    expect(data.assignments.find((a) => a.id === p2)?.teamSetId).toBe(setId);
    expect(data.assignments.find((a) => a.id === p3)?.teamSetId).toBeNull();
    const dev = data.rows.find((r) => r.id === v.dev!.userId)!;
    expect(dev.teams.map((x) => x.name)).toEqual(["Team 2"]);
    // The late-hours dashboard names the team beside each student.
    const late = await getCourseLateHours(args("ta"));
    expect(late.students.find((s) => s.id === v.dev!.userId)?.teams).toEqual(["Team 2"]);
  });

  it("a team score reaches every member without their own; a member's own score touches no one else; audited", async () => {
    // From the Teams page's grade: Team 2 has 88, Eve her own 80.
    const eventsBefore = await t.db.auditEvent.count({ where: { courseId, action: "teamGrade.update" } });
    const team = await cell("dev", 92, "team");
    expect(team.team.name).toBe("Team 2");
    expect(team.cell.score).toBe(92);
    expect(team.members).toEqual([]); // Eve keeps her 80
    expect((await gradeOf("eve")).score).toBe(80);
    expect(await teamGrade()).toMatchObject({ score: 92, overrides: { [v.eve!.userId]: 80 } });

    const own = await cell("dev", 95, "member");
    expect(own.cell.score).toBe(95);
    expect(own.members).toEqual([]);
    expect((await gradeOf("eve")).score).toBe(80);
    expect(await teamGrade()).toMatchObject({
      score: 92,
      overrides: { [v.eve!.userId]: 80, [v.dev!.userId]: 95 },
    });

    // A team score typed on Eve's row ends her own score; Dev's own 95 stays.
    const eve = await cell("eve", 90, "team");
    expect(eve.cell.score).toBe(90);
    expect((await gradeOf("dev")).score).toBe(95);
    expect(await teamGrade()).toMatchObject({ score: 90, overrides: { [v.dev!.userId]: 95 } });
    // Clearing Dev's own score: he follows the team again, and the answer says so.
    const back = await cell("dev", null, "member");
    expect(back.cell.score).toBe(90);
    expect(await teamGrade()).toMatchObject({ score: 90, overrides: {} });

    const events = await t.db.auditEvent.findMany({
      where: { courseId, action: "teamGrade.update" },
      orderBy: { id: "asc" },
      skip: eventsBefore,
    });
    expect(events.map((e) => (e.after as { scope: string }).scope)).toEqual(["team", "member", "team", "member"]);
  });

  it("a stale cell is a conflict carrying what is there; individual work, no team, another role are refused", async () => {
    const before = await gradeOf("dev");
    await expect(
      saveTeamGradeCell({
        ...args("ta"),
        assignmentId: p2,
        studentId: v.dev!.userId,
        input: { version: before.version - 1, score: 50, scope: "team" },
      }),
    ).rejects.toMatchObject({ current: { score: before.score, version: before.version } });
    await expect(
      saveTeamGradeCell({
        ...args("ta"),
        assignmentId: p2,
        studentId: v.dev!.userId,
        input: { version: before.version - 1, score: 50, scope: "team" },
      }),
    ).rejects.toBeInstanceOf(GradeConflictError);
    expect(await gradeOf("dev")).toEqual(before);
    await expect(
      saveTeamGradeCell({
        ...args("ta"),
        assignmentId: p3,
        studentId: v.dev!.userId,
        input: { version: 0, score: 50, scope: "team" },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await person("gus", "Gus", "STUDENT");
    await expect(
      saveTeamGradeCell({
        ...args("ta"),
        assignmentId: p2,
        studentId: v.gus!.userId,
        input: { version: 0, score: 50, scope: "team" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(cell("dev", 100, "team", "dev")).rejects.toMatchObject({ status: 403 });
    await expect(cell("dev", 150, "team")).rejects.toMatchObject({ reason: "needs-extra-credit" });
  });
});

describe("students forming their own teams", () => {
  let openSet: string;
  const LOCK = local("2025-03-01", "23:59");
  const before = local("2025-02-28", "12:00");

  beforeAll(async () => {
    const set = await saveTeamSet({
      ...args("instructor"),
      input: teamSetInput({
        name: "P3 pairs",
        minSize: 2,
        maxSize: 2,
        selfFormation: true,
        formationLocksAt: { date: "2025-03-01", time: "23:59" },
      }),
    });
    openSet = set.id;
    expect(set.formationLocksAt).toEqual(LOCK);
    await setAssignmentTeamSet({ ...args("instructor"), assignmentId: p3, teamSetId: openSet });
  });

  it("creates, joins up to the size limit, one team per set, and nothing after the lock", async () => {
    const team = await createOwnTeam({ ...args("ana"), teamSetId: openSet, name: "Parallel", now: before });
    await joinTeam({ ...args("ben"), teamId: team.id, now: before });
    await expect(joinTeam({ ...args("chen"), teamId: team.id, now: before })).rejects.toThrow(
      "Parallel is full: teams in P3 pairs have at most 2 members.",
    );
    await expect(createOwnTeam({ ...args("ana"), teamSetId: openSet, name: "Another", now: before })).rejects.toThrow(
      "You are already in Parallel; leave it first.",
    );
    await expect(leaveTeam({ ...args("ben"), teamId: team.id, now: local("2025-03-02", "09:00") })).rejects.toThrow(
      /^P3 pairs locked on /,
    );
    await expect(
      createOwnTeam({ ...args("instructor"), teamSetId: openSet, name: "Staff", now: before }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("two students taking the last seat at once: one gets it", async () => {
    const team = await createOwnTeam({ ...args("dev"), teamSetId: openSet, name: "Kernels", now: before });
    const results = await Promise.allSettled([
      joinTeam({ ...args("eve"), teamId: team.id, now: before }),
      joinTeam({ ...args("fay"), teamId: team.id, now: before }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.teamMember.count({ where: { teamId: team.id } })).toBe(2);
  });
});

describe("shared budget", () => {
  it("splits the team's late hours over its members: the sum equals the team's late hours", async () => {
    await saveTeamSet({
      ...args("instructor"),
      input: {
        ...teamSetInput({
          name: "P3 pairs",
          minSize: 2,
          maxSize: 2,
          selfFormation: true,
          formationLocksAt: { date: "2025-03-01", time: "23:59" },
        }),
        teamSetId: (await t.db.teamSet.findFirstOrThrow({ where: { name: "P3 pairs" } })).id,
        latenessPolicy: "SHARED_BUDGET",
      },
    });
    // Parallel is Ana (4 h left) and Ben; 9 h late: Ana pays her even share of 4, Ben 5.
    const result = await submitTeamWork({
      ...args("ben"),
      assignmentId: p3,
      now: NINE_LATE,
      expectedLatestId: null,
      input: { url: "https://github.com/parallel/p3" },
    });
    expect(result.lateHours).toBe(9);
    expect((await net("ana", p3)) + (await net("ben", p3))).toBe(9);
    expect([await net("ana", p3), await net("ben", p3)]).toEqual([4, 5]);
    expect(result.members.every((m) => m.consequence.kind === "none")).toBe(true);
  });
});

describe("demo teams", () => {
  let seeded: TestDatabase;
  beforeAll(async () => {
    seeded = await createTestDatabase();
    await seedDatabase({ db: seeded.db });
  }, 300_000);
  afterAll(async () => {
    await seeded?.drop();
  });

  it("NUS's project track is in groups of 2–3, each student in one group, each group one hand-in per deliverable", async () => {
    const set = await seeded.db.teamSet.findFirstOrThrow({
      where: { course: { slug: "nus-lgm" } },
      select: {
        id: true,
        minSize: true,
        maxSize: true,
        teams: { select: { id: true, _count: { select: { members: true } } } },
        assignments: { select: { code: true } },
      },
    });
    expect([set.minSize, set.maxSize]).toEqual([2, 3]);
    expect(set.assignments.map((a) => a.code).sort()).toEqual(["FINAL", "MIDTERM", "PRESENTATION", "PROPOSAL"]);
    for (const team of set.teams) expect(team._count.members).toBeGreaterThanOrEqual(2);
    for (const team of set.teams) expect(team._count.members).toBeLessThanOrEqual(3);
    const final = await seeded.db.assignment.findFirstOrThrow({
      where: { code: "FINAL", course: { slug: "nus-lgm" } },
    });
    const perTeam = await seeded.db.teamSubmission.groupBy({
      by: ["teamId"],
      where: { assignmentId: final.id },
      _count: true,
    });
    expect(perTeam.every((r) => r._count === 1)).toBe(true);
    const rows = await seeded.db.submission.findMany({
      where: { assignmentId: final.id },
      select: { teamSubmissionId: true },
    });
    expect(rows.every((r) => r.teamSubmissionId !== null)).toBe(true);
  });

  it("INFO9023 and CSC 490 have their project teams", async () => {
    for (const slug of ["info9023", "csc490"]) {
      const set = await seeded.db.teamSet.findFirstOrThrow({
        where: { course: { slug } },
        select: { teams: { select: { id: true } }, assignments: { select: { code: true } } },
      });
      expect(set.teams.length).toBeGreaterThan(5);
      expect(set.assignments.map((a) => a.code)).toEqual(["PROJECT"]);
    }
  });
});
