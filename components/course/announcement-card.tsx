import Link from "next/link";
import type { AnnouncementDto } from "@/lib/server/course/announcements";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { Badge } from "@/components/course/badge";

export const announcementAnchor = (id: string) => `a-${id}`;

/** One announcement; its title links to its own page, the # to its place in the list. */
export function AnnouncementCard({
  announcement: a,
  slug,
  timeZone,
  headingLevel = "h2",
}: {
  announcement: AnnouncementDto;
  slug: string;
  timeZone: string;
  headingLevel?: "h1" | "h2";
}) {
  const H = headingLevel;
  const anchor = announcementAnchor(a.id);
  const permalink = `/courses/${slug}/announcements/${a.id}`;
  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-h`}
      className={`scroll-mt-4 rounded-lg border p-4 target:ring-2 target:ring-brand-600 ${a.pinned ? "border-brand-600 bg-brand-50/60 dark:border-brand-100 dark:bg-slate-900" : "border-slate-200 dark:border-slate-800"}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <H id={`${anchor}-h`} className={H === "h1" ? "text-2xl font-bold" : "text-lg font-semibold"}>
          {H === "h1" ? a.title : <Link href={permalink}>{a.title}</Link>}
        </H>
        {a.pinned ? <Badge tone="brand">Pinned</Badge> : null}
      </header>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Posted <LocalTime at={a.publishedAt} timeZone={timeZone} />
        {a.author ? <> by {a.author}</> : null}
        {" · "}
        <a href={H === "h1" ? permalink : `#${anchor}`}>
          Permalink<span className="sr-only"> to “{a.title}”</span>
        </a>
      </p>
      <div className="mt-3">
        <Markdown source={a.body} />
      </div>
    </article>
  );
}
