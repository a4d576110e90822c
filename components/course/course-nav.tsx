"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
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
      { href: `${base}/requests`, label: "Requests" },
      { href: `${base}/teams`, label: "Teams" },
    );
  if (role === "INSTRUCTOR") tabs.push({ href: `${base}/manage`, label: "Manage" });
  // TAs read the roster (roster.read); instructors reach it from Manage.
  if (role === "TA") tabs.push({ href: `${base}/manage/roster`, label: "Roster" });
  return tabs;
}

/** The tab a path belongs to: the longest tab address that is the path or a folder above it. */
export function currentTab(tabs: readonly Tab[], pathname: string): Tab | undefined {
  return tabs
    .filter((t) => pathname === t.href || pathname.startsWith(`${t.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
}

/**
 * The course's tabs. On a narrow screen the bar scrolls sideways; `scroll-initial-target`
 * brings the current tab into view when the bar is laid out, with no script of ours. The bar is
 * keyed by the path, so a client-side navigation lays it out anew and the new tab comes into view.
 */
export function CourseNav({ slug, role }: { slug: string; role: CourseRole | null }) {
  const pathname = usePathname();
  const tabs = courseTabs(slug, role);
  const current = currentTab(tabs, pathname);
  return (
    <nav
      key={pathname}
      aria-label="Course"
      className="no-print -mx-4 mt-2 overflow-x-auto overscroll-x-contain border-b border-slate-200 px-4 sm:mx-0 sm:px-0 dark:border-slate-800"
    >
      <ul className="flex min-w-max gap-1 pt-1">
        {tabs.map((t) => {
          const isCurrent = t === current;
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={isCurrent ? "page" : undefined}
                className="inline-block rounded-t-md border-b-[3px] border-transparent px-3 py-2 text-sm text-slate-700 no-underline outline-offset-[-3px] hover:bg-slate-100 aria-[current=page]:border-(--course-accent) aria-[current=page]:font-semibold aria-[current=page]:text-slate-950 aria-[current=page]:[scroll-initial-target:nearest] dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:text-white"
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
