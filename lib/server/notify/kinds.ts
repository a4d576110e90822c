// The kinds of email Lectern sends; each can be turned off in the notification settings.
export const NOTIFICATION_KINDS = [
  "ANNOUNCEMENT",
  "COURSE_EXTENSION",
  "EXTENSION_DECISION",
  "GRADE_RELEASE",
  "WAITLIST_PROMOTION",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; description: string }> = {
  ANNOUNCEMENT: { label: "Announcements", description: "A new announcement in one of your courses" },
  COURSE_EXTENSION: { label: "Course-wide extensions", description: "A deadline moved for the whole class" },
  EXTENSION_DECISION: {
    label: "Decisions on your extension requests",
    description: "Approved, partly approved or denied",
  },
  GRADE_RELEASE: { label: "Released grades", description: "Grades of an assignment you can now see" },
  WAITLIST_PROMOTION: { label: "Waitlist", description: "You got a seat in a course you were waiting for" },
};
