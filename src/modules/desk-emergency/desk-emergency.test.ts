import { eq } from 'drizzle-orm';
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

const NOTE = 'Moeder in de vluchthuisopvang sinds gisteren, vertrouwelijk';

/** The rows of an emergency list as the data-qa markers of their first cell, in order. */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/data-qa="emergency-start">(\d{2}\/\d{2}\/\d{4})/g)].map((m) => m[1] as string);
}

describe.each(BACKENDS)('the desk’s emergency follow-up on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let made: Awaited<ReturnType<typeof aFamilyRequest>>;
  let page: string;

  beforeEach(async () => {
    // Today is 22 November 2026; the municipality's window is 30 days.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
    made = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Yasmine',
      desiredStart: '2026-12-10',
    });
    page = `/desk/requests/${made.request.id}/emergency`;
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const requestRow = async () =>
    (await db().select().from(schema.requests).where(eq(schema.requests.id, made.request.id)))[0];
  const notes = () => db().select().from(schema.deskNotes);
  const events = async (type: string) =>
    (
      await db().select().from(schema.statusEvents).where(eq(schema.statusEvents.requestId, made.request.id))
    ).filter((e) => e.eventType === type);
  const outbox = () => db().select().from(schema.outbox);
  const forwards = () => db().select().from(schema.requestForwards);

  async function providerClient(locationId: string, email?: string) {
    const staff = email
      ? { email }
      : await aUser(db(), { role: 'provider_staff', providerLocationId: locationId });
    const client = new TestClient(t.app);
    await client.login(staff.email, TEST_PASSWORD);
    return client;
  }

  it('shows the request, and marks it as a social emergency with a confidential note', async () => {
    const view = await desk.get(page);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Noodopvolging – Yasmine');
    expect(view.body).toContain(made.family.fileNumber);
    expect(view.body).toContain('Niet gemarkeerd');

    const res = await desk.post(page, { category: 'child_protection', note: NOTE });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=flagged`);
    const after = await desk.get(String(res.headers.location));
    expect(after.body).toContain('De aanvraag is gemarkeerd als sociale noodsituatie.');
    expect(after.body).toContain('Kinderbescherming – door');
    expect(after.body).toContain(NOTE);

    const row = await requestRow();
    expect(row?.socialReason).toBe('child_protection');
    expect(row?.socialEmergencyAt).not.toBeNull();
    expect(await notes()).toMatchObject([{ kind: 'social_emergency', body: NOTE }]);
    const [marked] = await events('request.social_emergency_marked');
    expect(marked).toMatchObject({ actorRole: 'desk', details: { category: 'child_protection' } });
    // The note's text is in no event and no audit row.
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.emergency.manage'));
    expect(
      audit.some(
        (a) =>
          a.familyId === made.family.id && (a.details as { change?: string })?.change === 'social_emergency',
      ),
    ).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('vluchthuis');
    expect(JSON.stringify(marked)).not.toContain('vluchthuis');

    // Changing the category: an event with both; the same category without a note changes nothing.
    const change = await desk.post(page, { category: 'family_crisis', note: '' });
    expect(change.headers.location).toBe(`${page}?done=changed`);
    expect(await events('request.social_emergency_changed')).toHaveLength(1);
    const same = await desk.post(page, { category: 'family_crisis', note: '' });
    expect(same.headers.location).toBe(`${page}?done=unchanged`);
    expect(await events('request.social_emergency_changed')).toHaveLength(1);
  });

  it('lets a provider of the municipality see the flag and category on its emergency list, never the note', async () => {
    await desk.post(page, { category: 'foster_placement', note: NOTE }, { formPage: page });
    await desk.post(`${page}/contacts`, { channel: 'phone', contactText: 'Gebeld met de pleegzorgdienst' });
    const third = await providerClient(s.third.id);
    const list = await third.get(`/provider/locations/${s.third.id}/emergency-list`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Sociale reden: Pleegzorgplaatsing');
    expect(list.body).not.toContain(NOTE);
    expect(list.body).not.toContain('vluchthuis');
    expect(list.body).not.toContain('pleegzorgdienst');
    // Nor on the offer page of the list, nor on the request page of a location among the preferences.
    const offer = await third.get(`/provider/locations/${s.third.id}/emergency-list/${made.request.id}`);
    expect(offer.body).toContain('Pleegzorgplaatsing');
    expect(offer.body).not.toContain('vluchthuis');
    const first = await providerClient(s.first.id, s.firstStaff.email);
    const own = await first.get(`/provider/locations/${s.first.id}/requests/${made.request.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('vluchthuis');
    expect(own.body).not.toContain('pleegzorgdienst');
  });

  it('lifts the flag through a confirmation page, keeping the notes', async () => {
    await desk.post(page, { category: 'medical', note: NOTE }, { formPage: page });
    // Without the confirmation page's field nothing happens: the user is sent there.
    const direct = await desk.post(`${page}/lift`, {});
    expect(direct.statusCode).toBe(303);
    expect(direct.headers.location).toBe(`${page}/lift`);
    expect((await requestRow())?.socialReason).toBe('medical');
    const confirm = await desk.get(`${page}/lift`);
    expect(confirm.body).toContain('De markering “Medische reden” verdwijnt');
    const res = await desk.post(`${page}/lift`, { confirmed: 'yes' });
    expect(res.headers.location).toBe(`${page}?done=lifted`);
    const row = await requestRow();
    expect(row?.socialReason).toBeNull();
    expect(row?.socialEmergencyAt).toBeNull();
    expect(await events('request.social_emergency_lifted')).toHaveLength(1);
    expect(await notes()).toHaveLength(1);
    const after = await desk.get(String(res.headers.location));
    expect(after.body).toContain('De markering als sociale noodsituatie is opgeheven.');
    expect(after.body).toContain('Niet gemarkeerd');
    const third = await providerClient(s.third.id);
    expect((await third.get(`/provider/locations/${s.third.id}/emergency-list`)).body).not.toContain(
      'Sociale reden',
    );
    // Lifting again: the confirmation page is gone, back to the page.
    expect((await desk.get(`${page}/lift`)).headers.location).toBe(page);
  });

  it('keeps a contact log dated by the clock', async () => {
    const res = await desk.post(
      `${page}/contacts`,
      { channel: 'visit', contactText: 'Moeder kwam langs aan het loket' },
      { formPage: page },
    );
    expect(res.headers.location).toBe(`${page}?done=contact`);
    const [contact] = await notes();
    expect(contact).toMatchObject({ kind: 'contact', contactChannel: 'visit', requestId: made.request.id });
    expect(contact?.createdAt.toISOString()).toBe('2026-11-22T09:00:00.000Z');
    const view = await desk.get(String(res.headers.location));
    expect(view.body).toContain('Het contact is genoteerd.');
    expect(view.body).toContain('Bezoek ·');
    expect(view.body).toContain('Moeder kwam langs aan het loket');
  });

  it('puts the request forward to two locations: a mail to each, on top of both lists, once', async () => {
    // Another request on the list, flagged and starting sooner: the forwarded one still comes first.
    await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      desiredStart: '2026-12-01',
      socialReason: 'child_protection',
    });
    const secondStaff = await aUser(db(), {
      role: 'provider_staff',
      providerLocationId: s.second.id,
      language: 'fr',
    });
    const thirdStaff = await aUser(db(), { role: 'provider_staff', providerLocationId: s.third.id });
    await db().delete(schema.roleGrants).where(eq(schema.roleGrants.userId, s.secondStaff.id));
    const res = await desk.post(
      `${page}/forward`,
      { locations: [s.second.id, s.third.id] },
      { formPage: page },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=forwarded&added=2&already=0`);
    const after = await desk.get(String(res.headers.location));
    expect(after.body).toContain('De aanvraag is doorgestuurd naar 2 opvanglocaties');
    expect(after.body.match(/data-qa="forward-row"/g)).toHaveLength(2);
    expect(after.body).toContain('Nog niets');

    const mails = await outbox();
    expect(mails.map((m) => m.toAddress).sort()).toEqual([secondStaff.email, thirdStaff.email].sort());
    const french = mails.find((m) => m.toAddress === secondStaff.email);
    expect(french?.language).toBe('fr');
    expect(french?.subject).toContain('Le guichet demande une place');
    for (const mail of mails) {
      expect(mail.template).toBe('desk.request_forwarded');
      expect(mail.textBody).not.toContain('Yasmine');
      expect(mail.textBody).toContain(`/provider/locations/`);
    }
    expect(await forwards()).toHaveLength(2);
    expect(await events('request.forwarded')).toHaveLength(1);
    expect(t.mailQueuedSignals).toBe(1);

    for (const [locationId, email] of [
      [s.second.id, secondStaff.email],
      [s.third.id, thirdStaff.email],
    ] as const) {
      const client = await providerClient(locationId, email);
      const list = await client.get(`/provider/locations/${locationId}/emergency-list`);
      expect(rowsOf(list.body)[0]).toBe('10/12/2026');
      expect(list.body).toMatch(/(Door het loket doorgestuurd op|Transmise par le guichet le) 22\/11\/2026/);
    }
    // A location it was not put forward to sees no mark, and the flagged request on top.
    const first = await providerClient(s.first.id, s.firstStaff.email);
    const firstList = await first.get(`/provider/locations/${s.first.id}/emergency-list`);
    expect(rowsOf(firstList.body)[0]).toBe('01/12/2026');
    expect(firstList.body).not.toContain('data-qa="forwarded-flag"');

    // Forwarding again to one of them and a new one: one new row, one new mail, and it says so.
    const again = await desk.post(`${page}/forward`, { locations: [s.third.id] }, { formPage: page });
    expect(again.headers.location).toBe(`${page}?done=forwarded&added=0&already=1`);
    expect((await desk.get(String(again.headers.location))).body).toContain(
      '1 gekozen opvanglocatie had de aanvraag al: daar is niets gewijzigd.',
    );
    expect(await forwards()).toHaveLength(2);
    expect(await outbox()).toHaveLength(2);
    expect(await events('request.forwarded')).toHaveLength(1);
  });

  it('keeps a forwarded request on the chosen locations’ list beyond the window, not on the others’', async () => {
    const later = await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      desiredStart: '2027-04-01',
    });
    const laterPage = `/desk/requests/${later.request.id}/emergency`;
    // The third location has no staff account and no e-mail address: the desk is told to call it.
    const res = await desk.post(`${laterPage}/forward`, { locations: [s.third.id] }, { formPage: laterPage });
    expect(res.headers.location).toBe(`${laterPage}?done=forwarded&added=1&already=0&unmailed=1`);
    expect((await desk.get(String(res.headers.location))).body).toContain(
      '1 van die opvanglocaties heeft geen medewerkers en geen e-mailadres: bel ze.',
    );
    expect(await outbox()).toHaveLength(0);
    const third = await providerClient(s.third.id);
    expect(rowsOf((await third.get(`/provider/locations/${s.third.id}/emergency-list`)).body)).toContain(
      '01/04/2027',
    );
    const second = await providerClient(s.second.id, s.secondStaff.email);
    expect(
      rowsOf((await second.get(`/provider/locations/${s.second.id}/emergency-list`)).body),
    ).not.toContain('01/04/2027');
  });

  it('refuses bad input with a message in the user’s language and stores nothing', async () => {
    const elsewhere = await aMunicipality(db(), { regionId: s.region.id });
    const far = await aProviderLocation(db(), { municipalityId: elsewhere.id });
    const cases: [string, Record<string, string | string[]>, string][] = [
      [page, { category: 'invented', note: NOTE }, 'Kies een van de mogelijkheden.'],
      [page, { category: 'child_protection', note: '' }, 'Vul dit veld in.'],
      [page, { category: 'child_protection', note: '   ' }, 'Vul dit veld in.'],
      [`${page}/contacts`, { channel: 'pigeon', contactText: 'x' }, 'Kies een van de mogelijkheden.'],
      [`${page}/contacts`, { channel: 'phone', contactText: '' }, 'Vul dit veld in.'],
      [`${page}/forward`, {}, 'Kies minstens één opvanglocatie.'],
      [`${page}/forward`, { locations: ['not-a-uuid', s.second.id] }, 'Kies een van de mogelijkheden.'],
      [`${page}/forward`, { locations: [s.second.id, far.id] }, 'Kies een van de mogelijkheden.'],
    ];
    for (const [url, form, message] of cases) {
      const res = await desk.post(url, form, { formPage: page });
      expect({ url, form, status: res.statusCode }).toEqual({ url, form, status: 400 });
      expect(res.body).toContain(message);
      expect(res.body).toContain('Er is een probleem');
    }
    expect((await requestRow())?.socialReason).toBeNull();
    expect(await notes()).toHaveLength(0);
    expect(await forwards()).toHaveLength(0);
    expect(await outbox()).toHaveLength(0);
    expect(await events('request.forwarded')).toHaveLength(0);
    // In French for a French-speaking officer, with French typography.
    const officer = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id, language: 'fr' });
    const french = new TestClient(t.app);
    await french.login(officer.email, TEST_PASSWORD);
    const fr = await french.post(page, { category: 'child_protection', note: '' }, { formPage: page });
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('Remplissez ce champ.');
    expect(fr.body).toContain('Suivi d’urgence – Yasmine');
    expect(await notes()).toHaveLength(0);
  });

  it('answers 404 on every route to the desk of another municipality', async () => {
    const elsewhere = await aMunicipality(db(), { regionId: s.region.id });
    const foreign = await aUser(db(), { role: 'desk', municipalityId: elsewhere.id });
    const other = new TestClient(t.app);
    await other.login(foreign.email, TEST_PASSWORD);
    await other.get('/');
    expect((await other.get(page)).statusCode).toBe(404);
    expect((await other.get(`${page}/lift`)).statusCode).toBe(404);
    expect((await other.post(page, { category: 'medical', note: NOTE })).statusCode).toBe(404);
    expect((await other.post(`${page}/lift`, { confirmed: 'yes' })).statusCode).toBe(404);
    expect((await other.post(`${page}/contacts`, { channel: 'phone', contactText: 'x' })).statusCode).toBe(
      404,
    );
    expect((await other.post(`${page}/forward`, { locations: [s.second.id] })).statusCode).toBe(404);
    expect(await notes()).toHaveLength(0);
    expect(await forwards()).toHaveLength(0);
    expect((await requestRow())?.socialReason).toBeNull();
    // And a provider may not attempt the desk's routes at all.
    const first = await providerClient(s.first.id, s.firstStaff.email);
    expect((await first.get(page)).statusCode).toBe(403);
  });
});
