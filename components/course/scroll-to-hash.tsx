"use client";
import { useEffect } from "react";

/**
 * Scrolls to the element the URL's #fragment names once the page's content is
 * mounted. A client-side navigation to "/…/assignments#as-a3" can finish before the
 * streamed list exists, so the browser's own jump finds nothing to scroll to.
 * A target inside folded <details> (a past month of deadlines) is unfolded first:
 * a link to it must show it, not a closed summary.
 * `fallback` is scrolled to when there is no fragment (the schedule's current week).
 */
export function ScrollToHash({ fallback = null }: { fallback?: string | null }) {
  useEffect(() => {
    const show = () => {
      const id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : fallback;
      const target = id ? document.getElementById(id) : null;
      if (!target) return;
      for (let d = target.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      target.scrollIntoView({ block: "start" });
    };
    show();
    window.addEventListener("hashchange", show);
    return () => window.removeEventListener("hashchange", show);
  }, [fallback]);
  return null;
}
