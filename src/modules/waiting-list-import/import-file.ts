import type ExcelJS from 'exceljs';

/**
 * Reading an uploaded waiting list: a CSV (comma, semicolon or tab, UTF-8 or Windows-1252, as
 * Belgian spreadsheet programs write it) or an XLSX workbook (its first sheet). The kind is read
 * from the file's first bytes, never trusted from its name or declared type: an XLSX file is a
 * ZIP archive ("PK\x03\x04"); anything else must be text. Every cell becomes a trimmed string
 * (XLSX dates as 'YYYY-MM-DD'), so the later steps read both kinds alike.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_COLUMNS = 60;

/** One row of the file: its line number in the file (as a spreadsheet shows it) and its cells. */
export type FileRow = { line: number; cells: string[] };
export type ParsedFile = { kind: 'csv' | 'xlsx'; header: string[]; rows: FileRow[] };
export type FileError =
  | 'fileRequired'
  | 'fileTooBig'
  | 'fileType'
  | 'fileUnreadable'
  | 'fileEmpty'
  | 'fileTooManyRows'
  | 'fileTooManyColumns';

const isZip = (bytes: Buffer) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Text of a CSV: UTF-8 (a BOM dropped), else Windows-1252; undefined for binary content. */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  // Control characters other than tab and line ends: not a spreadsheet's text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
  if (/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return undefined;
  return text;
}

/** The separator used most in the first line outside quotes: ';' (Belgian Excel), ',' or tab. */
function separatorOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((s) => [s, unquoted.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ';';
}

/** RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An XLSX cell as text: dates as ISO days, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    // exceljs reads a date cell as UTC midnight of that day.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<string[][] | undefined> {
  // Loaded on first use: the library costs a server ≈25 MB of memory for a rare file.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = Math.min(row.cellCount, IMPORT_MAX_COLUMNS + 1);
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    records[rowNumber - 1] = cells;
  });
  return Array.from(records, (r) => r ?? []);
}

/** The file's header and rows (blank rows dropped, rows padded to the header), or why not. */
export async function readImportFile(
  file: { bytes: Buffer; truncated: boolean } | undefined,
): Promise<{ ok: true; value: ParsedFile } | { ok: false; error: FileError }> {
  if (!file || file.bytes.length === 0) return { ok: false, error: 'fileRequired' };
  if (file.truncated || file.bytes.length > IMPORT_MAX_BYTES) return { ok: false, error: 'fileTooBig' };
  let kind: ParsedFile['kind'];
  let records: string[][] | undefined;
  if (isZip(file.bytes)) {
    kind = 'xlsx';
    records = await readXlsx(file.bytes);
    if (!records) return { ok: false, error: 'fileUnreadable' };
  } else {
    kind = 'csv';
    const text = decodeText(file.bytes);
    if (text === undefined) return { ok: false, error: 'fileType' };
    records = parseCsv(text);
  }
  const cleaned = records
    .map((r, i) => ({ line: i + 1, cells: r.map((cell) => cell.replace(/\s+/g, ' ').trim()) }))
    .filter((r) => r.cells.some((cell) => cell !== ''));
  const [header, ...rows] = cleaned;
  if (!header || rows.length === 0) return { ok: false, error: 'fileEmpty' };
  if (rows.length > IMPORT_MAX_ROWS) return { ok: false, error: 'fileTooManyRows' };
  const width = Math.max(header.cells.length, ...rows.map((r) => r.cells.length));
  if (width > IMPORT_MAX_COLUMNS) return { ok: false, error: 'fileTooManyColumns' };
  const names = Array.from({ length: width }, (_, i) => header.cells[i] || `#${i + 1}`);
  const padded = rows.map((r) => ({
    line: r.line,
    cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? ''),
  }));
  return { ok: true, value: { kind, header: names, rows: padded } };
}
