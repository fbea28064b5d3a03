import { type Language, locale } from '../../platform/i18n/index.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { messages } from './provider-reports.messages.ts';
import { AGE_GROUPS } from './provider-reports.queries.ts';
import type { Figures } from './provider-reports.service.ts';

/**
 * The report as named tables in one language: the page, the CSV and the XLSX all show exactly
 * these, so the three can never disagree.
 */
export type Format = 'count' | 'days' | 'share';
export type ReportRow = { key: string; label: string; value: number | null; format: Format };
export type ReportTable = { key: string; caption: string; rows: ReportRow[] };

const RANKS = [1, 2, 3, 4, 5] as const;
const CHANNELS = ['parent', 'intermediary', 'desk'] as const;
const NO_PLACE = [
  'full_for_period',
  'age_group_full',
  'care_plan_does_not_fit',
  'outside_admission_policy',
  'other',
] as const;
const OUTCOMES = ['accepted', 'declined', 'expired', 'withdrawn', 'pending'] as const;

const sum = (rows: { n: number }[]) => rows.reduce((a, r) => a + r.n, 0);
const count = (key: string, label: string, value: number): ReportRow => ({
  key,
  label,
  value,
  format: 'count',
});

export function reportTables(lang: Language, f: Figures, firstAnswerDays: number): ReportTable[] {
  const t = messages[lang];
  const h = handlingMessages[lang];
  const received = f.received;
  const byRank: ReportRow[] = [
    ...RANKS.map((r) => count(`rank${r}`, t.rank(r), sum(received.filter((x) => x.rank === r)))),
    count('rankNone', t.rankNone, sum(received.filter((x) => x.rank === null))),
    count('total', t.total, sum(received)),
  ];
  const byChannel: ReportRow[] = [
    ...CHANNELS.map((c) => count(c, t.channels[c], sum(received.filter((x) => x.channel === c)))),
    count('total', t.total, sum(received)),
  ];
  const answersOf = (kind: string) => f.answers.filter((a) => a.eventType === `preference.${kind}`);
  const answers: ReportRow[] = [
    ...(['waiting_list', 'offer_made', 'no_place'] as const).map((k) =>
      count(k, t.answerKinds[k], sum(answersOf(k))),
    ),
    count('total', t.total, sum(f.answers)),
  ];
  const noPlace = answersOf('no_place');
  const reasons: ReportRow[] = NO_PLACE.map((r) =>
    count(r, h.noPlaceReasons[r], sum(noPlace.filter((a) => a.reason === r))),
  );
  const offerCount = (s: string) => f.offers.find((o) => o.status === s)?.n ?? 0;
  const offers: ReportRow[] = [
    count('made', t.offerOutcomes.made, sum(f.offers)),
    ...OUTCOMES.map((s) => count(s, t.offerOutcomes[s], offerCount(s))),
  ];
  const r = f.response;
  const response: ReportRow[] = [
    count('received', t.responseRows.received, r.received),
    count('answered', t.responseRows.answered, r.answered),
    count('unanswered', t.responseRows.unanswered, r.received - r.answered),
    { key: 'median', label: t.responseRows.median, value: r.median, format: 'days' },
    count('within', t.responseRows.within(firstAnswerDays), r.within),
    {
      key: 'withinShare',
      label: t.responseRows.withinShare(firstAnswerDays),
      value: r.answered > 0 ? r.within / r.answered : null,
      format: 'share',
    },
  ];
  const byMonth: ReportRow[] = [
    ...f.byMonth.map((m) => count(m.month, m.month, m.n)),
    count('total', t.total, sum(f.byMonth)),
  ];
  const byAge: ReportRow[] = [
    ...AGE_GROUPS.map((g) => count(g, t.ageGroups[g], sum(f.byAge.filter((a) => a.group === g)))),
    count('total', t.total, sum(f.byAge)),
  ];
  const emergency: ReportRow[] = [
    count('offers', t.emergencyRows.offers, sum(f.offers.map((o) => ({ n: o.fromEmergencyList })))),
    count(
      'placed',
      t.emergencyRows.placed,
      f.offers.find((o) => o.status === 'accepted')?.fromEmergencyList ?? 0,
    ),
  ];
  return [
    { key: 'byRank', caption: t.tables.byRank, rows: byRank },
    { key: 'byChannel', caption: t.tables.byChannel, rows: byChannel },
    { key: 'answers', caption: t.tables.answers, rows: answers },
    { key: 'noPlaceReasons', caption: t.tables.noPlaceReasons, rows: reasons },
    { key: 'offers', caption: t.tables.offers, rows: offers },
    { key: 'responseTimes', caption: t.tables.responseTimes, rows: response },
    { key: 'waitingByMonth', caption: t.tables.waitingByMonth, rows: byMonth },
    { key: 'waitingByAge', caption: t.tables.waitingByAge, rows: byAge },
    { key: 'emergency', caption: t.tables.emergency, rows: emergency },
  ];
}

/** A value as text in the user's language (the page and the CSV). */
export function formatValue(lang: Language, row: ReportRow): string {
  if (row.value === null) return '–';
  const loc = locale(lang);
  if (row.format === 'share')
    return new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 1 }).format(row.value);
  if (row.format === 'days')
    return messages[lang].days(new Intl.NumberFormat(loc, { maximumFractionDigits: 1 }).format(row.value));
  return new Intl.NumberFormat(loc).format(row.value);
}
