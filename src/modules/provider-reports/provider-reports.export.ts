import type { Language } from '../../platform/i18n/index.ts';
import { csvText } from '../../shared/csv.ts';
import { slugify } from '../../shared/slug.ts';
import { messages } from './provider-reports.messages.ts';
import type { ReportRow, ReportTable } from './provider-reports.tables.ts';

/**
 * The report as a file: CSV (UTF-8 with BOM, semicolons as Excel expects in Belgium; one line per
 * figure: table, description, value) or XLSX (exceljs; one sheet, each table under its caption,
 * numbers as numbers, shares as percentages).
 */
export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type ReportFile = {
  lang: Language;
  locationName: string;
  from: string;
  to: string;
  tables: ReportTable[];
};

export function reportFileName(file: ReportFile, format: 'csv' | 'xlsx'): string {
  const name = slugify(file.locationName, 60) || 'locatie';
  return `${messages[file.lang].fileName}-${name}-${file.from}-${file.to}.${format}`;
}

/** A number as Belgian Excel reads it from CSV: no thousands separator, a decimal comma in nl/fr. */
function csvNumber(lang: Language, row: ReportRow): string {
  if (row.value === null) return '';
  const value = row.format === 'share' ? Math.round(row.value * 1000) / 10 : Math.round(row.value * 10) / 10;
  const text = String(value);
  const local = lang === 'en' ? text : text.replace('.', ',');
  return row.format === 'share' ? `${local}%` : local;
}

export function toCsv(file: ReportFile): string {
  const t = messages[file.lang];
  const lines = [[t.period, t.label, t.value].map(csvText).join(';')];
  lines.push([t.period, `${file.from} – ${file.to}`, ''].map(csvText).join(';'));
  for (const table of file.tables) {
    for (const row of table.rows)
      lines.push([csvText(table.caption), csvText(row.label), csvNumber(file.lang, row)].join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const NUMBER_FORMATS = { count: '0', days: '0.0', share: '0.0%' } as const;

export async function toXlsx(file: ReportFile): Promise<Buffer> {
  // Loaded on first use: the library costs a server ≈25 MB of memory for a rare file.
  const { default: ExcelJS } = await import('exceljs');
  const t = messages[file.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loket Kinderopvang';
  const sheet = workbook.addWorksheet(
    t
      .title('')
      .replace(/[–\s]+$/, '')
      .slice(0, 31),
  );
  sheet.columns = [
    { key: 'label', width: 60 },
    { key: 'value', width: 14 },
  ];
  const title = sheet.addRow([t.title(file.locationName)]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([t.period, `${file.from} – ${file.to}`]);
  for (const table of file.tables) {
    sheet.addRow([]);
    const caption = sheet.addRow([table.caption]);
    caption.font = { bold: true };
    const head = sheet.addRow([t.label, t.number]);
    head.font = { italic: true };
    for (const row of table.rows) {
      const added = sheet.addRow([row.label, row.value]);
      added.getCell(2).numFmt = NUMBER_FORMATS[row.format];
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
