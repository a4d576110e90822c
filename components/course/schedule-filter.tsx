"use client";
import { useState } from "react";
import { ScrollToHash } from "@/components/course/scroll-to-hash";
import styles from "@/components/course/course-pages.module.css";
import type { ScheduleFilter } from "@/lib/domain/schedule-weeks";

type Choice = ScheduleFilter | "all";

const CHOICES: { value: Choice; label: string; status: string }[] = [
  { value: "all", label: "Everything", status: "Showing everything." },
  { value: "lectures", label: "Lectures", status: "Showing lectures and labs only." },
  { value: "deadlines", label: "Deadlines", status: "Showing releases and deadlines only." },
  { value: "guests", label: "Guest lectures", status: "Showing guest lectures only." },
];

/**
 * The schedule's filter. The server renders every item with the filters it belongs
 * to (data-tags), so filtering is one attribute on the wrapper: no re-render
 * of the list, nothing to hydrate differently, and the first paint already matches
 * the `?show=` in the URL. The choice is written back to the URL so it can be shared.
 */
export function ScheduleFilterShell({
  initial,
  available,
  currentAnchor,
  children,
}: {
  initial: ScheduleFilter | null;
  /** Filters under which at least one week has something to show. */
  available: ScheduleFilter[];
  /** Element id of this week's section, when the term is on. */
  currentAnchor: string | null;
  children: React.ReactNode;
}) {
  const [show, setShow] = useState<Choice>(initial ?? "all");

  function choose(value: Choice) {
    setShow(value);
    const url = new URL(window.location.href);
    if (value === "all") url.searchParams.delete("show");
    else url.searchParams.set("show", value);
    window.history.replaceState(null, "", url);
  }

  return (
    <>
      <fieldset className="no-print mt-4 print:hidden">
        <legend className="text-sm font-medium">Show</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {CHOICES.map((c) => (
            <label
              key={c.value}
              className="cursor-pointer rounded-full border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 dark:border-slate-600 dark:has-[:checked]:border-brand-100 dark:has-[:checked]:bg-brand-100 dark:has-[:checked]:text-slate-950"
            >
              <input
                type="radio"
                name="schedule-show"
                value={c.value}
                checked={show === c.value}
                onChange={() => choose(c.value)}
                className="sr-only"
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status" className="sr-only">
        {CHOICES.find((c) => c.value === show)!.status}
      </p>
      {currentAnchor ? (
        <p className="no-print mt-3 text-sm">
          <a href={`#${currentAnchor}`}>Jump to this week</a>
        </p>
      ) : null}
      <div data-show={show} className={`${styles.filtered} mt-4`}>
        {children}
        {/* Open at the week the address names, else at this week (a past course opens at the top). */}
        <ScrollToHash fallback={currentAnchor} />
        {show !== "all" && !available.includes(show) ? (
          <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
            This course has no {CHOICES.find((c) => c.value === show)!.label.toLowerCase()} on its schedule.
          </p>
        ) : null}
      </div>
    </>
  );
}
