import { compareDates, type LocalDate, parseLocalDate } from './dates.ts';

/** Calendar days, both included. */
export type Period = { from: LocalDate; to: LocalDate };

type Query = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/**
 * The period in a URL's query (`from`, `to`: calendar days, both included); what is left out falls
 * back to `fallback`. Wrong dates are reported per field (message keys) and the period then holds
 * the fallback's day for that field.
 */
export function parsePeriod(
  query: Query,
  fallback: Period,
): {
  period: Period;
  values: { from: string; to: string };
  errors: Record<string, 'invalidDate' | 'endBeforeStart'>;
} {
  const raw = { from: first(query.from), to: first(query.to) };
  const errors: Record<string, 'invalidDate' | 'endBeforeStart'> = {};
  const from = raw.from ? parseLocalDate(raw.from) : fallback.from;
  const to = raw.to ? parseLocalDate(raw.to) : fallback.to;
  if (!from) errors.from = 'invalidDate';
  if (!to) errors.to = 'invalidDate';
  if (from && to && compareDates(to, from) < 0) errors.to = 'endBeforeStart';
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  return { period, values: { from: raw.from || period.from, to: raw.to || period.to }, errors };
}
