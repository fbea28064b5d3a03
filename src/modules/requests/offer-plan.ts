import type { CarePlan, DayPart } from '../../platform/db/schema/requests.ts';
import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { WEEKDAYS, type Weekday } from '../../shared/dates.ts';
import { offerPlanMessages } from './offer-plan.messages.ts';

/** When and on which days: what a request asks, or what an offer gives. */
export type WeeklyPlan = { start: string; carePlan: CarePlan };

/** One way an offer differs from the request, in the order a parent reads them: start, then days. */
export type PlanDifference =
  | { kind: 'start'; requested: string; offered: string }
  | { kind: 'day'; day: Weekday; requested: DayPart; offered: DayPart };

/**
 * What the offer changes against the request: another start date, and per weekday another part
 * of the day (none, half, full). Empty when the offer gives exactly what was asked. Hours (early,
 * late) and a fixed or variable plan are not part of an offer's form, so they are not compared.
 */
export function compareOfferWithRequest(requested: WeeklyPlan, offered: WeeklyPlan): PlanDifference[] {
  const out: PlanDifference[] = [];
  if (requested.start.slice(0, 10) !== offered.start.slice(0, 10))
    out.push({ kind: 'start', requested: requested.start, offered: offered.start });
  for (const day of WEEKDAYS) {
    const r = requested.carePlan.days[day];
    const o = offered.carePlan.days[day];
    if (r !== o) out.push({ kind: 'day', day, requested: r, offered: o });
  }
  return out;
}

/** One difference as a sentence in the reader's language, e.g. "Maandag: halve dag in plaats van volle dag". */
export function describeDifference(lang: Language, d: PlanDifference): string {
  const t = offerPlanMessages[lang];
  if (d.kind === 'start') return t.startDiffers(formatDate(lang, d.offered), formatDate(lang, d.requested));
  if (d.offered === 'none') return t.dayDropped(t.dayInSentence[d.day]);
  if (d.requested === 'none') return t.dayAdded(t.dayInSentence[d.day], t.parts[d.offered]);
  return t.dayDiffers(t.dayNames[d.day], t.parts[d.offered], t.parts[d.requested]);
}

/** The rows of the side-by-side table: the start date, then each weekday, with what differs marked. */
export function planRows(
  lang: Language,
  requested: WeeklyPlan,
  offered: WeeklyPlan,
): { label: string; requested: string; offered: string; differs: boolean }[] {
  const t = offerPlanMessages[lang];
  const start = {
    label: t.start,
    requested: formatDate(lang, requested.start),
    offered: formatDate(lang, offered.start),
    differs: requested.start.slice(0, 10) !== offered.start.slice(0, 10),
  };
  return [
    start,
    ...WEEKDAYS.map((day) => ({
      label: t.dayNames[day],
      requested: capitalise(t.parts[requested.carePlan.days[day]]),
      offered: capitalise(t.parts[offered.carePlan.days[day]]),
      differs: requested.carePlan.days[day] !== offered.carePlan.days[day],
    })),
  ];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
