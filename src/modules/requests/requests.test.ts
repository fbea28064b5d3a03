import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';

const requestForm = (overrides: Record<string, string> = {}) => ({
  submissionKey: crypto.randomUUID(),
  parentFirstName: 'Sofie',
  parentLastName: 'Peeters',
  childFirstName: 'Lena',
  childLastName: 'Peeters',
  childBorn: 'yes',
  birthDate: '2026-08-01',
  desiredStart: '2027-02-01',
  day_mon: 'full',
  day_tue: 'full',
  day_wed: 'none',
  day_thu: 'full',
  day_fri: 'half',
  ...overrides,
});

describe.each(BACKENDS)('the request slice on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let parent: TestClient;
  let parentUser: { id: string; email: string };

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    parentUser = await aUser(t.deps.db, { role: 'parent', language: 'fr' });
    parent = new TestClient(t.app);
    await parent.login(parentUser.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  async function submit(overrides: Record<string, string> = {}) {
    return parent.post(
      '/parent/requests',
      requestForm({
        municipalityId: s.municipality.id,
        preference1: s.first.id,
        preference2: s.second.id,
        ...overrides,
      }),
      { formPage: '/parent/requests/new' },
    );
  }

  it('files a request, lets the first provider offer, and closes the second as placed elsewhere', async () => {
    const res = await submit();
    expect(res.statusCode).toBe(303);
    const followUp = res.headers.location as string;
    expect(followUp).toMatch(/^\/parent\/requests\/[0-9a-f-]{36}$/);
    const requestId = followUp.split('/').pop() as string;

    // The parent's follow-up page, in the parent's language (French).
    const page = await parent.get(followUp);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Demande pour Lena Peeters');
    expect(page.body).toContain('KDV De Eerste Stap');

    // Both providers see the child on their waiting list.
    const first = new TestClient(t.app);
    await first.login(s.firstStaff.email, TEST_PASSWORD);
    const list = await first.get(`/provider/locations/${s.first.id}/waiting-list`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Lena Peeters');

    // The first provider opens the request (marks it seen) and makes an offer.
    const detail = await first.get(`/provider/locations/${s.first.id}/requests/${requestId}`);
    expect(detail.body).toContain('Bekeken door de opvang');
    const offer = await first.post(`/provider/locations/${s.first.id}/requests/${requestId}/offer`, {
      startDate: '2027-02-01',
      answerDeadline: '2026-11-29',
      message: 'Welkom!',
    });
    expect(offer.statusCode).toBe(303);

    // The parent sees the offer and accepts it.
    const withOffer = await parent.get(followUp);
    expect(withOffer.body).toContain('Proposition de KDV De Eerste Stap');
    const offerId = /offers\/([0-9a-f-]{36})\/accept/.exec(withOffer.body)?.[1];
    expect(offerId).toBeDefined();
    const accepted = await parent.post(`/parent/requests/${requestId}/offers/${offerId}/accept`, {});
    expect(accepted.statusCode).toBe(303);

    const after = await parent.get(followUp);
    expect(after.body).toContain('Répondue – vous avez accepté une place');
    expect(after.body).toContain('Clôturée – place trouvée ailleurs');

    // The second provider's list shows the child as placed elsewhere.
    const second = new TestClient(t.app);
    await second.login(s.secondStaff.email, TEST_PASSWORD);
    const secondList = await second.get(`/provider/locations/${s.second.id}/waiting-list`);
    expect(secondList.body).toMatch(/Lena Peeters[\s\S]*Afgesloten – geplaatst elders/);

    // Every step mailed the parent, in French.
    const mails = await t.deps.db.select().from(schema.outbox).orderBy(schema.outbox.id);
    expect(mails.map((m) => m.template)).toEqual(['request.submitted', 'offer.made', 'offer.accepted']);
    expect(mails.every((m) => m.language === 'fr' && m.toAddress === parentUser.email)).toBe(true);
    expect(mails[1]?.subject).toBe('Une place pour Lena Peeters : réponse demandée');

    // Every status change is an event with actor and time.
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, requestId));
    expect(events.map((e) => e.eventType)).toEqual(
      expect.arrayContaining([
        'request.submitted',
        'preference.seen',
        'preference.offer_made',
        'preference.offer_accepted',
        'request.answered',
        'preference.placed_elsewhere',
      ]),
    );
  });

  it('re-renders the form with 400, the values kept and messages in the parent language', async () => {
    const res = await submit({
      childLastName: '',
      desiredStart: '2026-13-45',
      preference1: '',
      preference2: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Il y a un problème');
    expect(res.body).toContain('Remplissez ce champ.');
    expect(res.body).toContain('Indiquez une date existante');
    expect(res.body).toContain('value="Sofie"');
    const count = await t.deps.db.$count(schema.requests);
    expect(count).toBe(0);
  });

  it('rejects start dates before birth and in the past, and a wrong national number', async () => {
    const res = await submit({ desiredStart: '2026-07-01', nationalNumber: '12345678901' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('La date de début ne peut pas être dans le passé.');
    expect(res.body).toContain('n’est pas un numéro de registre national valide');
  });

  it('creates one request when the same form is submitted twice', async () => {
    const form = requestForm({ municipalityId: s.municipality.id, preference1: s.first.id });
    const a = await parent.post('/parent/requests', form, { formPage: '/parent/requests/new' });
    const b = await parent.post('/parent/requests', form);
    expect(a.statusCode).toBe(303);
    expect(b.headers.location).toBe(a.headers.location);
    expect(await t.deps.db.$count(schema.requests)).toBe(1);
    expect(await t.deps.db.$count(schema.outbox)).toBe(1);
  });

  it('never stores the national number in plain text and refuses a second open request for the child', async () => {
    const nrn = makeNationalNumber(localDate('2026-08-01'), 123);
    expect((await submit({ nationalNumber: nrn })).statusCode).toBe(303);
    const [child] = await t.deps.db.select().from(schema.children);
    expect(child?.nationalNumberCipher).toBeTruthy();
    expect(JSON.stringify(child)).not.toContain(nrn);
    expect(t.deps.vault.reveal(child?.nationalNumberCipher as string)).toBe(nrn);

    const again = await submit({ nationalNumber: nrn });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Une demande est déjà en cours pour cet enfant.');
    expect(await t.deps.db.$count(schema.requests)).toBe(1);
  });

  it('answers 404 for another family’s request and for a location the staff member does not work at', async () => {
    const res = await submit();
    const requestId = (res.headers.location as string).split('/').pop() as string;
    const other = await aUser(t.deps.db, { role: 'parent' });
    const otherClient = new TestClient(t.app);
    await otherClient.login(other.email, TEST_PASSWORD);
    expect((await otherClient.get(`/parent/requests/${requestId}`)).statusCode).toBe(404);
    expect((await otherClient.get('/parent/requests/not-a-uuid')).statusCode).toBe(404);

    const first = new TestClient(t.app);
    await first.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await first.get(`/provider/locations/${s.second.id}/waiting-list`)).statusCode).toBe(404);
    // The third location was not chosen: its staff cannot open the request.
    const thirdStaff = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.third.id });
    const third = new TestClient(t.app);
    await third.login(thirdStaff.email, TEST_PASSWORD);
    expect((await third.get(`/provider/locations/${s.third.id}/requests/${requestId}`)).statusCode).toBe(404);
    // A parent cannot open provider pages at all.
    expect((await parent.get(`/provider/locations/${s.first.id}/waiting-list`)).statusCode).toBe(403);
  });

  it('audits every read of the family file by provider staff', async () => {
    const res = await submit();
    const requestId = (res.headers.location as string).split('/').pop() as string;
    const first = new TestClient(t.app);
    await first.login(s.firstStaff.email, TEST_PASSWORD);
    await first.get(`/provider/locations/${s.first.id}/requests/${requestId}`);
    const rows = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.actorUserId, s.firstStaff.id),
          eq(schema.auditLog.action, 'provider.request.read'),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.familyId).toBeTruthy();
    expect(rows[0]?.actorRole).toBe('provider_staff');
  });

  it('keeps exactly one accepted offer when 20 answers to two offers arrive at once', async () => {
    const res = await submit();
    const requestId = (res.headers.location as string).split('/').pop() as string;
    for (const [location, staff] of [
      [s.first, s.firstStaff],
      [s.second, s.secondStaff],
    ] as const) {
      const client = new TestClient(t.app);
      await client.login(staff.email, TEST_PASSWORD);
      await client.get(`/provider/locations/${location.id}/requests/${requestId}`);
      const offer = await client.post(`/provider/locations/${location.id}/requests/${requestId}/offer`, {
        startDate: '2027-02-01',
        answerDeadline: '2026-11-29',
      });
      expect(offer.statusCode).toBe(303);
    }
    const page = await parent.get(`/parent/requests/${requestId}`);
    const offerIds = [...page.body.matchAll(/offers\/([0-9a-f-]{36})\/accept/g)].map((m) => m[1] as string);
    expect(offerIds).toHaveLength(2);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        parent.post(`/parent/requests/${requestId}/offers/${offerIds[i % 2]}/accept`, { keepHigher: 'yes' }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 303 || a.statusCode === 400)).toBe(true);
    const accepted = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(
        and(eq(schema.preferences.requestId, requestId), eq(schema.preferences.status, 'offer_accepted')),
      );
    expect(accepted).toHaveLength(1);
    const acceptedOffers = await t.deps.db
      .select()
      .from(schema.offers)
      .where(eq(schema.offers.status, 'accepted'));
    expect(acceptedOffers.length).toBeGreaterThanOrEqual(1);
  });
});
