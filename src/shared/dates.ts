/**
 * Calendar days as 'YYYY-MM-DD' strings (what PostgreSQL's `date` returns through drizzle), with
 * arithmetic done in UTC so that no time zone can shift a day.
 */
import type { Brand } from './ids.ts';

export type LocalDate = Brand<string, 'LocalDate'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(value: unknown): LocalDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return value.trim() as LocalDate;
}

export function localDate(value: string): LocalDate {
  const parsed = parseLocalDate(value);
  if (!parsed) throw new Error(`Not a calendar date: ${value}`);
  return parsed;
}

function toUtc(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): LocalDate {
  return date.toISOString().slice(0, 10) as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return fromUtc(d);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar day of an instant in the Belgian time zone. */
// Made once: a new Intl formatter per call was slow and held native memory (docs/performance.md).
const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function dayInBrussels(instant: Date): LocalDate {
  return BRUSSELS_DAY.format(instant) as LocalDate;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The first instant of a calendar day in Belgium (midnight, 23:00 or 22:00 UTC the day before,
 * depending on summer time): the UTC midnight moved back by whichever offset lands on that day.
 */
export function startOfDayInBrussels(date: LocalDate): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`).getTime();
  for (const hours of [2, 1, 0]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (dayInBrussels(candidate) === date) return candidate;
  }
  return new Date(utcMidnight);
}
