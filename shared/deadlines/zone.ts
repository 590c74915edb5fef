/**
 * Clinic time: deadlines, hearings and holidays are reckoned in Morocco's legal time, the IANA
 * zone Africa/Casablanca. Morocco keeps UTC+1 but moves to UTC+0 for Ramadan (clocks go back
 * at 03:00 on the Sunday before, forward again after), so a fixed offset would be an hour wrong
 * for a month each year. The zone rules come from the ICU data of Node and Chromium.
 *
 * Instants travel as ISO strings in UTC ("2026-04-06T11:24:00.000Z"); calendar days as
 * "YYYY-MM-DD" in clinic time.
 */
import { CalendarDate, CalendarDateTime, getDayOfWeek, parseAbsolute, parseDate, toZoned, type ZonedDateTime } from '@internationalized/date';

export const CLINIC_TIME_ZONE = 'Africa/Casablanca';

export function zoned(instant: string): ZonedDateTime {
  return parseAbsolute(instant, CLINIC_TIME_ZONE);
}

export function instantOf(z: ZonedDateTime): string {
  return z.toDate().toISOString();
}

/** The clinic-time calendar day of an instant. */
export function localDay(instant: string): string {
  const z = zoned(instant);
  return new CalendarDate(z.year, z.month, z.day).toString();
}

/** The instant of a clinic-time wall-clock moment; in the hour that repeats, the earlier one. */
export function atLocal(day: string, hour: number, minute: number, second = 0): ZonedDateTime {
  const d = parseDate(day);
  return toZoned(new CalendarDateTime(d.year, d.month, d.day, hour, minute, second), CLINIC_TIME_ZONE, 'earlier');
}

/** The last second of a clinic-time day: where day-counted deadlines end. */
export function endOfDay(day: string): ZonedDateTime {
  return atLocal(day, 23, 59, 59);
}

export function addDays(day: string, days: number): string {
  return parseDate(day).add({ days }).toString();
}

/** Saturday or Sunday (the clinics', courts' and administrations' weekend). */
export function isWeekend(day: string): boolean {
  // 'en-GB' weeks start on Monday: 5 is Saturday, 6 Sunday.
  return getDayOfWeek(parseDate(day), 'en-GB') >= 5;
}

/** Whether the offset from UTC differs between two instants (a clock change between them). */
export function offsetChanges(from: string, to: string): boolean {
  return zoned(from).offset !== zoned(to).offset;
}

/** The UTC instant of a clinic-time day and "HH:MM" clock time, as forms type them. */
export function instantAt(day: string, time: string): string {
  return atLocal(day, Number(time.slice(0, 2)), Number(time.slice(3, 5))).toDate().toISOString();
}

/** The clinic-time "HH:MM" of an instant. */
export function clinicTime(instant: string): string {
  const z = zoned(instant);
  return `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}
