import { createHash } from "node:crypto";
import { specialRow } from "@/lib/domain/canvas-gradebook";
import type { GradingData } from "@/lib/server/grading/grading-data";
import { readLayout } from "@/lib/server/grading/grade-import-layout";
import { planColumns, pointsNote } from "@/lib/server/grading/grade-import-columns";
import { planRows, type Tally } from "@/lib/server/grading/grade-import-rows";
import type {
  ImportChange,
  ImportInput as Input,
  ImportLink,
  ImportPlan,
  ImportPreview,
  ImportRoster,
} from "@/lib/server/grading/grade-import-types";

export type * from "@/lib/server/grading/grade-import-types";

// What a grade file would change, worked out purely over the loaded gradebook so that the
// preview and the apply agree exactly. A Canvas export is read as it comes: columns by Canvas
// id, title or Lectern code; students by Canvas ID, SIS User ID, SIS Login ID or email; what
// matches nothing waits for the staff's choice (the mapping step), and every column and row
// left out is listed with its reason.

const SHOWN = 500;

function fingerprint(changes: ImportChange[], links: ImportLink[]): string {
  return createHash("sha256")
    .update(JSON.stringify([changes.map((c) => [c.assignmentId, c.studentId, c.version, c.after]), links]))
    .digest("hex");
}

/** Works out what the file would change; pure over the loaded data so preview and apply agree exactly. */
export function diffImport(data: GradingData, roster: ImportRoster, input: Input): ImportPlan {
  const layout = readLayout(input.header);
  const pointsRow = input.rows.find((r) => specialRow(r.cells) === "points-possible");
  const columnPlan = planColumns(layout, pointsRow, data.assignments, roster, input.choices ?? {});
  const tally: Tally = { changes: [], errors: [], extraCredit: [], unchanged: 0, notAssigned: 0 };
  const rowPlan = planRows(data, input, layout, roster, columnPlan.columns, tally);
  const links = [...columnPlan.links, ...rowPlan.links];
  const changes = tally.changes;
  const preview: ImportPreview = {
    columns: columnPlan.columns.map(({ index, ai, matchedBy }) => {
      const a = data.assignments[ai]!;
      return {
        index,
        header: layout.header[index]!.trim(),
        assignmentId: a.id,
        code: a.code,
        title: a.title,
        matchedBy,
        pointsNote: pointsNote(pointsRow, index, a),
      };
    }),
    studentColumns: [...layout.identity].map((i) => layout.header[i]!.trim()),
    ignoredColumns: columnPlan.ignored,
    mappingColumns: columnPlan.mapping,
    ignoredRows: rowPlan.ignored.slice(0, SHOWN),
    mappingStudents: rowPlan.mapping.slice(0, SHOWN),
    candidates: {
      assignments: data.assignments.map((a) => ({ id: a.id, code: a.code, title: a.title })),
      // Everyone enrolled not yet claimed by a row (a mapped row's own choice stays offered).
      students: data.students
        .filter((s) => !rowPlan.seen.has(s.id) || rowPlan.mapping.some((m) => m.userId === s.id))
        .map((s) => ({ id: s.id, name: s.name, email: s.email })),
    },
    studentMatches: rowPlan.matches,
    links,
    extraCredit: tally.extraCredit.slice(0, SHOWN),
    extraCreditConfirmed: input.choices?.extraCredit === true,
    counts: {
      new: changes.filter((c) => c.kind === "new").length,
      changed: changes.filter((c) => c.kind === "changed").length,
      unchanged: tally.unchanged,
      notAssigned: tally.notAssigned,
      rows: rowPlan.rows,
      errors: tally.errors.length,
      ignoredRows: rowPlan.ignored.length,
      pendingStudents: rowPlan.mapping.filter((m) => m.state === "pending").length,
      pendingColumns: columnPlan.mapping.filter((m) => m.state === "pending").length,
    },
    changes: changes.slice(0, SHOWN),
    errors: tally.errors.slice(0, SHOWN),
    previewToken: fingerprint(changes, links),
  };
  return { preview, changes, links };
}
