/**
 * Countdown text for deadlines. A module of its own, importing nothing: the live countdowns
 * (components/course/countdown.tsx) run in the browser, and importing it from ./time.ts would
 * bring date-fns and its English locale (about 8 KB gzipped) to every page that shows one.
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * Human distance from `from` to `to`: "in 2 days 3 hours", "in 45 minutes",
 * "3 hours ago". Two units at most, truncated (never rounded up) so a countdown
 * never promises more time than is left. Under a minute: "in less than a
 * minute" / "less than a minute ago".
 */
export function formatCountdown({ from, to }: { from: Date; to: Date }): string {
  const diff = to.getTime() - from.getTime();
  const future = diff >= 0;
  const abs = Math.abs(diff);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);

  let span: string;
  if (days > 0) span = hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  else if (hours > 0)
    span = minutes > 0 ? `${plural(hours, "hour")} ${plural(minutes, "minute")}` : plural(hours, "hour");
  else if (minutes > 0) span = plural(minutes, "minute");
  else span = "less than a minute";

  return future ? `in ${span}` : `${span} ago`;
}
