import "server-only";
import { readAll, type Db, type Tx } from "@/lib/server/platform/db";
import { authorize, can, type Viewer } from "@/lib/server/authorization/authz";
import { recordAudit } from "@/lib/server/platform/audit";
import { courseWrite } from "@/lib/server/platform/course-write";
import { ValidationError } from "@/lib/server/platform/errors";
import {
  compileScheme,
  gradeDistribution,
  type GradeDistribution,
  type GradeScheme,
  type SchemeItem,
} from "@/lib/domain/grading";
import type { SchemeInput } from "@/lib/validation/grades";
import { loadGradingData } from "@/lib/server/grading/grading-data";

type Client = Db | Tx;

export type SchemeAssignment = {
  id: string;
  code: string;
  title: string;
  points: number;
  categoryId: string | null;
  weight: number | null;
};

export type LoadedScheme = {
  scheme: GradeScheme;
  items: SchemeItem[];
  categories: {
    id: string;
    name: string;
    weight: number;
    dropLowest: number;
    allowedMisses: number;
    trackId: string | null;
    trackName: string | null;
  }[];
  assignments: SchemeAssignment[];
};

/** A course's grading scheme as the pure grading module takes it; compile it once per request. */
export async function loadScheme(db: Client, courseId: string): Promise<LoadedScheme> {
  // This also runs inside updateScheme's transaction: readAll takes turns there.
  const [categories, tracks, cutoffs, assignments] = await readAll(db, [
    () =>
      db.gradingCategory.findMany({
        where: { courseId },
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { id: true, name: true, weight: true, dropLowest: true, allowedMisses: true, trackId: true },
      }),
    () =>
      db.gradingTrack.findMany({
        where: { courseId },
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: { id: true, name: true },
      }),
    () =>
      db.letterCutoff.findMany({
        where: { courseId },
        orderBy: { minPercent: "desc" },
        select: { letter: true, minPercent: true },
      }),
    () =>
      db.assignment.findMany({
        where: { courseId },
        orderBy: [{ position: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { code: "asc" }],
        select: { id: true, code: true, title: true, points: true, categoryId: true, weight: true },
      }),
  ]);
  const trackName = new Map(tracks.map((t) => [t.id, t.name]));
  return {
    // A recorded choice decides; a student without one gets the better track.
    scheme: { categories, tracks, trackRule: "chosen", cutoffs },
    items: assignments.map((a) => ({
      id: a.id,
      code: a.code,
      categoryId: a.categoryId,
      points: a.points,
      weight: a.weight,
    })),
    categories: categories.map((c) => ({ ...c, trackName: c.trackId ? (trackName.get(c.trackId) ?? null) : null })),
    assignments,
  };
}

/** Applies the editor's values to a loaded scheme (ids not in the course are rejected). */
export function applySchemeInput(
  loaded: LoadedScheme,
  input: SchemeInput,
): { scheme: GradeScheme; items: SchemeItem[] } {
  const categoryIds = new Set(loaded.scheme.categories.map((c) => c.id));
  const itemIds = new Set(loaded.items.map((i) => i.id));
  const fieldErrors: Record<string, string[]> = {};
  input.categories.forEach((c, i) => {
    if (!categoryIds.has(c.id)) fieldErrors[`categories.${i}`] = ["Unknown category"];
  });
  input.items.forEach((c, i) => {
    if (!itemIds.has(c.id)) fieldErrors[`items.${i}`] = ["Unknown assignment"];
  });
  const categoryInput = new Map(input.categories.map((c) => [c.id, c]));
  const itemInput = new Map(input.items.map((i) => [i.id, i]));
  const scheme: GradeScheme = {
    ...loaded.scheme,
    categories: loaded.scheme.categories.map((c) => {
      const edit = categoryInput.get(c.id);
      return edit ? { ...c, weight: edit.weight, dropLowest: edit.dropLowest } : c;
    }),
    cutoffs: input.cutoffs.map((c) => ({ letter: c.letter, minPercent: c.minPercent })),
  };
  const items = loaded.items.map((i) => {
    const edit = itemInput.get(i.id);
    return edit ? { ...i, weight: edit.weight } : i;
  });
  // Dropping every item of a category would leave nothing to grade.
  input.categories.forEach((c, i) => {
    const count = items.filter((item) => item.categoryId === c.id).length;
    if (c.dropLowest > 0 && c.dropLowest >= count)
      fieldErrors[`categories.${i}.dropLowest`] = [
        `This category has ${count} item${count === 1 ? "" : "s"}; drop fewer than that`,
      ];
  });
  if (Object.keys(fieldErrors).length) throw new ValidationError("Please correct the highlighted fields.", fieldErrors);
  try {
    compileScheme({ scheme, items });
  } catch (error) {
    throw new ValidationError(error instanceof Error ? error.message : "The scheme is not valid");
  }
  return { scheme, items };
}

export type SchemeEditorData = {
  courseId: string;
  canEdit: boolean;
  canImport: boolean;
  categories: LoadedScheme["categories"];
  assignments: SchemeAssignment[];
  cutoffs: { letter: string; minPercent: number }[];
};

export async function getSchemeEditor({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
}): Promise<SchemeEditorData> {
  const ctx = await authorize({ db, slug, viewer, permission: "gradebook.read" });
  const loaded = await loadScheme(db, ctx.course.id);
  return {
    courseId: ctx.course.id,
    canEdit: can(ctx, "scheme.edit"),
    canImport: can(ctx, "grades.import"),
    categories: loaded.categories,
    assignments: loaded.assignments,
    cutoffs: loaded.scheme.cutoffs,
  };
}

export type SchemePreview = {
  before: GradeDistribution;
  after: GradeDistribution;
  students: number;
  changed: number;
  /** A few students whose letter moves, for a concrete feel of the change. */
  examples: {
    name: string;
    before: string | null;
    after: string | null;
    beforePercent: number | null;
    afterPercent: number | null;
  }[];
};

/** How every student's current letter would change under the edited scheme; writes nothing. */
export async function previewScheme({
  db,
  slug,
  viewer,
  input,
  now,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  input: SchemeInput;
  now: Date;
}): Promise<SchemePreview> {
  const ctx = await authorize({ db, slug, viewer, permission: "scheme.edit" });
  const data = await loadGradingData({ db, course: ctx.course, now });
  const edited = applySchemeInput(data.loaded, input);
  const nextGrader = compileScheme(edited);
  const beforeLetters: (string | null)[] = [];
  const afterLetters: (string | null)[] = [];
  const examples: SchemePreview["examples"] = [];
  let changed = 0;
  for (const s of data.students) {
    const before = s.current;
    const after = nextGrader.grade({
      student: s.scores,
      mode: "current",
      consequences: s.standing.consequences,
    });
    beforeLetters.push(before.letter);
    afterLetters.push(after.letter);
    if (before.letter !== after.letter) {
      changed++;
      if (examples.length < 8)
        examples.push({
          name: s.name,
          before: before.letter,
          after: after.letter,
          beforePercent: before.percent,
          afterPercent: after.percent,
        });
    }
  }
  return {
    before: gradeDistribution({ letters: beforeLetters, cutoffs: data.loaded.scheme.cutoffs }),
    after: gradeDistribution({ letters: afterLetters, cutoffs: edited.scheme.cutoffs }),
    students: data.students.length,
    changed,
    examples,
  };
}

/** Saves category weights, drops, item weights and cutoffs in one transaction, audited. */
export async function updateScheme({
  db,
  slug,
  viewer,
  input,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
  input: SchemeInput;
}): Promise<void> {
  await courseWrite({ db, viewer, slug, permission: "scheme.edit" }, async ({ tx, me, courseId }) => {
    const before = await loadScheme(tx, courseId);
    const edited = applySchemeInput(before, input);
    for (const c of edited.scheme.categories) {
      await tx.gradingCategory.updateMany({
        where: { id: c.id, courseId },
        data: { weight: c.weight, dropLowest: c.dropLowest },
      });
    }
    for (const i of edited.items) {
      await tx.assignment.updateMany({ where: { id: i.id, courseId }, data: { weight: i.weight } });
    }
    await tx.letterCutoff.deleteMany({ where: { courseId } });
    await tx.letterCutoff.createMany({
      data: edited.scheme.cutoffs.map((c) => ({ courseId, letter: c.letter, minPercent: c.minPercent })),
    });
    await recordAudit(tx, {
      courseId,
      actorId: me.userId,
      action: "scheme.update",
      entityType: "course",
      entityId: courseId,
      before: snapshot(before.scheme, before.items),
      after: snapshot(edited.scheme, edited.items),
    });
  });
}

function snapshot(scheme: GradeScheme, items: SchemeItem[]) {
  return {
    categories: scheme.categories.map((c) => ({ id: c.id, name: c.name, weight: c.weight, dropLowest: c.dropLowest })),
    items: items.filter((i) => i.categoryId !== null).map((i) => ({ id: i.id, code: i.code, weight: i.weight })),
    cutoffs: scheme.cutoffs,
  };
}
