import ExcelJS from 'exceljs';

/**
 * A provider's waiting list as a spreadsheet would hold it, for the import's tests: `count` rows
 * under Dutch column names, newest request first (so the import must order them by the request
 * date), dates written day first. Three rows are bad on purpose (BAD_LINES): a birth date that is
 * no date, a parent without e-mail or phone, and the same child as an earlier row. The request
 * date sits under a column name the import cannot guess ("Ingeschreven sinds"): the officer maps
 * it. For a clock at 2026-11-22.
 */
export const LIST_HEADER = [
  'Ingeschreven sinds',
  'Voornaam kind',
  'Naam kind',
  'Geboortedatum',
  'Voornaam ouder',
  'Naam ouder',
  'E-mail',
  'GSM',
  'Adres',
  'Postcode',
  'Gemeente',
  'Gewenste startdatum',
  'Dagen',
  'Opmerkingen',
];
/** The file's line numbers of the bad rows (the header is line 1), with what is wrong. */
export const BAD_LINES = { notADate: 51, noContact: 121, duplicate: 181 } as const;
/** Line 181 repeats the child of this line. */
export const DUPLICATED_LINE = 11;

const FIRST = ['Lotte', 'Noah', 'Emma', 'Liam', 'Olivia', 'Louis', 'Mila', 'Arthur', 'Ella', 'Jules'];
const LAST = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
];
const PLANS = ['ma di do', 'ma di wo do vr', 'di do vr', 'ma wo (halve dag) vr', ''];

const dmy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000);

/** The i-th child (1-based, file order) and its row. */
export function listRow(i: number): string[] {
  // Newest request first: row 1 was filed last.
  const requested = day('2025-06-01', 400 - i * 2);
  const unborn = i % 10 === 0;
  const birth = unborn ? day('2027-01-05', i % 30) : day('2025-12-01', i);
  const start = unborn ? day('2027-09-01', 0) : day('2027-02-01', (i % 5) * 30);
  const childFirst = FIRST[i % FIRST.length] ?? 'Kind';
  const childLast = `${LAST[i % LAST.length]} ${i}`;
  return [
    dmy(requested),
    childFirst,
    childLast,
    dmy(birth),
    i % 2 ? 'An' : 'Tom',
    childLast,
    `ouder${i}@voorbeeld.be`,
    i % 3 ? '0470 12 34 56' : '',
    `Bondgenotenlaan ${i}`,
    i % 4 ? '3000' : '3001',
    'Leuven',
    dmy(start),
    PLANS[i % PLANS.length] ?? '',
    i % 7 ? '' : `Broer of zus al hier (${i})`,
  ];
}

/** Header and `count` rows, the bad rows in place when the file is long enough. */
export function waitingListRows(count = 200): string[][] {
  const rows = Array.from({ length: count }, (_, k) => listRow(k + 1));
  const at = (line: number) => rows[line - 2];
  const notADate = at(BAD_LINES.notADate);
  if (notADate) notADate[3] = '31/02/2025';
  const noContact = at(BAD_LINES.noContact);
  if (noContact) {
    noContact[6] = '';
    noContact[7] = '';
  }
  const duplicated = at(DUPLICATED_LINE);
  if (at(BAD_LINES.duplicate) && duplicated) rows[BAD_LINES.duplicate - 2] = [...duplicated];
  return [LIST_HEADER, ...rows];
}

/** The rows as a CSV file the way Belgian Excel saves one: semicolons, quotes where needed. */
export function toCsv(rows: string[][]): Buffer {
  const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`, 'utf8');
}

/** The rows as an XLSX workbook; day-first dates become real date cells. */
export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Wachtlijst');
  for (const r of rows)
    sheet.addRow(
      r.map((v) => {
        const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
        if (!m) return v;
        const date = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
        // A day that does not exist (31/02) stays text, as a spreadsheet keeps it.
        return date.getUTCDate() === Number(m[1]) ? date : v;
      }),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
