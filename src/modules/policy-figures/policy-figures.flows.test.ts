import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { insertRuleSet } from '../priority-rules/index.ts';

/** The text in one cell of the page (`<table key>-<row key>-<column key>`). */
function cell(html: string, qa: string): string | undefined {
  return new RegExp(`data-qa="${qa}">([^<]*)<`).exec(html)?.[1];
}

const PERIOD = 'from=2026-01-01&to=2026-06-30';

describe.each(BACKENDS)('figures 5–9 for local policy on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;

  beforeEach(async () => {
    // The clock says 22 November 2026; the period asked is January – June 2026.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  const at = (day: string) => new Date(`${day}T10:00:00Z`);

  async function event(
    requestId: string,
    eventType: string,
    toStatus: string,
    day: string,
    preferenceId?: string | null,
  ) {
    await t.deps.db.insert(schema.statusEvents).values({
      requestId,
      preferenceId: preferenceId ?? null,
      eventType,
      toStatus,
      occurredAt: at(day),
    });
  }

  /**
   * 35 children with a first request in January – June 2026 (emergency window and grace period 30 days):
   * - L1–L7, Centrum, 15 January, start 15 May (on the emergency list from 15 April), full weeks,
   *   no priority, first choice group care; the location put them on its waiting list 3 days later;
   *   never placed (unanswered);
   * - E1–E6, Centrum, 10 February, start 1 March (on the list at once), full weeks, care for work;
   *   E1–E5 got an offer 2, 4, 6, 8, 10 days later and accepted it 5, 8, 10, 12, 20 days after
   *   coming onto the list; E6, a social emergency, withdrew on 15 April (unanswered);
   * - I1–I6, Rand, 5 March through an intermediary (5 of an OCMW, 1 of a CAW), full weeks, 5 with
   *   care for work; start in 2027;
   * - M1–M5, Rand, 20 March by the parents, start 1 September (due, unanswered), first choice family
   *   care; M1–M3 three days a week (Mon, Tue, Thu), M4–M5 two (Mon, Fri);
   * - Q1–Q11, Centrum, 10 May: 5 with care for work, 6 single parents; start in 2027.
   * From 1 April 2026 a test rule set applies that gives priority to single parents only.
   */
  async function fixtures() {
    const db = t.deps.db;
    const m = s.municipality.id;
    const subs = await db.select().from(schema.subMunicipalities);
    const centrum = subs.find((x) => x.name === 'Centrum')?.id as string;
    const rand = subs.find((x) => x.name === 'Rand')?.id as string;
    await db.execute(
      sql`update provider_locations set opening_hours = ${JSON.stringify({
        mon: { opens: '07:00', closes: '18:00' },
        tue: { opens: '07:00', closes: '18:00' },
        wed: { opens: '07:00', closes: '18:00' },
        thu: { opens: '07:00', closes: '18:00' },
        fri: { opens: '07:00', closes: '18:00' },
      })}::jsonb where id in (${s.first.id}, ${s.second.id})`,
    );
    await db.execute(
      sql`update provider_locations set opening_hours = ${JSON.stringify({
        mon: { opens: '07:00', closes: '18:00' },
        tue: { opens: '07:00', closes: '18:00' },
        wed: { opens: '07:00', closes: '18:00' },
      })}::jsonb where id = ${s.third.id}`,
    );
    await insertRuleSet(db, {
      code: 'test-2026',
      version: 1,
      name: { nl: 'Testregels van 1 april 2026', fr: 'Règles de test', en: 'Test rules' },
      sourceReference: 'Test',
      sourceUrl: null,
      validFrom: localDate('2026-04-01'),
      validUntil: null,
      criteria: ['singleParent'],
      absoluteCriteria: [],
      vulnerable: { characteristics: [], minimum: 9, requiredAmong: [] },
      reservedSharePercent: 20,
      deviationSharePercent: null,
    });

    for (let i = 0; i < 7; i++) {
      const r = await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.first.id],
        subMunicipalityId: centrum,
        desiredStart: '2026-05-15',
        submittedAt: '2026-01-15T10:00:00Z',
        preferenceStatuses: ['waiting_list'],
      });
      await event(
        r.request.id,
        'preference.waiting_list',
        'waiting_list',
        '2026-01-18',
        r.preferences[0]?.id,
      );
    }
    const offered = [2, 4, 6, 8, 10];
    const placed = [5, 8, 10, 12, 20];
    for (let i = 0; i < 6; i++) {
      const r = await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.first.id],
        subMunicipalityId: centrum,
        family: { needsCareForWork: true },
        desiredStart: '2026-03-01',
        submittedAt: '2026-02-10T10:00:00Z',
        preferenceStatuses: [i < 5 ? 'offer_accepted' : 'waiting_list'],
      });
      const preference = r.preferences[0]?.id;
      const day = (n: number) => `2026-02-${String(10 + n).padStart(2, '0')}`;
      if (i < 5) {
        const acceptedOn = placed[i] === 20 ? '2026-03-02' : day(placed[i] as number);
        await event(
          r.request.id,
          'preference.offer_made',
          'offer_made',
          day(offered[i] as number),
          preference,
        );
        await event(r.request.id, 'preference.offer_accepted', 'offer_accepted', acceptedOn, preference);
        await event(r.request.id, 'request.answered', 'answered', acceptedOn);
        await db.execute(
          sql`update preferences set status_changed_at = ${at(acceptedOn)} where id = ${preference}`,
        );
        await db.execute(sql`update requests set status = 'answered' where id = ${r.request.id}`);
      } else {
        await db.execute(
          sql`update requests set social_emergency_at = ${at('2026-02-11')}, status = 'withdrawn' where id = ${r.request.id}`,
        );
        await event(r.request.id, 'request.social_emergency_marked', 'active', '2026-02-11');
        await event(r.request.id, 'request.withdrawn', 'withdrawn', '2026-04-15');
      }
    }
    const organisation = async (kind: string) => {
      const [org] = await db
        .insert(schema.intermediaryOrganisations)
        .values({ municipalityId: m, name: `Organisatie ${kind}`, kind })
        .returning();
      return aUser(db, { role: 'intermediary', intermediaryOrganisationId: org?.id as string });
    };
    const ocmw = await organisation('ocmw');
    const caw = await organisation('caw');
    for (let i = 0; i < 6; i++) {
      const r = await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.second.id],
        subMunicipalityId: rand,
        family: { needsCareForWork: i < 5 },
        submittedAt: '2026-03-05T10:00:00Z',
      });
      const by = i < 5 ? ocmw.id : caw.id;
      await db.execute(
        sql`update requests set channel = 'intermediary', created_by_user_id = ${by} where id = ${r.request.id}`,
      );
    }
    for (let i = 0; i < 5; i++) {
      await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.third.id],
        subMunicipalityId: rand,
        desiredStart: '2026-09-01',
        submittedAt: '2026-03-20T10:00:00Z',
        days: i < 3 ? { wed: 'none', fri: 'none' } : { tue: 'none', wed: 'none', thu: 'none' },
      });
    }
    for (let i = 0; i < 11; i++) {
      await aFamilyRequest(db, {
        municipalityId: m,
        locations: [s.first.id],
        subMunicipalityId: centrum,
        family: i < 5 ? { needsCareForWork: true } : { singleParent: true },
        submittedAt: '2026-05-10T10:00:00Z',
      });
    }
    return { centrum, rand };
  }

  async function policyUser() {
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    await t.deps.db.execute(sql`update role_grants set role = 'policy' where user_id = ${user.id}`);
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return client;
  }

  it('counts the emergency list, intermediaries, priority by month, demand and the families without a place', async () => {
    const { centrum, rand } = await fixtures();
    const policy = await policyUser();
    const res = await policy.get(`/figures?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const c = (qa: string) => cell(html, qa);

    // Figure 1 as the flows see it: 7, 6, 11, 0, 11, 0 children a month.
    expect(c('byMonth-2026-03')).toBe('11');
    expect(c('byChannel-intermediary')).toBe('6');

    // 5. The emergency list. On it at the end of February: E5 (placed on 2 March) and E6; of March:
    // E6; of April to June: L1–L7 (E6 withdrew on 15 April).
    expect(c('emergency-2026-01-stock')).toBe('0');
    expect(c('emergency-2026-02-stock')).toBe('&lt; 5');
    expect(c('emergency-2026-03-stock')).toBe('&lt; 5');
    expect(c('emergency-2026-04-stock')).toBe('7');
    expect(c('emergency-2026-06-stock')).toBe('7');
    expect(c('emergency-2026-02-inflow')).toBe('6');
    expect(c('emergency-2026-04-inflow')).toBe('7');
    expect(c('emergency-total-inflow')).toBe('13');
    // One social emergency: fewer than five in all, so no month shows it (not even a 0 beside a "< 5").
    expect(c('emergency-total-social')).toBe('&lt; 5');
    expect(c('emergency-2026-02-social')).toBe('×');
    expect(c('emergency-2026-04-social')).toBe('×');
    // 5 of February's 6 were placed: the 1 left is fewer than five, so the 5 is hidden, and April's
    // 0 too, or the total (5) would give February's 5 and so the 1 away.
    expect(c('emergency-total-placed')).toBe('5');
    expect(c('emergency-2026-02-placed')).toBe('×');
    expect(c('emergency-2026-04-placed')).toBe('×');
    expect(c('emergency-2026-03-placed')).toBe('0');
    // Days from the list to a place: 5, 8, 10, 12, 20.
    expect(c('emergencySpeed-medianToPlace-value')).toBe('10');

    // 6. Intermediaries: 6 in March; 5 of an OCMW (hidden, or 6 − 5 would give the CAW's 1 away).
    expect(c('intermediaryMonths-2026-03-intermediary')).toBe('6');
    expect(c('intermediaryMonths-2026-05-intermediary')).toBe('0');
    expect(c('intermediaryMonths-total-intermediary')).toBe('6');
    expect(c('intermediaryKinds-caw-n')).toBe('&lt; 5');
    expect(c('intermediaryKinds-ocmw-n')).toBe('×');
    expect(c('intermediaryKinds-vdab-n')).toBe('0');

    // 7. Priority by month, by the rules valid at each month's end: February's 6 (care for work)
    // under the old rules; in May only the 6 single parents under the test rules of 1 April.
    expect(c('priorityMonths-2026-01-priority')).toBe('0');
    expect(c('priorityMonths-2026-02-priority')).toBe('6');
    expect(c('priorityMonths-2026-02-share')).toBe('100%');
    expect(c('priorityMonths-2026-03-priority')).toBe('5');
    expect(c('priorityMonths-2026-03-share')).toBe('45,5%');
    expect(c('priorityMonths-2026-05-priority')).toBe('6');
    expect(c('priorityMonths-2026-05-share')).toBe('54,5%');
    expect(c('priorityMonths-2026-04-share')).toBe('–');
    expect(c('priorityMonths-total-priority')).toBe('17');
    expect(c('priorityMonths-total-share')).toBe('48,6%');
    expect(html).toContain('Testregels van 1 april 2026');

    // 8. Demand and supply. Monday: 7 + 6 + 6 + 5 + 11 = 35 child-days; Wednesday: 30; places:
    // 28 + 28 + 8 on Monday to Wednesday, 56 on Thursday and Friday.
    expect(c('demandWeekday-mon-childDays')).toBe('35');
    expect(c('demandWeekday-tue-childDays')).toBe('33');
    expect(c('demandWeekday-wed-childDays')).toBe('30');
    expect(c('demandWeekday-fri-childDays')).toBe('32');
    expect(c('demandWeekday-mon-places')).toBe('64');
    expect(c('demandWeekday-thu-places')).toBe('56');
    // Desired starts in the period: E's 6 in March (30 days a week), L's 7 in May (35).
    expect(c('demandMonths-2026-03-children')).toBe('6');
    expect(c('demandMonths-2026-03-daysPerWeek')).toBe('30');
    expect(c('demandMonths-2026-05-daysPerWeek')).toBe('35');
    expect(c('demandMonths-2026-05-placeDays')).toBe('304');
    // 163 days for 35 children; offers after 2, 4, 6, 8, 10 days; answers: seven after 3 days and
    // the five offers.
    expect(c('demandTimes-averageDays-value')).toBe('4,7');
    expect(c('demandTimes-offered-value')).toBe('5');
    expect(c('demandTimes-waitMedian-value')).toBe('6');
    expect(c('demandTimes-waitP75-value')).toBe('8');
    expect(c('demandTimes-answered-value')).toBe('12');
    expect(c('demandTimes-answerMedian-value')).toBe('3');
    expect(c('demandTimes-answerP75-value')).toBe('4,5');

    // 9. Families without a place: L1–L7, E6 and M1–M5 (13, as figure 3 says).
    expect(c('solution-unanswered')).toBe('13');
    expect(c('noPlacePriority-none-noPlace')).toBe('13');
    expect(c('noPlacePriority-priority-noPlace')).toBe('0');
    expect(c(`noPlaceResidence-${centrum}-noPlace`)).toBe('8');
    expect(c(`noPlaceResidence-${rand}-noPlace`)).toBe('5');
    // Care plans: 2 of two days and 3 of three, both fewer than five (their sum, 5, fixes neither).
    expect(c('noPlacePlan-upTo2-noPlace')).toBe('&lt; 5');
    expect(c('noPlacePlan-upTo3-noPlace')).toBe('&lt; 5');
    expect(c('noPlacePlan-upTo5-noPlace')).toBe('8');
    expect(c('noPlacePlan-total-noPlace')).toBe('13');
    expect(c('noPlaceCareType-group-noPlace')).toBe('8');
    expect(c('noPlaceCareType-family-noPlace')).toBe('5');

    // The charts: images with a name and a description, the values not shown named as gaps.
    for (const id of [
      'chart-byMonth',
      'chart-emergency',
      'chart-intermediaryMonths',
      'chart-priorityMonths',
    ]) {
      expect(html).toContain(`aria-labelledby="${id}-title" aria-describedby="${id}-desc"`);
    }
    expect(html).toMatch(/<desc id="chart-emergency-desc">[^<]*2 waarden worden niet getoond/);
    // Every group has its section and a link in the contents.
    for (const id of ['emergency', 'intermediaries', 'priority', 'demand', 'noPlace']) {
      expect(html).toContain(`href="#figures-${id}"`);
      expect(html).toContain(`id="figures-${id}"`);
    }
    expect(html).not.toMatch(/Kind\d|Familie\d/);
  });

  it('writes figures 5–9 into the CSV and the XLSX with the same protection', async () => {
    await fixtures();
    const policy = await policyUser();
    const csv = await policy.get(`/figures/export.csv?${PERIOD}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    expect(lines).toContain('Noodlijst per maand;feb 2026 – Nieuw op de noodlijst;6;');
    expect(lines).toContain('Noodlijst per maand;feb 2026 – Waarvan een plaats gevonden;×;');
    expect(lines).toContain(
      'Gezinnen zonder plaats volgens opvangplan;Tot 2 dagen per week – Zonder plaats;< 5;',
    );
    expect(lines).toContain(
      '"Gevraagde dagen, wachttijd en antwoordtijd";"Antwoordtijd van de opvang (75e percentiel, dagen) – Waarde";;"4,5"',
    );
    for (const line of lines.slice(2)) {
      const count = line.split(';')[2];
      if (count && /^\d+$/.test(count)) expect(Number(count) === 0 || Number(count) >= 5, line).toBe(true);
    }

    const xlsx = await policy.get(`/figures/export.xlsx?${PERIOD}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const start = rows.findIndex((r) => r[0] === 'Kinderen met voorrang per maand');
    expect(start).toBeGreaterThan(0);
    expect(rows.slice(start).find((r) => String(r[0]).startsWith('mei'))).toEqual(['mei 2026', 6, 6 / 11]);
    const plans = rows.findIndex((r) => r[0] === 'Gezinnen zonder plaats volgens opvangplan');
    expect(rows[plans + 2]).toEqual(['Tot 2 dagen per week', '< 5']);
  });
});
