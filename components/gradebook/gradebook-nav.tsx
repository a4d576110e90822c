import Link from "next/link";

type Current = "grid" | "assignments" | "scheme" | "import";

/** The gradebook's own pages; the CSV export is a plain download link. */
export function GradebookNav({ slug, current, canImport }: { slug: string; current: Current; canImport: boolean }) {
  const base = `/courses/${slug}/gradebook`;
  const links: { key: Current; href: string; label: string }[] = [
    { key: "grid", href: base, label: "Grid" },
    { key: "assignments", href: `${base}/assignments`, label: "Assignments, release & statistics" },
    { key: "scheme", href: `${base}/scheme`, label: "Grading scheme" },
    ...(canImport ? [{ key: "import" as const, href: `${base}/import`, label: "Import CSV" }] : []),
  ];
  return (
    <nav aria-label="Gradebook" className="flex flex-wrap items-center gap-2 text-sm">
      {links.map((l) => (
        <Link
          key={l.key}
          href={l.href}
          aria-current={l.key === current ? "page" : undefined}
          className="rounded-md border border-slate-300 px-3 py-1 no-underline aria-[current=page]:bg-brand-700 aria-[current=page]:text-white dark:border-slate-700"
        >
          {l.label}
        </Link>
      ))}
      <a
        href={`/api/courses/${slug}/gradebook/export`}
        download
        className="rounded-md border border-slate-300 px-3 py-1 no-underline dark:border-slate-700"
      >
        Export CSV (Canvas layout)
      </a>
    </nav>
  );
}
