import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

/** The text in one cell of the page (`<table key>-<row key>`). */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1];
}

/** The share next to a row's count. */
function share(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">[^<]*</td><td[^>]*>([^<]*)<`).exec(html)?.[1];
}

describe.each(BACKENDS)('figures for local policy on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let centrum: string;
  let rand: string;

  beforeEach(async () => {
    // The clock says 22 November 2026: the default period is 1 January – 22 November 2026.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const subs = await t.deps.db.select().from(schema.subMunicipalities);
    centrum = subs.find((x) => x.name === 'Centrum')?.id as string;
    rand = subs.find((x) => x.name === 'Rand')?.id as string;
  });
  afterEach(async () => t.close());

  /**
   * 22 children with a request in the period, worked out per figure:
   * - Centrum, by the parents, in March: 6 who need care for work (absolute priority), 5 single
   *   parents without a secondary diploma (priority, vulnerable), 1 without priority; 10 of the 12
   *   wanted to start on 1 September (due), 5 of those have an accepted offer; 2 have care needs;
   * - one child of Centrum with two requests (February by the parents, withdrawn; May by the desk):
   *   counted once, in February, as "parents";
   * - Rand, through an intermediary, in May: 3;
   * - from another municipality, through the desk, in June: 6.
   * Not counted: a request of 31 December 2025, and one for another municipality.
   */
  async function fixtures() {
    const db = t.deps.db;
    const m = s.municipality.id;
    const other = await aMunicipality(db, { regionId: s.region.id, name: 'Buurgemeente' });
    const centrumFamilies: { family: Partial<typeof schema.families.$inferInsert>; careNeeds?: boolean }[] = [
      ...Array.from({ length: 6 }, () => ({ family: { needsCareForWork: true } })),
      ...Array.from({ length: 5 }, () => ({ family: { singleParent: true, noSecondaryDiploma: true } })),
      { family: {}, careNeeds: true },
    ];
    for (const [i, c] of centrumFamilies.entries()) {
      await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.first.id],
        subMunicipalityId: centrum,
        family: c.family,
        careNeeds: c.careNeeds ?? i === 0,
        desiredStart: i < 10 ? '2026-09-01' : '2027-03-01',
        submittedAt: '2026-03-10T10:00:00Z',
        preferenceStatuses: [i < 5 ? 'offer_accepted' : 'waiting_list'],
      });
    }
    const twice = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      subMunicipalityId: centrum,
      status: 'withdrawn',
      submittedAt: '2026-02-03T10:00:00Z',
    });
    await db.insert(schema.requests).values({
      childId: twice.child.id,
      familyId: twice.family.id,
      municipalityId: m,
      desiredStart: '2027-03-01',
      carePlan: twice.request.carePlan,
      channel: 'desk',
      submittedAt: new Date('2026-05-04T10:00:00Z'),
      lastConfirmedAt: new Date('2026-05-04T10:00:00Z'),
      statusChangedAt: new Date('2026-05-04T10:00:00Z'),
    });
    for (let i = 0; i < 3; i++) {
      const r = await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.second.id],
        subMunicipalityId: rand,
        submittedAt: '2026-05-20T10:00:00Z',
      });
      await db.execute(sql`update requests set channel = 'intermediary' where id = ${r.request.id}`);
    }
    for (let i = 0; i < 6; i++) {
      const r = await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.second.id],
        family: { municipalityId: other.id },
        submittedAt: '2026-06-15T10:00:00Z',
      });
      await db.execute(sql`update requests set channel = 'desk' where id = ${r.request.id}`);
    }
    // Not counted: before the period (31 December 2025 in Belgium), and another municipality's.
    await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      submittedAt: '2025-12-31T20:00:00Z',
    });
    await aFamilyRequest(db, {
      municipalityId: other.id,
      locations: [],
      submittedAt: '2026-03-10T10:00:00Z',
    });
    await db.execute(sql`update sub_municipalities set children0to3 = 52 where id = ${centrum}`);
    return { other };
  }

  async function policyUser(options: { municipalityId?: string; regionId?: string }) {
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(sql`delete from role_grants where user_id = ${user.id}`);
    await t.deps.db.insert(schema.roleGrants).values({
      userId: user.id,
      role: 'policy',
      municipalityId: options.municipalityId ?? null,
      regionId: options.regionId ?? null,
    });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return client;
  }

  it('counts each child once, suppresses counts from 1 to 4 and hides what would give them away', async () => {
    await fixtures();
    const policy = await policyUser({ municipalityId: s.municipality.id });
    const res = await policy.get('/figures');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // By channel: parents 12 + the child counted with its first request; 3 through an
    // intermediary are fewer than five, and the desk's 6 is hidden, or 22 − 13 would give them away.
    expect(cell(html, 'byChannel-parent')).toBe('13');
    expect(cell(html, 'byChannel-intermediary')).toBe('&lt; 5');
    expect(cell(html, 'byChannel-desk')).toBe('×');
    expect(cell(html, 'byChannel-total')).toBe('22');
    // By residence: the same protection; nobody of unknown residence.
    expect(cell(html, `byResidence-${centrum}`)).toBe('13');
    expect(cell(html, `byResidence-${rand}`)).toBe('&lt; 5');
    expect(cell(html, 'byResidence-outside')).toBe('×');
    expect(cell(html, 'byResidence-unknown')).toBe('0');
    // Coverage: 13 of the 52 children aged 0–3 of Centrum; none for a count not shown.
    expect(share(html, `coverage-${centrum}`)).toBe('25%');
    expect(share(html, `coverage-${rand}`)).toBe('–');
    // Months: February (1) and May (3) are both under five, and their sum (4) fixes neither.
    expect(cell(html, 'byMonth-2026-02')).toBe('&lt; 5');
    expect(cell(html, 'byMonth-2026-03')).toBe('12');
    expect(cell(html, 'byMonth-2026-05')).toBe('&lt; 5');
    expect(cell(html, 'byMonth-2026-06')).toBe('6');
    expect(cell(html, 'byMonth-2026-01')).toBe('0');
    // Unanswered: 10 children wanted to start on 1 September; 5 found a place.
    expect(cell(html, 'solution-solved')).toBe('5');
    expect(cell(html, 'solution-unanswered')).toBe('5');
    expect(share(html, 'solution-solved')).toBe('50%');
    // Priority by the rules valid on 22 November 2026 (the rules before 1 April 2024, again).
    expect(cell(html, 'priority-absolute')).toBe('6');
    expect(cell(html, 'priority-priority')).toBe('5');
    expect(cell(html, 'priority-none')).toBe('11');
    expect(cell(html, 'separate-vulnerable')).toBe('5');
    expect(cell(html, 'separate-careNeeds')).toBe('&lt; 5');
    expect(cell(html, 'separate-socialEmergency')).toBe('0');
    expect(html).toContain('Voorrangsregels van vóór 1 april 2024');
    // No child is named.
    expect(html).not.toMatch(/Kind\d|Familie\d/);
  });

  it('writes the files with the same protection: no count from 1 to 4 in the CSV', async () => {
    await fixtures();
    const desk = new TestClient(t.app);
    await desk.login(
      (await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id })).email,
      TEST_PASSWORD,
    );
    const csv = await desk.get('/figures/export.csv?from=2026-01-01&to=2026-11-22');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines.find((l) => l.includes('Via een toeleider') && l.includes('indiende'))).toContain(';< 5;');
    expect(lines.find((l) => l.includes('Via het loket') && l.includes('indiende'))).toContain(';×;');
    for (const line of lines.slice(2)) {
      const count = line.split(';')[2];
      if (count && /^\d+$/.test(count)) expect(Number(count) === 0 || Number(count) >= 5, line).toBe(true);
    }
    const xlsx = await desk.get('/figures/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
  });

  it('shows a region’s policy user each municipality of the region, and nobody another municipality', async () => {
    const { other } = await fixtures();
    const region = await policyUser({ regionId: s.region.id });
    const page = await region.get('/figures');
    expect(page.body).toContain('Buurgemeente');
    const neighbour = await region.get(`/figures?municipality=${other.id}`);
    expect(neighbour.statusCode).toBe(200);
    expect(cell(neighbour.body, 'byChannel-parent')).toBe('&lt; 5');
    const local = await policyUser({ municipalityId: other.id });
    expect((await local.get(`/figures?municipality=${s.municipality.id}`)).statusCode).toBe(404);
  });

  it('says what is wrong with a period and shows no figures', async () => {
    const policy = await policyUser({ municipalityId: s.municipality.id });
    const res = await policy.get('/figures?from=2026-05-01&to=2026-04-01');
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('data-qa="figures-byChannel"');
    expect((await policy.get('/figures/export.csv?from=not-a-date')).statusCode).toBe(303);
  });

  it('sends a policy user to the figures after logging in', async () => {
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(sql`update role_grants set role = 'policy' where user_id = ${user.id}`);
    const client = new TestClient(t.app);
    await client.get('/login');
    await client.post('/login', { email: user.email, password: TEST_PASSWORD });
    const home = await client.get('/account/home');
    expect(home.headers.location).toBe('/figures');
  });

  it('gives the yearly registration: a row per municipality of the region and their total, protected per measure', async () => {
    const { other } = await fixtures();
    // Two children of the neighbour ask for extended hours in 2026; one request is of 2025.
    for (const at of ['2026-02-01T10:00:00Z', '2026-09-01T10:00:00Z', '2025-05-01T10:00:00Z']) {
      const r = await aFamilyRequest(t.deps.db, { municipalityId: other.id, locations: [], submittedAt: at });
      await t.deps.db.execute(
        sql`update requests set care_plan = jsonb_set(care_plan, '{late}', 'true') where id = ${r.request.id}`,
      );
    }
    const region = await policyUser({ regionId: s.region.id });
    const page = await region.get('/figures/yearly?year=2026');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const ours = s.municipality.id;
    expect(cell(html, `yearly-${ours}-unique`)).toBe('22');
    expect(cell(html, `yearly-${ours}-unanswered`)).toBe('5');
    expect(cell(html, `yearly-${ours}-vulnerable`)).toBe('5');
    expect(cell(html, `yearly-${ours}-priority`)).toBe('11');
    expect(cell(html, `yearly-${ours}-extendedHours`)).toBe('0');
    // The neighbour: 1 + 2 children in 2026, fewer than five; the region's total (25) is hidden,
    // or it would give the neighbour's count away.
    expect(cell(html, `yearly-${other.id}-unique`)).toBe('&lt; 5');
    expect(cell(html, 'yearly-total-unique')).toBe('×');
    expect(html).toContain('telt in elk van beide');
    expect(cell(html, 'yearly-total-vulnerable')).toBe('5');
    expect(cell(html, `yearly-${other.id}-extendedHours`)).toBe('&lt; 5');
    expect(cell(html, 'yearly-total-extendedHours')).toBe('&lt; 5');

    const csv = await region.get('/figures/yearly/export.csv?year=2026');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toContain('Unieke aanvragen;Onbeantwoorde aanvragen');
    expect(lines.find((l) => l.startsWith('Buurgemeente;'))).toMatch(/^Buurgemeente;< 5;/);
    expect(lines.find((l) => l.startsWith('Som van de gemeenten;'))).toBeDefined();
    expect((await region.get('/figures/yearly?year=1999')).statusCode).toBe(400);
    expect((await region.get('/figures/yearly/export.xlsx?year=2026')).statusCode).toBe(200);
  });
});
