import type { GradeImportInput } from "@/lib/validation/grades";
import type { GradingData } from "@/lib/server/grading/grading-data";

// The shapes of a grade import: what the server knows beside the gradebook (the roster and
// Canvas links), what the staff chose, and the preview they see.

/** The course's people and Canvas links, beside the grading data (which holds only enrolled students). */
export type ImportRoster = {
  members: {
    userId: string;
    name: string;
    email: string;
    role: "INSTRUCTOR" | "TA" | "STUDENT" | "AUDITOR";
    status: "ENROLLED" | "WAITLISTED" | "DROPPED";
    canvasUserId: string | null;
    sisUserId: string | null;
    sisLoginId: string | null;
  }[];
  /** Assignment id → its Canvas id. */
  canvasIds: Map<string, string>;
  /** Course.canvasIgnoredColumns ("canvas:48290", "header:Attendance"). */
  ignoredColumns: string[];
};

export type ImportChoices = NonNullable<GradeImportInput["choices"]>;

export type ColumnMatch = "canvas-id" | "title" | "code" | "lectern-id" | "mapped";
export type StudentMatch =
  "canvas-id" | "sis-user-id" | "sis-login-id" | "login-name" | "email" | "lectern-id" | "mapped";

export type ImportChange = {
  line: number;
  studentId: string;
  studentName: string;
  matchedBy: StudentMatch;
  assignmentId: string;
  code: string;
  /** "EX" = excused (Canvas's mark). */
  before: number | "EX" | null;
  after: number | "EX";
  /** Above the points possible, confirmed as extra credit. */
  extraCredit: boolean;
  /** The grade version the preview saw; 0 = new grade. */
  version: number;
  kind: "new" | "changed";
};

/** A Canvas link the apply stores, so the next import matches without asking. */
export type ImportLink =
  | { kind: "assignment"; assignmentId: string; code: string; canvasId: string; replaces: string | null }
  | {
      kind: "student";
      userId: string;
      name: string;
      canvasUserId: string | null;
      sisUserId: string | null;
      sisLoginId: string | null;
    }
  | { kind: "ignore"; key: string; header: string }
  | { kind: "unignore"; key: string; header: string };

export type IgnoredColumn = {
  index: number;
  header: string;
  reason: string;
  kind: "totals" | "read-only" | "duplicate" | "chosen" | "blank";
};
/** A column the staff decide about: one that matched nothing, or one they mapped or ignored. */
export type MappingColumn = {
  index: number;
  header: string;
  canvasId: string | null;
  /** Why it needs a choice (or which choice holds). */
  reason: string;
  state: "pending" | "ignored" | "mapped";
  /** The assignment it is mapped to; for a pending column, the one it probably is. */
  assignmentId: string | null;
};
export type IgnoredRow = {
  line: number;
  who: string;
  reason: string;
  kind: "points-possible" | "manual-posting" | "test-student" | "not-enrolled" | "not-a-student" | "skipped" | "blank";
};
/** A row the staff decide about: a student who matched no one, or one they mapped or skipped. */
export type MappingStudent = {
  line: number;
  name: string;
  canvasUserId: string | null;
  sisUserId: string | null;
  sisLoginId: string | null;
  state: "pending" | "skipped" | "mapped";
  /**
   * The member it is mapped to; for a pending row, the one enrolled student with this name (Canvas's
   * last resort in process_student): offered in the select, never applied unasked.
   */
  userId: string | null;
};

export type ImportPreview = {
  columns: {
    index: number;
    header: string;
    assignmentId: string;
    code: string;
    title: string;
    matchedBy: ColumnMatch;
    /** The file's Points Possible when it differs from the assignment's. */
    pointsNote: string | null;
  }[];
  /** The columns that say who a row is. */
  studentColumns: string[];
  ignoredColumns: IgnoredColumn[];
  mappingColumns: MappingColumn[];
  ignoredRows: IgnoredRow[];
  mappingStudents: MappingStudent[];
  /** What the mapping step may choose from. */
  candidates: {
    assignments: { id: string; code: string; title: string }[];
    students: { id: string; name: string; email: string }[];
  };
  studentMatches: Partial<Record<StudentMatch, number>>;
  links: ImportLink[];
  /** Scores above the points possible: imported only once confirmed as extra credit. */
  extraCredit: { line: number; studentName: string; code: string; score: number; points: number }[];
  extraCreditConfirmed: boolean;
  counts: {
    new: number;
    changed: number;
    unchanged: number;
    notAssigned: number;
    rows: number;
    errors: number;
    ignoredRows: number;
    /** Rows and columns still waiting for a choice (left out until then). */
    pendingStudents: number;
    pendingColumns: number;
  };
  /** The first changes, for the preview table (all are applied). */
  changes: ImportChange[];
  errors: { line: number; message: string }[];
  previewToken: string;
};

export type ImportPlan = { preview: ImportPreview; changes: ImportChange[]; links: ImportLink[] };

export type ImportInput = Pick<GradeImportInput, "header" | "rows" | "choices">;
export type ImportRow = ImportInput["rows"][number];
export type ImportAssignment = GradingData["assignments"][number];
export type ImportMember = ImportRoster["members"][number];
