import { and, asc, eq } from 'drizzle-orm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';
import { correctYearlyAmounts } from '../priority-rules/priority-rules.test-support.ts';

/** The provider handles a request in a few clicks: every step writes its event, mail and audit row. */
describe.each(BACKENDS)('handling a request as a provider on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let fixture: Awaited<ReturnType<typeof aFamilyRequest>>;
  let page: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    fixture = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      subMunicipalityId: s.subMunicipality?.id,
      locations: [s.first.id, s.second.id],
      childFirstName: 'Lena',
      childLastName: 'Peeters',
      birthDate: '2026-08-01',
      nationalNumberCipher: t.deps.vault.protect(makeNationalNumber(localDate('2026-08-01'), 123)).cipher,
      desiredStart: '2027-02-01',
      days: { wed: 'none', fri: 'half' },
      careNeeds: true,
      family: {
        singleParent: true,
        yearlyIncome: 21_000,
        priorityFactsGivenAt: new Date('2026-10-15T09:00:00Z'),
      },
      parentLanguage: 'fr',
    });
    // The seeded sets carry no income threshold: this one says what "low income" means here.
    await correctYearlyAmounts(t.deps.db, 'before-2024', { '2026': { incomeThreshold: 30_000 } });
    page = `/provider/locations/${s.first.id}/requests/${fixture.request.id}`;
  });
  afterEach(async () => t.close());

  const preference = async (locationId = s.first.id) => {
    const [row] = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(
        and(
          eq(schema.preferences.requestId, fixture.request.id),
          eq(schema.preferences.providerLocationId, locationId),
        ),
      );
    return row;
  };
  const mails = () => t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
  const events = () =>
    t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, fixture.request.id))
      .orderBy(asc(schema.statusEvents.id));
  const audits = (action: string) =>
    t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

  it('shows what the provider may see, with the national number masked and never decrypted', async () => {
    const nrn = makeNationalNumber(localDate('2026-08-01'), 123);
    const res = await staff.get(page);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Aanvraag van Lena Peeters');
    expect(res.body).toContain('26.08.01-***.**');
    expect(res.body).not.toContain(nrn);
    expect(res.body).not.toContain(nrn.slice(6));
    expect(res.body).toContain('alleenstaande ouder');
    expect(res.body).toContain('opgegeven (het bedrag wordt niet getoond');
    expect(res.body).not.toContain('21000');
    expect(res.body).toMatch(/Gegevens voor voorrang gegeven op[\s\S]*?15 oktober 2026/);
    expect(res.body).toContain('Voorrang: alleenstaande ouder · laag inkomen · kwetsbaar gezin (20%)');
    expect(res.body).toContain('Voorrang beoordeeld volgens: Voorrangsregels van vóór 1 april 2024');
    expect(res.body).toContain('Specifieke zorgnoden');
    expect(res.body).toContain('Centrum');
    expect(res.body).toContain(fixture.parent.email as string);
    // The other preference and what that provider did, and the history.
    expect(res.body).toMatch(/KDV Het Tweede Nest[\s\S]*Nieuw – nog niet bekeken/);
    expect(res.body).toContain('Aanvraag ingediend');
    // Opening it marked it seen (no mail for that), and the read was audited with the family.
    expect((await preference())?.status).toBe('seen');
    expect(await mails()).toHaveLength(0);
    const [read] = await audits('provider.request.read');
    expect(read?.familyId).toBe(fixture.family.id);
  });

  it('puts a request on the waiting list: event, mail in the parent’s language, audit, PRG', async () => {
    await staff.get(page);
    const res = await staff.post(`${page}/waiting-list`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=waitingList&told=mailed`);
    expect((await staff.get(res.headers.location as string)).body).toContain(
      'De aanvraag staat op uw wachtlijst.',
    );
    expect((await preference())?.status).toBe('waiting_list');
    expect((await events()).map((e) => e.eventType)).toContain('preference.waiting_list');
    const [mail] = await mails();
    expect(mail?.template).toBe('preference.waiting_list');
    expect(mail?.language).toBe('fr');
    expect(mail?.subject).toBe('Lena Peeters est sur la liste d’attente de KDV De Eerste Stap');
    expect(mail?.htmlBody).toContain('<p>');
    expect(mail?.textBody).toContain('Bonjour Ouder');
    expect(await audits('provider.preference.handle')).toHaveLength(1);
    expect(t.mailQueuedSignals).toBe(1);

    const again = await staff.post(`${page}/waiting-list`, {});
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze stap is nu niet mogelijk.');
    expect(await mails()).toHaveLength(1);
  });

  it('makes an offer with another care plan, and refuses bad input with 400 and messages', async () => {
    await staff.get(page);
    const bad = await staff.post(`${page}/offer`, {
      startDate: '2026-01-01',
      answerDeadline: 'morgen',
      day_mon: 'none',
      day_tue: 'none',
      day_wed: 'none',
      day_thu: 'none',
      day_fri: 'none',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Vul een bestaande datum in');
    const past = await staff.post(`${page}/offer`, {
      startDate: '2026-01-01',
      answerDeadline: '2026-11-29',
      day_mon: 'none',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('De startdatum kan niet in het verleden liggen.');
    expect(past.body).toContain('Kies minstens één dag opvang.');
    expect(past.body).toContain('value="2026-01-01"');
    expect(await t.deps.db.$count(schema.offers)).toBe(0);
    // The family answers before the care begins: a deadline after the start is refused.
    const late = await staff.post(`${page}/offer`, {
      startDate: '2026-11-25',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(errorText('nl', 'deadlineAfterStart'));
    expect(late.body).toContain('value="2026-11-29"');
    expect(await t.deps.db.$count(schema.offers)).toBe(0);

    const ok = await staff.post(`${page}/offer`, {
      startDate: '2027-03-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'none',
      day_thu: 'half',
      day_fri: 'none',
      message: 'Welkom!',
    });
    expect(ok.headers.location).toBe(`${page}?done=offer&told=mailed`);
    const [offer] = await t.deps.db.select().from(schema.offers);
    expect(offer?.carePlan.days).toEqual({ mon: 'full', tue: 'full', wed: 'none', thu: 'half', fri: 'none' });
    const [mail] = await mails();
    expect(mail?.template).toBe('offer.made');
    expect(mail?.subject).toBe('Une place pour Lena Peeters\u00a0: réponse demandée');
    expect(mail?.textBody).toContain('à partir du 1er mars 2027');
    expect(mail?.textBody).toContain('Welkom!');
    const after = await staff.get(page);
    expect(after.body).toContain('data-qa="pending-offer"');
  });

  it('marks no place with a reason code after a confirmation page; “other” needs a text', async () => {
    // The request page's button leads to the confirmation page, which says what will happen.
    expect((await staff.get(page)).body).toContain(`action="${page}/no-place"`);
    const confirm = await staff.get(`${page}/no-place`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Geen plaats melden voor Lena Peeters');
    expect(confirm.body).toContain(`De ouders krijgen een e-mail (${fixture.parent.email}).`);
    expect(confirm.body).toContain('De aanvraag loopt verder bij 1 andere opvanglocatie van het gezin.');
    expect(confirm.body).toContain('zolang er daarna niets anders gebeurt met deze aanvraag');
    expect(confirm.body).toContain(`href="${page}"`);
    // A POST without the confirmation page's field does nothing but send the user there.
    const unconfirmed = await staff.post(`${page}/no-place`, { noPlaceReason: 'full_for_period' });
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${page}/no-place`);
    expect((await preference())?.status).toBe('seen');

    await staff.get(`${page}/no-place`);
    const missing = await staff.post(`${page}/no-place`, { confirmed: 'yes' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Kies een van de mogelijkheden.');
    expect(missing.body).toContain('data-qa="confirm-no-place"');
    const other = await staff.post(`${page}/no-place`, { noPlaceReason: 'other', confirmed: 'yes' });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Vul dit veld in.');
    expect(await mails()).toHaveLength(0);

    const ok = await staff.post(`${page}/no-place`, {
      noPlaceReason: 'care_plan_does_not_fit',
      noPlaceText: 'Wij zijn op vrijdag gesloten.',
      confirmed: 'yes',
    });
    expect(ok.headers.location).toBe(`${page}?done=noPlace&told=mailed`);
    const row = await preference();
    expect(row?.status).toBe('no_place');
    expect(row?.noPlaceReason).toBe('care_plan_does_not_fit');
    expect(row?.noPlaceText).toBe('Wij zijn op vrijdag gesloten.');
    const [mail] = await mails();
    expect(mail?.template).toBe('preference.no_place');
    expect(mail?.textBody).toContain(
      'Raison\u00a0: Le plan d’accueil ne convient pas – Wij zijn op vrijdag gesloten.',
    );
    const event = (await events()).find((e) => e.eventType === 'preference.no_place');
    expect(event?.details).toEqual({ reason: 'care_plan_does_not_fit' });
    expect((await staff.get(page)).body).toContain('Geen plaats: Opvangplan past niet');
  });

  it('withdraws a pending offer after a confirmation page: back on the waiting list, parent told', async () => {
    await staff.get(page);
    const none = await staff.post(`${page}/withdraw-offer`, { confirmed: 'yes' });
    expect(none.statusCode).toBe(400);
    // Without an offer there is nothing to confirm: the page sends the user back to the request.
    expect((await staff.get(`${page}/withdraw-offer`)).headers.location).toBe(page);
    await staff.post(`${page}/offer`, {
      startDate: '2027-02-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
    });
    const confirm = await staff.get(`${page}/withdraw-offer`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Uw voorstel van een plaats vanaf 1 februari 2027 vervalt');
    expect(confirm.body).toContain('De aanvraag gaat terug naar uw wachtlijst.');
    expect(confirm.body).toContain(`De ouders krijgen een e-mail (${fixture.parent.email}).`);
    const unconfirmed = await staff.post(`${page}/withdraw-offer`, {});
    expect(unconfirmed.headers.location).toBe(`${page}/withdraw-offer`);
    expect((await preference())?.status).toBe('offer_made');
    const res = await staff.post(
      `${page}/withdraw-offer`,
      { confirmed: 'yes' },
      { formPage: `${page}/withdraw-offer` },
    );
    expect(res.headers.location).toBe(`${page}?done=withdrawn&told=mailed`);
    expect((await preference())?.status).toBe('waiting_list');
    const [offer] = await t.deps.db.select().from(schema.offers);
    expect(offer?.status).toBe('withdrawn');
    expect((await mails()).map((m) => m.template)).toEqual(['offer.made', 'offer.withdrawn']);
    expect((await staff.get(page)).body).toContain('Voorstel ingetrokken');
  });

  it('confirms the enrolment only after the parent accepted', async () => {
    await staff.get(page);
    expect((await staff.post(`${page}/enrolled`, {})).statusCode).toBe(400);
    await staff.post(`${page}/offer`, {
      startDate: '2027-02-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
    });
    // The parent's acceptance, as the parent side records it.
    const pref = await preference();
    await t.deps.db.update(schema.offers).set({ status: 'accepted' });
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'offer_accepted' })
      .where(eq(schema.preferences.id, pref?.id as string));
    const res = await staff.post(`${page}/enrolled`, {});
    expect(res.headers.location).toBe(`${page}?done=enrolled&told=mailed`);
    expect((await preference())?.status).toBe('enrolled');
    const last = (await mails()).at(-1);
    expect(last?.template).toBe('preference.enrolled');
    expect(last?.subject).toBe('Lena Peeters est inscrit·e chez KDV De Eerste Stap');
    expect(last?.textBody).toContain('à partir du 1er février 2027');
  });

  it('answers 404 for foreign ids and other locations, whatever the step', async () => {
    const steps = [
      'waiting-list',
      'offer',
      'no-place',
      'undo-no-place',
      'withdraw-offer',
      'enrolled',
      'notes',
      'custom-values',
    ];
    await staff.get(page);
    const unrelated = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.second.id],
    });
    const form = {
      startDate: '2027-02-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
      noPlaceReason: 'full_for_period',
      note: 'x',
      confirmed: 'yes',
    };
    for (const step of steps) {
      // A request that does not name this location.
      const foreign = `/provider/locations/${s.first.id}/requests/${unrelated.request.id}/${step}`;
      expect((await staff.post(foreign, form)).statusCode, foreign).toBe(404);
      // A location this staff member does not work at.
      const other = `/provider/locations/${s.second.id}/requests/${fixture.request.id}/${step}`;
      expect((await staff.post(other, form)).statusCode, other).toBe(404);
      if (step === 'no-place' || step === 'withdraw-offer') {
        expect((await staff.get(foreign)).statusCode, foreign).toBe(404);
        expect((await staff.get(other)).statusCode, other).toBe(404);
      }
      // Ids that are not ids.
      expect((await staff.post(`/provider/locations/x/requests/y/${step}`, form)).statusCode).toBe(404);
    }
    expect(
      (await staff.get(`/provider/locations/${s.first.id}/requests/${unrelated.request.id}`)).statusCode,
    ).toBe(404);
    expect(await mails()).toHaveLength(0);
    expect((await preference(s.second.id))?.status).toBe('new');
  });

  it('keeps private notes per location', async () => {
    await staff.get(page);
    expect((await staff.post(`${page}/notes`, { note: '  ' })).statusCode).toBe(400);
    const res = await staff.post(`${page}/notes`, { note: 'Mama belt terug na de vakantie.' });
    expect(res.headers.location).toBe(`${page}?done=note`);
    const shown = await staff.get(page);
    expect(shown.body).toContain('Mama belt terug na de vakantie.');
    expect(await audits('provider.request.annotate')).toHaveLength(1);
    // The second location, also chosen, does not see the first one's notes.
    const second = new TestClient(t.app);
    await second.login(s.secondStaff.email, TEST_PASSWORD);
    const theirs = await second.get(`/provider/locations/${s.second.id}/requests/${fixture.request.id}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('Mama belt terug');
    expect((await staff.get(`/provider/locations/${s.first.id}/waiting-list`)).body).toContain(
      'Mama belt terug na de vakantie.',
    );
  });

  it('warns when the family accepted a place elsewhere and chose to stay on this list', async () => {
    const second = await preference(s.second.id);
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'offer_accepted' })
      .where(eq(schema.preferences.id, second?.id as string));
    await t.deps.db.update(schema.requests).set({ status: 'answered' });
    const res = await staff.get(page);
    expect(res.body).toContain('data-qa="accepted-elsewhere"');
    expect(res.body).toContain('een plaats bij KDV Het Tweede Nest');
    // Still allowed: the parents kept this higher preference open.
    expect(res.body).toContain('data-qa="send-offer"');
  });

  it('lists a provider admin’s locations on the home page and sends staff of one location to its list', async () => {
    const res = await staff.get('/provider');
    expect(res.headers.location).toBe(`/provider/locations/${s.first.id}/waiting-list`);
    const admin = await aUser(t.deps.db, { role: 'provider_admin', providerLocationId: s.first.id });
    await t.deps.db
      .insert(schema.roleGrants)
      .values({ userId: admin.id, role: 'provider_admin', providerLocationId: s.second.id });
    const client = new TestClient(t.app);
    await client.login(admin.email, TEST_PASSWORD);
    const home = await client.get('/provider');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('KDV De Eerste Stap');
    expect(home.body).toContain(`/provider/locations/${s.second.id}/emergency-list`);
  });
});
