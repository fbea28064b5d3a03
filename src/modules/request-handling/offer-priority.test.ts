import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

/**
 * An offer records the rule set valid the day it was made and the priority it gave the family
 * (ADR 0018): after the rules change, the offer's history still says how priority stood then.
 */
describe.each(BACKENDS)('the rule set recorded on an offer on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;

  beforeEach(async () => {
    // 1 June 2024: the rules of 1 April 2024 (annulled later) were in force.
    t = await buildTestApp(backend, { now: '2024-06-01T09:00:00Z' });
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  async function staffOf(email: string) {
    const client = new TestClient(t.app);
    await client.login(email, TEST_PASSWORD);
    return client;
  }

  const offers = () =>
    t.deps.db
      .select({
        location: schema.preferences.providerLocationId,
        code: schema.priorityRuleSets.code,
        version: schema.priorityRuleSets.version,
        level: schema.offers.priorityLevel,
        vulnerable: schema.offers.priorityVulnerable,
        reasons: schema.offers.priorityReasons,
      })
      .from(schema.offers)
      .innerJoin(schema.preferences, eq(schema.preferences.id, schema.offers.preferenceId))
      .leftJoin(schema.priorityRuleSets, eq(schema.priorityRuleSets.id, schema.offers.priorityRuleSetId))
      .orderBy(asc(schema.offers.createdAt));

  it('records set A on an offer made under A, set B on one made after the clock moved into B, and A stays', async () => {
    // A single parent with a sibling in care: absolute priority under the 2024 rules (sibling
    // present), priority under the rules before 2024 (single parent, sibling).
    const fixture = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      birthDate: '2024-02-01',
      desiredStart: '2024-09-01',
      submittedAt: '2024-05-01T10:00:00Z',
      family: { singleParent: true, siblingsInCare: true },
    });
    const requestId = fixture.request.id;
    const firstPage = `/provider/locations/${s.first.id}/requests/${requestId}`;
    const first = await staffOf(s.firstStaff.email);
    await first.get(firstPage);
    const made = await first.post(`${firstPage}/offer`, {
      startDate: '2024-09-01',
      answerDeadline: '2024-06-10',
      day_mon: 'full',
    });
    expect(made.statusCode).toBe(303);
    expect(await offers()).toEqual([
      {
        location: s.first.id,
        code: 'april-2024',
        version: 1,
        level: 2,
        vulnerable: false,
        reasons: ['siblingsInCare'],
      },
    ]);

    // A year on, the rules before 1 April 2024 apply again; the second location offers.
    t.clock.set('2025-06-01T09:00:00Z');
    const secondPage = `/provider/locations/${s.second.id}/requests/${requestId}`;
    const second = await staffOf(s.secondStaff.email);
    await second.get(secondPage);
    const again = await second.post(`${secondPage}/offer`, {
      startDate: '2025-09-01',
      answerDeadline: '2025-06-10',
      day_mon: 'full',
    });
    expect(again.statusCode).toBe(303);
    const recorded = await offers();
    expect(recorded[0]).toMatchObject({ code: 'april-2024', level: 2, reasons: ['siblingsInCare'] });
    expect(recorded[1]).toEqual({
      location: s.second.id,
      code: 'before-2024',
      version: 1,
      level: 1,
      vulnerable: false,
      reasons: ['singleParent', 'siblingsInCare'],
    });

    // The timeline explains each offer by the rules of its day; today's judgement is the new one.
    // A page opened with ?lang=en (as from an English mail) is English.
    const page = await second.get(`${secondPage}?lang=en`);
    const lines = [...page.body.matchAll(/data-qa="offer-priority">([^<]*)</g)].map((m) => m[1]);
    expect(lines).toEqual([
      'priority judged by Priority rules of 1 April 2024 (annulled) v1 — Absolute priority: sibling present',
      'priority judged by Priority rules before 1 April 2024 v1 — Priority: single parent · sibling present',
    ]);
    expect(page.body).toContain('Priority: single parent · sibling present');
  });

  it('says so in Dutch and French, and records no set on a day no set covers', async () => {
    // Before the first stored period (1 April 2014) no set applies: nobody has priority.
    t.clock.set('2014-01-06T09:00:00Z');
    const fixture = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      birthDate: '2013-12-01',
      desiredStart: '2014-03-01',
      submittedAt: '2014-01-02T10:00:00Z',
      family: { singleParent: true },
    });
    const page = `/provider/locations/${s.first.id}/requests/${fixture.request.id}`;
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    await staff.get(page);
    const made = await staff.post(`${page}/offer`, {
      startDate: '2014-03-01',
      answerDeadline: '2014-01-20',
      day_mon: 'full',
    });
    expect(made.statusCode).toBe(303);
    expect(await offers()).toEqual([
      { location: s.first.id, code: null, version: null, level: 0, vulnerable: false, reasons: [] },
    ]);
    const nl = await staff.get(page);
    expect(nl.body).toContain('data-qa="offer-priority">Geen voorrangsregels geldig op deze dag<');

    t.clock.set('2024-06-01T09:00:00Z');
    const second = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      birthDate: '2024-02-01',
      desiredStart: '2024-09-01',
      submittedAt: '2024-05-01T10:00:00Z',
      family: { fosterChild: true },
    });
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    const frPage = `/provider/locations/${s.first.id}/requests/${second.request.id}`;
    await staff.get(frPage);
    await staff.post(`${frPage}/offer`, {
      startDate: '2024-09-01',
      answerDeadline: '2024-06-10',
      day_mon: 'full',
    });
    const body = (await staff.get(`${frPage}?lang=fr`)).body;
    expect(body).toContain(
      'data-qa="offer-priority">priorité jugée selon Règles de priorité du 1er avril 2024 (annulées) v1 — Priorité absolue\u00a0: enfant placé en famille d’accueil<',
    );
  });

  it('records the set on an offer from the emergency list by a location the parents did not choose', async () => {
    t.clock.set('2025-06-01T09:00:00Z');
    const fixture = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      birthDate: '2025-01-15',
      desiredStart: '2025-06-15',
      submittedAt: '2025-05-01T10:00:00Z',
      family: { needsCareForWork: true },
    });
    const staff = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.third.id });
    const client = new TestClient(t.app);
    await client.login(staff.email, TEST_PASSWORD);
    const offerPage = `/provider/locations/${s.third.id}/emergency-list/${fixture.request.id}`;
    expect((await client.get(offerPage)).statusCode).toBe(200);
    const res = await client.post(`${offerPage}/offer`, {
      startDate: '2025-06-16',
      answerDeadline: '2025-06-05',
      day_mon: 'full',
    });
    expect(res.statusCode).toBe(303);
    expect(await offers()).toEqual([
      {
        location: s.third.id,
        code: 'before-2024',
        version: 1,
        level: 2,
        vulnerable: false,
        reasons: ['needsCareForWork'],
      },
    ]);
  });
});
