import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import {
  aFamilyRequest,
  aMunicipality,
  aProviderLocation,
  aScenario,
  aUser,
  TEST_PASSWORD,
} from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

/** Rows of the list as "start (age)" markers, in order: the start dates are unique per fixture. */
function starts(html: string): string[] {
  return [...html.matchAll(/data-qa="emergency-start">(\d{2}\/\d{2}\/\d{4})/g)].map((m) => m[1] as string);
}

describe.each(BACKENDS)('the emergency list on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let third: TestClient;
  let thirdStaff: { id: string; email: string };
  let list: string;

  beforeEach(async () => {
    // Today is 22 November 2026; the municipality's window is 30 days.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    thirdStaff = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.third.id });
    third = new TestClient(t.app);
    await third.login(thirdStaff.email, TEST_PASSWORD);
    list = `/provider/locations/${s.third.id}/emergency-list`;
  });
  afterEach(async () => t.close());

  async function requests() {
    const m = s.municipality.id;
    const db = t.deps.db;
    const base = { municipalityId: m, locations: [s.first.id, s.second.id] };
    const soon = await aFamilyRequest(db, { ...base, childFirstName: 'Quinten', desiredStart: '2026-12-10' });
    const later = await aFamilyRequest(db, { ...base, childFirstName: 'Later', desiredStart: '2027-02-01' });
    const passed = await aFamilyRequest(db, {
      ...base,
      childFirstName: 'Ruben',
      desiredStart: '2026-11-01',
      subMunicipalityId: s.subMunicipality?.id,
    });
    const social = await aFamilyRequest(db, {
      ...base,
      childFirstName: 'Wout',
      desiredStart: '2026-12-20',
      socialReason: 'foster_placement',
      family: { singleParent: true, needsCareForWork: true },
    });
    // Not on the list: placed (accepted elsewhere), answered, withdrawn, or another municipality.
    await aFamilyRequest(db, {
      ...base,
      childFirstName: 'Placed',
      desiredStart: '2026-12-01',
      preferenceStatuses: ['offer_accepted', 'placed_elsewhere'],
    });
    await aFamilyRequest(db, {
      ...base,
      childFirstName: 'Answered',
      desiredStart: '2026-12-02',
      status: 'answered',
    });
    await aFamilyRequest(db, {
      ...base,
      childFirstName: 'Gone',
      desiredStart: '2026-12-03',
      status: 'withdrawn',
    });
    const elsewhere = await aMunicipality(db, { regionId: s.region.id });
    const far = await aProviderLocation(db, { municipalityId: elsewhere.id, name: 'KDV Verweg' });
    await aFamilyRequest(db, {
      municipalityId: elsewhere.id,
      locations: [far.id],
      desiredStart: '2026-12-04',
    });
    return { soon, later, passed, social, far, elsewhere };
  }

  it('shows unplaced requests starting within the window, passed ones included, social emergencies first', async () => {
    const made = await requests();
    const res = await third.get(list);
    expect(res.statusCode).toBe(200);
    expect(starts(res.body)).toEqual(['20/12/2026', '01/11/2026', '10/12/2026']);
    expect(res.body).toContain('Sociale reden: Pleegzorgplaatsing');
    expect(res.body).toContain('Centrum');
    expect(res.body).toContain('3 aanvragen op de noodlijst');
    // Only what a provider needs: no names, no file numbers, no contact data.
    for (const name of ['Quinten', 'Ruben', 'Wout', 'KO-', '@test.example'])
      expect(res.body).not.toContain(name);
    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.emergencyList.read'));
    expect(audit?.details).toMatchObject({ list: 'emergency', rows: 3 });
    // The audit row names whose data the list showed.
    const shown = (audit?.details as { families: string[] } | undefined)?.families ?? [];
    expect([...shown].sort()).toEqual([made.soon, made.passed, made.social].map((r) => r.family.id).sort());
  });

  it('shows the last page, with the count, for a page beyond it', async () => {
    await requests();
    const beyond = await third.get(`${list}?page=7`);
    expect(beyond.statusCode).toBe(200);
    expect(starts(beyond.body)).toEqual(['20/12/2026', '01/11/2026', '10/12/2026']);
    expect(beyond.body).toContain('3 aanvragen op de noodlijst');
  });

  it('moves by itself as the days pass', async () => {
    await requests();
    t.clock.advanceDays(60);
    await third.login(thirdStaff.email, TEST_PASSWORD);
    // 21 January 2027: "later" (1 February) has entered the window; the rest are still unplaced.
    expect(starts((await third.get(list)).body)).toEqual([
      '20/12/2026',
      '01/11/2026',
      '10/12/2026',
      '01/02/2027',
    ]);
    await t.deps.db.update(schema.municipalities).set({ emergencyWindowDays: 5 });
    expect(starts((await third.get(list)).body)).toEqual(['20/12/2026', '01/11/2026', '10/12/2026']);
  });

  it('is visible to every provider of the municipality, and only of that municipality', async () => {
    const { far, elsewhere } = await requests();
    const first = new TestClient(t.app);
    await first.login(s.firstStaff.email, TEST_PASSWORD);
    const firstList = await first.get(`/provider/locations/${s.first.id}/emergency-list`);
    expect(starts(firstList.body)).toHaveLength(3);
    // Already among the preferences: a link to its own request page instead of an offer.
    expect(firstList.body.match(/data-qa="emergency-open"/g)).toHaveLength(3);
    expect(firstList.body).not.toContain('data-qa="emergency-offer"');
    // Not through a location one does not work at.
    expect((await third.get(`/provider/locations/${s.first.id}/emergency-list`)).statusCode).toBe(404);
    const farStaff = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: far.id });
    const farClient = new TestClient(t.app);
    await farClient.login(farStaff.email, TEST_PASSWORD);
    const farList = await farClient.get(`/provider/locations/${far.id}/emergency-list`);
    expect(starts(farList.body)).toEqual(['04/12/2026']);
    expect(farList.body).toContain(elsewhere.name);
    // Other roles may not attempt it at all.
    const desk = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    const deskClient = new TestClient(t.app);
    await deskClient.login(desk.email, TEST_PASSWORD);
    expect((await deskClient.get(list)).statusCode).toBe(403);
  });

  it('lets a provider the parents did not choose offer a place, which adds it to the request', async () => {
    const { social, later } = await requests();
    const offerPage = `${list}/${social.request.id}`;
    const page = await third.get(offerPage);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Wout');

    const bad = await third.post(`${offerPage}/offer`, {
      startDate: '2026-11-01',
      answerDeadline: '',
      day_mon: 'full',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul dit veld in.');
    expect(await t.deps.db.$count(schema.offers)).toBe(0);

    const res = await third.post(`${offerPage}/offer`, {
      startDate: '2026-12-20',
      answerDeadline: '2026-11-27',
      day_mon: 'full',
      day_tue: 'full',
      message: 'Wij hebben een plaats.',
    });
    expect(res.statusCode).toBe(303);
    const requestPage = `/provider/locations/${s.third.id}/requests/${social.request.id}`;
    expect(res.headers.location).toBe(`${requestPage}?done=offer&told=mailed`);
    const [added] = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(
        and(
          eq(schema.preferences.requestId, social.request.id),
          eq(schema.preferences.providerLocationId, s.third.id),
        ),
      );
    expect(added).toMatchObject({ rank: null, addedFromEmergencyList: true, status: 'offer_made' });
    const [offer] = await t.deps.db.select().from(schema.offers);
    expect(offer).toMatchObject({
      preferenceId: added?.id,
      startDate: '2026-12-20',
      answerDeadline: '2026-11-27',
    });
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.preferenceId, added?.id as string));
    expect(events.map((e) => e.eventType)).toEqual(['preference.added', 'preference.offer_made']);
    const [mail] = await t.deps.db.select().from(schema.outbox);
    expect(mail?.template).toBe('offer.made');
    expect(mail?.textBody).toContain('Onthaalouder Derde stelt een plaats voor Wout');

    // Now on this location's own list, with the full file; the list links there instead.
    const detail = await third.get(res.headers.location as string);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Aanvraag van Wout');
    expect(detail.body).toContain('via de noodlijst');
    expect((await third.get(offerPage)).headers.location).toBe(requestPage);
    const again = await third.post(`${offerPage}/offer`, {
      startDate: '2026-12-20',
      answerDeadline: '2026-11-27',
      day_mon: 'full',
    });
    expect(again.statusCode).toBe(400);
    expect(await t.deps.db.$count(schema.offers)).toBe(1);

    // A request outside the window cannot be offered from the list.
    const outside = await third.post(`${list}/${later.request.id}/offer`, {
      startDate: '2027-02-01',
      answerDeadline: '2026-11-27',
      day_mon: 'full',
    });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses an offer once the request has left the list', async () => {
    const { soon } = await requests();
    const offerPage = `${list}/${soon.request.id}`;
    await third.get(offerPage);
    // Opening one request of the list is a read of that family's data, and recorded as such.
    const [read] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'provider.emergencyList.offer'));
    expect(read).toMatchObject({
      subjectId: soon.request.id,
      familyId: soon.family.id,
      actorRole: 'provider_staff',
    });
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'offer_accepted' })
      .where(and(eq(schema.preferences.requestId, soon.request.id), eq(schema.preferences.rank, 1)));
    const res = await third.post(`${offerPage}/offer`, {
      startDate: '2026-12-10',
      answerDeadline: '2026-11-27',
      day_mon: 'full',
    });
    expect(res.statusCode).toBe(404);
    expect(await t.deps.db.$count(schema.offers)).toBe(0);
  });
});
