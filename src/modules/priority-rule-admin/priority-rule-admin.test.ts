import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import type { Role } from '../../platform/auth/actions.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';

const { priorityRuleSets, auditLog } = schema;

/** A complete, valid form for a new set; `over` replaces fields (an empty string clears one). */
function aForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name_nl: 'Regels van 2027',
    name_fr: 'Règles de 2027',
    name_en: 'Rules of 2027',
    sourceReference: 'Decreet van 1 december 2026, art. 5',
    sourceUrl: 'https://www.example.be/decreet-2026',
    from_1: '2027-03-01',
    until_1: '',
    criteria: ['singleParent', 'fosterChild'],
    absoluteCriteria: ['fosterChild'],
    vulnerableMinimum: '1',
    reservedSharePercent: '30',
    deviationSharePercent: '',
    incomeThresholds: '2027: 33 000',
    ...over,
  };
}

const rowsOf = (t: TestApp) =>
  t.deps.db
    .select()
    .from(priorityRuleSets)
    .orderBy(asc(priorityRuleSets.code), asc(priorityRuleSets.version), asc(priorityRuleSets.validFrom));

const changesIn = (body: string) =>
  [...body.matchAll(/data-qa="preview-changes">(\d+) open request/g)].map((m) => Number(m[1]));

