import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dueDateHistory, effectiveDueAt, type DueDateExtension } from "@/lib/domain/effective-due";

const at = (iso: string) => new Date(iso);
const ORIGINAL = at("2025-10-30T03:59:00Z");
const NOV2 = at("2025-11-03T04:59:00Z");
const NOV5 = at("2025-11-06T04:59:00Z");
const NOV9 = at("2025-11-10T04:59:00Z");

let seq = 0;
function grant(fields: {
  studentId?: string | null;
  dueAt: Date | null;
  createdAt: string;
  reason?: string;
  id?: string;
}): DueDateExtension {
  return {
    id: fields.id ?? `g${++seq}`,
    studentId: fields.studentId ?? null,
    action: "GRANT",
    dueAt: fields.dueAt,
    revokesId: null,
    createdAt: at(fields.createdAt),
    reason: fields.reason ?? null,
  };
}
function revoke(target: DueDateExtension, createdAt: string, reason = "revoked"): DueDateExtension {
  return {
    id: `r${++seq}`,
    studentId: target.studentId,
    action: "REVOKE",
    dueAt: null,
    revokesId: target.id,
    createdAt: at(createdAt),
    reason,
  };
}

describe("effectiveDueAt", () => {
  it("is the original without extensions (including no due date)", () => {
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [], studentId: "ana" })).toEqual(ORIGINAL);
    expect(effectiveDueAt({ originalDueAt: null, extensions: [], studentId: "ana" })).toBeNull();
  });

  it("a course-wide grant applies to everyone, including the staff view", () => {
    const course = grant({ dueAt: NOV2, createdAt: "2025-10-28T12:00:00Z" });
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [course], studentId: "ana" })).toEqual(NOV2);
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [course], studentId: null })).toEqual(NOV2);
  });

  it("a student's own grant beats a later course-wide one; others' grants are ignored", () => {
    const personal = grant({ studentId: "ana", dueAt: NOV5, createdAt: "2025-10-28T12:00:00Z" });
    const course = grant({ dueAt: NOV2, createdAt: "2025-10-29T12:00:00Z" });
    const extensions = [personal, course];
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions, studentId: "ana" })).toEqual(NOV5);
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions, studentId: "ben" })).toEqual(NOV2);
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions, studentId: null })).toEqual(NOV2);
  });

  it("the latest grant by createdAt wins regardless of input order; ties go to the later input", () => {
    const first = grant({ studentId: "ana", dueAt: NOV9, createdAt: "2025-10-28T12:00:00Z" });
    const second = grant({ studentId: "ana", dueAt: NOV5, createdAt: "2025-10-29T12:00:00Z" });
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [second, first], studentId: "ana" })).toEqual(NOV5);
    const tie = grant({ studentId: "ana", dueAt: NOV2, createdAt: "2025-10-29T12:00:00Z" });
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [first, second, tie], studentId: "ana" })).toEqual(
      NOV2,
    );
  });

  it("revoking falls back to the previous grant, then the course-wide one, then the original", () => {
    const course = grant({ dueAt: NOV2, createdAt: "2025-10-27T12:00:00Z" });
    const a = grant({ studentId: "ana", dueAt: NOV5, createdAt: "2025-10-28T12:00:00Z" });
    const b = grant({ studentId: "ana", dueAt: NOV9, createdAt: "2025-10-29T12:00:00Z" });
    const base = { originalDueAt: ORIGINAL, studentId: "ana" };
    expect(effectiveDueAt({ ...base, extensions: [course, a, b, revoke(b, "2025-10-30T00:00:00Z")] })).toEqual(NOV5);
    expect(
      effectiveDueAt({
        ...base,
        extensions: [course, a, b, revoke(b, "2025-10-30T00:00:00Z"), revoke(a, "2025-10-30T01:00:00Z")],
      }),
    ).toEqual(NOV2);
    expect(effectiveDueAt({ ...base, extensions: [course, revoke(course, "2025-10-30T00:00:00Z")] })).toEqual(ORIGINAL);
  });

  it("a revoke aimed at a revoke is ignored, and a null grant removes the due date", () => {
    const a = grant({ studentId: "ana", dueAt: NOV5, createdAt: "2025-10-28T12:00:00Z" });
    const r = revoke(a, "2025-10-29T00:00:00Z");
    const undo: DueDateExtension = { ...r, id: "undo", revokesId: r.id, createdAt: at("2025-10-29T01:00:00Z") };
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [a, r, undo], studentId: "ana" })).toEqual(ORIGINAL);
    const open = grant({ dueAt: null, createdAt: "2025-10-28T12:00:00Z" });
    expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [open], studentId: "ana" })).toBeNull();
  });
});

