import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { authorize, type CourseContext, type Viewer } from "@/lib/server/authorization/authz";
import { cachedForCourse } from "@/lib/server/platform/cache";
import {
  dueDateHistory,
  effectiveDueAt,
  type DueDateExtension,
  type DueDateHistoryEntry,
} from "@/lib/domain/effective-due";
import { assignmentWeights, type ItemWeight } from "@/lib/domain/assignment-weight";

// The public deadlines: every assignment with its due date in force for EVERYONE,
// i.e. replaying course-wide extensions only. Per-student extensions are private
// and never leave the database through this module (the query does not select them).

export type AssignmentKind = "PROJECT" | "HOMEWORK" | "QUIZ" | "LAB" | "EXAM" | "PARTICIPATION" | "PRESENTATION";

export type PublicAssignment = {
  id: string;
  code: string;
  title: string;
  kind: AssignmentKind;
  description: string;
  releasedAt: Date | null;
  originalDueAt: Date | null;
  /** Effective course-wide due date. */
  dueAt: Date | null;
  /** Oldest first; the last entry is in force. Only course-wide changes. */
  history: DueDateHistoryEntry[];
  /** The due date moved at least once (or was revoked back). */
  changed: boolean;
  /** Bumps with each course-wide change, for calendar clients (SEQUENCE). */
  revision: number;
  /** When the current due date was last set (the assignment row or the latest change). */
  lastModified: Date;
  acceptsLate: boolean;
  weight: ItemWeight | null;
};

export type CourseRef = CourseContext["course"];

export const KIND_LABELS: Record<AssignmentKind, string> = {
  PROJECT: "Project",
  HOMEWORK: "Homework",
  QUIZ: "Quiz",
  LAB: "Lab",
  EXAM: "Exam",
  PARTICIPATION: "Participation",
  PRESENTATION: "Presentation",
};

async function loadAssignments(db: Db, courseId: string): Promise<PublicAssignment[]> {
  const [assignments, extensions, categories] = await Promise.all([
    db.assignment.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        title: true,
        kind: true,
        description: true,
        releasedAt: true,
        dueAt: true,
        categoryId: true,
        weight: true,
        acceptsLate: true,
        updatedAt: true,
      },
    }),
    db.extension.findMany({
      // Course-wide only: studentId null. Insertion order breaks createdAt ties.
      where: { courseId, studentId: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        assignmentId: true,
        studentId: true,
        action: true,
        dueAt: true,
        revokesId: true,
        createdAt: true,
        reason: true,
      },
    }),
    db.gradingCategory.findMany({
      where: { courseId },
      select: { id: true, name: true, weight: true, dropLowest: true, track: { select: { name: true } } },
    }),
  ]);
  const weights = assignmentWeights({
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      weight: c.weight,
      dropLowest: c.dropLowest,
      track: c.track?.name ?? null,
    })),
    items: assignments.map((a) => ({ id: a.id, categoryId: a.categoryId, weight: a.weight })),
  });
  const byAssignment = new Map<string, DueDateExtension[]>();
  for (const e of extensions) {
    const list = byAssignment.get(e.assignmentId) ?? [];
    list.push({
      id: e.id,
      studentId: e.studentId,
      action: e.action,
      dueAt: e.dueAt,
      revokesId: e.revokesId,
      createdAt: e.createdAt,
      reason: e.reason,
    });
    byAssignment.set(e.assignmentId, list);
  }
  const rows = assignments.map((a): PublicAssignment => {
    const ext = byAssignment.get(a.id) ?? [];
    const history = dueDateHistory({ originalDueAt: a.dueAt, extensions: ext, studentId: null });
    const lastChange = ext.at(-1)?.createdAt;
    return {
      id: a.id,
      code: a.code,
      title: a.title,
      kind: a.kind,
      description: a.description,
      releasedAt: a.releasedAt,
      originalDueAt: a.dueAt,
      dueAt: effectiveDueAt({ originalDueAt: a.dueAt, extensions: ext, studentId: null }),
      history,
      changed: history.length > 1,
      revision: history.length - 1,
      lastModified: lastChange && lastChange > a.updatedAt ? lastChange : a.updatedAt,
      acceptsLate: a.acceptsLate,
      weight: weights.get(a.id) ?? null,
    };
  });
  return soonestFirst(rows);
}

/** Soonest due first; undated items (participation) last, in course order. */
export function soonestFirst<T extends { dueAt: Date | null }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row.dueAt?.getTime() ?? Infinity;
      const b = y.row.dueAt?.getTime() ?? Infinity;
      return a === b ? x.index - y.index : a - b;
    })
    .map(({ row }) => row);
}

/** The course's public assignments through the course cache (for the schedule, calendar and home too). */
export function courseDeadlines({ db, courseId }: { db: Db; courseId: string }): Promise<PublicAssignment[]> {
  return cachedForCourse({ courseId, key: "assignments", load: () => loadAssignments(db, courseId) });
}

export async function getPublicDeadlines({ db, slug, viewer }: { db: Db; slug: string; viewer: Viewer | null }) {
  const ctx = await authorize({ db, slug, viewer, permission: "course.read" });
  const assignments = await courseDeadlines({ db, courseId: ctx.course.id });
  return { course: ctx.course, assignments };
}

export type PublicDeadlines = Awaited<ReturnType<typeof getPublicDeadlines>>;
