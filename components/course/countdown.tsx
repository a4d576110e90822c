"use client";
import { useEffect, useState } from "react";
import { formatCountdown } from "@/lib/domain/countdown";

const MINUTE = 60_000;

/**
 * The current time by the SERVER's clock (it decides what is late): the first render
 * uses the server's `now`, so it matches the HTML exactly, and from then on the
 * browser's clock only measures elapsed time. A wrong clock on the student's laptop
 * therefore cannot make a countdown lie.
 */
export function useMinuteClock(serverNowIso: string): number {
  const [now, setNow] = useState(() => Date.parse(serverNowIso));
  useEffect(() => {
    const skew = Date.parse(serverNowIso) - Date.now();
    const tick = () => setNow(Date.now() + skew);
    let interval: ReturnType<typeof setInterval> | undefined;
    // Tick on the minute boundary so every countdown on the page changes together.
    const first = setTimeout(
      () => {
        tick();
        interval = setInterval(tick, MINUTE);
      },
      MINUTE - ((Date.now() + skew) % MINUTE),
    );
    return () => {
      clearTimeout(first);
      if (interval) clearInterval(interval);
    };
  }, [serverNowIso]);
  return now;
}

/** "due in 2 days 3 hours", live; "closed 3 hours ago" once the time passes while the page is open. */
export function Countdown({ dueIso, serverNowIso }: { dueIso: string; serverNowIso: string }) {
  const now = useMinuteClock(serverNowIso);
  const due = Date.parse(dueIso);
  const text = formatCountdown({ from: new Date(now), to: new Date(due) });
  const past = due <= now;
  return (
    <span
      data-testid="countdown"
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${past ? "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100" : "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50"}`}
    >
      {past ? `closed ${text}` : `due ${text}`}
    </span>
  );
}
