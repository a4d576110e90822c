import Link from "next/link";
import type { CourseRole } from "@/lib/server/authorization/permissions";

type Tab = { href: string; label: string };

export function courseTabs(slug: string, role: CourseRole | null): Tab[] {
  const base = `/courses/${slug}`;
  const tabs: Tab[] = [
    { href: base, label: "Home" },
    { href: `${base}/schedule`, label: "Schedule" },
    { href: `${base}/announcements`, label: "Announcements" },
    { href: `${base}/assignments`, label: "Deadlines" },
    { href: `${base}/speakers`, label: "Speakers" },
  ];
  if (role === "STUDENT")
    tabs.push(
      { href: `${base}/me`, label: "My deadlines" },
      { href: `${base}/grades`, label: "My grades" },
      { href: `${base}/my-team`, label: "My team" },
    );
  if (role === "TA" || role === "INSTRUCTOR")
    tabs.push(
      { href: `${base}/gradebook`, label: "Gradebook" },
      { href: `${base}/late-hours`, label: "Late hours" },
      { href: `${base}/teams`, label: "Teams" },
    );
  if (role === "INSTRUCTOR") tabs.push({ href: `${base}/manage`, label: "Manage" });
  // TAs read the roster (roster.read); instructors reach it from Manage.
  if (role === "TA") tabs.push({ href: `${base}/manage/roster`, label: "Roster" });
  return tabs;
}

export function CourseNav({ slug, role }: { slug: string; role: CourseRole | null }) {
  return (
    <nav
      aria-label="Course"
      className="no-print -mx-4 mt-2 overflow-x-auto border-b border-slate-200 px-4 dark:border-slate-800"
    >
      <ul className="flex min-w-max gap-1">
        {courseTabs(slug, role).map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              className="inline-block rounded-t-md px-3 py-2 text-sm text-slate-700 no-underline hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
