import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DueDateExtension } from "@/lib/domain/effective-due";
import { effectiveDueAt } from "@/lib/domain/effective-due";
import { parseExtensionCsv } from "@/lib/domain/extension-csv";
import { extensionAnnouncementDraft } from "@/lib/domain/extension-announcement";
import { lateHoursCharged } from "@/lib/domain/late-hours";
import type { LatePolicy } from "@/lib/domain/late-policy";
import { flagForOutcome, usageHistogram } from "@/lib/domain/late-usage";
import { chargeForRecordedSubmission, dueDateResolver, planCorrections } from "@/lib/domain/ledger-recompute";
import { localToInstant } from "@/lib/domain/time";
import {
  MAX_SUBMISSION_BYTES,
  submissionFileError,
  submissionFileType,
  submitWorkSchema,
} from "@/lib/validation/deadlines";

const NY = "America/New_York";
const HOUR = 3_600_000;
const local = (date: string, time: string) => localToInstant({ date, time, timeZone: NY });

const BROWN: LatePolicy = {
  kind: "BUDGET",
  budgetHours: 144,
  perAssignmentCapHours: 72,
  excludedWindow: { start: "00:00", end: "07:00" },
  graceMinutes: 0,
  coveredKinds: ["PROJECT"],
  overCapAction: "REFUSE",
  overBudgetAction: "FLAG",
  itemCap: [],
  uncoveredLateAction: "FLAG",
  lateRefusedKinds: [],
  finalCutoffAt: local("2025-05-01", "00:00"),
  penaltyPercent: null,
  penaltyUnit: null,
  penaltyFloorPercent: null,
};
const P4 = { kind: "PROJECT" as const, lateHoursApply: true, acceptsLate: true, name: "P4" };
const DUE = local("2025-04-24", "18:00");

const grant = (id: string, studentId: string | null, dueAt: Date, at: number, reason = ""): DueDateExtension => ({
  id,
  studentId,
  action: "GRANT",
  dueAt,
  revokesId: null,
  createdAt: new Date(at),
  reason,
});
const revoke = (id: string, of: DueDateExtension, at: number): DueDateExtension => ({
  id,
  studentId: of.studentId,
  action: "REVOKE",
  dueAt: null,
  revokesId: of.id,
  createdAt: new Date(at),
  reason: "",
});

describe("chargeForRecordedSubmission", () => {
  it("charges lateHoursCharged for an accepted late project", () => {
    const submittedAt = local("2025-04-25", "10:30");
    expect(
      chargeForRecordedSubmission({ policy: BROWN, assignment: P4, timeZone: NY, effectiveDueAt: DUE, submittedAt })
        .hours,
    ).toBe(10);
  });
  it("keeps charging a recorded submission a revoke pushed over the cap (it was accepted when made)", () => {
    const submittedAt = new Date(DUE.getTime() + 110 * HOUR);
    const r = chargeForRecordedSubmission({
      policy: BROWN,
      assignment: P4,
      timeZone: NY,
      effectiveDueAt: DUE,
      submittedAt,
    });
    expect(r.assessment.outcome).toBe("refused_over_cap");
    expect(r.hours).toBe(r.assessment.lateHours);
  });
  it("charges nothing after the final cutoff or for uncovered items", () => {
    expect(
      chargeForRecordedSubmission({
        policy: BROWN,
        assignment: P4,
        timeZone: NY,
        effectiveDueAt: DUE,
        submittedAt: local("2025-05-02", "09:00"),
      }).hours,
    ).toBe(0);
    expect(
      chargeForRecordedSubmission({
        policy: BROWN,
        assignment: { ...P4, kind: "HOMEWORK" },
        timeZone: NY,
        effectiveDueAt: DUE,
        submittedAt: local("2025-04-25", "10:30"),
      }).hours,
    ).toBe(0);
  });
});

