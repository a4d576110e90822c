/**
 * One student's outcome in a course, from plain data: the public contract other tools call
 * (like lateHoursCharged). The gradebook, the grades page, the what-if calculator and the CSV
 * export compute the same facts with the same code: judgeLateWork (per item) through
 * lateStanding (hand-in order and the budget), then the compiled grading scheme.
 *
 * Here there is no ledger: the budget is charged what the rules charge, in hand-in order.
 * The due dates are the course's own (course-wide extensions applied); a per-student extension
 * is passed as that student's later submittedAt being on time only by the server, which holds them.
 */
import { compileScheme, type GradeScheme, type SchemeItem } from "@/lib/domain/grading-scheme";
import { isAccepted, judgeLateWork, NO_LATE_POLICY, type LatePolicy } from "@/lib/domain/late-policy";
import { lateStanding } from "@/lib/domain/late-standing";
import { courseDueAt, localInstant, type CourseSeed } from "@/prisma/seed-data/types";

export type StudentWork = { submittedAt?: Date | null; score?: number | null; basicallyWorks?: boolean };

export type ItemOutcome = {
  accepted: boolean;
  lateHoursCharged: number;
  cap: "D" | "F" | "ZERO" | null;
  countedPercent: number | null;
};

export type StudentOutcome = {
  percent: number | null;
  letter: string | null;
  lateHoursUsed: number;
  items: Record<string, ItemOutcome>;
};

export function studentOutcome(input: {
  course: CourseSeed; // the plain-data course shape of prisma/seed-data/types.ts
  work: Record<string, { submittedAt?: Date | null; score?: number | null; basicallyWorks?: boolean }>; // by assignment code
  chosenTrack?: string | null; // an elective track's name, or null
  now: Date;
}): StudentOutcome {
  const { course, work, chosenTrack = null, now } = input;
  const policy = policyFromSeed(course);
  const { scheme, items } = schemeFromSeed(course);
  const due = new Map(course.assignments.map((a) => [a.code, courseDueAt(course, a.code)]));
  const standingItems = course.assignments.map((a) => ({
    id: a.code,
    kind: a.kind,
    lateHoursApply: a.lateHoursApply ?? policy?.coveredKinds.includes(a.kind) ?? false,
    acceptsLate: a.acceptsLate ?? true,
  }));

  // A refused hand-in is not kept: it counts as not handed in.
  const handedIn = new Set<string>();
  for (const a of standingItems) {
    const at = work[a.id]?.submittedAt;
    if (!at) continue;
    const judged = judgeLateWork({
      policy: policy ?? NO_LATE_POLICY,
      assignment: a,
      timeZone: course.timeZone,
      effectiveDueAt: due.get(a.id) ?? null,
      submittedAt: at,
      hoursUsedBefore: 0,
    });
    if (isAccepted(judged.outcome)) handedIn.add(a.id);
  }

  const standing = lateStanding({
    policy,
    timeZone: course.timeZone,
    now,
    items: standingItems,
    ledger: [],
    handedIn: (id) => handedIn.has(id),
    latestSubmission: (id) => work[id]?.submittedAt ?? undefined,
    dueFor: (id) => due.get(id) ?? null,
    basicallyWorks: (id) => work[id]?.basicallyWorks,
  });

  const scores: Record<string, number | null> = {};
  for (const a of course.assignments) {
    const score = work[a.code]?.score;
    if (typeof score === "number" && (handedIn.has(a.code) || !work[a.code]?.submittedAt)) scores[a.code] = score;
  }
  const trackId =
    chosenTrack !== null && course.grading.tracks.some((t) => t.name === chosenTrack) ? chosenTrack : null;
  const graded = compileScheme({ scheme, items }).grade({
    student: { scores, chosenTrackId: trackId, missed: standing.missed },
    mode: "current",
    consequences: standing.consequences,
    withItems: true,
  });

  const cellBy = new Map(standing.cells.map((c) => [c.itemId, c]));
  const consequenceBy = new Map(standing.consequences.map((c) => [c.itemId, c]));
  const result: Record<string, ItemOutcome> = {};
  for (const a of course.assignments) {
    const consequence = consequenceBy.get(a.code);
    result[a.code] = {
      accepted: handedIn.has(a.code),
      lateHoursCharged: cellBy.get(a.code)?.hoursCharged ?? 0,
      cap: consequence?.kind === "zero" ? "ZERO" : consequence?.kind === "cap" ? (consequence.letter ?? null) : null,
      countedPercent: graded.items?.[a.code] ?? null,
    };
  }
  return {
    percent: graded.percent,
    letter: graded.letter,
    lateHoursUsed: standing.cells.reduce((sum, c) => sum + c.hoursCharged, 0),
    items: result,
  };
}

/** The course file's late policy as the rules read it; the seed loader stores exactly this. */
export function policyFromSeed(course: CourseSeed): LatePolicy | null {
  const p = course.latePolicy;
  if (!p) return null;
  return {
    kind: p.kind,
    budgetHours: p.budgetHours ?? null,
    perAssignmentCapHours: p.perAssignmentCapHours ?? null,
    excludedWindow: p.excludedWindow ?? null,
    graceMinutes: p.graceMinutes ?? 0,
    coveredKinds: p.coveredKinds,
    overCapAction: p.overCapAction ?? "REFUSE",
    overBudgetAction: p.overBudgetAction ?? "FLAG",
    itemCap: p.itemCap ?? [],
    uncoveredLateAction: p.uncoveredLateAction ?? "FLAG",
    lateRefusedKinds: p.lateRefusedKinds ?? [],
    finalCutoffAt: p.finalCutoff ? localInstant(p.finalCutoff, course.timeZone) : null,
    penaltyPercent: p.penaltyPercent ?? null,
    penaltyUnit: p.penaltyUnit ?? null,
    penaltyFloorPercent: p.penaltyFloorPercent ?? null,
  };
}

/** The course file's grading as the scheme reads it: categories, tracks and items keyed by name and code. */
export function schemeFromSeed(course: CourseSeed): { scheme: GradeScheme; items: SchemeItem[] } {
  return {
    scheme: {
      categories: course.grading.categories.map((c) => ({
        id: c.name,
        name: c.name,
        weight: c.weight,
        dropLowest: c.dropLowest ?? 0,
        allowedMisses: c.allowedMisses ?? 0,
        trackId: c.track ?? null,
      })),
      tracks: course.grading.tracks.map((t) => ({ id: t.name, name: t.name })),
      trackRule: "chosen",
      cutoffs: course.grading.cutoffs,
    },
    items: course.assignments.map((a) => ({
      id: a.code,
      code: a.code,
      categoryId: a.category,
      points: a.points ?? 100,
      weight: a.weight ?? null,
    })),
  };
}