/** The region operator's priority rule set pages: list, one set, add, correct, preview. */
describe.each(BACKENDS)('priority rule sets admin on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let admin: TestClient;
  let adminEmail: string;

  beforeEach(async () => {
    t = await buildTestApp(backend); // today: 2026-11-22, the rules before 1 April 2024 apply
    s = await aScenario(t.deps.db);
    const user = await aUser(t.deps.db, { role: 'platform_admin', language: 'en' });
    adminEmail = user.email;
    admin = new TestClient(t.app);
    await admin.login(user.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  /**
   * Families whose level changes under aForm()'s rules (single parent or foster child gives
   * priority, foster child absolute, nobody vulnerable) and families whose level stays, against
   * the seeded rules before 1 April 2024; one closed request that is never counted.
   */
  async function families() {
    const base = { municipalityId: s.municipality.id, locations: [s.first.id] };
    const file = (family: Partial<typeof schema.families.$inferInsert>, status?: 'expired') =>
      aFamilyRequest(t.deps.db, { ...base, family, ...(status ? { status } : {}) });
    // Changes: needs care for work, absolute (2) → nothing (0); foster child 1 → 2 (absolute now);
    // a handicap and no diploma, vulnerable (1) → 0.
    await file({ needsCareForWork: true });
    await file({ fosterChild: true });
    await file({ disabilityOrSocialReason: true, noSecondaryDiploma: true });
    // Stays: single parent 1 → 1 (twice); nothing 0 → 0; one characteristic only, not vulnerable 0 → 0.
    await file({ singleParent: true });
    await file({ singleParent: true, yearlyIncome: 20000 });
    await file({});
    await file({ disabilityOrSocialReason: true });
    // A closed request with a changing family: not open, never counted.
    await file({ needsCareForWork: true }, 'expired');
    return 3;
  }

  it('lists the sets with their versions, periods and sources, and marks the one valid today', async () => {
    const res = await admin.get('/admin/priority-rules');
    expect(res.statusCode).toBe(200);
    const rows = [...res.body.matchAll(/data-qa="rule-set-row">([\s\S]*?)<\/tr>/g)].map(
      (m) => m[1] as string,
    );
    expect(rows).toHaveLength(2);
    const [before, april] = rows as [string, string];
    expect(before).toContain('Priority rules before 1 April 2024');
    expect(before).toContain('before-2024');
    expect(before).toContain('1 April 2014 – 31 March 2024');
    expect(before).toContain('from 30 April 2025');
    expect(before).toContain('https://www.opgroeien.be/');
    expect(before).toContain('valid today');
    expect(april).toContain('1 April 2024 – 29 April 2025');
    expect(april).not.toContain('valid today');
    expect(res.body).toContain('Valid today: Priority rules before 1 April 2024.');
    expect((await admin.get('/admin')).body).toContain('href="/admin/priority-rules"');
  });

  it('shows a set in plain words', async () => {
    const res = await admin.get('/admin/priority-rules/april-2024');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('works ≥ 4/5');
    expect(res.body).toContain('A family is vulnerable when it has at least 2 of these characteristics:');
    expect(res.body).toContain('20% of the places are reserved for vulnerable families.');
    expect(res.body).toContain('A provider may deviate from these rules for 10% of the places.');
    expect(res.body).toContain('This is the first version.');
    expect((await admin.get('/admin/priority-rules/no-such-set')).statusCode).toBe(404);
    expect((await admin.get('/admin/priority-rules/Bad%20Code')).statusCode).toBe(404);
  });

  it('adds a set after a preview; it applies only within its dates', async () => {
    const before = await rowsOf(t);
    const form = aForm({ from_1: '2027-01-01', until_1: '2027-06-30' });
    const preview = await admin.post('/admin/priority-rules/new', form, {
      formPage: '/admin/priority-rules/new',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('data-qa="preview-form"');
    expect(preview.body).toContain('value="2027-01-01"');
    expect(await rowsOf(t)).toEqual(before); // the preview writes nothing

    const saved = await admin.post('/admin/priority-rules/new', { ...form, confirmed: 'yes' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/priority-rules/regels-van-2027?done=added');
    const page = await admin.get(String(saved.headers.location));
    expect(page.body).toContain('Rules of 2027 has been added.');
    expect(page.body).toContain('€ 33,000');

    const on = async (day: string) => (await getRuleSetValidOn(t.deps.db, localDate(day)))?.code;
    expect(await on('2026-12-31')).toBe('before-2024');
    expect(await on('2027-01-01')).toBe('regels-van-2027');
    expect(await on('2027-06-30')).toBe('regels-van-2027');
    expect(await on('2027-07-01')).toBe('before-2024');
    const [row] = await t.deps.db
      .select()
      .from(priorityRuleSets)
      .where(eq(priorityRuleSets.code, 'regels-van-2027'));
    expect(row?.yearlyAmounts).toEqual({ '2027': { incomeThreshold: 33000 } });
    expect(row?.version).toBe(1);

    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'admin.priorityRules.manage'));
    expect(audit?.subjectId).toBe('regels-van-2027@1');
    expect(audit?.details).toMatchObject({ change: 'added', version: 1 });

    // The list marks the new set as valid once the clock reaches its first day.
    t.clock.set('2027-01-02T09:00:00Z');
    const later = new TestClient(t.app); // the old session ran out with the clock
    await later.login(adminEmail, TEST_PASSWORD);
    const list = await later.get('/admin/priority-rules');
    expect(list.body).toContain('Valid today: Rules of 2027.');
  });

  it('corrects a set as version n+1 with all its periods; the old rows stay as they were', async () => {
    const oldRows = (await rowsOf(t)).filter((r) => r.code === 'before-2024');
    expect(oldRows).toHaveLength(2);
    const formPage = await admin.get('/admin/priority-rules/before-2024/correct');
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain('value="2014-04-01"');
    expect(formPage.body).toContain('value="2025-04-30"');
    expect(formPage.body).toContain('name="baseVersion" value="1"');

    const form = {
      name_nl: 'Voorrangsregels van vóór 1 april 2024',
      sourceReference: 'Besluit van de Vlaamse Regering, gecorrigeerd',
      sourceUrl: '',
      from_1: '2014-04-01',
      until_1: '2024-03-31',
      from_2: '2025-04-30',
      until_2: '',
      criteria: ['needsCareForWork', 'singleParent', 'lowIncome', 'fosterChild', 'siblingsInCare'],
      absoluteCriteria: ['needsCareForWork'],
      vulnerableCharacteristics: ['needsCareForWork', 'singleParent', 'lowIncome'],
      vulnerableMinimum: '2',
      vulnerableRequiredAmong: [],
      reservedSharePercent: '25',
      deviationSharePercent: '5',
      incomeThresholds: '2025: 31000\n2026: 32 500',
      baseVersion: '1',
    };
    const saved = await admin.post('/admin/priority-rules/before-2024/correct', {
      ...form,
      confirmed: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/priority-rules/before-2024?done=corrected');

    const rows = (await rowsOf(t)).filter((r) => r.code === 'before-2024');
    expect(rows.filter((r) => r.version === 1)).toEqual(oldRows);
    const v2 = rows.filter((r) => r.version === 2);
    expect(v2.map((r) => [r.validFrom, r.validUntil])).toEqual([
      ['2014-04-01', '2024-03-31'],
      ['2025-04-30', null],
    ]);
    expect(v2.every((r) => r.reservedSharePercent === 25 && r.deviationSharePercent === 5)).toBe(true);
    expect(v2[0]?.yearlyAmounts).toEqual({
      '2025': { incomeThreshold: 31000 },
      '2026': { incomeThreshold: 32500 },
    });
    expect((await getRuleSetValidOn(t.deps.db, t.clock.today()))?.version).toBe(2);

    const page = await admin.get('/admin/priority-rules/before-2024');
    expect(page.body).toContain('Version 2');
    expect(page.body).toContain('data-qa="rule-set-earlier"');
    expect(page.body).toContain('25% of the places are reserved');

    // A second correction from the same (now old) version 1 is refused and writes nothing.
    const stale = await admin.post('/admin/priority-rules/before-2024/correct', {
      ...form,
      confirmed: 'yes',
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('Someone else corrected this rule set in the meantime.');
    expect((await rowsOf(t)).filter((r) => r.code === 'before-2024')).toHaveLength(4);
  });

  it('counts in the preview exactly the open requests whose level changes, on the days that matter', async () => {
    const expected = await families();
    await admin.get('/admin/priority-rules/new');
    // From today: the change is today.
    const today = await admin.post('/admin/priority-rules/new', aForm({ from_1: '2026-11-22' }));
    expect(today.statusCode).toBe(200);
    expect(changesIn(today.body)).toEqual([expected]);
    // From a later day: nothing changes today, the same requests on its first day.
    const later = await admin.post('/admin/priority-rules/new', aForm());
    expect(changesIn(later.body)).toEqual([0, expected]);
    expect(later.body).toContain('On 1 March 2027:');
    expect((await rowsOf(t)).map((r) => r.code)).not.toContain('regels-van-2027');

    // Saved, the waiting list judges the same families by the new set and its count was right.
    const saved = await admin.post('/admin/priority-rules/new', {
      ...aForm({ from_1: '2026-11-22' }),
      confirmed: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'admin.priorityRules.manage'));
    expect(audit?.details).toMatchObject({ levelChanges: [{ day: '2026-11-22', changes: expected }] });
  });

  it('previews a correction of the income threshold right, and the waiting list follows it at once', async () => {
    const base = { municipalityId: s.municipality.id, locations: [s.first.id] };
    const family = (childFirstName: string, facts: Partial<typeof schema.families.$inferInsert>) =>
      aFamilyRequest(t.deps.db, { ...base, childFirstName, family: facts });
    // Under a threshold of 32,000 for 2026: Anouk and Bram become low-income (priority), Cas earns
    // too much, Dirk gave no income, Eline is a single parent (priority already, stays).
    await family('Anouk', { yearlyIncome: 20_000 });
    await family('Bram', { yearlyIncome: 31_999 });
    await family('Cas', { yearlyIncome: 32_000 });
    await family('Dirk', {});
    await family('Eline', { singleParent: true, yearlyIncome: 18_000 });
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    const flagged = async () => {
      const page = await staff.get(`/provider/locations/${s.first.id}/waiting-list?priority=yes&sort=child`);
      return ['Anouk', 'Bram', 'Cas', 'Dirk', 'Eline'].filter((name) => page.body.includes(name));
    };
    expect(await flagged()).toEqual(['Eline']);

    const correction = {
      ...aForm(),
      name_nl: 'Voorrangsregels van vóór 1 april 2024',
      sourceReference: 'Voorrangsregels, met de inkomensgrens',
      from_1: '2014-04-01',
      until_1: '2024-03-31',
      from_2: '2025-04-30',
      until_2: '',
      criteria: ['needsCareForWork', 'singleParent', 'lowIncome', 'fosterChild', 'siblingsInCare'],
      absoluteCriteria: ['needsCareForWork'],
      vulnerableCharacteristics: [
        'needsCareForWork',
        'singleParent',
        'lowIncome',
        'disabilityOrSocialReason',
        'noSecondaryDiploma',
      ],
      vulnerableMinimum: '2',
      vulnerableRequiredAmong: ['lowIncome', 'disabilityOrSocialReason', 'noSecondaryDiploma'],
      reservedSharePercent: '20',
      incomeThresholds: '2026: 32000',
      baseVersion: '1',
    };
    await admin.get('/admin/priority-rules/before-2024/correct');
    const preview = await admin.post('/admin/priority-rules/before-2024/correct', correction);
    expect(preview.statusCode).toBe(200);
    expect(changesIn(preview.body)).toEqual([2]);
    expect(await flagged()).toEqual(['Eline']); // the preview changed nothing

    const saved = await admin.post('/admin/priority-rules/before-2024/correct', {
      ...correction,
      confirmed: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    expect(await flagged()).toEqual(['Anouk', 'Bram', 'Eline']);
  });

  it('refuses bad input with a message and changes nothing', async () => {
    const before = await rowsOf(t);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ from_1: '' }, 'Fill in this field.'],
      [{ from_1: '2027-02-30' }, 'Enter a real date'],
      [{ until_1: '2027-01-01' }, 'The end date cannot be before the start date.'],
      [
        { until_1: '2027-12-31', from_2: '2027-06-01', until_2: '2028-01-01' },
        'This period overlaps another period of the same rule set.',
      ],
      [{ criteria: [], absoluteCriteria: [] }, 'Choose at least one criterion that gives priority.'],
      [{ criteria: ['singleParent', 'madeUp'] }, 'Choose one of the options.'],
      [{ absoluteCriteria: ['needsCareForWork'] }, 'A criterion with absolute priority must also be ticked'],
      [{ reservedSharePercent: '101' }, 'Enter a whole number from 0 to 100.'],
      [{ deviationSharePercent: '-1' }, 'Enter a whole number from 0 to 100.'],
      [{ incomeThresholds: '2027: -5' }, 'Write one line per year'],
      [{ incomeThresholds: '2027: 30000\n2027: 31000' }, 'Write one line per year'],
      [{ incomeThresholds: '2027: 12.5' }, 'Write one line per year'],
      [
        { vulnerableCharacteristics: ['singleParent'], vulnerableMinimum: '2' },
        'The number of characteristics is larger',
      ],
      [{ sourceUrl: 'javascript:alert(1)' }, 'Enter a full web address, starting with https://.'],
      [{ name_nl: '' }, 'Fill in this field.'],
    ];
    await admin.get('/admin/priority-rules/new');
    for (const [over, message] of cases) {
      const confirmations: Record<string, string>[] = [{}, { confirmed: 'yes' }];
      for (const confirmed of confirmations) {
        const res = await admin.post('/admin/priority-rules/new', { ...aForm(over), ...confirmed });
        expect(res.statusCode, JSON.stringify(over)).toBe(400);
        expect(res.body, JSON.stringify(over)).toContain(message);
        expect(res.body).toContain('There is a problem');
      }
    }
    const correction = await admin.post('/admin/priority-rules/april-2024/correct', {
      ...aForm({ reservedSharePercent: 'many' }),
      baseVersion: '1',
      confirmed: 'yes',
    });
    expect(correction.statusCode).toBe(400);
    expect(await rowsOf(t)).toEqual(before);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'admin.priorityRules.manage'));
    expect(audits).toHaveLength(0);
  });

  it('gives the form back with the values from the preview ("back to the form")', async () => {
    await admin.get('/admin/priority-rules/new');
    const res = await admin.post('/admin/priority-rules/new', { ...aForm(), edit: 'yes' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-qa="rule-set-form"');
    expect(res.body).toContain('value="Regels van 2027"');
    expect(res.body).toMatch(/value="fosterChild" checked/);
  });

  it('refuses every other role (403) and sends anonymous visitors to log in', async () => {
    const routes = [
      ['GET', '/admin/priority-rules'],
      ['GET', '/admin/priority-rules/new'],
      ['POST', '/admin/priority-rules/new'],
      ['GET', '/admin/priority-rules/before-2024'],
      ['GET', '/admin/priority-rules/before-2024/correct'],
      ['POST', '/admin/priority-rules/before-2024/correct'],
    ] as const;
    const roles: { role: Role; municipalityId?: string; providerLocationId?: string }[] = [
      { role: 'parent' },
      { role: 'provider_staff', providerLocationId: s.first.id },
      { role: 'provider_admin', providerLocationId: s.first.id },
      { role: 'desk', municipalityId: s.municipality.id },
      { role: 'policy', municipalityId: s.municipality.id },
    ];
    const before = await rowsOf(t);
    for (const grant of roles) {
      const user = await aUser(t.deps.db, grant);
      const client = new TestClient(t.app);
      await client.login(user.email, TEST_PASSWORD);
      await client.get('/account');
      for (const [method, url] of routes) {
        const res =
          method === 'GET' ? await client.get(url) : await client.post(url, { ...aForm(), confirmed: 'yes' });
        expect(res.statusCode, `${grant.role} ${method} ${url}`).toBe(403);
      }
    }
    expect(await rowsOf(t)).toEqual(before);
    const anonymous = new TestClient(t.app);
    for (const [, url] of routes.filter(([m]) => m === 'GET')) {
      const res = await anonymous.get(url);
      expect(res.statusCode, url).toBe(303);
      expect(String(res.headers.location)).toContain('/login');
    }
  });
});
