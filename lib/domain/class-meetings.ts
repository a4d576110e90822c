/**
 * The course's class meetings as calendar events: every date a section meets
 * between the first and last day of classes, titled by the schedule entries of
 * that date, minus no-class dates and weeks. Entries with a time of their own
 * (a 6 PM milestone) and entries on a day no section meets become events of
 * their own. Times are local to the course and turned into instants here, so a
 * 6 PM lecture stays 6 PM on both sides of a DST change.
 */
import { addDays, localToInstant, parseLocalDate, weekStart, type LocalDate, type LocalTime } from "@/lib/domain/time";
import type { EntryKind } from "@/lib/domain/schedule-weeks";

export type MeetingSectionInput = {
  code: string;
  kind: "LECTURE" | "TUTORIAL" | "LAB";
  weekdays: number[]; // ISO, 1 = Monday
  startTime: LocalTime;
  endTime: LocalTime;
  location: string;
};

export type MeetingEntryInput = {
  id: string;
  date: LocalDate;
  position: number;
  startTime: LocalTime | null;
  endTime: LocalTime | null;
  location: string | null;
  kind: EntryKind;
  title: string;
};

export type ClassMeeting = {
  /** Stable across requests and edits of the entries: built from the section code and date. */
  uid: string;
  date: LocalDate;
  start: Date;
  /** null for an all-day event. */
  end: Date | null;
  allDay: boolean;
  sectionCode: string | null;
  sectionKind: MeetingSectionInput["kind"] | null;
  location: string | null;
  entryIds: string[];
};

export function isoWeekday({ date }: { date: LocalDate }): number {
  const { year, month, day } = parseLocalDate({ date });
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return ((d.getUTCDay() + 6) % 7) + 1;
}

export function uidPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function classMeetings({
  courseKey,
  sections,
  entries,
  firstDay,
  lastDay,
  timeZone,
}: {
  /** Prefix of every UID, e.g. the course slug. */
  courseKey: string;
  sections: readonly MeetingSectionInput[];
  entries: readonly MeetingEntryInput[];
  firstDay: LocalDate | null;
  lastDay: LocalDate | null;
  timeZone: string;
}): ClassMeeting[] {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position);
  const first = firstDay ?? sorted[0]?.date ?? null;
  const last = lastDay ?? sorted.at(-1)?.date ?? null;

  const byDate = new Map<LocalDate, MeetingEntryInput[]>();
  for (const e of sorted) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);

  // A week is off when it has sessions and every one of them is a no-class entry (reading week);
  // a single no-class date (a holiday) only cancels that date.
  const weekKinds = new Map<LocalDate, EntryKind[]>();
  for (const e of sorted) {
    if (e.startTime) continue; // a timed milestone does not make a week a class week
    const w = weekStart({ date: e.date });
    weekKinds.set(w, [...(weekKinds.get(w) ?? []), e.kind]);
  }
  const offWeeks = new Set([...weekKinds].filter(([, kinds]) => kinds.every((k) => k === "NO_CLASS")).map(([w]) => w));
  const offDates = new Set(sorted.filter((e) => e.kind === "NO_CLASS").map((e) => e.date));

  const meetings: ClassMeeting[] = [];
  const attached = new Set<string>();
  const at = (date: LocalDate, time: LocalTime) => localToInstant({ date, time, timeZone });

  if (first && last) {
    for (let date = first; date <= last; date = addDays({ date, days: 1 })) {
      if (offDates.has(date) || offWeeks.has(weekStart({ date }))) continue;
      const weekday = isoWeekday({ date });
      const meeting = sections.filter((s) => s.weekdays.includes(weekday));
      const dayEntries = (byDate.get(date) ?? []).filter((e) => e.kind !== "NO_CLASS" && !e.startTime);
      const hasLab = meeting.some((s) => s.kind === "LAB");
      for (const section of meeting) {
        // Lab entries go to a lab section when there is one; everything else to the lectures.
        const mine = dayEntries.filter((e) =>
          section.kind === "LECTURE"
            ? !(e.kind === "LAB" && hasLab)
            : section.kind === "LAB"
              ? e.kind === "LAB"
              : false,
        );
        for (const e of mine) attached.add(e.id);
        const firstEntry = mine[0];
        meetings.push({
          uid: `${uidPart(courseKey)}-${uidPart(section.code)}-${date}`,
          date,
          start: at(date, section.startTime),
          end: at(date, section.endTime),
          allDay: false,
          sectionCode: section.code,
          sectionKind: section.kind,
          location: firstEntry?.location ?? section.location,
          entryIds: mine.map((e) => e.id),
        });
      }
    }
  }

  // Whatever no meeting took: timed entries, entries outside the term or on a day no section meets.
  const fallback = sections.find((s) => s.kind === "LECTURE") ?? sections[0] ?? null;
  for (const e of sorted) {
    if (e.kind === "NO_CLASS" || attached.has(e.id)) continue;
    const startTime = e.startTime ?? fallback?.startTime ?? null;
    const endTime = e.endTime ?? (e.startTime ? null : (fallback?.endTime ?? null));
    const start = startTime ? at(e.date, startTime) : at(e.date, "00:00");
    const end = startTime && endTime ? at(e.date, endTime) : null;
    meetings.push({
      uid: `${uidPart(courseKey)}-entry-${uidPart(e.id)}`,
      date: e.date,
      start,
      end: end && end.getTime() > start.getTime() ? end : null,
      allDay: !startTime,
      sectionCode: e.startTime ? null : (fallback?.code ?? null),
      sectionKind: e.startTime ? null : (fallback?.kind ?? null),
      location: e.location ?? (e.startTime ? null : (fallback?.location ?? null)),
      entryIds: [e.id],
    });
  }
  return meetings.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}