describe("planCorrections", () => {
  const subs = [
    { studentId: "a", submissionId: "sa", submittedAt: local("2025-04-25", "10:30") }, // 10 h late under DUE
    { studentId: "b", submissionId: "sb", submittedAt: local("2025-04-24", "17:00") }, // on time
    { studentId: "c", submissionId: "sc", submittedAt: local("2025-04-26", "12:00") },
  ];

  it("refunds what a course-wide extension makes on time and leaves personal extensions in force", () => {
    const personal = grant("g1", "c", local("2025-04-26", "12:00"), 1);
    const courseWide = grant("g2", null, local("2025-04-25", "12:00"), 2);
    const plan = planCorrections({
      policy: BROWN,
      assignment: P4,
      timeZone: NY,
      originalDueAt: DUE,
      extensions: [personal, courseWide],
      latest: subs,
      charged: new Map([
        ["a", 10],
        ["c", 0],
        ["z", 4],
      ]),
    });
    expect(plan.map((p) => [p.studentId, p.kind, p.hours])).toEqual([
      ["a", "REFUND", -10],
      ["z", "REFUND", -4], // charged but no submission on record
    ]);
  });

  it("restricts the plan to the given students", () => {
    const plan = planCorrections({
      policy: BROWN,
      assignment: P4,
      timeZone: NY,
      originalDueAt: DUE,
      extensions: [],
      latest: subs,
      charged: new Map(),
      studentIds: ["c"],
    });
    expect(plan.map((p) => p.studentId)).toEqual(["c"]);
    expect(plan[0]!.kind).toBe("CHARGE");
  });

  it("property: after applying the plan every charge equals the latest submission's cost", () => {
    const student = fc.constantFrom("a", "b", "c", "d");
    const event = fc.record({
      student: fc.option(student, { nil: null }),
      offsetHours: fc.integer({ min: -24, max: 96 }),
      revokePrevious: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ student, lateHours: fc.integer({ min: -10, max: 80 }) }), { maxLength: 8 }),
        fc.array(event, { maxLength: 6 }),
        fc.dictionary(student, fc.integer({ min: -20, max: 100 })),
        (submissions, events, chargedSoFar) => {
          const extensions: DueDateExtension[] = [];
          events.forEach((e, i) => {
            const last = extensions.findLast((x) => x.action === "GRANT");
            if (e.revokePrevious && last) extensions.push(revoke(`r${i}`, last, i));
            else extensions.push(grant(`g${i}`, e.student, new Date(DUE.getTime() + e.offsetHours * HOUR), i));
          });
          const latest = new Map<string, { studentId: string; submissionId: string; submittedAt: Date }>();
          submissions.forEach((s, i) =>
            latest.set(s.student, {
              studentId: s.student,
              submissionId: `s${i}`,
              submittedAt: new Date(DUE.getTime() + s.lateHours * HOUR),
            }),
          );
          const charged = new Map(Object.entries(chargedSoFar));
          const plan = planCorrections({
            policy: BROWN,
            assignment: P4,
            timeZone: NY,
            originalDueAt: DUE,
            extensions,
            latest: [...latest.values()],
            charged,
          });
          const after = new Map(charged);
          for (const p of plan) after.set(p.studentId, (after.get(p.studentId) ?? 0) + p.hours);
          for (const id of new Set([...latest.keys(), ...charged.keys()])) {
            const sub = latest.get(id);
            const due = effectiveDueAt({ originalDueAt: DUE, extensions, studentId: id });
            const want = sub
              ? chargeForRecordedSubmission({
                  policy: BROWN,
                  assignment: P4,
                  timeZone: NY,
                  effectiveDueAt: due,
                  submittedAt: sub.submittedAt,
                }).hours
              : 0;
            expect(after.get(id) ?? 0).toBe(want);
          }
          // Idempotent: planning again changes nothing.
          expect(
            planCorrections({
              policy: BROWN,
              assignment: P4,
              timeZone: NY,
              originalDueAt: DUE,
              extensions,
              latest: [...latest.values()],
              charged: after,
            }),
          ).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("dueDateResolver agrees with effectiveDueAt for every student", () => {
    const g1 = grant("g1", "a", local("2025-04-27", "18:00"), 1);
    const events = [
      g1,
      grant("g2", null, local("2025-04-25", "18:00"), 2),
      revoke("r1", g1, 3),
      grant("g3", "b", local("2025-04-20", "18:00"), 4),
    ];
    const resolve = dueDateResolver({ originalDueAt: DUE, extensions: events });
    for (const id of ["a", "b", "c", null])
      expect(resolve(id)).toEqual(effectiveDueAt({ originalDueAt: DUE, extensions: events, studentId: id }));
  });
});

describe("extensionAnnouncementDraft", () => {
  it("formats the new due date in the course zone", () => {
    const draft = extensionAnnouncementDraft({
      code: "A3",
      title: "Assignment 3",
      dueAt: local("2025-10-29", "23:00"),
      timeZone: NY,
      reason: " Cluster outage ",
    });
    expect(draft.title).toBe("A3 is extended to Wed Oct 29, 11:00 PM EDT");
    expect(draft.body).toBe("A3 (Assignment 3) is extended to Wed Oct 29, 11:00 PM EDT.\n\nCluster outage");
  });
});

describe("parseExtensionCsv", () => {
  const students = [
    { id: "u1", email: "ana@x.edu", name: "Ana" },
    { id: "u2", email: "bo@x.edu", name: "Bo" },
  ];
  const assignments = [{ id: "p3", code: "P3" }];
  const parse = (text: string) => parseExtensionCsv({ text, students, assignments, timeZone: NY });

  it("accepts valid rows, case-insensitive email and code, with a BOM and spaced headers", () => {
    const r = parse("\uFEFFEmail, Assignment ,Due Date,due_time,reason\nANA@x.edu,p3,2025-04-17,18:00,Dean's note\n");
    expect(r.ok).toBe(true);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      studentId: "u1",
      assignmentId: "p3",
      assignmentCode: "P3",
      dueAt: local("2025-04-17", "18:00"),
      reason: "Dean's note",
    });
  });
  it("reports every problem per row, and duplicates", () => {
    const r = parse(
      "email,assignment,due_date,due_time,reason\nbo@x.edu,P3,2025-04-17,18:00,ok\nbo@x.edu,P3,2025-04-18,18:00,again\nzed@x.edu,P9,2025-02-30,7pm,\n",
    );
    expect(r.ok).toBe(false);
    expect(r.rows[0]!.errors).toEqual([]);
    expect(r.rows[1]!.errors).toEqual(["Same student and assignment as line 2."]);
    expect(r.rows[2]!.errors).toHaveLength(5);
  });
  it("refuses a file without the required columns", () => {
    const r = parse("name,date\nAna,2025-01-01\n");
    expect(r.ok).toBe(false);
    expect(r.fileErrors[0]).toMatch(/Missing columns: email, assignment, due_date, due_time, reason/);
  });
});

