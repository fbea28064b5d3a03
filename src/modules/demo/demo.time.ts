/** Instants as epoch milliseconds and days as LocalDate, for the demo generator's timelines. */
import type { LocalDate } from '../../shared/dates.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// One formatter, reused: building an Intl.DateTimeFormat per call is far too slow for millions of rows.
const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Belgium of an instant. */
export function dayOf(instant: number): LocalDate {
  return BRUSSELS_DAY.format(instant) as LocalDate;
}

/**
 * An instant on a Belgian calendar day at about the given local time. It assumes UTC+1 all year:
 * in summer the event lands an hour later, which does not matter for demo data, and the day is
 * right for any hour from 01:00 to 22:00.
 */
export function at(date: LocalDate, hour: number, minute = 0): number {
  return Date.parse(`${date}T00:00:00Z`) + (hour - 1) * HOUR + minute * MINUTE;
}

/** Midnight UTC of a day: for comparing days with instants in whole days. */
export function startOf(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}