describe("dueDateHistory", () => {
  it("lists each due date in force for the viewer, oldest first, with revoked ones marked", () => {
    const course = grant({ id: "course", dueAt: NOV2, createdAt: "2025-10-27T12:00:00Z", reason: "Server outage" });
    const personal = grant({
      id: "ana-1",
      studentId: "ana",
      dueAt: NOV9,
      createdAt: "2025-10-28T12:00:00Z",
      reason: "Medical",
    });
    const other = grant({ id: "ben-1", studentId: "ben", dueAt: NOV5, createdAt: "2025-10-28T13:00:00Z" });
    const undo = revoke(personal, "2025-10-29T12:00:00Z", "Granted in error");
    const extensions = [undo, other, personal, course];

    expect(dueDateHistory({ originalDueAt: ORIGINAL, extensions, studentId: "ana" })).toEqual([
      { dueAt: ORIGINAL, postedAt: null, source: "original", reason: null, revoked: false, extensionId: null },
      {
        dueAt: NOV2,
        postedAt: course.createdAt,
        source: "course",
        reason: "Server outage",
        revoked: false,
        extensionId: "course",
      },
      {
        dueAt: NOV9,
        postedAt: personal.createdAt,
        source: "student",
        reason: "Medical",
        revoked: true,
        extensionId: "ana-1",
      },
      {
        dueAt: NOV2,
        postedAt: undo.createdAt,
        source: "course",
        reason: "Granted in error",
        revoked: false,
        extensionId: "course",
      },
    ]);

    // Ben never sees Ana's grant or its revocation.
    expect(dueDateHistory({ originalDueAt: ORIGINAL, extensions, studentId: "ben" }).map((e) => e.extensionId)).toEqual(
      [null, "course", "ben-1"],
    );
  });

  it("a course-wide grant issued while a personal one is in force changes nothing for that student", () => {
    const personal = grant({ id: "p", studentId: "ana", dueAt: NOV9, createdAt: "2025-10-27T12:00:00Z" });
    const course = grant({ id: "c", dueAt: NOV2, createdAt: "2025-10-28T12:00:00Z" });
    expect(
      dueDateHistory({ originalDueAt: ORIGINAL, extensions: [personal, course], studentId: "ana" }).map(
        (e) => e.extensionId,
      ),
    ).toEqual([null, "p"]);
  });

  it("falls back to the original after its only grant is revoked", () => {
    const course = grant({ id: "c", dueAt: NOV2, createdAt: "2025-10-27T12:00:00Z" });
    const history = dueDateHistory({
      originalDueAt: ORIGINAL,
      extensions: [course, revoke(course, "2025-10-28T00:00:00Z", "Outage was brief")],
      studentId: null,
    });
    expect(history.map((e) => [e.source, e.revoked, e.reason])).toEqual([
      ["original", false, null],
      ["course", true, null],
      ["original", false, "Outage was brief"],
    ]);
  });
});

// Small id/student/time pools so random lists actually collide: same student, same instant, revokes that hit.
const STUDENTS = ["ana", "ben", null] as const;
const extensionsArb = fc
  .array(
    fc.record({
      studentId: fc.constantFrom(...STUDENTS),
      revoke: fc.boolean(),
      target: fc.nat({ max: 20 }),
      dueDay: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 8 }),
      createdHour: fc.integer({ min: 0, max: 10 }),
    }),
    { maxLength: 14 },
  )
  .map((rows) =>
    rows.map((row, i): DueDateExtension => ({
      id: `e${i}`,
      studentId: row.studentId,
      action: row.revoke ? "REVOKE" : "GRANT",
      dueAt: row.revoke || row.dueDay === null ? null : new Date(Date.UTC(2025, 10, 1 + row.dueDay)),
      revokesId: row.revoke ? `e${row.target % rows.length}` : null,
      createdAt: new Date(Date.UTC(2025, 9, 1, row.createdHour)),
      reason: null,
    })),
  );
const viewer = fc.constantFrom(...STUDENTS);

describe("effective due properties", () => {
  it("ignores revoked grants: same answer with revoked grants and all revokes removed", () => {
    fc.assert(
      fc.property(extensionsArb, viewer, (extensions, studentId) => {
        const revoked = new Set(
          extensions
            .filter((e) => e.action === "REVOKE")
            .map((e) => e.revokesId)
            .filter((id) => extensions.some((g) => g.id === id && g.action === "GRANT")),
        );
        const live = extensions.filter((e) => e.action === "GRANT" && !revoked.has(e.id));
        expect(effectiveDueAt({ originalDueAt: ORIGINAL, extensions, studentId })).toEqual(
          effectiveDueAt({ originalDueAt: ORIGINAL, extensions: live, studentId }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("adding a grant and revoking it changes nothing", () => {
    fc.assert(
      fc.property(
        extensionsArb,
        viewer,
        viewer,
        fc.integer({ min: 0, max: 10 }),
        (extensions, studentId, grantee, hour) => {
          const extra: DueDateExtension = {
            id: "extra",
            studentId: grantee,
            action: "GRANT",
            dueAt: new Date(Date.UTC(2026, 0, 1)),
            revokesId: null,
            createdAt: new Date(Date.UTC(2025, 9, 1, hour)),
            reason: null,
          };
          const undo: DueDateExtension = { ...extra, id: "undo", action: "REVOKE", dueAt: null, revokesId: "extra" };
          expect(
            effectiveDueAt({ originalDueAt: ORIGINAL, extensions: [...extensions, extra, undo], studentId }),
          ).toEqual(effectiveDueAt({ originalDueAt: ORIGINAL, extensions, studentId }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the last history entry is the effective due date, and entries are in posting order", () => {
    fc.assert(
      fc.property(extensionsArb, viewer, (extensions, studentId) => {
        const history = dueDateHistory({ originalDueAt: ORIGINAL, extensions, studentId });
        expect(history.at(-1)!.dueAt).toEqual(effectiveDueAt({ originalDueAt: ORIGINAL, extensions, studentId }));
        const posted = history.slice(1).map((e) => e.postedAt!.getTime());
        expect(posted).toEqual([...posted].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});