describe("usageHistogram and flags", () => {
  it("bands students by hours used, with an over-budget band", () => {
    const h = usageHistogram({ used: [0, 0, 5, 24, 25, 144, 150, -3], budgetHours: 144 });
    expect(h.map((b) => [b.label, b.students])).toEqual([
      ["0 h", 3],
      ["1–24 h", 2],
      ["25–48 h", 1],
      ["49–72 h", 0],
      ["73–96 h", 0],
      ["97–120 h", 0],
      ["121–144 h", 1],
      ["over 144 h", 1],
    ]);
  });
  it("maps outcomes to flags", () => {
    expect(flagForOutcome("flagged_over_cap")).toBe("over_cap");
    expect(flagForOutcome("after_cutoff")).toBe("after_cutoff");
    expect(flagForOutcome("charged")).toBeNull();
  });
});

describe("submission validation", () => {
  it("accepts the allowed types up to 10 MB by extension, and names the problem otherwise", () => {
    expect(submissionFileError({ name: "nb.IPYNB", size: 10 })).toBeNull();
    expect(submissionFileError({ name: "big.zip", size: MAX_SUBMISSION_BYTES + 1 })).toMatch(/limit is 10 MB/);
    expect(submissionFileError({ name: "run.exe", size: 10 })).toMatch(/not \.exe/);
    expect(submissionFileError({ name: "", size: 0 })).toMatch(/Choose a file/);
    expect(submissionFileType("x.py")).toBe("text/x-python");
  });
  it("puts link and file errors on their fields", () => {
    const bad = submitWorkSchema.safeParse({ courseSlug: "c", assignmentId: "a", method: "link", url: "ftp://x" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["url"]);
    const file = submitWorkSchema.safeParse({
      courseSlug: "c",
      assignmentId: "a",
      method: "file",
      file: new File(["x"], "a.exe"),
    });
    expect(file.error!.issues[0]!.path).toEqual(["file"]);
    expect(
      submitWorkSchema.safeParse({ courseSlug: "c", assignmentId: "a", method: "link", url: "https://github.com/x" })
        .success,
    ).toBe(true);
  });
  it("lateHoursCharged contract holds at the submit example (16.5 h wall clock, 7 h of night)", () => {
    expect(
      lateHoursCharged({
        dueAt: DUE,
        submittedAt: local("2025-04-25", "10:30"),
        timeZone: NY,
        excludedWindow: { start: "00:00", end: "07:00" },
      }),
    ).toBe(10);
  });
});
