import "server-only";
import Papa from "papaparse";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type Viewer } from "@/lib/server/authorization/authz";
import { loadGradingData, type GradingData, type GradingStudent } from "@/lib/server/grading/grading-data";
import { loadImportRoster } from "@/lib/server/grading/grade-import";
import type { ImportRoster } from "@/lib/server/grading/grade-import-diff";
import { canvasNumber, sortableName } from "@/lib/domain/canvas-gradebook";

// The gradebook as Canvas's gradebook CSV, so Canvas imports it into the same columns
// (lib/gradebook_exporter.rb in instructure/canvas-lms, csv_data, lines 131–303): Student
// ("Last, First"), ID (Canvas's user id), SIS User ID, SIS Login ID, Section, one column per
// assignment titled "Title (canvasId)" (Assignment#title_with_id), then totals, which Canvas's
// importer skips; the second row is "    Points Possible" with points as "100.00". An assignment
// or student with no Canvas link yet is written so Canvas's fallbacks find it: the bare title
// (Canvas matches a header equal to an assignment's title) and the email as SIS Login ID.

const IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] as const;
const TOTALS = ["Current Score", "Final Score", "Current Grade", "Final Grade"] as const;
const POINTS_ROW = "    Points Possible";

type Links = Pick<ImportRoster, "canvasIds"> & { byUser: Map<string, ImportRoster["members"][number]> };

export function assignmentColumn(a: { title: string; id: string }, canvasId: string | null | undefined): string {
  return canvasId ? `${a.title} (${canvasId})` : a.title;
}

const percent = (p: number | null) => (p === null ? "" : canvasNumber(p));

/** The final grade in the export's Final Score / Final Grade columns (one call site, so its rule can move). */
function finalGradeOf(data: GradingData, s: GradingStudent) {
  return data.compiled.grade({
    student: s.scores,
    mode: "final",
    consequences: s.standing.consequences,
  });
}

function studentRow(data: GradingData, s: GradingStudent, section: string, links: Links): string[] {
  const member = links.byUser.get(s.id);
  const final = finalGradeOf(data, s);
  return [
    sortableName(s.name),
    member?.canvasUserId ?? "",
    member?.sisUserId ?? "",
    member?.sisLoginId ?? s.email,
    section,
    ...s.cellScores.map((score, ai) => (s.cellExcused[ai] ? "EX" : score === null ? "" : canvasNumber(score))),
    percent(s.current.percent),
    percent(final.percent),
    s.current.letter ?? "",
    final.letter ?? "",
  ];
}

/** Rows of the export, built from loaded grading data (pure, so the benchmark can time it alone). */
export function gradebookCsv(
  data: GradingData,
  section: string,
  links: Links = { canvasIds: new Map(), byUser: new Map() },
): string {
  const header = [
    ...IDENTITY,
    ...data.assignments.map((a) => assignmentColumn(a, links.canvasIds.get(a.id))),
    ...TOTALS,
  ];
  const points = [
    POINTS_ROW,
    "",
    "",
    "",
    "",
    ...data.assignments.map((a) => canvasNumber(a.points)),
    ...TOTALS.map(() => "(read only)"),
  ];
  const rows = data.students.map((s) => studentRow(data, s, section, links));
  // escapeFormulae: a spreadsheet must not run a name as a formula (CSV injection); such text gets a leading quote.
  return Papa.unparse([header, points, ...rows], { newline: "\r\n", escapeFormulae: true }) + "\r\n";
}

export async function exportGradebookCsv({
  db,
  slug,
  viewer,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  now: Date;
}): Promise<{ filename: string; csv: string }> {
  const ctx = await authorize({ db, slug, viewer, permission: "gradebook.read" });
  const [data, section, roster] = await Promise.all([
    loadGradingData({ db, course: ctx.course, now }),
    db.meetingSection.findFirst({
      where: { courseId: ctx.course.id, kind: "LECTURE" },
      orderBy: { code: "asc" },
      select: { code: true },
    }),
    loadImportRoster(db, ctx.course.id),
  ]);
  const links = { canvasIds: roster.canvasIds, byUser: new Map(roster.members.map((m) => [m.userId, m])) };
  return { filename: `${ctx.course.slug}-grades.csv`, csv: gradebookCsv(data, section?.code ?? "", links) };
}
