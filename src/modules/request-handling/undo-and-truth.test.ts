import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

/**
 * "No place" can be undone while nothing else happened; a location that said "no place" can still
 * offer from the emergency list; and the page after a step claims only how the family was told.
 */
describe.each(BACKENDS)('undoing no place, and messages that are true, on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;

  beforeEach(async () => {
    // Today is 22 November 2026; the municipality's emergency window is 30 days.
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const pageOf = (requestId: string, locationId = s.first.id) =>
    `/provider/locations/${locationId}/requests/${requestId}`;
  const preference = async (requestId: string, locationId = s.first.id) => {
    const [row] = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(
        and(
          eq(schema.preferences.requestId, requestId),
          eq(schema.preferences.providerLocationId, locationId),
        ),
      );
    return row;
  };
  const mails = () => t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
  const noPlace = (page: string) =>
    staff.post(
      `${page}/no-place`,
      { noPlaceReason: 'full_for_period', confirmed: 'yes' },
      { formPage: `${page}/no-place` },
    );

  it('undoes a no place while nothing else happened: previous status back, event, family told', async () => {
    const r = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      childFirstName: 'Noor',
      childLastName: 'Jacobs',
    });
    const page = pageOf(r.request.id);
    await staff.get(page);
    await staff.post(`${page}/waiting-list`, {});
    expect((await noPlace(page)).headers.location).toBe(`${page}?done=noPlace&told=mailed`);
    const shown = await staff.get(page);
    expect(shown.body).toContain('data-qa="undo-no-place"');

    const res = await staff.post(`${page}/undo-no-place`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=noPlaceUndone&told=mailed`);
    const row = await preference(r.request.id);
    expect(row).toMatchObject({ status: 'waiting_list', noPlaceReason: null, noPlaceText: null });
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.preferenceId, row?.id as string))
      .orderBy(asc(schema.statusEvents.id));
    expect(events.map((e) => e.eventType)).toEqual([
      'preference.seen',
      'preference.waiting_list',
      'preference.no_place',
      'preference.waiting_list',
    ]);
    expect(events.at(-1)).toMatchObject({
      fromStatus: 'no_place',
      toStatus: 'waiting_list',
      details: { noPlaceUndone: true },
    });
    const last = (await mails()).at(-1);
    expect(last?.template).toBe('preference.no_place_undone');
    expect(last?.subject).toBe('KDV De Eerste Stap trekt de melding “geen plaats” voor Noor Jacobs in');
    const after = await staff.get(res.headers.location as string);
    expect(after.body).toContain('Uw melding “geen plaats” is ingetrokken.');
    expect(after.body).toContain(`De ouders krijgen een e-mail (${r.parent.email}).`);
    expect(after.body).toContain('Melding “geen plaats” ingetrokken');
    expect(after.body).not.toContain('data-qa="undo-no-place"');
    // Once undone, it cannot be undone again.
    expect((await staff.post(`${page}/undo-no-place`, {})).statusCode).toBe(400);
  });

  it('refuses the undo once something else happened on the request', async () => {
    const r = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
    });
    const page = pageOf(r.request.id);
    await staff.get(page);
    await noPlace(page);
    // The second location opens the request: a later status event on the request.
    const second = new TestClient(t.app);
    await second.login(s.secondStaff.email, TEST_PASSWORD);
    await second.get(pageOf(r.request.id, s.second.id));
    const shown = await staff.get(page);
    expect(shown.body).not.toContain('data-qa="undo-no-place"');
    // Starting in March, it is not on the emergency list: no link there either.
    expect(shown.body).not.toContain('data-qa="offer-from-emergency-list"');
    const mailsBefore = (await mails()).length;
    const res = await staff.post(`${page}/undo-no-place`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Deze stap is nu niet mogelijk.');
    expect((await preference(r.request.id))?.status).toBe('no_place');
    expect(await mails()).toHaveLength(mailsBefore);
  });

  it('lets a location that said no place still offer from the emergency list', async () => {
    const r = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      childFirstName: 'Mila',
      desiredStart: '2026-12-10',
    });
    const page = pageOf(r.request.id);
    await staff.get(page);
    await noPlace(page);
    // On its own request page no place stays the answer: no offer form there, but a way to the list.
    const own = await staff.get(page);
    expect(own.body).not.toContain('data-qa="offer-form"');
    const list = `/provider/locations/${s.first.id}/emergency-list`;
    expect(own.body).toContain('data-qa="offer-from-emergency-list"');
    expect(own.body).toContain(`href="${list}/${r.request.id}"`);
    const listed = await staff.get(list);
    expect(listed.body).toContain(`href="${list}/${r.request.id}"`);
    const offerPage = await staff.get(`${list}/${r.request.id}`);
    expect(offerPage.statusCode).toBe(200);
    expect(offerPage.body).toContain('meldde eerder “geen plaats” voor deze aanvraag');
    const res = await staff.post(`${list}/${r.request.id}/offer`, {
      startDate: '2026-12-10',
      answerDeadline: '2026-11-27',
      day_mon: 'full',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=offer&told=mailed`);
    // The location's own preference carries the offer; no second preference was added.
    expect((await preference(r.request.id))?.status).toBe('offer_made');
    expect(await t.deps.db.$count(schema.preferences, eq(schema.preferences.requestId, r.request.id))).toBe(
      2,
    );
    expect((await mails()).at(-1)?.template).toBe('offer.made');
  });

  it('never claims a mail for a family without e-mail: a phone task, or “call them”', async () => {
    const [organisation] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Teststad', kind: 'ocmw' })
      .returning();
    const followed = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      parentEmail: null,
      family: { intermediaryOrganisationId: organisation?.id ?? null },
    });
    const alone = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      parentEmail: null,
    });

    // Followed by an organisation: it gets a phone task, and the pages say so.
    const page = pageOf(followed.request.id);
    const before = await staff.get(page);
    expect(before.body).toContain('Het gezin heeft geen e-mailadres: OCMW Teststad krijgt een taak');
    const confirm = await staff.get(`${page}/no-place`);
    expect(confirm.body).toContain('OCMW Teststad krijgt een taak om het gezin te bellen.');
    expect(confirm.body).toContain('Geen andere opvanglocatie behandelt deze aanvraag nog.');
    expect(confirm.body).not.toContain('e-mail (');
    const res = await noPlace(page);
    expect(res.headers.location).toBe(`${page}?done=noPlace&told=task`);
    const after = await staff.get(res.headers.location as string);
    expect(after.body).toContain('U meldde dat u geen plaats hebt.');
    expect(after.body).toContain('OCMW Teststad krijgt een taak om het gezin te bellen.');
    expect(after.body).not.toMatch(/krijgen een e-mail|kregen een e-mail/);
    expect(await t.deps.db.$count(schema.followUpTasks)).toBe(1);

    // Nobody follows the family: the provider is told to call.
    const alonePage = pageOf(alone.request.id);
    await staff.get(alonePage);
    const waiting = await staff.post(`${alonePage}/waiting-list`, {});
    expect(waiting.headers.location).toBe(`${alonePage}?done=waitingList&told=none`);
    const shown = await staff.get(waiting.headers.location as string);
    expect(shown.body).toContain('De aanvraag staat op uw wachtlijst.');
    expect(shown.body).toContain('bel het gezin zelf');
    expect(shown.body).not.toMatch(/krijgen een e-mail|kregen een e-mail/);
    // A forged "told" that did not happen is not shown.
    const forged = await staff.get(`${alonePage}?done=waitingList&told=mailed`);
    expect(forged.body).not.toContain('krijgen een e-mail');

    expect(await mails()).toHaveLength(0);
  });

  it('speaks of the family staying on this list only while this preference is open', async () => {
    const r = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.second.id, s.first.id],
      preferenceStatuses: ['offer_accepted', 'placed_elsewhere'],
      status: 'answered',
    });
    const admin = await aUser(t.deps.db, { role: 'provider_staff', providerLocationId: s.first.id });
    const client = new TestClient(t.app);
    await client.login(admin.email, TEST_PASSWORD);
    const res = await client.get(pageOf(r.request.id));
    expect(res.body).toContain('data-qa="accepted-elsewhere"');
    expect(res.body).not.toContain('Het koos ervoor op uw wachtlijst te blijven.');
  });
});
