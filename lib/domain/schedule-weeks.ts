/**
 * Groups a course's schedule into Monday–Sunday weeks, the unit students think in.
 *
 * Weeks cover the term without gaps (first to last day of classes, widened to any
 * entry outside it), so a week with no sessions still shows its deadlines. Items
 * that fall before or after that span go into "Before classes" / "After classes".
 * All placement is by LOCAL date in the course's zone: a deadline at 23:59 Sunday
 * belongs to that Sunday's week wherever the server runs.
 */
import { addDays, localDateOf, weekStart, type LocalDate } from "@/lib/domain/time";

export const SCHEDULE_FILTERS = ["lectures", "deadlines", "guests"] as const;
export type ScheduleFilter = (typeof SCHEDULE_FILTERS)[number];

export function parseScheduleFilter(value: unknown): ScheduleFilter | null {
  const v = Array.isArray(value) ? value[0] : value;
  return (SCHEDULE_FILTERS as readonly unknown[]).includes(v) ? (v as ScheduleFilter) : null;
}

export type EntryKind = "LECTURE" | "LAB" | "NO_CLASS" | "PRESENTATION" | "MILESTONE";

/** What the schedule needs to place an entry; the caller's full entry rides along untouched. */
export type WeekEntry = {
  date: LocalDate;
  position: number;
  weekNumber: number | null;
  kind: EntryKind;
  sprintLabel: string | null;
  title: string;
  speakerCount: number;
  /** When it starts, for ordering within the week (section time or the entry's own). */
  sortAt: Date;
};

export type WeekEvent = { at: Date; kind: "release" | "due" };

export type WeekItem<E, V> =
  | { type: "entry"; date: LocalDate; sortAt: number; tags: ScheduleFilter[]; entry: E }
  | { type: "event"; date: LocalDate; sortAt: number; tags: ScheduleFilter[]; event: V };

export type ScheduleWeek<E, V> = {
  /** "2025-09-01" (the Monday), or "before" / "after". */
  key: string;
  /** Element id, stable across edits: `week-2025-09-01`. */
  anchor: string;
  kind: "term" | "before" | "after";
  start: LocalDate | null;
  end: LocalDate | null;
  number: number | null;
  label: string;
  /** Set when every session that week is a no-class entry: its title ("Reading week"). */
  noClass: string | null;
  sprint: string | null;
  items: WeekItem<E, V>[];
  /** Filters under which the week has something to show. */
  tags: ScheduleFilter[];
};

export function weekAnchor({ date }: { date: LocalDate }): string {
  return `week-${weekStart({ date })}`;
}

/** Element id of an assignment on the deadlines page: "as-a3". */
export function assignmentAnchor({ code }: { code: string }): string {
  return `as-${code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`;
}

/** Which filters show an entry. A no-class marker belongs with the lectures it replaces. */
export function entryTags({ kind, speakerCount }: { kind: EntryKind; speakerCount: number }): ScheduleFilter[] {
  const tags: ScheduleFilter[] = ["lectures"];
  if (kind === "MILESTONE") tags.push("deadlines");
  if (speakerCount > 0 && kind !== "NO_CLASS") tags.push("guests");
  return tags;
}

function union(lists: ScheduleFilter[][]): ScheduleFilter[] {
  const set = new Set(lists.flat());
  return SCHEDULE_FILTERS.filter((f) => set.has(f));
}

