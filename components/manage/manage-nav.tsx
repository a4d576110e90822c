import Link from "next/link";

const TABS = [
  { href: "", label: "Course" },
  { href: "/schedule", label: "Schedule" },
  { href: "/assignments", label: "Assignments" },
  { href: "/announcements", label: "Announcements" },
  { href: "/roster", label: "Roster" },
  { href: "/import", label: "Import / export" },
];

export function ManageNav({ slug, current }: { slug: string; current: string }) {
  return (
    <nav aria-label="Manage" className="mb-6">
      <ul className="flex flex-wrap gap-2 text-sm">
        {TABS.map((t) => {
          const active = t.href === current;
          return (
            <li key={t.href}>
              <Link
                href={`/courses/${slug}/manage${t.href}`}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 no-underline ${active ? "border-brand-700 bg-brand-700 text-white dark:border-brand-100 dark:bg-brand-100 dark:text-slate-900" : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"}`}
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

export function ManageHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</p> : null}
    </div>
  );
}

export const buttonClass =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
export const cardClass = "rounded-lg border border-slate-200 p-4 dark:border-slate-800";
