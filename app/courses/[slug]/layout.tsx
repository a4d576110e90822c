import type { Metadata } from "next";
import { db } from "@/lib/server/platform/db";
import { currentViewer } from "@/lib/server/people/session";
import { headers } from "next/headers";
import { assertCoursePageAccess, loadCourseContext } from "@/lib/server/authorization/authz";
import { assertCoursePageRecord } from "@/lib/server/course/page-records";
import { serverNow } from "@/lib/server/platform/clock";
import { guardPage } from "@/lib/server/authorization/page-guard";
import { NotFoundError } from "@/lib/server/platform/errors";
import { CourseNav } from "@/components/course/course-nav";
import { courseAccent } from "@/components/course/course-accent";

type Params = Promise<{ slug: string }>;

/** Page titles name the course by its code ("Schedule · CSC 490 · Lectern"), never by the slug. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  try {
    // The same (slug, viewer) as the layout below: one query for both (loadCourseContext is cached per render).
    const { course } = await loadCourseContext(db(), slug, await currentViewer());
    return {
      title: { template: `%s · ${course.code} · Lectern`, default: `${course.code}: ${course.title} · Lectern` },
    };
  } catch (error) {
    if (error instanceof NotFoundError) return {};
    throw error;
  }
}

export default async function CourseLayout({ children, params }: { children: React.ReactNode; params: Params }) {
  const { slug } = await params;
  const viewer = await currentViewer();
  // Set by proxy.ts, each segment decoded and re-encoded one way (lib/request-path.ts), so it
  // compares with the decoded slug. Checked here, above the loading boundary, so a refusal
  // and a missing record keep their HTTP status (403, 404) instead of a 200.
  const path = (await headers()).get("x-lectern-path");
  const ctx = await guardPage(
    async () => {
      const ctx = await loadCourseContext(db(), slug, viewer);
      if (path) {
        await assertCoursePageAccess({ db: db(), ctx, path });
        await assertCoursePageRecord({ db: db(), ctx, path, now: serverNow() });
      }
      return ctx;
    },
    { returnTo: path?.startsWith(`/courses/${slug}`) ? path : `/courses/${slug}` },
  );
  return (
    <div style={{ "--course-accent": courseAccent(ctx.course.code) } as React.CSSProperties}>
      <div className="mx-auto w-full max-w-6xl px-4 pt-4 sm:px-6">
        <p className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-(--course-accent)" />
          <span>
            <span className="font-semibold">{ctx.course.code}</span>
            <span className="hidden sm:inline"> · {ctx.course.title}</span>
          </span>
        </p>
        <CourseNav slug={slug} role={ctx.role} />
      </div>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6">
        {children}
      </main>
    </div>
  );
}
