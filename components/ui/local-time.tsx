import { formatInZone } from "@/lib/domain/time";
import { ViewerLocalTime } from "@/components/ui/viewer-local-time";

/** An instant in the course's zone with its abbreviation, plus the viewer's own time when it differs. */
export function LocalTime({
  at,
  timeZone,
  style = "full",
}: {
  at: Date;
  timeZone: string;
  style?: "full" | "date" | "time" | "dateShort";
}) {
  return (
    <span>
      <time dateTime={at.toISOString()}>{formatInZone({ at, timeZone, style })}</time>
      {style === "full" ? <ViewerLocalTime iso={at.toISOString()} courseTimeZone={timeZone} /> : null}
    </span>
  );
}
