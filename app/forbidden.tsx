import Link from "next/link";
import { headers } from "next/headers";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { loadCourseContext } from "@/lib/server/authorization/authz";
import { SiteMain } from "@/components/layout/site-main";

export const metadata = { title: "No access" };

// A student's own pages (My deadlines, My grades, a ledger): what an auditor opening one meets.
const OWN_PAGES = /^\/courses\/([^/]+)\/(grades|me|late-hours\/students)(\/|$)/;

/** The course whose student page an auditor was refused, if that is what happened. */
async function auditedCourse(): Promise<{ slug: string; code: string } | null> {
  const match = OWN_PAGES.exec((await headers()).get("x-lectern-path") ?? "");
  if (!match) return null;
  const viewer = await currentViewer();
  if (!viewer) return null;
  const ctx = await loadCourseContext(db(), decodeURIComponent(match[1]!), viewer).catch(() => null);
  return ctx?.role === "AUDITOR" ? { slug: ctx.course.slug, code: ctx.course.code } : null;
}

export default async function Forbidden() {
  const audited = await auditedCourse();
  return (
    <SiteMain>
      <div className="mx-auto max-w-xl py-16 text-center">
        {audited ? (
          <>
            <h1 className="text-2xl font-bold">Auditors have no grades or deadlines of their own</h1>
            {/* assumed: from CSCI 1390's page ("we won't be able to offer auditors grading support"),
                taken for every course: an auditor hands nothing in and is not graded. */}
            <p className="mt-2 text-slate-600 dark:text-slate-300">
              You audit {audited.code}: you can read everything the course publishes (its schedule, announcements,
              deadlines and speakers) but you hand in no work, so nothing is graded and no late hours are counted. To be
              graded, ask the instructor to enrol you as a student.
            </p>
            <p className="mt-4">
              <Link href={`/courses/${audited.slug}/assignments`}>See the course’s deadlines</Link>
            </p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">You do not have access to this page</h1>
            <p className="mt-2 text-slate-600 dark:text-slate-300">It belongs to course staff or to another student.</p>
            <p className="mt-4">
              <Link href="/courses">Back to courses</Link>
            </p>
          </>
        )}
      </div>
    </SiteMain>
  );
}
