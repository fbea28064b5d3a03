import { createRequire } from 'node:module';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { recordActive } from '../provider-locations/index.ts';

/** The text in one cell of a page (`data-qa`). */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1];
}

const STANDARD_FONTS = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** Every line of text of a PDF, as a reader opening it sees it (pdf.js). */
async function pdfLines(body: Buffer): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(body),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
  }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      } else line += ' ';
    }
    if (line.trim()) lines.push(line);
  }
  await pdf.destroy();
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

describe.each(BACKENDS)('demand forecast, births, region view, PDF and grace period on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let other: Awaited<ReturnType<typeof aMunicipality>>;

  beforeEach(async () => {
    // The clock says 22 November 2026.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    other = await aMunicipality(t.deps.db, { regionId: s.region.id, name: 'Buurgemeente' });
  });
  afterEach(async () => t.close());

  /**
   * 2026: 20 children with a request for our municipality (10 wanting to start on 1 September 2026,
   * none with a place: 82 days passed by 22 November), 3 for the neighbour. Places: the two daycare
   * centres of 28 each; the childminder (8) is no longer active.
   */
  async function fixtures() {
    const db = t.deps.db;
    for (let i = 0; i < 20; i++)
      await aFamilyRequest(db, {
        municipalityId: s.municipality.id,
        locations: [s.first.id],
        desiredStart: i < 10 ? '2026-09-01' : '2027-03-01',
        submittedAt: '2026-03-10T10:00:00Z',
      });
    for (let i = 0; i < 3; i++)
      await aFamilyRequest(db, {
        municipalityId: other.id,
        locations: [],
        submittedAt: '2026-04-10T10:00:00Z',
      });
    // Closed since the start of the year, as the desk's deactivation records it.
    await db
      .update(schema.providerLocations)
      .set({ active: false })
      .where(eq(schema.providerLocations.id, s.third.id));
    await recordActive(db, {
      locationId: s.third.id,
      active: false,
      validFrom: localDate('2026-01-01'),
      recordedAt: new Date('2026-01-01T08:00:00Z'),
    });
  }

  async function deskClient() {
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { user, client };
  }

  async function policyUser(grant: { municipalityId?: string; regionId?: string }) {
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(sql`delete from role_grants where user_id = ${user.id}`);
    await t.deps.db.insert(schema.roleGrants).values({
      userId: user.id,
      role: 'policy',
      municipalityId: grant.municipalityId ?? null,
      regionId: grant.regionId ?? null,
    });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return client;
  }

  const births = () =>
    t.deps.db.select().from(schema.municipalityBirths).orderBy(schema.municipalityBirths.year);
  const audits = () =>
    t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'figures.births.edit'));

  it('lets the desk enter births, refuses bad input with a message and audits each change', async () => {
    const { client, user } = await deskClient();
    const page = await client.get('/figures/births');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nog geen geboorten ingevuld.');

    const bad = await client.post('/figures/births', { year: '1990', births: 'veel' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul een geheel getal in van 2000 tot en met 2027.');
    expect(bad.body).toContain('Vul een geheel getal in van 0 tot en met 50000.');
    expect(await births()).toEqual([]);

    const saved = await client.post('/figures/births', { year: '2026', births: '400' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/figures/births?saved=1');
    const after = await client.get('/figures/births?saved=1');
    expect(after.body).toContain('Eén jaar is opgeslagen.');
    expect(cell(after.body, 'births-2026')).toBe('400');

    // The import is all or nothing: one wrong line, and nothing changes.
    const refused = await client.post('/figures/births/import', {
      csv: 'jaar;geboorten\r\n2025;380\r\n2025;390\r\n2031;10\r\n2024\r\n',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Regel 3: dit jaar staat al op een eerdere regel.');
    expect(refused.body).toContain('Regel 4: het jaar moet van 2000 tot en met 2027 zijn.');
    expect(refused.body).toContain('Regel 5: schrijf jaar;geboorten');
    expect((await births()).map((b) => b.year)).toEqual([2026]);

    const imported = await client.post('/figures/births/import', {
      csv: 'year;births\n2025;380\n2026;410\n',
    });
    expect(imported.headers.location).toBe('/figures/births?saved=2');
    expect((await births()).map((b) => [b.year, b.births])).toEqual([
      [2025, 380],
      [2026, 410],
    ]);
    const rows = await audits();
    expect(rows).toHaveLength(2);
    expect(rows[1]?.actorUserId).toBe(user.id);
    expect(rows[1]?.details).toEqual({
      births: { '2025': { from: null, to: 380 }, '2026': { from: 400, to: 410 } },
    });
    // The same figures again: nothing written, no audit row.
    await client.post('/figures/births/import', { csv: '2025;380\n' });
    expect(await audits()).toHaveLength(2);
    // Policy users read figures; they do not enter births.
    const policy = await policyUser({ municipalityId: s.municipality.id });
    expect((await policy.get('/figures/births')).statusCode).toBe(403);
  });

  it('forecasts next year’s requests from this year’s ratio, with the method on the page, and shows the region as a whole', async () => {
    await fixtures();
    await t.deps.db.insert(schema.municipalityBirths).values([
      { municipalityId: s.municipality.id, year: 2026, births: 400 },
      { municipalityId: s.municipality.id, year: 2027, births: 500 },
      { municipalityId: other.id, year: 2026, births: 150 },
    ]);
    const ours = s.municipality.id;
    const local = await policyUser({ municipalityId: ours });
    const page = (await local.get('/figures')).body;
    // 20 requests ÷ 400 births = 5 per 100; 5 % of the 500 births of 2027 = 25; 56 places = 14 per 100 births.
    expect(cell(page, `forecast-${ours}-births`)).toBe('400');
    expect(cell(page, `forecast-${ours}-requests`)).toBe('20');
    expect(cell(page, `forecast-${ours}-ratio`)).toBe('5');
    expect(cell(page, `forecast-${ours}-expected`)).toBe('25');
    expect(cell(page, `forecast-${ours}-places`)).toBe('56');
    expect(cell(page, `forecast-${ours}-placesPerBirths`)).toBe('14');
    expect(page).toContain('Hoe we rekenen: de verhouding is het aantal unieke aanvragen in 2026');
    expect(page).toContain('tot 22 november 2026');
    expect(page).not.toContain('data-qa="births-link"');

    // The region as a whole (the default for a region's policy user): both municipalities.
    const region = await policyUser({ regionId: s.region.id });
    const whole = (await region.get('/figures')).body;
    expect(whole).toContain(`<option value="region:${s.region.id}" selected`);
    expect(cell(whole, 'byChannel-total')).toBe('23');
    // The neighbour's 3 requests: fewer than five, nothing calculated from them, and the region's
    // total hidden (it would give them away).
    expect(cell(whole, `forecast-${other.id}-requests`)).toBe('&lt; 5');
    expect(cell(whole, `forecast-${other.id}-ratio`)).toBe('–');
    expect(cell(whole, `forecast-${other.id}-expected`)).toBe('–');
    expect(cell(whole, `forecast-${other.id}-births`)).toBe('150');
    expect(cell(whole, 'forecast-total-requests')).toBe('×');
    expect(cell(whole, 'forecast-total-births')).toBe('550');
    expect(cell(whole, 'forecast-total-expected')).toBe('–');
    // Each municipality can be picked.
    const picked = (await region.get(`/figures?municipality=${other.id}`)).body;
    expect(cell(picked, 'byChannel-total')).toBe('&lt; 5');
    expect(picked).not.toContain(`forecast-${ours}-requests`);
    // A region the user has no grant on is not found.
    const elsewhere = await policyUser({ municipalityId: other.id });
    expect((await elsewhere.get(`/figures?municipality=region:${s.region.id}`)).statusCode).toBe(404);
  });

  it('counts a request unanswered after the desk’s own grace period, and prints it', async () => {
    await fixtures();
    const region = await policyUser({ regionId: s.region.id });
    const before = (await region.get('/figures/yearly?year=2026')).body;
    // 1 September + 30 days passed by 22 November: the 10 without a place are unanswered.
    expect(cell(before, `yearly-${s.municipality.id}-unanswered`)).toBe('10');
    expect(before).toContain('30 dagen of langer voorbij');

    const { client } = await deskClient();
    const settings = (await client.get('/desk/settings')).body;
    expect(settings).toMatch(/name="unansweredGraceDays"[^>]*value="30"/);
    // What the browser would send: every field's value, a choice only when ticked.
    const form = Object.fromEntries(
      [...settings.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>/g)]
        .filter((m) => !/type="(checkbox|radio)"/.test(m[0]) || /\schecked/.test(m[0]))
        .map((m) => [m[1], m[2]]),
    ) as Record<string, string>;
    delete form._csrf;
    const refused = await client.post('/desk/settings', { ...form, unansweredGraceDays: '400' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Vul een geheel getal in van 0 tot en met 180.');
    const saved = await client.post('/desk/settings', { ...form, unansweredGraceDays: '90' });
    expect(saved.statusCode).toBe(303);
    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.settings.edit'));
    expect(audit?.details).toEqual({ settings: { unansweredGraceDays: { from: 30, to: 90 } } });

    // 1 September + 90 days is 30 November: not yet. The neighbour kept 30 days: both are printed.
    const after = (await region.get('/figures/yearly?year=2026')).body;
    expect(cell(after, `yearly-${s.municipality.id}-unanswered`)).toBe('0');
    expect(after).toContain(`(Buurgemeente: 30 dagen, ${s.municipality.name}: 90 dagen)`);
    const local = await policyUser({ municipalityId: s.municipality.id });
    const figures = (await local.get('/figures')).body;
    expect(figures).toContain('90 dagen of langer voorbij');
    expect(cell(figures, 'solution-unanswered')).toBe('0');
  });

  it('writes the yearly registration as a PDF to hand in: a row per municipality, definitions and date, in the user’s language', async () => {
    await fixtures();
    const region = await policyUser({ regionId: s.region.id });
    const page = (await region.get('/figures/yearly?year=2026')).body;
    expect(page).toContain('href="/figures/yearly/export.pdf?year=2026"');
    const res = await region.get('/figures/yearly/export.pdf?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('.pdf');
    const lines = await pdfLines(res.rawPayload);
    const text = lines.join('\n');
    expect(lines[0]).toBe('Jaarregistratie 2026');
    expect(text).toContain(`Regio ${s.region.name} – kalenderjaar 2026`);
    expect(text).toContain('Unieke aanvragen');
    // Our municipality: 20 unique, 10 unanswered; the neighbour's 3 are "< 5" (none due yet), and
    // the region's unique total is hidden.
    const ours = lines.find((l) => l.startsWith(`${s.municipality.name} `));
    expect(ours?.split(' ').slice(-7)).toEqual(['20', '10', '0', '0', '0', '0', '0']);
    expect(lines.find((l) => l.startsWith('Buurgemeente'))).toBe('Buurgemeente < 5 0 0 0 0 0 0');
    expect(lines.find((l) => l.startsWith('Som van de gemeenten'))).toBe(
      'Som van de gemeenten × 10 0 0 0 0 0',
    );
    expect(text).toContain('telt in elk van beide');
    expect(text).toContain('Onbeantwoorde aanvragen: kinderen van de periode');
    expect(text).toContain('Gemaakt op 22 november 2026.');
    // No count from 1 to 4 anywhere in the table.
    for (const line of lines.filter((l) => /^(Buurgemeente|Gemeente|Som) /.test(l)))
      for (const n of line.replace(/< 5/g, '<5').split(' ').slice(-7))
        if (/^\d+$/.test(n)) expect(Number(n) === 0 || Number(n) >= 5, line).toBe(true);

    const french = await policyUser({ municipalityId: s.municipality.id });
    await french.get('/lang/fr?back=%2Ffigures');
    const fr = await pdfLines((await french.get('/figures/yearly/export.pdf?year=2026')).rawPayload);
    expect(fr[0]).toBe('Enregistrement annuel 2026');
    expect(fr.join('\n')).toContain(`${s.municipality.name} – année civile 2026`);
    expect(fr.join('\n')).toContain('Établi le 22 novembre 2026.');
    expect(fr.some((l) => l.startsWith('Somme des communes'))).toBe(false);
  });
});
