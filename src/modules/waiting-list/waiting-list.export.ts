import type { Language } from '../../platform/i18n/index.ts';
import { type CellValue, cellValue, columnHeader } from './waiting-list.cells.ts';
import { messages } from './waiting-list.messages.ts';
import type { ExportData } from './waiting-list.service.ts';

/**
 * The current view of the waiting list as a file: CSV (UTF-8 with BOM, semicolons as Excel expects
 * in Belgium, ISO dates) or XLSX (exceljs; real dates in dd/mm/yyyy, widths that fit the values, a
 * frozen header row and a filter). Each column holds one kind of value.
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

type ExportColumn = { header: string; value: (row: ExportData['rows'][number]) => CellValue };

/**
 * The export's columns: the user's visible columns, except that the birth column becomes two (birth
 * date, expected birth date) so that each column holds one kind of value and one date format; then,
 * for staff who may see them, each parent's name, e-mail address and phone number.
 */
function exportColumns(lang: Language, data: ExportData): ExportColumn[] {
  const t = messages[lang];
  const columns: ExportColumn[] = data.columns.flatMap((key): ExportColumn[] =>
    key === 'birth'
      ? [
          { header: t.exportColumns.birthDate, value: (r) => (r.birthDate ? { date: r.birthDate } : null) },
          {
            header: t.exportColumns.expectedBirthDate,
            value: (r) => (r.expectedBirthDate ? { date: r.expectedBirthDate } : null),
          },
        ]
      : [
          {
            header: columnHeader(lang, key, data.customColumns),
            value: (r) => cellValue(lang, key, r, data.customColumns),
          },
        ],
  );
  const contacts = data.contacts;
  if (!contacts) return columns;
  const most = Math.max(1, ...[...contacts.values()].map((list) => list.length));
  for (let i = 0; i < most; i++) {
    const parent = (r: ExportData['rows'][number]) => contacts.get(r.familyId)?.[i];
    columns.push(
      {
        header: t.exportColumns.parent(i + 1),
        value: (r) => {
          const p = parent(r);
          return p ? `${p.firstName} ${p.lastName}` : null;
        },
      },
      { header: t.exportColumns.parentEmail(i + 1), value: (r) => parent(r)?.email ?? null },
      { header: t.exportColumns.parentPhone(i + 1), value: (r) => parent(r)?.phone ?? null },
    );
  }
  return columns;
}

function table(lang: Language, data: ExportData): { headers: string[]; rows: CellValue[][] } {
  const columns = exportColumns(lang, data);
  return {
    headers: columns.map((c) => c.header),
    rows: data.rows.map((row) => columns.map((c) => c.value(row))),
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

/** Every date cell of the workbook, in the Belgian order (the column holds nothing else). */
const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * A width (in characters) that shows the header and nearly every value whole: the longest text of
 * the column (dates are ten characters), within bounds so that a long note does not push the other
 * columns off the screen.
 */
export function columnWidth(header: string, values: CellValue[]): number {
  let longest = header.length;
  for (const v of values) {
    const length = v === null ? 0 : typeof v === 'object' ? DATE_FORMAT.length : String(v).length;
    if (length > longest) longest = length;
  }
  return Math.min(50, Math.max(8, longest + 2));
}

export async function toXlsx(lang: Language, data: ExportData): Promise<Buffer> {
  // Loaded on first use: the library costs a server ≈25 MB of memory for a rare file.
  const { default: ExcelJS } = await import('exceljs');
  const { headers, rows } = table(lang, data);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Loket Kinderopvang';
  const sheet = workbook.addWorksheet(messages[lang].exportSheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = headers.map((header, i) => ({
    header,
    key: `c${i}`,
    width: columnWidth(
      header,
      rows.map((r) => r[i] ?? null),
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // Strings stay strings in XLSX (never formulas), so no escaping is needed here.
    const added = sheet.addRow(
      r.map((v) => (v === null ? null : typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)),
    );
    r.forEach((v, i) => {
      if (v !== null && typeof v === 'object') added.getCell(i + 1).numFmt = DATE_FORMAT;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, headers.length) } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
