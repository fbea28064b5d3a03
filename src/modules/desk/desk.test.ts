import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';
import { localDate } from '../../shared/dates.ts';
import { formatNationalNumber, makeNationalNumber } from '../../shared/national-number.ts';

/** The part of a page between a section's opening tag and its end. */
function section(body: string, name: string): string {
  const start = body.indexOf(`data-qa="section-${name}"`);
  if (start < 0) return '';
  return body.slice(start, body.indexOf('</section>', start));
}

/** The desk officer's own pages: Today, Find a file, the file; all narrowed to her municipality. */
describe.each(BACKENDS)('desk on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let deskUserId: string;
  let other: Awaited<ReturnType<typeof aFamilyRequest>>;
  let otherTaskId: string;

  const childNumber = makeNationalNumber(localDate('2026-05-04'), 211);

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const user = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    deskUserId = user.id;
    desk = new TestClient(t.app);
    await desk.login(user.email, TEST_PASSWORD);
    const elsewhere = await aMunicipality(t.deps.db, { regionId: s.region.id });
    other = await aFamilyRequest(t.deps.db, {
      municipalityId: elsewhere.id,
      locations: [],
      childFirstName: 'Elders',
      childLastName: 'Lefèvre',
      desiredStart: '2026-12-01',
      submittedAt: '2026-11-21T10:00:00Z',
    });
    const [task] = await t.deps.db
      .insert(schema.followUpTasks)
      .values({
        municipalityId: elsewhere.id,
        familyId: other.family.id,
        kind: 'offer.made',
        createdAt: t.clock.now(),
      })
      .returning();
    otherTaskId = task?.id as string;
  });
  afterEach(async () => t.close());

  /** One family per line of the Today page (clock: 22 November 2026; defaults 30/21 days, 3 months). */
  async function todayScenario() {
    const base = { municipalityId: s.municipality.id, locations: [s.first.id, s.second.id] };
    const emergency = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Émilie',
      childLastName: 'Dubois-Lefèvre',
      birthDate: '2026-05-04',
      desiredStart: '2026-12-10',
      submittedAt: '2026-11-20T10:00:00Z',
      parentEmail: 'mama.dubois@example.be',
    });
    await t.deps.db
      .update(schema.children)
      .set({
        nationalNumberCipher: t.deps.vault.protect(childNumber).cipher,
        nationalNumberHash: t.deps.vault.hashOf(childNumber),
      })
      .where(eq(schema.children.id, emergency.child.id));
    const social = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Sociaal',
      childLastName: 'Noodgeval',
      desiredStart: '2027-05-01',
      socialReason: 'family_crisis',
      submittedAt: '2026-11-18T10:00:00Z',
    });
    const overdue = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Laat',
      childLastName: 'Antwoord',
      desiredStart: '2027-06-01',
      submittedAt: '2026-10-15T10:00:00Z',
    });
    const unborn = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Ongeboren',
      childLastName: 'Kindje',
      birthDate: null,
      expectedBirthDate: '2026-11-10',
      desiredStart: '2027-04-01',
      submittedAt: '2026-11-01T10:00:00Z',
    });
    const expiring = await aFamilyRequest(t.deps.db, {
      ...base,
      childFirstName: 'Bijna',
      childLastName: 'Vervallen',
      desiredStart: '2027-08-01',
      submittedAt: '2026-08-30T10:00:00Z',
    });
    const [task] = await t.deps.db
      .insert(schema.followUpTasks)
      .values({
        municipalityId: s.municipality.id,
        familyId: overdue.family.id,
        requestId: overdue.request.id,
        kind: 'offer.made',
        createdAt: t.clock.now(),
      })
      .returning();
    return { emergency, social, overdue, unborn, expiring, taskId: task?.id as string };
  }

  it('shows each kind of line of the day, each linking to its file, and only her municipality', async () => {
    const f = await todayScenario();
    const res = await desk.get('/desk');
    expect(res.statusCode).toBe(200);
    const expectations: [string, typeof f.emergency, string][] = [
      ['emergency', f.emergency, 'Émilie Dubois-Lefèvre'],
      ['social', f.social, 'Sociaal Noodgeval'],
      ['overdue', f.overdue, 'Laat Antwoord'],
      ['unborn', f.unborn, 'Ongeboren Kindje'],
      ['expiring', f.expiring, 'Bijna Vervallen'],
      ['tasks', f.overdue, 'Laat Antwoord'],
    ];
    for (const [name, family, child] of expectations) {
      const part = section(res.body, name);
      expect(part, name).toContain(child);
      expect(part, name).toContain(`/desk/families/${family.family.id}`);
    }
    expect(section(res.body, 'emergency')).not.toContain('Sociaal Noodgeval');
    expect(section(res.body, 'social')).toContain('Crisis in het gezin');
    expect(section(res.body, 'tasks')).toContain(`/desk/tasks/${f.taskId}/done`);
    expect(res.body).not.toContain('Elders');
    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'desk.today'), eq(schema.auditLog.actorUserId, deskUserId)));
    expect((audit?.details as { families?: string[] } | undefined)?.families).toContain(
      f.emergency.family.id,
    );

    // A social emergency with an offer is no longer on its line.
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'offer_made' })
      .where(eq(schema.preferences.id, f.social.preferences[0]?.id as string));
    expect(section((await desk.get('/desk')).body, 'social')).not.toContain('Sociaal Noodgeval');
  });

  it('counts the possible duplicate files of her municipality and links to them', async () => {
    expect((await desk.get('/desk')).body).toContain('Geen mogelijke dubbele dossiers.');
    const twin = {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Zoë',
      childLastName: 'Van den Broeck',
      birthDate: '2026-04-02',
      parentEmail: 'zoe.thuis@example.be',
    };
    await aFamilyRequest(t.deps.db, twin);
    await aFamilyRequest(t.deps.db, { ...twin, childFirstName: 'ZOE', parentEmail: 'Zoe.Thuis@example.be' });
    const part = section((await desk.get('/desk')).body, 'duplicates');
    expect(part).toContain('Paren van dossiers die op elkaar lijken: 1.');
    expect(part).toContain('href="/desk/duplicates"');
  });

  it('pages one section when asked for all of it, and survives nonsense in the query', async () => {
    await todayScenario();
    const all = await desk.get('/desk?section=overdue&page=1');
    expect(all.statusCode).toBe(200);
    expect(section(all.body, 'overdue')).toContain('Laat Antwoord');
    expect(all.body).not.toContain('data-qa="section-emergency"');
    for (const url of ['/desk?section=nope', '/desk?section=tasks&page=abc', '/desk?section=tasks&page=-4']) {
      expect((await desk.get(url)).statusCode, url).toBe(200);
    }
  });

  it('marks a phone task done, once; another municipality’s task is not found', async () => {
    const f = await todayScenario();
    await desk.get('/desk');
    const done = await desk.post(`/desk/tasks/${f.taskId}/done`, { back: '/desk' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/desk?done=task');
    const [task] = await t.deps.db
      .select()
      .from(schema.followUpTasks)
      .where(eq(schema.followUpTasks.id, f.taskId));
    expect(task?.doneByUserId).toBe(deskUserId);
    const page = await desk.get('/desk?done=task');
    expect(page.body).toContain('De taak is als gedaan gemarkeerd.');
    expect(section(page.body, 'tasks')).toContain('Niets te doen.');
    expect((await desk.post(`/desk/tasks/${f.taskId}/done`, {})).statusCode).toBe(404);
    expect((await desk.post(`/desk/tasks/${otherTaskId}/done`, {})).statusCode).toBe(404);
    // A hostile back address is not followed.
    const f2 = await t.deps.db
      .insert(schema.followUpTasks)
      .values({
        municipalityId: s.municipality.id,
        familyId: f.overdue.family.id,
        kind: 'x',
        createdAt: t.clock.now(),
      })
      .returning();
    const evil = await desk.post(`/desk/tasks/${f2[0]?.id}/done`, { back: 'https://evil.example/' });
    expect(evil.headers.location).toBe('/desk?done=task');
  });

  it('finds a file by a partial name without accents, by e-mail, phone, birth date and file number', async () => {
    const f = await todayScenario();
    await t.deps.db
      .update(schema.parents)
      .set({ phone: '0470 12 34 56' })
      .where(eq(schema.parents.id, f.emergency.parent.id));
    const link = `/desk/families/${f.emergency.family.id}`;
    for (const query of [
      'name=lefevre',
      'name=EMILIE+dubois',
      'email=mama.dubois',
      'phone=%2B32+470+123456',
      'birthDate=2026-05-04',
      `fileNumber=${f.emergency.family.fileNumber.toLowerCase()}`,
    ]) {
      const res = await desk.get(`/desk/search?${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.body, query).toContain(link);
      // The other municipality's Lefèvre stays out.
      expect(res.body, query).not.toContain(`/desk/families/${other.family.id}`);
    }
    const none = await desk.get('/desk/search?name=zzzz');
    expect(none.body).toContain('Geen dossier gevonden in uw gemeente.');
    const empty = await desk.get('/desk/search?name=&email=');
    expect(empty.body).toContain('Vul minstens één zoekveld in.');
  });

  it('finds a file by national number only through POST, and refuses one in the URL without echoing it', async () => {
    const f = await todayScenario();
    const refused = await desk.get(`/desk/search?nn=${childNumber}`);
    expect(refused.statusCode).toBe(303);
    expect(String(refused.headers.location)).not.toContain(childNumber);
    const page = await desk.get(String(refused.headers.location));
    expect(page.body).not.toContain(childNumber);
    expect(page.body).toContain('met het formulier hieronder');

    const found = await desk.post(
      '/desk/search',
      { nationalNumber: formatNationalNumber(childNumber) },
      { formPage: '/desk/search' },
    );
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`/desk/families/${f.emergency.family.id}`);
    expect(found.body).not.toContain(childNumber);
    expect(found.body).not.toContain(formatNationalNumber(childNumber));

    const bad = await desk.post('/desk/search', { nationalNumber: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(errorText('nl', 'invalidNationalNumber'));
    expect(bad.body).not.toContain('12345"');
  });

  it('shows the file with its request, preferences, history, mails and tasks; the national number masked', async () => {
    const f = await todayScenario();
    await t.deps.db.insert(schema.outbox).values({
      toAddress: 'mama.dubois@example.be',
      language: 'nl',
      template: 'request.submitted',
      subject: 'Uw aanvraag is ontvangen',
      textBody: '…',
      htmlBody: '…',
      familyId: f.emergency.family.id,
      createdAt: t.clock.now(),
      nextAttemptAt: t.clock.now(),
    });
    const res = await desk.get(`/desk/families/${f.emergency.family.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(f.emergency.family.fileNumber);
    expect(res.body).toContain('Émilie Dubois-Lefèvre');
    expect(res.body).toContain('26.05.04-***.**');
    expect(res.body).not.toContain(formatNationalNumber(childNumber));
    expect(res.body).toContain('KDV De Eerste Stap');
    expect(res.body).toContain('Uw aanvraag is ontvangen');
    expect(res.body).toContain(`/desk/requests/${f.emergency.request.id}/confirm`);
    expect(res.body).toContain(`/desk/families/${f.emergency.family.id}/requests/new`);
    const audits = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'desk.family.read'),
          eq(schema.auditLog.familyId, f.emergency.family.id),
        ),
      );
    expect(audits).toHaveLength(1);
  });

  it('reveals a national number only with a reason, and records who saw whose and why', async () => {
    const f = await todayScenario();
    const url = `/desk/families/${f.emergency.family.id}`;
    const person = `child:${f.emergency.child.id}`;
    const bad = await desk.post(`${url}/national-number`, { person, reason: 'curiosity' }, { formPage: url });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(errorText('nl', 'invalidChoice'));
    expect(bad.body).not.toContain(formatNationalNumber(childNumber));

    const res = await desk.post(`${url}/national-number`, { person, reason: 'duplicate' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.body).toContain(formatNationalNumber(childNumber));
    const [audit] = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.nationalNumber.reveal'));
    expect(audit?.familyId).toBe(f.emergency.family.id);
    expect(audit?.actorUserId).toBe(deskUserId);
    expect(audit?.details).toMatchObject({
      person: 'child',
      personId: f.emergency.child.id,
      reason: 'duplicate',
    });
    expect(JSON.stringify(audit?.details)).not.toContain(childNumber);
    // A person of another file is not found.
    const foreign = await desk.post(`${url}/national-number`, {
      person: `child:${other.child.id}`,
      reason: 'identify',
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('adds a desk note; an empty note is refused with a message and nothing is written', async () => {
    const f = await todayScenario();
    const url = `/desk/families/${f.social.family.id}`;
    const empty = await desk.post(`${url}/notes`, { body: '  ' }, { formPage: url });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(errorText('nl', 'required'));
    expect(await t.deps.db.select().from(schema.deskNotes)).toHaveLength(0);
    const added = await desk.post(`${url}/notes`, { body: 'Moeder gebeld, komt dinsdag langs.' });
    expect(added.statusCode).toBe(303);
    const page = await desk.get(String(added.headers.location));
    expect(page.body).toContain('De notitie is toegevoegd.');
    expect(page.body).toContain('Moeder gebeld, komt dinsdag langs.');
    const [note] = await t.deps.db.select().from(schema.deskNotes);
    expect(note).toMatchObject({ familyId: f.social.family.id, kind: 'note', authorUserId: deskUserId });
  });

  it('answers 404 for another municipality’s family on every desk route, and changes nothing', async () => {
    await desk.get('/desk');
    const id = other.family.id;
    expect((await desk.get(`/desk/families/${id}`)).statusCode).toBe(404);
    expect((await desk.post(`/desk/families/${id}/notes`, { body: 'x' })).statusCode).toBe(404);
    expect(
      (
        await desk.post(`/desk/families/${id}/national-number`, {
          person: `child:${other.child.id}`,
          reason: 'identify',
        })
      ).statusCode,
    ).toBe(404);
    expect((await desk.post(`/desk/tasks/${otherTaskId}/done`, {})).statusCode).toBe(404);
    expect(await t.deps.db.select().from(schema.deskNotes)).toHaveLength(0);
    const reveals = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.nationalNumber.reveal'));
    expect(reveals).toHaveLength(0);
  });

  it('sends a merged file to the kept one', async () => {
    const f = await todayScenario();
    await t.deps.db
      .update(schema.families)
      .set({ mergedIntoFamilyId: f.social.family.id })
      .where(eq(schema.families.id, f.expiring.family.id));
    const res = await desk.get(`/desk/families/${f.expiring.family.id}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desk/families/${f.social.family.id}?merged=1`);
    expect((await desk.get(String(res.headers.location))).body).toContain('Dit dossier werd samengevoegd.');
  });

  it('refuses bad search input with a message in the user’s language, never a 500', async () => {
    const bad = await desk.get('/desk/search?birthDate=31-02-2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(errorText('nl', 'invalidDate'));
    const long = await desk.get(`/desk/search?name=${'a'.repeat(300)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(errorText('nl', 'tooLong'));
    const odd = await desk.get('/desk/search?name=%25_%5C');
    expect(odd.statusCode).toBe(200);
  });
  it('records the priority facts a family gives, dated now; a bad income changes nothing', async () => {
    const mine = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Feit',
      desiredStart: '2027-03-01',
      submittedAt: '2026-11-01T10:00:00Z',
    });
    const file = `/desk/families/${mine.family.id}`;
    const form = `${file}/priority-facts`;
    expect((await desk.get(file)).body).toContain('datum niet bekend');
    const familyRow = async () =>
      (await t.deps.db.select().from(schema.families).where(eq(schema.families.id, mine.family.id)))[0];
    const before = await familyRow();
    for (const [typed, error] of [
      ['abc', 'invalidIncome'],
      ['-1', 'invalidIncome'],
      ['123456789012', 'incomeTooLarge'],
    ] as const) {
      const bad = await desk.post(form, { facts: 'singleParent', yearlyIncome: typed }, { formPage: form });
      expect(bad.statusCode, typed).toBe(400);
      expect(bad.body).toContain(errorText('nl', error));
      expect(bad.body).toContain(`value="${typed}"`);
    }
    expect(await familyRow()).toEqual(before);

    // Later that day (within the session's idle time): the facts get the moment they are saved.
    t.clock.advanceMinutes(20);
    const ok = await desk.post(
      form,
      { facts: ['singleParent', 'noSecondaryDiploma'], yearlyIncome: '27 400' },
      { formPage: form },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${file}?done=facts`);
    expect(await familyRow()).toMatchObject({
      singleParent: true,
      noSecondaryDiploma: true,
      needsCareForWork: false,
      yearlyIncome: 27_400,
      priorityFactsGivenAt: t.clock.now(),
    });
    const page = (await desk.get(`${file}?done=facts`)).body;
    expect(page).toContain('De gegevens voor voorrang zijn bewaard.');
    expect(page).toContain('gegeven op 22 november 2026');
    expect(page).not.toContain('datum niet bekend');
    expect((await desk.get(form)).body).toContain('value="27400"');
    const audits = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'desk.family.facts.update'));
    expect(audits.map((a) => a.familyId)).toEqual([mine.family.id]);
    // Another municipality's family: as if it did not exist.
    expect((await desk.get(`/desk/families/${other.family.id}/priority-facts`)).statusCode).toBe(404);
  });
});
