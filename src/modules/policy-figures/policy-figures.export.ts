import type { Language } from '../../platform/i18n/index.ts';
import { csvText } from '../../shared/csv.ts';
import {
  type FigureGrid,
  formatGridValue,
  type GridValue,
  gridLines,
} from './policy-figures.flows.tables.ts';
import { messages } from './policy-figures.messages.ts';
import { type FigureTable, formatPublished, formatShare } from './policy-figures.tables.ts';
import type { Published } from './suppression.ts';
import { YEARLY_MEASURES, type YearlyMeasure } from './yearly.ts';

/**
 * The figures as a file: CSV (UTF-8 with BOM, semicolons; one line per figure: table, description,
 * count, share) or XLSX (one sheet, each table under its caption). A suppressed count is written as
 * on the page ("< 5", "×"), never as a number.
 */
export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type FiguresFile = {
  lang: Language;
  municipality: string;
  from: string;
  to: string;
  tables: FigureTable[];
  /** Figures 5–9: a line per value, the column named in the description. */
  grids?: FigureGrid[];
};

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export function figuresFileName(file: FiguresFile, format: 'csv' | 'xlsx'): string {
  return `${messages[file.lang].fileName}-${slug(file.municipality) || 'gemeente'}-${file.from}-${file.to}.${format}`;
}

/** Every line of the file: [table, description, count, share]. */
function lines(file: FiguresFile): string[][] {
  const t = messages[file.lang];
  const out = [[t.period, `${file.from} – ${file.to}`, '', '']];
  for (const table of file.tables) {
    for (const row of table.rows) {
      const share = row.share === undefined ? '' : formatShare(file.lang, row.share);
      out.push([table.caption, row.label, formatPublished(file.lang, row.value), share]);
    }
    if (table.total) out.push([table.caption, t.total, formatPublished(file.lang, table.total), '']);
  }
  out.push(...gridLines(file.lang, file.grids ?? []));
  return out;
}

export function toCsv(file: FiguresFile): string {
  const t = messages[file.lang];
  const rows = [[t.tableColumn, t.label, t.number, t.share], ...lines(file)];
  return `\uFEFF${rows.map((r) => r.map(csvText).join(';')).join('\r\n')}\r\n`;
}

export async function toXlsx(file: FiguresFile): Promise<Buffer> {
  // Loaded on first use: the library costs a server ≈25 MB of memory for a rare file.
  const { default: ExcelJS } = await import('exceljs');
  const t = messages[file.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loket Kinderopvang';
  const sheet = workbook.addWorksheet(t.fileName);
  sheet.columns = [
    { key: 'label', width: 60 },
    { key: 'count', width: 12 },
    { key: 'share', width: 12 },
  ];
  sheet.addRow([t.title(file.municipality)]).font = { bold: true, size: 14 };
  sheet.addRow([t.period, `${file.from} – ${file.to}`]);
  for (const table of file.tables) {
    sheet.addRow([]);
    sheet.addRow([table.caption]).font = { bold: true };
    sheet.addRow([t.label, t.number, t.share]).font = { italic: true };
    const rows = [
      ...table.rows.map((r) => ({ label: r.label, value: r.value, share: r.share })),
      ...(table.total ? [{ label: t.total, value: table.total, share: undefined }] : []),
    ];
    for (const row of rows) {
      const count = row.value.kind === 'count' ? row.value.value : formatPublished(file.lang, row.value);
      const added = sheet.addRow([row.label, count, row.share ?? null]);
      added.getCell(2).alignment = { horizontal: 'right' };
      if (typeof row.share === 'number') added.getCell(3).numFmt = '0.0%';
    }
  }
  for (const grid of file.grids ?? []) {
    sheet.addRow([]);
    sheet.addRow([grid.caption]).font = { bold: true };
    sheet.addRow([grid.rowHeader, ...grid.columns.map((c) => c.label)]).font = { italic: true };
    const total = grid.total ? [{ label: t.total, values: grid.total }] : [];
    for (const row of [...grid.rows, ...total]) {
      const added = sheet.addRow([row.label, ...row.values.map((v) => xlsxValue(file.lang, v))]);
      row.values.forEach((v, i) => {
        const cell = added.getCell(i + 2);
        cell.alignment = { horizontal: 'right' };
        if (v.kind === 'measure' && v.unit === 'percent' && v.value !== null) cell.numFmt = '0.0%';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A figure 5–9 value in a sheet: a number where one is shown, else the page's text ("< 5", "×", "–"). */
function xlsxValue(lang: Language, v: GridValue): number | string {
  if (v.kind === 'count') return v.value;
  if (v.kind === 'measure' && v.value !== null)
    return v.unit === 'percent' ? v.value : Math.round(v.value * 10) / 10;
  return formatGridValue(lang, v);
}

export type YearlyFile = {
  lang: Language;
  year: number;
  scopeName: string;
  rows: { name: string; values: Record<YearlyMeasure, Published> }[];
  total?: Record<YearlyMeasure, Published>;
};

function yearlyLines(file: YearlyFile): string[][] {
  const t = messages[file.lang];
  const head = [t.municipality, ...YEARLY_MEASURES.map((m) => t.yearly.measures[m])];
  const body = file.rows.map((r) => [
    r.name,
    ...YEARLY_MEASURES.map((m) => formatPublished(file.lang, r.values[m])),
  ]);
  const total = file.total
    ? [
        [
          t.yearly.regionTotal,
          ...YEARLY_MEASURES.map((m) =>
            formatPublished(file.lang, (file.total as Record<YearlyMeasure, Published>)[m]),
          ),
        ],
      ]
    : [];
  return [head, ...body, ...total];
}

export function yearlyFileName(file: YearlyFile, format: 'csv' | 'xlsx'): string {
  return `${messages[file.lang].yearly.fileName}-${slug(file.scopeName) || 'gemeente'}-${file.year}.${format}`;
}

/** One line per municipality (and the region's total): the layout the desk hands in. */
export function yearlyCsv(file: YearlyFile): string {
  return `\uFEFF${yearlyLines(file)
    .map((r) => r.map(csvText).join(';'))
    .join('\r\n')}\r\n`;
}

export async function yearlyXlsx(file: YearlyFile): Promise<Buffer> {
  // Loaded on first use: the library costs a server ≈25 MB of memory for a rare file.
  const { default: ExcelJS } = await import('exceljs');
  const t = messages[file.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loket Kinderopvang';
  const sheet = workbook.addWorksheet(String(file.year));
  sheet.columns = [{ width: 36 }, ...YEARLY_MEASURES.map(() => ({ width: 18 }))];
  sheet.addRow([t.yearly.title(file.year)]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const [head, ...rest] = yearlyLines(file);
  const header = sheet.addRow(head ?? []);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const line of rest) {
    const added = sheet.addRow(line.map((v, i) => (i > 0 && /^\d+$/.test(v) ? Number(v) : v)));
    for (let i = 2; i <= line.length; i++) added.getCell(i).alignment = { horizontal: 'right' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
