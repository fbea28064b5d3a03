import { and, asc, desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { bornChild, errorsOf, walkWizard } from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';
import { requestJobs } from '../requests/index.ts';

/** Desk staff act for a family of their municipality that phoned or came by. */
describe.each(BACKENDS)('desk staff acting for a family on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let deskUserId: string;
  let deskEmail: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    deskUserId = user.id;
    deskEmail = user.email;
    desk = new TestClient(t.app);
    await desk.login(user.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  /** A family that phones: no e-mail address, nobody follows it; its request came in by phone. */
  async function phoneFamily(
    options: Parameters<typeof aFamilyRequest>[1] extends infer O ? Partial<O> : never = {},
  ) {
    const filed = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      parentEmail: null,
      ...options,
    });
    await t.deps.db
      .update(schema.requests)
      .set({ channel: 'desk' })
      .where(eq(schema.requests.id, filed.request.id));
    return filed;
  }
  const requestRow = async (id: string) =>
    (await t.deps.db.select().from(schema.requests).where(eq(schema.requests.id, id)))[0];
  const lastEvent = async (requestId: string) =>
    (
      await t.deps.db
        .select()
        .from(schema.statusEvents)
        .where(eq(schema.statusEvents.requestId, requestId))
        .orderBy(desc(schema.statusEvents.occurredAt), desc(schema.statusEvents.id))
        .limit(1)
    )[0];
  const actingAudit = (familyId: string) =>
    t.deps.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'desk.request.act'), eq(schema.auditLog.familyId, familyId)));
  const runConfirmationJob = async () => {
    const job = requestJobs(t.deps).find((j) => j.name === 'requests-confirmation');
    return job?.handler();
  };

  it('changes the dates for the family, recorded as done by the desk for that family', async () => {
    const { family, request } = await phoneFamily();
    const page = `/desk/requests/${request.id}/change`;
    expect((await desk.get(page)).statusCode).toBe(200);
    const res = await desk.post(page, { part: 'dates', desiredStart: '2027-04-01', desiredEnd: '' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=dates`);
    expect((await requestRow(request.id))?.desiredStart).toBe('2027-04-01');
    const event = await lastEvent(request.id);
    expect(event).toMatchObject({
      eventType: 'request.dates_changed',
      actorRole: 'desk',
      actorUserId: deskUserId,
    });
    const audit = await actingAudit(family.id);
    expect(
      audit.some((a) => a.subjectId === request.id && a.details?.change === 'parent.request.update'),
    ).toBe(true);
  });

  it('changes the care plan for the family', async () => {
    const { family, request } = await phoneFamily();
    const res = await desk.post(
      `/desk/requests/${request.id}/change`,
      {
        part: 'carePlan',
        day_mon: 'full',
        day_tue: 'full',
        day_wed: 'none',
        day_thu: 'half',
        day_fri: 'none',
        fixed: 'fixed',
        careNeeds: 'no',
      },
      { formPage: `/desk/requests/${request.id}/change` },
    );
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=carePlan`);
    expect((await requestRow(request.id))?.carePlan.days).toMatchObject({ wed: 'none', thu: 'half' });
    expect(await lastEvent(request.id)).toMatchObject({
      eventType: 'request.care_plan_changed',
      actorRole: 'desk',
    });
  });

  it('refuses a start date that does not exist with a message, changing nothing', async () => {
    const { request } = await phoneFamily();
    const res = await desk.post(
      `/desk/requests/${request.id}/change`,
      { part: 'dates', desiredStart: '2027-02-31' },
      { formPage: `/desk/requests/${request.id}/change` },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(errorText('nl', 'invalidDate'));
    expect((await requestRow(request.id))?.desiredStart).toBe('2027-03-01');
  });

  it('keeps a phoned request open months past its deadline while the desk has to call, then confirms it', async () => {
    const { family, request } = await phoneFamily();
    // Two weeks before the confirmation is due: the family gets no mail, the desk a phone task.
    t.clock.set('2027-01-20T06:00:00Z');
    await runConfirmationJob();
    const tasks = await t.deps.db
      .select()
      .from(schema.followUpTasks)
      .where(eq(schema.followUpTasks.requestId, request.id));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      municipalityId: s.municipality.id,
      intermediaryOrganisationId: null,
      kind: 'request.confirmation_reminder',
      doneAt: null,
    });
    // Months on, nobody reached the family yet: the request stays on the waiting lists.
    for (const day of ['2027-03-01', '2027-05-01', '2027-06-15']) {
      t.clock.set(`${day}T06:00:00Z`);
      await runConfirmationJob();
      expect((await requestRow(request.id))?.status).toBe('active');
    }
    // The desk phones the family, which says the request is still current (a new day's session).
    desk = new TestClient(t.app);
    await desk.login(deskEmail, TEST_PASSWORD);
    const page = `/desk/requests/${request.id}/confirm`;
    expect((await desk.get(page)).statusCode).toBe(200);
    const unconfirmed = await desk.post(page, {});
    expect(unconfirmed.headers.location).toBe(page);
    const res = await desk.post(page, { confirmed: 'yes' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=confirmed`);
    const after = await requestRow(request.id);
    expect(after?.status).toBe('active');
    expect(after?.lastConfirmedAt.toISOString()).toBe('2027-06-15T06:00:00.000Z');
    const open = await t.deps.db
      .select()
      .from(schema.followUpTasks)
      .where(eq(schema.followUpTasks.requestId, request.id));
    expect(open.every((task) => task.doneAt !== null && task.doneByUserId === deskUserId)).toBe(true);
    expect(await lastEvent(request.id)).toMatchObject({
      eventType: 'request.confirmed',
      actorRole: 'desk',
      actorUserId: deskUserId,
    });
    expect((await actingAudit(family.id)).some((a) => a.details?.change === 'parent.request.confirm')).toBe(
      true,
    );
  });

  it('lets an unconfirmed request expire when the family has e-mail (no phone task)', async () => {
    const { request } = await phoneFamily({ parentEmail: 'ouder@test.example' });
    t.clock.set('2027-01-20T06:00:00Z');
    await runConfirmationJob();
    t.clock.set('2027-03-01T06:00:00Z');
    await runConfirmationJob();
    t.clock.set('2027-03-10T06:00:00Z');
    await runConfirmationJob();
    expect((await requestRow(request.id))?.status).toBe('expired');
  });

  it('withdraws the request for the family only from its confirmation page', async () => {
    const { family, request } = await phoneFamily();
    const page = `/desk/requests/${request.id}/withdraw`;
    expect((await desk.get(page)).statusCode).toBe(200);
    expect((await desk.post(page, {})).headers.location).toBe(page);
    expect((await requestRow(request.id))?.status).toBe('active');
    const res = await desk.post(page, { confirmed: 'yes' });
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=withdrawn`);
    expect((await requestRow(request.id))?.status).toBe('withdrawn');
    expect(await lastEvent(request.id)).toMatchObject({ eventType: 'request.withdrawn', actorRole: 'desk' });
  });

  it('adds the birth data of an unborn child, and refuses a birth date in the future', async () => {
    const { family, request, child } = await phoneFamily({
      birthDate: null,
      expectedBirthDate: '2026-11-10',
    });
    const page = `/desk/requests/${request.id}/birth`;
    expect((await desk.get(page)).statusCode).toBe(200);
    const future = await desk.post(page, {
      childFirstName: 'Lina',
      childLastName: 'Peeters',
      birthDate: '2026-12-24',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain(errorText('nl', 'birthDateInFuture'));
    const unchanged = await t.deps.db.select().from(schema.children).where(eq(schema.children.id, child.id));
    expect(unchanged[0]?.birthDate).toBeNull();
    const res = await desk.post(page, {
      childFirstName: 'Lina',
      childLastName: 'Peeters',
      birthDate: '2026-11-08',
    });
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=birth`);
    const born = await t.deps.db.select().from(schema.children).where(eq(schema.children.id, child.id));
    expect(born[0]).toMatchObject({ birthDate: '2026-11-08', firstName: 'Lina' });
    expect(await lastEvent(request.id)).toMatchObject({ eventType: 'child.born', actorRole: 'desk' });
  });

  const rankedPreferences = async (requestId: string) =>
    (
      await t.deps.db
        .select()
        .from(schema.preferences)
        .where(eq(schema.preferences.requestId, requestId))
        .orderBy(asc(schema.preferences.rank))
    )
      .filter((p) => p.rank !== null)
      .map((p) => p.providerLocationId);

  it('changes the preferences for the family: adds a location and moves it up, recorded as done by the desk', async () => {
    const { family, request } = await phoneFamily();
    const page = `/desk/requests/${request.id}/preferences`;
    const shown = await desk.get(page);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('KDV Het Tweede Nest');
    // The search offers the region's other locations.
    expect(shown.body).toContain(`value="add:${s.third.id}"`);
    const added = await desk.post(page, { op: `add:${s.third.id}` });
    expect(added.statusCode).toBe(303);
    // A working copy of the desk member's own: nothing changed for the providers yet.
    expect(await rankedPreferences(request.id)).toEqual([s.first.id, s.second.id]);
    const drafts = await t.deps.db.select().from(schema.requestDrafts);
    expect(drafts).toMatchObject([{ userId: deskUserId, familyId: family.id }]);
    const copy = await desk.get(page);
    expect(copy.body).toContain('data-qa="unsaved"');
    expect((await desk.post(page, { op: `up:l:${s.third.id}` })).statusCode).toBe(303);
    const saved = await desk.post(page, { op: 'save' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/desk/families/${family.id}?done=preferences`);
    expect((await desk.get(saved.headers.location as string)).body).toContain(
      'De voorkeuren van de aanvraag zijn gewijzigd.',
    );
    expect(await rankedPreferences(request.id)).toEqual([s.first.id, s.third.id, s.second.id]);
    expect(await t.deps.db.select().from(schema.requestDrafts)).toHaveLength(0);
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, request.id));
    const changes = events.filter((e) => e.eventType.startsWith('preference.'));
    expect(changes.map((e) => e.eventType).sort()).toEqual(['preference.added', 'preference.reordered']);
    expect(changes.every((e) => e.actorRole === 'desk' && e.actorUserId === deskUserId)).toBe(true);
    const audit = await actingAudit(family.id);
    expect(
      audit.some((a) => a.subjectId === request.id && a.details?.change === 'parent.request.update'),
    ).toBe(true);
  });

  it('refuses an unknown change of the preferences with a message, changing nothing', async () => {
    const { request } = await phoneFamily();
    const page = `/desk/requests/${request.id}/preferences`;
    for (const op of ['jump:1', 'add:not-a-location', `add:${crypto.randomUUID()}`, '']) {
      const res = await desk.post(page, { op }, { formPage: page });
      expect({ op, status: res.statusCode }).toEqual({ op, status: 400 });
      expect(res.body).toContain(errorText('nl', 'invalidChoice'));
    }
    expect(await t.deps.db.select().from(schema.requestDrafts)).toHaveLength(0);
    expect(await rankedPreferences(request.id)).toEqual([s.first.id, s.second.id]);
  });

  it('links to the preferences from the family file', async () => {
    const { family, request } = await phoneFamily();
    const file = await desk.get(`/desk/families/${family.id}`);
    expect(file.body).toContain(`href="/desk/requests/${request.id}/preferences"`);
  });

  async function withOffer() {
    const filed = await phoneFamily();
    const preference = filed.preferences[0];
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'offer_made' })
      .where(eq(schema.preferences.id, preference?.id as string));
    const [offer] = await t.deps.db
      .insert(schema.offers)
      .values({
        preferenceId: preference?.id as string,
        startDate: '2027-03-01',
        carePlan: filed.request.carePlan,
        answerDeadline: '2026-11-29',
        createdAt: t.clock.now(),
      })
      .returning();
    return { ...filed, offerId: offer?.id as string };
  }

  it('accepts an offer for the family', async () => {
    const { family, request, offerId } = await withOffer();
    const page = `/desk/requests/${request.id}/offer`;
    const shown = await desk.get(page);
    expect(shown.body).toContain('KDV De Eerste Stap');
    const res = await desk.post(page, { offerId, answer: 'accept' });
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=accepted`);
    const [offer] = await t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer?.status).toBe('accepted');
    expect((await requestRow(request.id))?.status).toBe('answered');
  });

  it('declines an offer for the family only after the confirmation page', async () => {
    const { family, request, offerId } = await withOffer();
    const page = `/desk/requests/${request.id}/offer`;
    const confirmPage = await desk.post(page, { offerId, answer: 'decline' }, { formPage: page });
    expect(confirmPage.statusCode).toBe(200);
    expect(confirmPage.body).toContain('data-qa="decline-offer"');
    const [pending] = await t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(pending?.status).toBe('pending');
    const res = await desk.post(page, { offerId, answer: 'decline', confirmed: 'yes' });
    expect(res.headers.location).toBe(`/desk/families/${family.id}?done=declined`);
    const [offer] = await t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer?.status).toBe('declined');
  });

  it('refuses an answer without a choice with a message, changing nothing', async () => {
    const { request, offerId } = await withOffer();
    const page = `/desk/requests/${request.id}/offer`;
    const res = await desk.post(page, { offerId }, { formPage: page });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(errorText('nl', 'invalidChoice'));
    const [offer] = await t.deps.db.select().from(schema.offers).where(eq(schema.offers.id, offerId));
    expect(offer?.status).toBe('pending');
  });

  it('answers 404 to the desk of another municipality, on every page, changing nothing', async () => {
    const elsewhere = await aMunicipality(t.deps.db, { regionId: s.region.id, name: 'Elders' });
    const { request } = await aFamilyRequest(t.deps.db, { municipalityId: elsewhere.id, locations: [] });
    for (const action of ['change', 'preferences', 'confirm', 'withdraw', 'birth', 'offer']) {
      const page = `/desk/requests/${request.id}/${action}`;
      expect((await desk.get(page)).statusCode).toBe(404);
      expect(
        (await desk.post(page, { confirmed: 'yes', part: 'dates', desiredStart: '2027-05-01', op: 'save' }))
          .statusCode,
      ).toBe(404);
    }
    expect(await requestRow(request.id)).toMatchObject({ status: 'active', desiredStart: '2027-03-01' });
  });
  it('registers a family by phone without e-mail and files its request with channel desk', async () => {
    const registered = await desk.post(
      '/desk/families/new',
      {
        parent1FirstName: 'Nadia',
        parent1LastName: 'Benali',
        parent1Phone: '0470 11 22 33',
        parent1Email: '',
        parent1Language: 'fr',
        street: 'Diestsestraat',
        houseNumber: '5',
        postcode: '3000',
        city: 'Leuven',
        subMunicipalityId: s.subMunicipality?.id as string,
      },
      { formPage: '/desk/families/new' },
    );
    expect(registered.statusCode).toBe(303);
    const [family] = await t.deps.db.select().from(schema.families);
    expect(registered.headers.location).toBe(`/desk/families/${family?.id}?done=registered`);
    expect(family?.municipalityId).toBe(s.municipality.id);
    const [parent] = await t.deps.db.select().from(schema.parents);
    expect(parent).toMatchObject({ firstName: 'Nadia', email: null, language: 'fr' });

    // The request: the parent's own wizard, under the family's desk path.
    const base = `/desk/families/${family?.id}/requests/new`;
    expect((await desk.get(base)).headers.location).toBe(`${base}/child`);
    const child = await desk.get(`${base}/child`);
    expect(child.statusCode).toBe(200);
    // About the family and its child, with the file number; not to "you".
    expect(child.body).toContain('Voor welk kind vraagt het gezin opvang?');
    expect(child.body).toContain(family?.fileNumber);
    const bad = await desk.post(`${base}/child`, { childId: 'new', childBorn: 'yes', nav: 'next' });
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad.body)).toContain(errorText('nl', 'required'));

    const filed = await walkWizard(desk, base, [s.first.id], {
      child: { childFirstName: 'Yasmine', childLastName: 'Benali' },
      when: { desiredStart: '2027-03-01' },
    });
    expect(filed.statusCode).toBe(303);
    expect(filed.headers.location).toBe(`/desk/families/${family?.id}?done=filedNoEmail`);
    const [request] = await t.deps.db.select().from(schema.requests);
    expect(request).toMatchObject({ channel: 'desk', status: 'active', familyId: family?.id });
    expect(request?.createdByUserId).toBe(deskUserId);
    const events = await t.deps.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.requestId, request?.id as string));
    expect(events.map((e) => [e.eventType, e.actorRole, e.actorUserId])).toEqual(
      expect.arrayContaining([
        ['request.submitted', 'desk', deskUserId],
        ['preference.added', 'desk', deskUserId],
      ]),
    );
    // Who acted for whom: the desk officer, for this family.
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'desk.request.file'),
          eq(schema.auditLog.familyId, family?.id as string),
        ),
      );
    expect(
      audit.some(
        (a) => a.subjectType === 'request' && a.subjectId === request?.id && a.actorUserId === deskUserId,
      ),
    ).toBe(true);
    // Every page the officer saw is a read of the family's data, recorded naming the family.
    expect(audit.filter((a) => a.details?.read === true).length).toBeGreaterThanOrEqual(2);
    // No e-mail: no mail is queued, and the notice says so.
    expect(await t.deps.db.select().from(schema.outbox)).toHaveLength(0);
    expect(await t.deps.db.$count(schema.requestDrafts)).toBe(0);
    const notice = await desk.get(String(filed.headers.location));
    expect(notice.body).toContain('Het gezin heeft geen e-mailadres en krijgt dus geen e-mail');
  });

  it('files through the wizard for a family with e-mail: the parents get the mail, and the notice says so', async () => {
    const { family, child } = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
    });
    await t.deps.db.update(schema.requests).set({ status: 'withdrawn' });
    const base = `/desk/families/${family.id}/requests/new`;
    // The family's child without an open request can be chosen, like the parent would.
    const filed = await walkWizard(desk, base, [s.second.id], { child: { childId: child.id } });
    expect(filed.headers.location).toBe(`/desk/families/${family.id}?done=filedMailed`);
    const mails = await t.deps.db.select().from(schema.outbox);
    expect(mails.map((m) => m.template)).toEqual(['request.submitted']);
    const notice = await desk.get(String(filed.headers.location));
    expect(notice.body).toContain('De ouders krijgen er een e-mail over.');
  });

  it('keeps one draft per family for the officer, and discards it back to the family', async () => {
    const a = await aFamilyRequest(t.deps.db, { municipalityId: s.municipality.id, locations: [] });
    const b = await aFamilyRequest(t.deps.db, { municipalityId: s.municipality.id, locations: [] });
    const baseA = `/desk/families/${a.family.id}/requests/new`;
    const baseB = `/desk/families/${b.family.id}/requests/new`;
    await desk.get(baseA);
    await desk.post(`${baseA}/child`, { ...bornChild, nav: 'next' }, { formPage: `${baseA}/child` });
    await desk.get(baseB);
    // Family B's wizard starts empty; family A's draft is still at its second step.
    expect((await desk.get(baseA)).headers.location).toBe(`${baseA}/when`);
    expect((await desk.get(`${baseB}/when`)).headers.location).toBe(`${baseB}/child`);
    const drafts = await t.deps.db.select().from(schema.requestDrafts);
    expect(drafts.map((d) => d.familyId).sort()).toEqual([a.family.id, b.family.id].sort());
    const discarded = await desk.post(`${baseA}/discard`, {}, { formPage: `${baseA}/when` });
    expect(discarded.headers.location).toBe(`/desk/families/${a.family.id}`);
    expect((await t.deps.db.select().from(schema.requestDrafts)).map((d) => d.familyId)).toEqual([
      b.family.id,
    ]);
  });

  it('answers 404 on every wizard page for a family of another municipality, writing nothing', async () => {
    const elsewhere = await aMunicipality(t.deps.db, { regionId: s.region.id, name: 'Elders' });
    const { family } = await aFamilyRequest(t.deps.db, { municipalityId: elsewhere.id, locations: [] });
    const base = `/desk/families/${family.id}/requests/new`;
    await desk.get('/desk');
    expect((await desk.get(base)).statusCode).toBe(404);
    for (const step of ['child', 'when', 'plan', 'preferences', 'summary']) {
      expect((await desk.get(`${base}/${step}`)).statusCode).toBe(404);
      expect((await desk.post(`${base}/${step}`, { ...bornChild, nav: 'next' })).statusCode).toBe(404);
    }
    expect((await desk.post(`${base}/discard`, {})).statusCode).toBe(404);
    expect(await t.deps.db.$count(schema.requestDrafts)).toBe(0);
    expect(await t.deps.db.$count(schema.requests)).toBe(1);
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.request.file'));
    expect(audit).toHaveLength(0);
  });
});
