import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/server/platform/db";
import { listCourses } from "@/lib/server/course/courses";
import { SiteMain } from "@/components/layout/site-main";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Courses" };

export default async function CoursesPage() {
  await connection();
  const courses = await listCourses(db());
  return (
    <SiteMain>
      <h1 className="text-2xl font-bold">Courses</h1>
      {courses.length === 0 ? (
        <EmptyState title="No courses yet" body="Run `npm run db:seed` to load the demo courses." />
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((c) => (
            <li key={c.slug} className="rounded-lg border border-slate-200 p-4 shadow-sm dark:border-slate-800">
              <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                {[c.institution, c.term].filter(Boolean).join(" · ")}
              </p>
              <h2 className="mt-1 text-lg font-semibold">
                <Link href={`/courses/${c.slug}`}>
                  {c.code}: {c.title}
                </Link>
              </h2>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
                {c.enrolled} enrolled{c.capacity ? ` of ${c.capacity}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </SiteMain>
  );
}
