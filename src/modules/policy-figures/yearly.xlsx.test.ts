import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { YEARLY_MEASURES } from './yearly.ts';

/** The text in one cell of the page, entities decoded. */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1]?.replaceAll('&lt;', '<');
}

/** A cell of the sheet as the CSV writes it: a number as its digits, text as it is. */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return String(value);
}

describe.each(BACKENDS)('the yearly registration as a spreadsheet on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  it('holds every cell of the CSV and the page, and no count from 1 to 4', async () => {
    const db = t.deps.db;
    const other = await aMunicipality(db, { regionId: s.region.id, name: 'Buurgemeente' });
    // The municipality: 7 children in 2026, 2 of them with care needs (fewer than five), 6 asking for
    // late hours. The neighbour: 3 children (fewer than five), so the region's total is hidden.
    for (let i = 0; i < 7; i++) {
      const r = await aFamilyRequest(db, {
        municipalityId: s.municipality.id,
        locations: [s.first.id],
        careNeeds: i < 2,
        submittedAt: '2026-03-10T10:00:00Z',
      });
      if (i < 6)
        await db.execute(
          sql`update requests set care_plan = jsonb_set(care_plan, '{late}', 'true') where id = ${r.request.id}`,
        );
    }
    for (let i = 0; i < 3; i++)
      await aFamilyRequest(db, {
        municipalityId: other.id,
        locations: [],
        submittedAt: '2026-04-10T10:00:00Z',
      });

    const user = await aUser(db, { role: 'desk', municipalityId: s.municipality.id });
    await db.execute(sql`delete from role_grants where user_id = ${user.id}`);
    await db.insert(schema.roleGrants).values({ userId: user.id, role: 'policy', regionId: s.region.id });
    const region = new TestClient(t.app);
    await region.login(user.email, TEST_PASSWORD);

    const page = (await region.get('/figures/yearly?year=2026')).body;
    const csv = (await region.get('/figures/yearly/export.csv?year=2026')).body.replace('\uFEFF', '');
    const res = await region.get('/figures/yearly/export.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('2026');
    expect(text(sheet.getRow(1).getCell(1).value)).toContain('2026');

    // From row 3: the header, a row per municipality (by name) and the region's total, as the CSV.
    const lines = csv.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(4);
    const width = YEARLY_MEASURES.length + 1;
    lines.forEach((line, i) => {
      const row = sheet.getRow(3 + i);
      const cells = Array.from({ length: width }, (_, c) => text(row.getCell(c + 1).value));
      expect(cells, line).toEqual(line.split(';'));
    });
    expect(text(sheet.getRow(3 + lines.length).getCell(1).value)).toBe('');

    // The page shows the same values, municipality by municipality.
    const rows = [
      { id: other.id, name: 'Buurgemeente' },
      { id: s.municipality.id, name: s.municipality.name },
    ];
    rows.forEach((m, i) => {
      const row = sheet.getRow(4 + i);
      expect(text(row.getCell(1).value)).toBe(m.name);
      YEARLY_MEASURES.forEach((measure, c) => {
        expect(text(row.getCell(c + 2).value), `${m.name} ${measure}`).toBe(
          cell(page, `yearly-${m.id}-${measure}`),
        );
      });
    });
    const total = sheet.getRow(6);
    YEARLY_MEASURES.forEach((measure, c) => {
      expect(text(total.getCell(c + 2).value), measure).toBe(cell(page, `yearly-total-${measure}`));
    });

    // Hand-computed: the municipality's 7, its 2 with care needs suppressed, 6 asking late hours;
    // the neighbour's 3 suppressed and the total hidden.
    const ours = sheet.getRow(5);
    expect(ours.getCell(2).value).toBe(7);
    expect(ours.getCell(2 + YEARLY_MEASURES.indexOf('careNeeds')).value).toBe('< 5');
    expect(ours.getCell(2 + YEARLY_MEASURES.indexOf('extendedHours')).value).toBe(6);
    expect(sheet.getRow(4).getCell(2).value).toBe('< 5');
    expect(total.getCell(2).value).toBe('×');

    // No count from 1 to 4 anywhere in the file, as a number or as text.
    sheet.eachRow((row) => {
      row.eachCell((c) => {
        const v = c.value;
        if (typeof v === 'number') expect(v === 0 || v >= 5, `cell ${c.address}: ${v}`).toBe(true);
        else expect(String(v), `cell ${c.address}`).not.toMatch(/^\s*[1-4]\s*$/);
      });
    });
  });
});