export function buildScheduleWeeks<E extends WeekEntry, V extends WeekEvent>({
  entries,
  events,
  firstDay,
  lastDay,
  timeZone,
}: {
  entries: readonly E[];
  events: readonly V[];
  firstDay: LocalDate | null;
  lastDay: LocalDate | null;
  timeZone: string;
}): ScheduleWeek<E, V>[] {
  // With no term dates and no sessions, the deadlines themselves set the span.
  const known =
    entries.length || firstDay || lastDay
      ? entries.map((e) => e.date)
      : events.map((e) => localDateOf({ at: e.at, timeZone }));
  const dates = [...known].sort();
  const spanFirst = [firstDay, dates[0]].filter((d): d is LocalDate => !!d).sort()[0];
  const spanLast = [lastDay, dates.at(-1)]
    .filter((d): d is LocalDate => !!d)
    .sort()
    .at(-1);

  const items: WeekItem<E, V>[] = [
    ...entries.map((entry): WeekItem<E, V> => ({
      type: "entry",
      date: entry.date,
      sortAt: entry.sortAt.getTime(),
      tags: entryTags(entry),
      entry,
    })),
    ...events.map((event): WeekItem<E, V> => ({
      type: "event",
      date: localDateOf({ at: event.at, timeZone }),
      sortAt: event.at.getTime(),
      tags: ["deadlines"],
      event,
    })),
  ];
  // Same instant: sessions first, then releases, then deadlines; then as given.
  const rank = (i: WeekItem<E, V>) => (i.type === "entry" ? 0 : i.event.kind === "release" ? 1 : 2);
  items.sort(
    (a, b) =>
      a.sortAt - b.sortAt ||
      rank(a) - rank(b) ||
      (a.type === "entry" && b.type === "entry" ? a.entry.position - b.entry.position : 0),
  );

  const termWeeks: LocalDate[] = [];
  if (spanFirst && spanLast) {
    for (let monday = weekStart({ date: spanFirst }); monday <= spanLast; monday = addDays({ date: monday, days: 7 }))
      termWeeks.push(monday);
  }
  const firstMonday = termWeeks[0];
  const lastSunday = termWeeks.length ? addDays({ date: termWeeks.at(-1)!, days: 6 }) : undefined;

  const byWeek = new Map<string, WeekItem<E, V>[]>();
  for (const item of items) {
    const key =
      !firstMonday || item.date < firstMonday
        ? "before"
        : item.date > lastSunday!
          ? "after"
          : weekStart({ date: item.date });
    const list = byWeek.get(key) ?? [];
    list.push(item);
    byWeek.set(key, list);
  }

  // A week's number is the one its own sessions state, else its place among the term's teaching
  // weeks. A week given over to a holiday has no number and does not count. Nothing else reads
  // the stated numbers: one entry giving "week 13" must not renumber every other week.
  const weeks: ScheduleWeek<E, V>[] = [];
  const before = byWeek.get("before");
  if (before) weeks.push(extraWeek("before", "Before classes", before));
  let teachingWeeks = 0;
  termWeeks.forEach((monday) => {
    const weekItems = byWeek.get(monday) ?? [];
    const sessions = weekItems.flatMap((i) => (i.type === "entry" ? [i.entry] : []));
    const stated = sessions.map((e) => e.weekNumber).filter((n): n is number => n !== null);
    const noClassEntry = sessions.length > 0 && sessions.every((e) => e.kind === "NO_CLASS") ? sessions[0]! : null;
    if (!noClassEntry) teachingWeeks += 1;
    const number = stated.length ? Math.min(...stated) : noClassEntry ? null : teachingWeeks;
    const label = number !== null ? `Week ${number}` : noClassEntry!.title;
    weeks.push({
      key: monday,
      anchor: `week-${monday}`,
      kind: "term",
      start: monday,
      end: addDays({ date: monday, days: 6 }),
      number,
      label,
      noClass: noClassEntry ? noClassEntry.title : null,
      sprint: sessions.find((e) => e.sprintLabel)?.sprintLabel ?? null,
      items: weekItems,
      tags: union(weekItems.map((i) => i.tags)),
    });
  });
  const after = byWeek.get("after");
  if (after) weeks.push(extraWeek("after", "After classes", after));
  return weeks;
}

function extraWeek<E, V>(key: "before" | "after", label: string, items: WeekItem<E, V>[]): ScheduleWeek<E, V> {
  return {
    key,
    anchor: `week-${key}`,
    kind: key,
    start: null,
    end: null,
    number: null,
    label,
    noClass: null,
    sprint: null,
    items,
    tags: union(items.map((i) => i.tags)),
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "May 11" from "2026-05-11", with no time zone involved. */
export function shortDate(date: LocalDate): string {
  const [, m, d] = date.split("-");
  return `${MONTHS[Number(m) - 1]} ${Number(d)}`;
}

/** "Sep 1 – 7" or "Sep 29 – Oct 5". */
export function weekRangeLabel({ start, end }: { start: LocalDate; end: LocalDate }): string {
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  return `${shortDate(start)} – ${sameMonth ? Number(end.slice(8)) : shortDate(end)}`;
}

/** The key of the week containing `now` in the course's zone, or null when the term is not on. */
export function currentWeekKey({
  weeks,
  now,
  timeZone,
}: {
  weeks: readonly { key: string; kind: string }[];
  now: Date;
  timeZone: string;
}): string | null {
  const monday = weekStart({ date: localDateOf({ at: now, timeZone }) });
  return weeks.some((w) => w.kind === "term" && w.key === monday) ? monday : null;
}

/** Consecutive weeks sharing a sprint label form one group; weeks without one stand alone. */
export function groupBySprint<W extends { sprint: string | null }>(
  weeks: readonly W[],
): { sprint: string | null; weeks: W[] }[] {
  const groups: { sprint: string | null; weeks: W[] }[] = [];
  for (const week of weeks) {
    const last = groups.at(-1);
    if (last && week.sprint !== null && last.sprint === week.sprint) last.weeks.push(week);
    else groups.push({ sprint: week.sprint, weeks: [week] });
  }
  return groups;
}
