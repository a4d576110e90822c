import "server-only";
import { formatInZone } from "@/lib/domain/time";
import { markdownToHtml } from "@/lib/server/course/markdown-html";

// Each email has a plain-text and an HTML part. UNSUBSCRIBE_SLOT stands for the recipient's own
// signed link: the outbox fills it in per recipient inside the INSERT, so a 2,000-recipient
// announcement sends the body to PostgreSQL once.
export const UNSUBSCRIBE_SLOT = "%%LECTERN_UNSUBSCRIBE_URL%%";

export type MessageBody = { subject: string; text: string; html: string };

const escape = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function wrap({
  courseCode,
  heading,
  textLines,
  htmlBody,
  link,
  subject,
}: {
  courseCode: string;
  heading: string;
  textLines: string[];
  htmlBody: string;
  link: { url: string; label: string };
  subject: string;
}): MessageBody {
  const text = [
    heading,
    "",
    ...textLines,
    "",
    `${link.label}: ${link.url}`,
    "",
    "--",
    `You get this email from ${courseCode} on Lectern.`,
    `Stop emails like this one: ${UNSUBSCRIBE_SLOT}`,
    "",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem">
<h1 style="font-size:1.25rem">${escape(heading)}</h1>
${htmlBody}
<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>
<hr><p style="font-size:0.85rem;color:#555">You get this email from ${escape(courseCode)} on Lectern.
<a href="${UNSUBSCRIBE_SLOT}">Stop emails like this one</a>.</p>
</body></html>`;
  return { subject, text, html };
}

type Course = { code: string; title: string; slug: string; timeZone: string };

export function announcementMessage({
  course,
  origin,
  announcement,
}: {
  course: Course;
  origin: string;
  announcement: { id: string; title: string; body: string };
}): MessageBody {
  return wrap({
    courseCode: course.code,
    subject: `[${course.code}] ${announcement.title}`,
    heading: announcement.title,
    textLines: [announcement.body],
    htmlBody: markdownToHtml(announcement.body),
    link: { url: `${origin}/courses/${course.slug}/announcements/${announcement.id}`, label: "Read it on Lectern" },
  });
}

export function courseExtensionMessage({
  course,
  origin,
  assignment,
  dueAt,
  reason,
}: {
  course: Course;
  origin: string;
  assignment: { code: string; title: string };
  dueAt: Date;
  reason: string;
}): MessageBody {
  const when = formatInZone({ at: dueAt, timeZone: course.timeZone });
  const line = `${assignment.code} ${assignment.title} is now due ${when} for everyone.`;
  return wrap({
    courseCode: course.code,
    subject: `[${course.code}] ${assignment.code} is now due ${when}`,
    heading: `${assignment.code}: new due date`,
    textLines: [line, ...(reason ? [`Reason: ${reason}`] : [])],
    htmlBody: `<p>${escape(line)}</p>${reason ? `<p>Reason: ${escape(reason)}</p>` : ""}`,
    link: { url: `${origin}/courses/${course.slug}/me`, label: "See your deadlines" },
  });
}

export type DecisionOutcome = "APPROVED" | "PARTLY_APPROVED" | "DENIED";

export function extensionDecisionMessage({
  course,
  origin,
  assignment,
  outcome,
  dueAt,
  message,
  automatic,
}: {
  course: Course;
  origin: string;
  assignment: { code: string; title: string };
  outcome: DecisionOutcome;
  dueAt: Date | null;
  message: string;
  automatic: boolean;
}): MessageBody {
  const when = dueAt ? formatInZone({ at: dueAt, timeZone: course.timeZone }) : null;
  const verdict =
    outcome === "DENIED"
      ? `Your extension request for ${assignment.code} was denied.`
      : outcome === "PARTLY_APPROVED"
        ? `Your extension request for ${assignment.code} was partly approved: it is now due ${when}.`
        : `Your extension request for ${assignment.code} was approved: it is now due ${when}.`;
  const how = automatic ? "Decided automatically by the course's extension rule." : null;
  const lines = [verdict, ...(how ? [how] : []), ...(message ? [`Message from the staff: ${message}`] : [])];
  return wrap({
    courseCode: course.code,
    subject: `[${course.code}] Extension request for ${assignment.code}: ${outcome === "DENIED" ? "denied" : outcome === "PARTLY_APPROVED" ? "partly approved" : "approved"}`,
    heading: `Extension request for ${assignment.code} ${assignment.title}`,
    textLines: lines,
    htmlBody: lines.map((l) => `<p>${escape(l)}</p>`).join("\n"),
    link: { url: `${origin}/courses/${course.slug}/me`, label: "See your deadlines" },
  });
}

export function gradeReleaseMessage({
  course,
  origin,
  assignment,
}: {
  course: Course;
  origin: string;
  assignment: { code: string; title: string };
}): MessageBody {
  const line = `Grades for ${assignment.code} ${assignment.title} are released.`;
  return wrap({
    courseCode: course.code,
    subject: `[${course.code}] Grades released: ${assignment.code}`,
    heading: line,
    textLines: [line],
    htmlBody: `<p>${escape(line)}</p>`,
    link: { url: `${origin}/courses/${course.slug}/grades`, label: "See your grades" },
  });
}

export function waitlistPromotionMessage({ course, origin }: { course: Course; origin: string }): MessageBody {
  const line = `A seat opened in ${course.code} ${course.title} and it is yours: you are now enrolled.`;
  return wrap({
    courseCode: course.code,
    subject: `[${course.code}] You are enrolled`,
    heading: `You are enrolled in ${course.code}`,
    textLines: [line],
    htmlBody: `<p>${escape(line)}</p>`,
    link: { url: `${origin}/courses/${course.slug}`, label: "Open the course" },
  });
}
