"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

// Plain Intl here: the date-fns helpers would add their weight to every public page.
function format(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
}

/** Shown only in the browser, and only when the viewer's zone shows a different wall-clock time. */
export function ViewerLocalTime({ iso, courseTimeZone }: { iso: string; courseTimeZone: string }) {
  const zone = useSyncExternalStore(subscribe, viewerZone, serverZone);
  if (!zone) return null;
  const at = new Date(iso);
  const mine = format(at, zone);
  if (mine === format(at, courseTimeZone)) return null;
  return <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(your time: {mine})</span>;
}
