/**
 * Which due date is in force for a viewer, from append-only extension events.
 *
 * Extensions are never edited: a GRANT sets a new due date (per student, or
 * course-wide when studentId is null) and a REVOKE cancels one earlier GRANT by
 * id. Replaying the events therefore gives both the current due date and the
 * full history a student can audit.
 *
 * Rules:
 * - A student's own non-revoked GRANTs beat course-wide ones, whatever their dates:
 *   a personal extension was decided for that student and must not be undone by a
 *   later course-wide change.
 * - Within a scope the latest by createdAt wins; ties go to the later event in the
 *   input array, so callers should pass events in insertion order.
 * - A REVOKE only cancels a GRANT; a REVOKE whose revokesId names a REVOKE or an
 *   unknown id is ignored (revocations cannot be revoked — grant again instead).
 * - A GRANT with dueAt null removes the due date (no deadline).
 * - A viewer with studentId null (staff, course page) sees course-wide grants only.
 */

export type ExtensionAction = "GRANT" | "REVOKE";

export type DueDateExtension = {
  id: string;
  studentId: string | null;
  action: ExtensionAction;
  dueAt: Date | null;
  revokesId: string | null;
  createdAt: Date;
  reason: string | null;
};

export type DueDateSource = "original" | "course" | "student";

export type DueDateHistoryEntry = {
  dueAt: Date | null;
  /** When this due date came into force; null for the original due date. */
  postedAt: Date | null;
  source: DueDateSource;
  reason: string | null;
  /** True when the grant behind this entry was later revoked. */
  revoked: boolean;
  /** The GRANT behind this entry, or null for the original due date. */
  extensionId: string | null;
};

type InForce = { source: DueDateSource; grant: DueDateExtension | null };

export function effectiveDueAt({
  originalDueAt,
  extensions,
  studentId,
}: {
  originalDueAt: Date | null;
  extensions: readonly DueDateExtension[];
  studentId: string | null;
}): Date | null {
  const { grant } = inForce({ extensions: chronological(extensions), studentId });
  return grant ? grant.dueAt : originalDueAt;
}

/**
 * Every due date that was in force for this viewer, oldest first. The last entry
 * is current; earlier ones are for striking through. A new entry appears whenever
 * the grant in force changes — including falling back to an earlier date after a
 * revoke, which shows up as a fresh entry posted at the revoke time with the
 * revoke's reason.
 */
export function dueDateHistory({
  originalDueAt,
  extensions,
  studentId,
}: {
  originalDueAt: Date | null;
  extensions: readonly DueDateExtension[];
  studentId: string | null;
}): DueDateHistoryEntry[] {
  const events = chronological(extensions);
  const revokedIds = revokedGrantIds(events);
  const history: DueDateHistoryEntry[] = [
    { dueAt: originalDueAt, postedAt: null, source: "original", reason: null, revoked: false, extensionId: null },
  ];

  let currentId: string | null = null;
  let groupStart = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    // Several events at one instant are one change for the viewer; record the state after all of them.
    const next = events[i + 1];
    if (next && next.createdAt.getTime() === event.createdAt.getTime()) continue;
    const group = events.slice(groupStart, i + 1);
    groupStart = i + 1;

    const state = inForce({ extensions: events.slice(0, i + 1), studentId });
    const stateId = state.grant?.id ?? null;
    if (stateId === currentId) continue;
    currentId = stateId;

    // The reason shown is why the date changed: the new grant's reason, or the revoke's when falling back.
    const cause = group.find((e) => e === state.grant) ?? group.findLast((e) => e.action === "REVOKE") ?? event;
    history.push({
      dueAt: state.grant ? state.grant.dueAt : originalDueAt,
      postedAt: event.createdAt,
      source: state.source,
      reason: cause.reason,
      revoked: state.grant ? revokedIds.has(state.grant.id) : false,
      extensionId: stateId,
    });
  }
  return history;
}

function chronological(extensions: readonly DueDateExtension[]): DueDateExtension[] {
  // Array.prototype.sort is stable, which is what makes input order the tie-breaker.
  return [...extensions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function revokedGrantIds(events: readonly DueDateExtension[]): Set<string> {
  const grantIds = new Set(events.filter((e) => e.action === "GRANT").map((e) => e.id));
  const revoked = new Set<string>();
  for (const event of events) {
    if (event.action === "REVOKE" && event.revokesId !== null && grantIds.has(event.revokesId))
      revoked.add(event.revokesId);
  }
  return revoked;
}

/** The grant in force after the given (chronological) events, or null for the original. */
function inForce({
  extensions,
  studentId,
}: {
  extensions: readonly DueDateExtension[];
  studentId: string | null;
}): InForce {
  const revoked = revokedGrantIds(extensions);
  let student: DueDateExtension | null = null;
  let course: DueDateExtension | null = null;
  for (const event of extensions) {
    if (event.action !== "GRANT" || revoked.has(event.id)) continue;
    if (event.studentId === null) course = event;
    else if (studentId !== null && event.studentId === studentId) student = event;
  }
  if (student) return { source: "student", grant: student };
  if (course) return { source: "course", grant: course };
  return { source: "original", grant: null };
}
