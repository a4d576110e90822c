/**
 * The shape of one demo course, as plain data.
 *
 * Everything calendar-like is LOCAL to the course: dates are "YYYY-MM-DD" and
 * times "HH:MM" (24-hour) on the wall clock of `CourseSeed.timeZone`. The loader
 * (lib/server/platform/seed.ts) turns them into instants with that zone, never with the
 * machine's, so "Oct 31 - 11pm" in Toronto stays 23:00 EDT wherever it runs.
 *
 * Course files state facts from their course page; anything the page does not
 * state is marked in the data file with `// assumed: <why>`.
 */
import { TZDate } from "@date-fns/tz";

export type LocalDate = string; // "YYYY-MM-DD"
export type LocalTime = string; // "HH:MM", 24-hour
export type LocalDateTime = { date: LocalDate; time: LocalTime };

export type StaffRole = "INSTRUCTOR" | "TA";
export type SectionKind = "LECTURE" | "TUTORIAL" | "LAB";
export type EntryKind = "LECTURE" | "LAB" | "NO_CLASS" | "PRESENTATION" | "MILESTONE";
export type AssignmentKind = "PROJECT" | "HOMEWORK" | "QUIZ" | "LAB" | "EXAM" | "PARTICIPATION" | "PRESENTATION";
export type LatePolicyKind = "BUDGET" | "FLAG_ONLY" | "PERCENT_PENALTY";

export type LinkSeed = { label: string; url: string };

export type StaffSeed = {
  /** Stable key inside the course; the demo login is `${key}@${slug}.demo` ("instructor", "ta", "ta2"). */
  key: string;
  name: string;
  role: StaffRole;
  /** Shown on the course home ("Instructor", "Teaching Assistant"). */
  title: string;
  contactEmail?: string;
  officeHours?: string;
};

export type SectionSeed = {
  code: string;
  kind: SectionKind;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  startTime: LocalTime;
  endTime: LocalTime;
  location: string;
};

export type SpeakerSeed = { name: string; affiliation: string | null; url: string | null };

export type ReadingSeed = { title: string; url: string | null };

export type MaterialsSeed = { slides?: string; notes?: string; recording?: string; quiz?: string };

export type ScheduleEntrySeed = {
  date: LocalDate;
  /** Overrides of the section's time on this date. */
  startTime?: LocalTime;
  endTime?: LocalTime;
  location?: string;
  week?: number;
  title: string;
  topics?: string[];
  kind?: EntryKind; // default LECTURE
  sprint?: string;
  readings?: ReadingSeed[];
  /** Names from the course's `speakers` list. */
  speakers?: string[];
  materials?: MaterialsSeed;
  note?: string;
};

export type AnnouncementSeed = {
  title: string;
  body: string; // markdown
  publishedAt: LocalDateTime;
  pinned?: boolean;
  /** Staff key of the author; default the first instructor. */
  author?: string;
};

export type AssignmentSeed = {
  code: string;
  title: string;
  kind: AssignmentKind;
  description?: string;
  /** Name of a grading category; null = not graded into the final grade. */
  category: string | null;
  /** Weight inside its category; omitted/null = an equal share. */
  weight?: number | null;
  points?: number; // default 100
  released: LocalDateTime | null;
  /** The ORIGINAL due date; course-wide extensions move it later. */
  due: LocalDateTime | null;
  /** Default: the late policy covers the assignment's kind. */
  lateHoursApply?: boolean;
  /** Default true. */
  acceptsLate?: boolean;
};

/** A course-wide extension (Extension row with studentId null, action GRANT). Listed in posting order. */
export type CourseExtensionSeed = {
  code: string;
  due: LocalDateTime; // the new due date
  postedAt: LocalDateTime;
  reason: string;
};

export type LatePolicySeed = {
  kind: LatePolicyKind;
  budgetHours?: number;
  perAssignmentCapHours?: number;
  excludedWindow?: { start: LocalTime; end: LocalTime };
  graceMinutes?: number;
  coveredKinds: AssignmentKind[];
  /** More than perAssignmentCapHours on one item. Default REFUSE. */
  overCapAction?: "REFUSE" | "FLAG" | "CAP_ITEM";
  /** The total going over budgetHours. Default FLAG. */
  overBudgetAction?: "REFUSE" | "FLAG" | "CAP_ITEM";
  /** What a CAP_ITEM item is graded at, best first; two choices = the grader decides ("basically works"). */
  itemCap?: { letter: "D" | "F"; percent: number }[];
  /** Late work of a kind the budget does not cover. Default FLAG. */
  uncoveredLateAction?: "FLAG" | "ZERO" | "REFUSE";
  /** Kinds never accepted late. */
  lateRefusedKinds?: AssignmentKind[];
  finalCutoff?: LocalDateTime;
  penaltyPercent?: number;
  penaltyUnit?: "HOUR" | "DAY";
  penaltyFloorPercent?: number;
  description: string;
};

export type GradingSeed = {
  /** Elective tracks; a student's chosen track is stored on the membership. */
  tracks: { name: string; description: string }[];
  /** Weights in percent of the final grade; `track` null = mandatory for everyone. */
  categories: {
    name: string;
    weight: number;
    dropLowest?: number;
    /** Items a student may miss without it counting. */
    allowedMisses?: number;
    track?: string | null;
  }[];
  cutoffs: { letter: string; minPercent: number }[];
};

export type CourseSeed = {
  slug: string;
  code: string;
  title: string;
  term: string;
  institution: string;
  description: string;
  timeZone: string;
  firstDayOfClasses: LocalDate | null;
  lastDayOfClasses: LocalDate | null;
  capacity: number | null;
  /** Where the page's relative material paths ("lectures/01_x.pdf") live; absolute URLs ignore it. */
  materialsBaseUrl?: string;
  links: LinkSeed[];
  staff: StaffSeed[];
  sections: SectionSeed[];
  speakers: SpeakerSeed[];
  schedule: ScheduleEntrySeed[];
  /** Any order; the app sorts by publishedAt. */
  announcements: AnnouncementSeed[];
  assignments: AssignmentSeed[];
  extensions: CourseExtensionSeed[];
  latePolicy: LatePolicySeed | null;
  grading: GradingSeed;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant at which the wall clock in `timeZone` reads `at`. */
export function localInstant(at: LocalDateTime, timeZone: string): Date {
  const d = DATE.exec(at.date);
  const t = TIME.exec(at.time);
  if (!d || !t) throw new RangeError(`bad local date-time ${at.date} ${at.time}`);
  const z = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), timeZone);
  return new Date(z.getTime());
}

/** A local calendar date as the Date Prisma stores in a @db.Date column (UTC midnight). */
export function calendarDate(date: LocalDate): Date {
  if (!DATE.test(date)) throw new RangeError(`bad local date ${date}`);
  return new Date(`${date}T00:00:00.000Z`);
}

/** The due date in force for everyone: the last course-wide extension, else the original. */
export function courseDueAt(course: CourseSeed, code: string): Date | null {
  const a = course.assignments.find((x) => x.code === code);
  if (!a) throw new RangeError(`${course.slug}: no assignment ${code}`);
  const last = course.extensions.filter((e) => e.code === code).at(-1);
  const due = last ? last.due : a.due;
  return due ? localInstant(due, course.timeZone) : null;
}
