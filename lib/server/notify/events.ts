import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueNotification, mailOrigin } from "@/lib/server/notify/outbox";
import {
  announcementMessage,
  courseExtensionMessage,
  extensionDecisionMessage,
  gradeReleaseMessage,
  waitlistPromotionMessage,
  type DecisionOutcome,
} from "@/lib/server/notify/messages";

// The events that send email, each called inside the transaction of the change it reports.

type Tx = Prisma.TransactionClient;
type Course = { id: string; code: string; title: string; slug: string; timeZone: string };

/** "A new announcement (course members, unless they opt out)"; a scheduled one goes out when it is published. */
export function notifyAnnouncement(
  tx: Tx,
  course: Course,
  announcement: { id: string; title: string; body: string; publishedAt: Date },
) {
  return enqueueNotification(tx, {
    eventKey: `announcement:${announcement.id}`,
    courseId: course.id,
    kind: "ANNOUNCEMENT",
    audience: { courseId: course.id },
    message: announcementMessage({ course, origin: mailOrigin(), announcement }),
    availableAt: announcement.publishedAt,
  });
}

export function notifyCourseExtension(
  tx: Tx,
  course: Course,
  {
    extensionId,
    assignment,
    dueAt,
    reason,
    now,
  }: { extensionId: string; assignment: { code: string; title: string }; dueAt: Date; reason: string; now: Date },
) {
  return enqueueNotification(tx, {
    eventKey: `course-extension:${extensionId}`,
    courseId: course.id,
    kind: "COURSE_EXTENSION",
    audience: { courseId: course.id, roles: ["STUDENT"] },
    message: courseExtensionMessage({ course, origin: mailOrigin(), assignment, dueAt, reason }),
    availableAt: now,
  });
}

export function notifyExtensionDecision(
  tx: Tx,
  course: Course,
  {
    requestId,
    studentId,
    assignment,
    outcome,
    dueAt,
    message,
    automatic,
    now,
  }: {
    requestId: string;
    studentId: string;
    assignment: { code: string; title: string };
    outcome: DecisionOutcome;
    dueAt: Date | null;
    message: string;
    automatic: boolean;
    now: Date;
  },
) {
  return enqueueNotification(tx, {
    eventKey: `extension-decision:${requestId}`,
    courseId: course.id,
    kind: "EXTENSION_DECISION",
    audience: { userIds: [studentId] },
    message: extensionDecisionMessage({ course, origin: mailOrigin(), assignment, outcome, dueAt, message, automatic }),
    availableAt: now,
  });
}

/** "A grade release (the students of that assignment)": the course's enrolled students. */
export function notifyGradeRelease(
  tx: Tx,
  course: Course,
  { assignment, releasedAt }: { assignment: { id: string; code: string; title: string }; releasedAt: Date },
) {
  return enqueueNotification(tx, {
    // Per release: releasing again after taking the grades back is news again.
    eventKey: `grade-release:${assignment.id}:${releasedAt.toISOString()}`,
    courseId: course.id,
    kind: "GRADE_RELEASE",
    audience: { courseId: course.id, roles: ["STUDENT"] },
    message: gradeReleaseMessage({ course, origin: mailOrigin(), assignment }),
    availableAt: releasedAt,
  });
}

export async function notifyWaitlistPromotion(
  tx: Tx,
  course: Course,
  { promoted, now }: { promoted: { userId: string; membershipId: string }[]; now: Date },
): Promise<number> {
  let added = 0;
  // One event per promotion (membership and instant): promoted, dropped, promoted again is two emails.
  // Sequential: a transaction has one connection.
  for (const p of promoted)
    added += await enqueueNotification(tx, {
      eventKey: `waitlist-promotion:${p.membershipId}:${now.toISOString()}`,
      courseId: course.id,
      kind: "WAITLIST_PROMOTION",
      audience: { userIds: [p.userId] },
      message: waitlistPromotionMessage({ course, origin: mailOrigin() }),
      availableAt: now,
    });
  return added;
}
