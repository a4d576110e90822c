"use client";
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form";
import { joinCourseAction, leaveCourseAction } from "@/app/courses/[slug]/enrolment-actions";
import type { Enrolment } from "@/lib/server/people/enrolment";

const buttonClass =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/** Join the course or its waitlist, see one's place in line, leave. */
export function EnrolmentPanel({ slug, enrolment: e }: { slug: string; enrolment: Enrolment }) {
  const [joinState, join, joining] = useActionState(joinCourseAction, null);
  const [leaveState, leave, leaving] = useActionState(leaveCourseAction, null);
  const seats =
    e.capacity === null
      ? `${e.enrolled} enrolled, no cap`
      : `${e.enrolled} of ${e.capacity} seats taken${e.waitlistLength ? `, ${e.waitlistLength} waiting` : ""}`;
  const staff = e.status === "ENROLLED" && (e.role === "INSTRUCTOR" || e.role === "TA");
  let body: React.ReactNode;
  if (!e.signedIn)
    body = (
      <p>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/courses/${slug}`)}`}>Sign in</Link> to join this course.
      </p>
    );
  else if (staff) body = <p>You are on the course staff ({e.role === "TA" ? "TA" : "instructor"}).</p>;
  else if (e.status === "ENROLLED" || e.status === "WAITLISTED") {
    body = (
      <form action={leave} className="flex flex-wrap items-center gap-3">
        <p>
          {e.status === "ENROLLED" ? (
            `You are enrolled${e.role === "AUDITOR" ? " as an auditor" : ""}.`
          ) : (
            <>
              You are <strong>number {e.position}</strong> on the waitlist.
            </>
          )}
        </p>
        <input type="hidden" name="courseSlug" value={slug} />
        <button type="submit" disabled={leaving} className={buttonClass}>
          {e.status === "WAITLISTED" ? "Leave the waitlist" : "Leave the course"}
        </button>
      </form>
    );
  } else {
    body = (
      <form action={join} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="courseSlug" value={slug} />
        <button
          type="submit"
          disabled={joining}
          className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {e.joinWould === "enrol" ? "Join the course" : "Join the waitlist"}
        </button>
        {e.joinWould === "waitlist" ? (
          <span className="text-sm">The course is full; seats go to the waitlist in order.</span>
        ) : null}
      </form>
    );
  }
  return (
    <section aria-labelledby="enrolment-h" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="enrolment-h" className="text-lg font-semibold">
        Enrolment
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{seats}</p>
      <div className="mt-2 space-y-2 text-sm">
        {body}
        <FormMessage state={joinState} />
        <FormMessage state={leaveState} />
      </div>
    </section>
  );
}

/**
 * A waitlisted student's place in line and what happens next, at the top of the course home
 * (the Enrolment panel at the bottom keeps "Leave the waitlist").
 */
export function WaitlistNotice({ code, enrolment: e }: { code: string; enrolment: Enrolment }) {
  if (e.status !== "WAITLISTED" || e.position === null) return null;
  return (
    <div
      data-testid="waitlist-notice"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="text-base">
        You are <strong>number {e.position}</strong> on the {code} waitlist
        {e.capacity !== null ? ` (${e.enrolled} of ${e.capacity} seats taken)` : ""}.
      </p>
      {/* lib/server/people/enrolment.ts promoteFromWaitlist: a freed seat goes to the first in line,
          at once, and the promotion email is queued in the same transaction. */}
      <p className="mt-1">
        What happens next: when a seat frees up it goes to the first person waiting. You are enrolled automatically and
        we email you; nothing to do until then. Meanwhile you can read the schedule, announcements and deadlines.
      </p>
      <p className="mt-1">
        <a href="#enrolment-h">Leave the waitlist</a> at the bottom of this page.
      </p>
    </div>
  );
}
