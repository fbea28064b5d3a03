import type { CarePlan, DayPart } from '../../platform/db/schema/requests.ts';
import { WEEKDAYS } from '../../shared/dates.ts';

/** Days of care per week: a full day counts 1, a half day 0.5. */
export function daysPerWeek(plan: CarePlan): number {
  return WEEKDAYS.reduce(
    (sum, d) => sum + (plan.days[d] === 'full' ? 1 : plan.days[d] === 'half' ? 0.5 : 0),
    0,
  );
}

/** A compact rendering such as "ma di do½ · 2,5 d" built from the language's day abbreviations. */
export function compactCarePlan(
  plan: CarePlan,
  dayShort: Record<(typeof WEEKDAYS)[number], string>,
  perWeek: (n: string) => string,
  locale: string,
): string {
  const days = WEEKDAYS.filter((d) => plan.days[d] !== 'none').map(
    (d) => `${dayShort[d]}${plan.days[d] === 'half' ? '½' : ''}`,
  );
  return `${days.join(' ')} · ${perWeek(numberFormat(locale).format(daysPerWeek(plan)))}`;
}

// One formatter per locale: a new Intl formatter per row was the waiting list's main cost.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

export function carePlanFromDays(days: Record<(typeof WEEKDAYS)[number], DayPart>): CarePlan {
  return { days, fixed: true, early: false, late: false };
}
