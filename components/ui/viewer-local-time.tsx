"use client";
import { useSyncExternalStore } from "react";
import { formatInZone } from "@/lib/domain/time";

const subscribe = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/** Shown only in the browser, and only when the viewer's zone differs from the course's. */
export function ViewerLocalTime({ iso, courseTimeZone }: { iso: string; courseTimeZone: string }) {
  const zone = useSyncExternalStore(subscribe, viewerZone, serverZone);
  if (!zone) return null;
  const at = new Date(iso);
  const mine = formatInZone({ at, timeZone: zone, style: "full" });
  if (mine === formatInZone({ at, timeZone: courseTimeZone, style: "full" })) return null;
  return <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(your time: {mine})</span>;
}
