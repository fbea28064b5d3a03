import ExcelJS from 'exceljs';
import type { Language } from '../../platform/i18n/index.ts';
import { type CellValue, cellValue, columnHeader } from './waiting-list.cells.ts';
import { messages } from './waiting-list.messages.ts';
import type { ExportData } from './waiting-list.service.ts';

/**
 * The current view of the waiting list as a file: CSV (UTF-8 with BOM, semicolons as Excel expects
 * in Belgium, ISO dates) or XLSX (exceljs; real dates, a frozen header row and a filter).
 */
export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export function exportFileName(lang: Language, data: ExportData, format: 'csv' | 'xlsx'): string {
  return `${messages[lang].fileName}-${slug(data.location.name) || 'locatie'}-${data.today}.${format}`;
}

/** A Content-Disposition header with a plain ASCII name (our names are slugs already). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}

function table(lang: Language, data: ExportData): { headers: string[]; rows: CellValue[][] } {
  return {
    headers: data.columns.map((key) => columnHeader(lang, key, data.customColumns)),
    rows: data.rows.map((row) => data.columns.map((key) => cellValue(lang, key, row, data.customColumns))),
  };
}

/** A cell that a spreadsheet would read as a formula is prefixed with an apostrophe (CSV injection). */
function csvCell(value: CellValue): string {
  let text = value === null ? '' : typeof value === 'object' ? value.date : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(lang: Language, data: ExportData): string {
  const { headers, rows } = table(lang, data);
  const lines = [headers.map(csvCell), ...rows.map((r) => r.map(csvCell))].map((cells) => cells.join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(lang: Language, data: ExportData): Promise<Buffer> {
  const { headers, rows } = table(lang, data);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loket Kinderopvang';
  const sheet = workbook.addWorksheet(messages[lang].exportSheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = headers.map((header, i) => ({
    header,
    key: `c${i}`,
    width: Math.min(40, Math.max(10, header.length + 2)),
    ...(rows.some((r) => typeof r[i] === 'object' && r[i] !== null)
      ? { style: { numFmt: 'dd/mm/yyyy' } }
      : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // Strings stay strings in XLSX (never formulas), so no escaping is needed here.
    sheet.addRow(
      r.map((v) => (v === null ? null : typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, headers.length) } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
