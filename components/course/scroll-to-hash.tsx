"use client";
import { useEffect } from "react";

/**
 * Scrolls to the element the URL's #fragment names once the page's content is
 * mounted. A client-side navigation to "/…/assignments#as-a3" can finish before the
 * streamed list exists, so the browser's own jump finds nothing to scroll to.
 * `fallback` is scrolled to when there is no fragment (the schedule's current week).
 */
export function ScrollToHash({ fallback = null }: { fallback?: string | null }) {
  useEffect(() => {
    const id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : fallback;
    if (id) document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, [fallback]);
  return null;
}
