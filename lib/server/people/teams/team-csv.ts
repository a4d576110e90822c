import "server-only";
import Papa from "papaparse";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit, type AuditInput } from "@/lib/server/platform/audit";
import { courseWrite } from "@/lib/server/platform/course-write";
import type { Tx } from "@/lib/server/platform/db";
import { ValidationError } from "@/lib/server/platform/errors";
import { parseTeamCsv } from "@/lib/validation/team-csv";
import { lockTeamSet, placeInTeam, teamSetIn, type TeamSetRow } from "@/lib/server/people/teams/team-rules";

export type TeamImportLine = {
  line: number;
  team: string;
  email: string;
  name: string;
  /** join: not in a team yet; move: from another team of the set; stay: already there. */
  change: "join" | "move" | "stay";
  from: string | null;
};

export type TeamImportPreview = {
  teamSet: { id: string; name: string };
  lines: TeamImportLine[];
  newTeams: string[];
  errors: { line: number; message: string }[];
};

/** What the file would do, computed against the set as it is now; the apply runs the same plan under the set's lock. */
async function planImport(tx: Tx | Db, courseId: string, set: TeamSetRow, csv: string): Promise<TeamImportPreview> {
  const parsed = parseTeamCsv(csv);
  const errors = [...parsed.errors];
  const [students, teams] = [
    await tx.membership.findMany({
      where: {
        courseId,
        role: "STUDENT",
        status: "ENROLLED",
        user: { email: { in: parsed.rows.map((r) => r.email) } },
      },
      select: { userId: true, user: { select: { email: true, name: true } } },
    }),
    await tx.team.findMany({
      where: { teamSetId: set.id },
      select: { id: true, name: true, members: { select: { userId: true } } },
    }),
  ];
  const byEmail = new Map(students.map((s) => [s.user.email.toLowerCase(), s]));
  const teamOf = new Map(teams.flatMap((t) => t.members.map((m) => [m.userId, t.name] as const)));
  const lines: TeamImportLine[] = [];
  for (const row of parsed.rows) {
    const student = byEmail.get(row.email);
    if (!student) {
      errors.push({ line: row.line, message: `${row.email} is not an enrolled student of this course` });
      continue;
    }
    const from = teamOf.get(student.userId) ?? null;
    const change = from === null ? "join" : from === row.team ? "stay" : "move";
    lines.push({ line: row.line, team: row.team, email: row.email, name: student.user.name, change, from });
  }
  // Sizes after the import: who stays in each team, plus who the file puts there.
  const moving = new Set(lines.map((l) => l.email));
  const size = new Map(
    teams.map((t) => [
      t.name,
      t.members.filter((m) => !moving.has(students.find((s) => s.userId === m.userId)?.user.email ?? "")).length,
    ]),
  );
  for (const l of lines) {
    const next = (size.get(l.team) ?? 0) + 1;
    size.set(l.team, next);
    if (set.maxSize !== null && next > set.maxSize)
      errors.push({
        line: l.line,
        message: `${l.team} would have ${next} members; teams in ${set.name} have at most ${set.maxSize}`,
      });
  }
  const existing = new Set(teams.map((t) => t.name));
  const newTeams = [...new Set(lines.map((l) => l.team))].filter((name) => !existing.has(name));
  errors.sort((a, b) => a.line - b.line);
  return { teamSet: { id: set.id, name: set.name }, lines, newTeams, errors };
}

export async function previewTeamImport({
  db,
  viewer,
  slug,
  teamSetId,
  csv,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  teamSetId: string;
  csv: string;
}): Promise<TeamImportPreview> {
  const ctx = await authorize({ db, slug, viewer, permission: "teams.edit" });
  return db.$transaction(async (tx) =>
    planImport(tx, ctx.course.id, await teamSetIn(tx, ctx.course.id, teamSetId), csv),
  );
}

/** All or nothing: any line error and nothing is written; otherwise teams are created and students placed, audited. */
export async function applyTeamImport({
  teamSetId,
  csv,
  ...args
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  teamSetId: string;
  csv: string;
}) {
  return courseWrite({ ...args, permission: "teams.edit" }, async ({ tx, me, courseId }) => {
    const set = await teamSetIn(tx, courseId, teamSetId);
    await lockTeamSet(tx, teamSetId);
    const plan = await planImport(tx, courseId, set, csv);
    if (plan.errors.length > 0) {
      throw new ValidationError(`Nothing was imported: ${plan.errors.length} line(s) need fixing.`, {
        csv: plan.errors.map((e) => `Line ${e.line}: ${e.message}`),
      });
    }
    const audits: AuditInput[] = [];
    const teamId = new Map(
      (await tx.team.findMany({ where: { teamSetId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]),
    );
    for (const name of plan.newTeams) {
      const team = await tx.team.create({ data: { courseId, teamSetId, name }, select: { id: true } });
      teamId.set(name, team.id);
      audits.push({
        courseId,
        actorId: me.userId,
        action: "team.create",
        entityType: "Team",
        entityId: team.id,
        after: { teamSetId, name },
      });
    }
    const userOf = new Map(
      (
        await tx.user.findMany({
          where: { email: { in: plan.lines.map((l) => l.email) } },
          select: { id: true, email: true },
        })
      ).map((u) => [u.email.toLowerCase(), u.id]),
    );
    // Everyone moving leaves first, so a swap between two full teams fits.
    const moving = plan.lines.filter((l) => l.change === "move").map((l) => userOf.get(l.email)!);
    if (moving.length > 0) await tx.teamMember.deleteMany({ where: { teamSetId, userId: { in: moving } } });
    for (const l of plan.lines.filter((l) => l.change !== "stay")) {
      const team = { id: teamId.get(l.team)!, name: l.team };
      const placed = await placeInTeam(tx, { courseId, actorId: me.userId, set, team, userId: userOf.get(l.email)! });
      audits.push(...placed);
    }
    audits.push({
      courseId,
      actorId: me.userId,
      action: "team.import",
      entityType: "TeamSet",
      entityId: teamSetId,
      after: { lines: plan.lines.length, newTeams: plan.newTeams, moved: moving.length },
    });
    await recordAudit(tx, audits);
    return { placed: plan.lines.filter((l) => l.change !== "stay").length, newTeams: plan.newTeams.length };
  });
}

/** The set's teams as CSV (team,email,name), the same layout the import reads. */
export async function exportTeamsCsv({
  db,
  viewer,
  slug,
  teamSetId,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
  teamSetId: string;
}): Promise<{ fileName: string; csv: string }> {
  const ctx = await authorize({ db, slug, viewer, permission: "teams.read" });
  const set = await teamSetIn(db as unknown as Tx, ctx.course.id, teamSetId);
  const teams = await db.team.findMany({
    where: { teamSetId, courseId: ctx.course.id },
    orderBy: { name: "asc" },
    select: { name: true, members: { select: { user: { select: { email: true, name: true } } } } },
  });
  const rows = teams.flatMap((t) =>
    t.members.map((m) => [t.name, m.user.email, m.user.name]).sort((a, b) => a[1]!.localeCompare(b[1]!)),
  );
  const csv = Papa.unparse([["team", "email", "name"], ...rows], { newline: "\r\n", escapeFormulae: true }) + "\r\n";
  return { fileName: `${ctx.course.slug}-${set.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.csv`, csv };
}
