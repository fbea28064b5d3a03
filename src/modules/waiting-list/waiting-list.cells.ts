import { formatNumber, formatShortDate, type Language, locale } from '../../platform/i18n/index.ts';
import { dayInBrussels } from '../../shared/dates.ts';
import { childName } from '../families/index.ts';
import { priorityLevelText } from '../priority-rules/index.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { compactCarePlan } from '../requests/index.ts';
import { messages } from './waiting-list.messages.ts';
import type { ListRow } from './waiting-list.service.ts';
import { type ColumnKey, customIdOf } from './waiting-list.view.ts';

/**
 * What each column shows, once, for the page and for the export: a header and, per row, a value
 * (text, number, calendar day, or nothing). The page and CSV write days in words or ISO; XLSX gets
 * real dates.
 */
export type CustomColumn = { id: string; name: string; kind: string };
export type CellValue = string | number | { date: string } | null;

export function columnHeader(lang: Language, key: ColumnKey, custom: CustomColumn[]): string {
  const id = customIdOf(key);
  if (id) return custom.find((c) => c.id === id)?.name ?? '';
  return messages[lang].columns[key as keyof (typeof messages)['nl']['columns']];
}

export function cellValue(lang: Language, key: ColumnKey, row: ListRow, custom: CustomColumn[]): CellValue {
  const t = messages[lang];
  const h = handlingMessages[lang];
  const yesNo = (v: boolean) => (v ? t.yes : t.no);
  const id = customIdOf(key);
  if (id) {
    const column = custom.find((c) => c.id === id);
    const value = row.custom[id];
    if (!column || value === undefined) return null;
    if (column.kind === 'yes_no') return value === 'yes' ? t.yes : value === 'no' ? t.no : value;
    if (column.kind === 'date') return { date: value };
    return value;
  }
  switch (key) {
    case 'fileNumber':
      return row.fileNumber;
    case 'fileStatus':
      return h.requestStatuses[row.requestStatus];
    case 'status':
      return h.preferenceStatuses[row.preferenceStatus];
    case 'child':
      return childName({ firstName: row.childFirstName, lastName: row.childLastName });
    case 'birth':
      return row.birthDate
        ? { date: row.birthDate }
        : row.expectedBirthDate
          ? t.expected(formatShortDate(lang, row.expectedBirthDate))
          : null;
    case 'start':
      return { date: row.desiredStart };
    case 'end':
      return row.desiredEnd ? { date: row.desiredEnd } : null;
    case 'carePlan':
      return compactCarePlan(row.carePlan, t.dayShort, t.daysPerWeek, locale(lang));
    case 'priorityGroup':
      // Under the rule set valid today (ADR 0018): absolute priority, priority, or none.
      return priorityLevelText(lang, row.priorityLevel);
    case 'rank':
      return row.rank ?? t.viaEmergencyList;
    case 'received':
      return { date: dayInBrussels(row.submittedAt) };
    case 'waitingDays':
      return row.waitingDays;
    case 'kind':
      return yesNo(row.kind === 'occasional');
    case 'careNeeds':
      return yesNo(row.careNeeds);
    case 'notes':
      return row.latestNote;
    default:
      return null;
  }
}

/** A value as text for the page (days and numbers written the local way). */
export function cellText(lang: Language, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return formatShortDate(lang, value.date);
  return typeof value === 'number' ? formatNumber(lang, value) : value;
}
