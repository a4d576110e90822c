/**
 * The announcement drafted for an instructor when they extend an assignment for
 * everyone. They edit it before posting; the wording only needs to be a sensible start.
 */
import { formatInZone } from "@/lib/domain/time";

export function extensionAnnouncementDraft({
  code,
  title,
  dueAt,
  timeZone,
  reason,
}: {
  code: string;
  title: string;
  dueAt: Date;
  timeZone: string;
  reason?: string | null;
}): { title: string; body: string } {
  const when = formatInZone({ at: dueAt, timeZone });
  const why = reason?.trim() ? `\n\n${reason.trim()}` : "";
  return {
    title: `${code} is extended to ${when}`,
    body: `${code} (${title}) is extended to ${when}.${why}`,
  };
}
