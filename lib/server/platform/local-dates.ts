// Local calendar values as Prisma stores them.
import { localDateOf, localTimeOf, localToInstant, type LocalDate } from "@/lib/domain/time";

/** A @db.Date column holds the local date at UTC midnight. */
export const dateColumn = (date: LocalDate): Date => new Date(`${date}T00:00:00.000Z`);
/** A @db.Date column as the local calendar date it stores. */
export const calendarDateOf = (d: Date): LocalDate => d.toISOString().slice(0, 10);

export function instantOf(local: { date: string; time: string } | null, timeZone: string): Date | null {
  return local ? localToInstant({ date: local.date, time: local.time, timeZone }) : null;
}

/** "YYYY-MM-DDTHH:MM" in the course's zone, for a datetime-local input. */
export function localInputOf(at: Date | null, timeZone: string): string {
  return at ? `${localDateOf({ at, timeZone })}T${localTimeOf({ at, timeZone })}` : "";
}
