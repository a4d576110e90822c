import "server-only";
import type { Db } from "@/lib/server/platform/db";
import { courseDeadlines, soonestFirst, type PublicAssignment } from "@/lib/server/course/assignments";
import { dueDateHistory, effectiveDueAt, type DueDateExtension } from "@/lib/domain/effective-due";
import { extensionOrder, extensionSelect } from "@/lib/server/deadlines/ledger";

// The one loader of the due date in force for (student, assignment): the course-wide deadlines with the
// student's own extensions replayed on top (effectiveDueAt: a student's own grant beats course-wide
// ones). The course home, My grades and the personal calendar feed read it; My deadlines and the
// gradebook replay the same events through the same domain rule (tests/integration/due-dates.test.ts
// holds them to one date). Only course-wide events and THIS student's own are read.

/** Every assignment with the due date in force for `studentId` (course-wide only when null), soonest first. */
export async function deadlinesFor({
  db,
  courseId,
  studentId,
}: {
  db: Db;
  courseId: string;
  studentId: string | null;
}): Promise<PublicAssignment[]> {
  if (studentId === null) return courseDeadlines({ db, courseId });
  const [publicRows, events] = await Promise.all([
    courseDeadlines({ db, courseId }),
    db.extension.findMany({
      where: { courseId, OR: [{ studentId: null }, { studentId }] },
      orderBy: extensionOrder,
      select: extensionSelect,
    }),
  ]);
  const ownAssignments = new Set(events.filter((e) => e.studentId === studentId).map((e) => e.assignmentId));
  const rows = publicRows.map((row) => {
    if (!ownAssignments.has(row.id)) return row;
    const extensions: DueDateExtension[] = events.filter((e) => e.assignmentId === row.id);
    const history = dueDateHistory({ originalDueAt: row.originalDueAt, extensions, studentId });
    const last = extensions.at(-1)?.createdAt;
    return {
      ...row,
      dueAt: effectiveDueAt({ originalDueAt: row.originalDueAt, extensions, studentId }),
      history,
      changed: history.length > 1,
      revision: history.length - 1,
      lastModified: last && last > row.lastModified ? last : row.lastModified,
    };
  });
  // A personal extension can move an item past others.
  return soonestFirst(rows);
}
