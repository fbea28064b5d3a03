import { and, asc, eq } from 'drizzle-orm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { walkWizard } from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { type ErrorKey, errorText } from '../../platform/i18n/common.ts';
import { addDays, localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';
import { registerAndConfirm } from '../accounts/accounts.test-support.ts';
import { expireOffers, requestJobs } from '../requests/index.ts';
import { purgeAbandonedDrafts } from './drafts.job.ts';

/** Staff of a social organisation file for families, follow them, work their tasks, hand files over. */
describe.each(BACKENDS)('intermediaries on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  let orgId: string;
  let otherOrgId: string;
  let staffEmail: string;
  let staffUserId: string;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const orgs = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values([
        { municipalityId: s.municipality.id, name: 'OCMW Test', kind: 'ocmw' },
        { municipalityId: s.municipality.id, name: 'CAW Ander', kind: 'caw' },
      ])
      .returning();
    orgId = orgs[0]?.id as string;
    otherOrgId = orgs[1]?.id as string;
    const user = await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: orgId });
    staffEmail = user.email;
    staffUserId = user.id;
    staff = new TestClient(t.app);
    await staff.login(user.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const childNumber = makeNationalNumber(localDate('2026-08-01'), 123);
  /** The new-family form: the family file only, its request follows in the wizard. */
  const form = (overrides: Record<string, string | string[]> = {}) => ({
    submissionKey: crypto.randomUUID(),
    parent1FirstName: 'Fatima',
    parent1LastName: 'El Idrissi',
    parent1Phone: '0470 12 34 56',
    parent1Email: '',
    parent1Language: 'fr',
    parent1Situation: '',
    street: 'Diestsestraat',
    houseNumber: '5',
    postcode: '3000',
    city: 'Leuven',
    municipalityId: s.municipality.id,
    subMunicipalityId: s.subMunicipality?.id as string,
    facts: ['singleParent'],
    yearlyIncome: '19500',
    consent: 'yes',
    consentDate: '2026-11-20',
    ...overrides,
  });
  const register = async (overrides: Record<string, string | string[]> = {}, client = staff) =>
    client.post('/intermediary/families', form(overrides), { formPage: '/intermediary/families/new' });
  const wizardOf = (familyId: string) => `/intermediary/families/${familyId}/requests/new`;
  /** The family's first request through the wizard: Amal, from 1 March 2027, Mon–Tue full, Wed half. */
  const fileFirstRequest = (familyId: string) =>
    walkWizard(staff, wizardOf(familyId), [s.first.id, s.second.id], {
      child: { childFirstName: 'Amal', childLastName: 'El Idrissi', nationalNumber: childNumber },
      when: { desiredStart: '2027-03-01' },
      plan: { day_mon: 'full', day_tue: 'full', day_wed: 'half', day_thu: 'none', day_fri: 'none' },
    });
  /** Registers a family, then files its first request through the wizard; returns the family's id. */
  const file = async (overrides: Record<string, string | string[]> = {}) => {
    const registered = await register(overrides);
    expect(registered.statusCode, registered.body.slice(0, 300)).toBe(303);
    const familyId = /\/intermediary\/families\/([0-9a-f-]{36})\//.exec(
      String(registered.headers.location),
    )?.[1] as string;
    const filed = await fileFirstRequest(familyId);
    expect(filed.statusCode).toBe(303);
    return familyId;
  };
  const tasks = () =>
    t.deps.db.select().from(schema.followUpTasks).orderBy(asc(schema.followUpTasks.createdAt));
  const mails = () => t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));

  it('registers a family without e-mail, then lands in the wizard, whose request gets channel intermediary', async () => {
    const res = await register();
    expect(res.statusCode).toBe(303);
    const [family] = await t.deps.db.select().from(schema.families);
    const base = wizardOf(family?.id as string);
    expect(res.headers.location).toBe(`${base}?done=registered`);
    expect(family?.intermediaryOrganisationId).toBe(orgId);
    expect(family?.consentAt?.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(family).toMatchObject({ singleParent: true, yearlyIncome: 19_500 });
    // The facts are given at registration, whatever the day of consent.
    expect(family?.priorityFactsGivenAt).toEqual(t.clock.now());
    expect(family?.createdByUserId).toBe(staffUserId);
    const [parent] = await t.deps.db.select().from(schema.parents);
    expect(parent).toMatchObject({ email: null, phone: '0470 12 34 56', language: 'fr', userId: null });
    // The family only: no child, no request yet.
    expect(await t.deps.db.$count(schema.children)).toBe(0);
    expect(await t.deps.db.$count(schema.requests)).toBe(0);
    const audits = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'intermediary.family.create'));
    expect(audits).toMatchObject([
      {
        actorUserId: staffUserId,
        actorRole: 'intermediary',
        subjectId: family?.id,
        familyId: family?.id,
        details: { consentAt: '2026-11-20' },
      },
    ]);

    // Into the wizard's first step, which says the family was registered and asks for the child.
    const start = await staff.get(res.headers.location as string);
    expect(start.headers.location).toBe(`${base}/child?done=registered`);
    const first = await staff.get(start.headers.location as string);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Het gezin is geregistreerd. Dien nu zijn aanvraag in.');
    expect(first.body).toContain('name="childFirstName"');
    expect(first.body).toContain('<input type="hidden" name="childId" value="new"');
    expect(first.body).toContain(family?.fileNumber);
    // Without the flag, the same step says nothing about registering.
    expect((await staff.get(`${base}/child`)).body).not.toContain('Het gezin is geregistreerd.');

    const filed = await fileFirstRequest(family?.id as string);
    expect(filed.headers.location).toBe(`/intermediary/families/${family?.id}?done=filedNoEmail`);
    const [request] = await t.deps.db.select().from(schema.requests);
    expect(request).toMatchObject({
      familyId: family?.id,
      channel: 'intermediary',
      createdByUserId: staffUserId,
    });
    const events = await t.deps.db.select().from(schema.statusEvents);
    expect(events.find((e) => e.eventType === 'request.submitted')?.actorRole).toBe('intermediary');
    // No e-mail address: no mail; and no task either, the staff filed it themselves.
    expect(await mails()).toHaveLength(0);
    expect(await tasks()).toHaveLength(0);

    const page = await staff.get(filed.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Het gezin heeft geen e-mailadres en krijgt dus geen e-mail');
    expect(page.body).toContain('Toestemming van het gezin gegeven op 20 november 2026');
    expect(page.body).toContain(`href="/intermediary/families/${family?.id}/requests/${request?.id}"`);
    expect(page.body).toContain('Amal El Idrissi');
    const home = await staff.get('/intermediary');
    expect(home.body).toContain(family?.fileNumber);
    expect(home.body).toContain('Amal El Idrissi');
    expect(home.body).toContain('0 open opvolgtaken');
  });

  it('registers once for one submission key: 20 parallel posts and a late repeat end with one family', async () => {
    await staff.get('/intermediary/families/new');
    const same = form();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => staff.post('/intermediary/families', same)),
    );
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([303]));
    const locations = new Set(answers.map((a) => String(a.headers.location)));
    expect(locations.size).toBe(1);
    const again = await staff.post('/intermediary/families', same);
    expect(again.headers.location).toBe([...locations][0]);
    expect(await t.deps.db.$count(schema.families)).toBe(1);
    expect(await t.deps.db.$count(schema.parents)).toBe(1);
    expect(
      await t.deps.db.$count(schema.auditLog, eq(schema.auditLog.action, 'intermediary.family.create')),
    ).toBe(1);
    // Another form (a new key) is another family.
    expect((await register()).statusCode).toBe(303);
    expect(await t.deps.db.$count(schema.families)).toBe(2);
  });

  it('never sends a national number back into the form after an error', async () => {
    const parentNumber = makeNationalNumber(localDate('1991-05-02'), 311);
    const res = await register({ consent: '', parent1NationalNumber: parentNumber });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('name="parent1NationalNumber"');
    expect(res.body).not.toContain(parentNumber);
    expect(res.body).not.toContain(parentNumber.replace(/\D/g, ''));
    // The other fields are kept.
    expect(res.body).toContain('value="Fatima"');
  });

  it('refuses without consent, with a consent date in the future, or without phone and e-mail: 400, nothing stored', async () => {
    const noConsent = await register({ consent: [] });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain(errorText('nl', 'familyConsentRequired'));
    expect(noConsent.body).toContain('value="Fatima"');
    const future = await register({ consentDate: addDays(t.clock.today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('id="error-consentDate"');
    expect(future.body).toContain(errorText('nl', 'consentDateInFuture'));
    // Today is fine, a day that does not exist is not.
    const notADate = await register({ consentDate: '2026-02-30' });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.body).toContain(errorText('nl', 'invalidDate'));
    const unreachable = await register({ parent1Phone: '', parent1Email: '' });
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.body).toContain(errorText('nl', 'phoneOrEmailRequired'));
    expect(unreachable.body).toContain('id="error-parent1Phone"');
    const missing = await register({ parent1FirstName: '', municipalityId: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="error-parent1FirstName"');
    expect(missing.body).toContain('id="error-municipalityId"');
    expect(await t.deps.db.$count(schema.families)).toBe(0);
    expect(await t.deps.db.$count(schema.parents)).toBe(0);
    // An e-mail address alone is enough to reach the family.
    expect((await register({ parent1Phone: '', parent1Email: 'Fatima@Example.be' })).statusCode).toBe(303);
    const [parent] = await t.deps.db.select().from(schema.parents);
    expect(parent).toMatchObject({ email: 'fatima@example.be', phone: null });
  });

  it('answers a bad form in the staff member’s own language', async () => {
    for (const language of ['fr', 'en'] as const) {
      const user = await aUser(t.deps.db, {
        role: 'intermediary',
        intermediaryOrganisationId: orgId,
        language,
      });
      const client = new TestClient(t.app);
      await client.login(user.email, TEST_PASSWORD);
      // Consent is checked with the form's fields; contact and date with the rules after it.
      const cases: [Record<string, string | string[]>, ErrorKey][] = [
        [{ consent: [] }, 'familyConsentRequired'],
        [{ parent1Phone: '' }, 'phoneOrEmailRequired'],
        [{ consentDate: addDays(t.clock.today(), 3) }, 'consentDateInFuture'],
      ];
      for (const [overrides, key] of cases) {
        const bad = await register(overrides, client);
        expect(bad.statusCode).toBe(400);
        expect(bad.body).toContain(`<html lang="${language}"`);
        const text = bad.body
          .replace(/&#x27;|&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        expect(text).toContain(errorText(language, key));
      }
    }
    expect(await t.deps.db.$count(schema.families)).toBe(0);
  });

  it('registers a second parent, the parents’ national numbers only as cipher and hash, and the sub-municipality', async () => {
    const number1 = makeNationalNumber(localDate('1990-05-12'), 45);
    const number2 = makeNationalNumber(localDate('1988-11-03'), 67);
    const res = await register({
      parent1NationalNumber: number1,
      parent1Situation: 'job_seeking',
      parent2FirstName: 'Youssef',
      parent2LastName: 'El Idrissi',
      parent2NationalNumber: number2,
      parent2Phone: '0471 00 00 00',
      parent2Email: 'Youssef@Example.be',
      parent2Language: 'nl',
      parent2Situation: 'working',
      parent2DaysPerWeek: '4,5',
    });
    expect(res.statusCode).toBe(303);
    const [family] = await t.deps.db.select().from(schema.families);
    expect(family?.subMunicipalityId).toBe(s.subMunicipality?.id);
    const parents = await t.deps.db.select().from(schema.parents).orderBy(asc(schema.parents.position));
    expect(parents).toHaveLength(2);
    expect(parents[0]).toMatchObject({ firstName: 'Fatima', situation: 'job_seeking', position: 1 });
    expect(parents[1]).toMatchObject({
      firstName: 'Youssef',
      lastName: 'El Idrissi',
      email: 'youssef@example.be',
      phone: '0471 00 00 00',
      language: 'nl',
      situation: 'working',
      position: 2,
      userId: null,
    });
    expect(Number(parents[1]?.daysPerWeek)).toBe(4.5);
    const vault = t.deps.vault;
    expect(parents[0]?.nationalNumberHash).toBe(vault.protect(number1).hash);
    expect(parents[1]?.nationalNumberHash).toBe(vault.protect(number2).hash);
    expect(vault.reveal(parents[0]?.nationalNumberCipher as string)).toBe(number1);
    expect(vault.reveal(parents[1]?.nationalNumberCipher as string)).toBe(number2);
    // Never in plain text: not in the parents' rows, not in the audit trail.
    const stored = JSON.stringify([parents, await t.deps.db.select().from(schema.auditLog)]);
    for (const n of [number1, number2]) expect(stored).not.toContain(n);

    const page = await staff.get(`/intermediary/families/${family?.id}`);
    expect(page.body).toContain('Youssef El Idrissi');
  });

  it('checks the second parent, the national numbers and the sub-municipality, and never echoes a number', async () => {
    const number1 = makeNationalNumber(localDate('1990-05-12'), 45);
    const bad = await register({
      parent1NationalNumber: number1,
      parent2NationalNumber: '12345678901',
      parent2FirstName: 'Youssef',
      subMunicipalityId: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dit is geen geldig rijksregisternummer');
    expect(bad.body).toContain('id="error-parent2LastName"');
    expect(bad.body).toContain('id="error-subMunicipalityId"');
    expect(bad.body).toContain('value="Youssef"');
    // Neither the valid nor the invalid number comes back in the page.
    expect(bad.body).not.toContain(number1);
    expect(bad.body).not.toContain('12345678901');
    const otherSub = await t.deps.db
      .insert(schema.subMunicipalities)
      .values({
        municipalityId: (await aMunicipality(t.deps.db, { regionId: s.region.id })).id,
        name: 'Elders',
        postcode: '9999',
      })
      .returning();
    const wrongSub = await register({ subMunicipalityId: otherSub[0]?.id as string });
    expect(wrongSub.statusCode).toBe(400);
    expect(wrongSub.body).toContain('id="error-subMunicipalityId"');
    expect(wrongSub.body).toContain(errorText('nl', 'subMunicipalityElsewhere'));
    expect(await t.deps.db.$count(schema.families)).toBe(0);
    expect(await t.deps.db.$count(schema.parents)).toBe(0);
  });

  it('asks only about the family: the child, dates and care plan come in the wizard, about the family', async () => {
    const page = await staff.get('/intermediary/families/new');
    expect(page.statusCode).toBe(200);
    const main = page.body.slice(page.body.indexOf('data-qa="new-family-form"'));
    for (const field of ['childFirstName', 'desiredStart', 'day_mon', 'preference1'])
      expect(main).not.toContain(`name="${field}"`);
    expect(main).toMatch(/name="submissionKey" value="[0-9a-f-]{36}"/);
    const res = await register();
    const child = await staff.get(`${res.headers.location?.toString().split('?')[0]}/child`);
    for (const text of ['Is het kind al geboren?', 'Als het kind al geboren is'])
      expect(child.body).toContain(text);
    expect(child.body).not.toMatch(/\buw kind\b|\bhebt u\b|\bdie u kiest\b/i);
  });

  it('checks the parent’s phone number and keeps it formatted', async () => {
    const bad = await register({ parent1Phone: '0470 12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(errorText('nl', 'phoneNotValid'));
    expect(await t.deps.db.$count(schema.families)).toBe(0);
    expect((await register({ parent1Phone: '+32470123456' })).statusCode).toBe(303);
    const [parent] = await t.deps.db.select().from(schema.parents);
    expect(parent?.phone).toBe('0470 12 34 56');
  });

  it('shows staff only their organisation’s families: another one’s answers 404', async () => {
    const theirs = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      family: { intermediaryOrganisationId: otherOrgId },
      childFirstName: 'Geheim',
    });
    const unfollowed = await aFamilyRequest(t.deps.db, { municipalityId: s.municipality.id, locations: [] });
    for (const f of [theirs, unfollowed]) {
      expect((await staff.get(`/intermediary/families/${f.family.id}`)).statusCode).toBe(404);
      expect(
        (await staff.get(`/intermediary/families/${f.family.id}/requests/${f.request.id}`)).statusCode,
      ).toBe(404);
      const handOver = await staff.post(`/intermediary/families/${f.family.id}/hand-over`, {
        email: 'x@example.be',
        language: 'nl',
      });
      expect(handOver.statusCode).toBe(404);
    }
    const home = await staff.get('/intermediary');
    expect(home.body).not.toContain('Geheim');
    // A request of an own family under another family's id is not found either.
    await file();
    const [own] = await t.deps.db
      .select()
      .from(schema.families)
      .where(eq(schema.families.intermediaryOrganisationId, orgId));
    const res = await staff.get(`/intermediary/families/${own?.id}/requests/${theirs.request.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('turns the provider’s offer into a phone task, done once by a named staff member', async () => {
    await file();
    const [request] = await t.deps.db.select().from(schema.requests);
    const provider = new TestClient(t.app);
    await provider.login(s.firstStaff.email, TEST_PASSWORD);
    const page = `/provider/locations/${s.first.id}/requests/${request?.id}`;
    await provider.get(page);
    const offer = await provider.post(`${page}/offer`, {
      startDate: '2027-03-01',
      answerDeadline: '2026-12-01',
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'half',
      day_thu: 'none',
      day_fri: 'none',
    });
    expect(offer.statusCode).toBe(303);
    expect(await mails()).toHaveLength(0);
    const offerTask = (await tasks()).find((x) => x.kind === 'offer.made');
    expect(offerTask).toMatchObject({ requestId: request?.id, dueDate: '2026-12-01' });

    const list = await staff.get('/intermediary/tasks');
    expect(list.body).toContain(
      'Bel Fatima El Idrissi (0470 12 34 56): voorstel van KDV De Eerste Stap voor Amal El Idrissi vanaf 1 maart 2027; antwoorden vóór 1 december 2026.',
    );
    const done = await staff.post(`/intermediary/tasks/${offerTask?.id}/done`, {});
    expect(done.headers.location).toBe('/intermediary/tasks?done=1');
    const [row] = await t.deps.db
      .select()
      .from(schema.followUpTasks)
      .where(eq(schema.followUpTasks.id, offerTask?.id as string));
    expect(row?.doneAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(row?.doneByUserId).not.toBeNull();
    const after = await staff.get('/intermediary/tasks?done=1');
    expect(after.body).toContain('De taak is aangeduid als gedaan.');
    expect(after.body).toMatch(/gedaan door Test User \d+ op/);
    // Done once: a second click (or another organisation) finds nothing to do.
    expect((await staff.post(`/intermediary/tasks/${offerTask?.id}/done`, {})).statusCode).toBe(404);

    // The follow-up page shows the offer and the history.
    const follow = await staff.get(`/intermediary/families/${row?.familyId}/requests/${request?.id}`);
    expect(follow.statusCode).toBe(200);
    expect(follow.body).toContain('data-qa="timeline"');
    expect(follow.body).toContain('KDV De Eerste Stap');
    // It says who did what: the organisation filed, the provider answered (its answer says so itself).
    expect(follow.body).toContain('Aanvraag ingediend, door de organisatie die het gezin begeleidt');
    expect(follow.body).toContain('Voorstel ontvangen (KDV De Eerste Stap)</li>');

    // The family phoned back and accepts: staff record the answer through the parent's own rules.
    const [pending] = await t.deps.db.select().from(schema.offers);
    const answerUrl = `/intermediary/families/${row?.familyId}/requests/${request?.id}/offers/${pending?.id}/answer`;
    expect(follow.body).toContain(answerUrl);
    const missing = await staff.post(answerUrl, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Kies een van de mogelijkheden.');
    const accepted = await staff.post(answerUrl, { answer: 'accept' });
    expect(accepted.headers.location).toMatch(/\?done=answered$/);
    const [answered] = await t.deps.db.select().from(schema.requests);
    expect(answered?.status).toBe('answered');
    const acceptEvent = (await t.deps.db.select().from(schema.statusEvents)).find(
      (e) => e.eventType === 'preference.offer_accepted',
    );
    expect(acceptEvent?.actorRole).toBe('intermediary');
    expect(
      await t.deps.db.$count(schema.auditLog, eq(schema.auditLog.action, 'intermediary.offer.answer')),
    ).toBe(1);
    // Staff recorded the answer themselves: nothing new to phone the family about.
    expect((await tasks()).map((x) => x.kind)).toEqual(['offer.made']);
  });

  it('shows the offered plan next to the request’s, and records a decline only after its confirmation page', async () => {
    await file();
    const [request] = await t.deps.db.select().from(schema.requests);
    const provider = new TestClient(t.app);
    await provider.login(s.firstStaff.email, TEST_PASSWORD);
    const providerPage = `/provider/locations/${s.first.id}/requests/${request?.id}`;
    await provider.get(providerPage);
    // Asked: Mon and Tue full, Wed half, from 1 March 2027; offered: a month later, no Wednesday.
    await provider.post(`${providerPage}/offer`, {
      startDate: '2027-04-01',
      answerDeadline: '2026-12-01',
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'none',
      day_thu: 'none',
      day_fri: 'none',
    });
    const page = `/intermediary/families/${request?.familyId}/requests/${request?.id}`;
    const follow = await staff.get(page);
    expect(follow.body).toContain('Het voorstel verschilt van de aanvraag:');
    expect(follow.body).toContain('<li>Start op 1 april 2027 in plaats van 1 maart 2027</li>');
    expect(follow.body).toContain('<li>Geen opvang op woensdag</li>');
    expect(follow.body).toContain('data-qa="offer-plan-table"');

    const [pending] = await t.deps.db.select().from(schema.offers);
    const answerUrl = `${page}/offers/${pending?.id}/answer`;
    // Declining without the confirmation step does not act: it leads to the confirmation page.
    const unconfirmed = await staff.post(answerUrl, { answer: 'decline' });
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${page}/offers/${pending?.id}/decline`);
    const [still] = await t.deps.db.select().from(schema.offers);
    expect(still?.status).toBe('pending');

    const confirmPage = await staff.get(unconfirmed.headers.location as string);
    expect(confirmPage.statusCode).toBe(200);
    expect(confirmPage.body).toContain(
      'Het gezin weigert de plaats bij KDV De Eerste Stap vanaf 1 april 2027. KDV De Eerste Stap kan die plaats dan aan een ander kind geven.',
    );
    expect(confirmPage.body).toContain('De aanvraag blijft op de wachtlijst van:');
    expect(confirmPage.body).toContain('<li>KDV Het Tweede Nest</li>');
    expect(confirmPage.body).toContain(`href="${page}"`);

    const confirmed = await staff.post(answerUrl, { answer: 'decline', confirmed: 'yes' });
    expect(confirmed.headers.location).toBe(`${page}?done=answered`);
    const [declined] = await t.deps.db.select().from(schema.offers);
    expect(declined?.status).toBe('declined');
    const event = (await t.deps.db.select().from(schema.statusEvents)).find(
      (e) => e.eventType === 'preference.offer_declined',
    );
    expect(event?.actorRole).toBe('intermediary');
    // Another organisation's staff cannot see the confirmation page.
    const other = await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: otherOrgId });
    const otherClient = new TestClient(t.app);
    await otherClient.login(other.email, TEST_PASSWORD);
    expect((await otherClient.get(`${page}/offers/${pending?.id}/decline`)).statusCode).toBe(404);
  });

  it('still mails a followed family that has an e-mail address, and makes no task', async () => {
    await file({ parent1Email: 'fatima@example.be' });
    const [request] = await t.deps.db.select().from(schema.requests);
    expect((await mails()).map((m) => [m.template, m.toAddress, m.language])).toEqual([
      ['request.submitted', 'fatima@example.be', 'fr'],
    ]);
    // The expiry job mails the family too, and the provider in its staff's language.
    const [pref] = await t.deps.db.select().from(schema.preferences).orderBy(asc(schema.preferences.rank));
    await t.deps.db.update(schema.providerLocations).set({ email: 'kdv@example.be' });
    await t.deps.db.update(schema.users).set({ language: 'en' }).where(eq(schema.users.id, s.firstStaff.id));
    await t.deps.db.insert(schema.offers).values({
      preferenceId: pref?.id as string,
      startDate: '2027-03-01',
      answerDeadline: '2026-11-25',
      carePlan: {
        days: { mon: 'full', tue: 'full', wed: 'none', thu: 'none', fri: 'none' },
        fixed: true,
        early: false,
        late: false,
      },
      status: 'pending',
      createdAt: t.clock.now(),
    });
    await t.deps.db
      .update(schema.preferences)
      .set({ status: 'offer_made' })
      .where(eq(schema.preferences.id, pref?.id as string));
    expect(await expireOffers(t.deps, new Date('2026-11-26T08:00:00Z'))).toBe(1);
    const sent = await mails();
    expect(sent.map((m) => m.template)).toEqual([
      'request.submitted',
      'offer.expired',
      'offer.expired.provider',
    ]);
    expect(sent[2]).toMatchObject({ toAddress: 'kdv@example.be', language: 'en' });
    expect(sent[2]?.subject).toMatch(/^Offer expired: Amal El Idrissi/);
    expect(await tasks()).toHaveLength(0);
    expect(request?.channel).toBe('intermediary');
  });

  it('hands the file over: the invited parent registers and the family file becomes theirs', async () => {
    await file();
    const [family] = await t.deps.db.select().from(schema.families);
    const familyPage = `/intermediary/families/${family?.id}`;
    const bad = await staff.post(
      `${familyPage}/hand-over`,
      { email: 'geen-adres', language: 'fr' },
      { formPage: familyPage },
    );
    expect(bad.statusCode).toBe(400);
    const sent = await staff.post(
      `${familyPage}/hand-over`,
      { email: 'Fatima@Example.be', language: 'fr' },
      { formPage: familyPage },
    );
    expect(sent.headers.location).toBe(`${familyPage}?done=handOver`);
    const invitation = (await mails()).find((m) => m.template === 'family.take_over');
    expect(invitation).toMatchObject({ toAddress: 'fatima@example.be', language: 'fr' });
    const link = /\/take-over\?token=[A-Za-z0-9_-]+/.exec(invitation?.textBody ?? '')?.[0] as string;
    expect(link).toBeTruthy();

    const parent = new TestClient(t.app);
    const anonymous = await parent.get(link);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain(family?.fileNumber);
    // Registering from the invitation comes back to it.
    const registerPage = `/register?next=${encodeURIComponent(link)}`;
    expect(anonymous.body).toContain(registerPage.replace(/&/g, '&amp;'));
    // Registering from the invitation: the mailed link creates the account and comes back to it.
    const registered = await registerAndConfirm(
      parent,
      t.deps.db,
      {
        email: 'fatima@example.be',
        displayName: 'Fatima',
        password: 'een-lang-wachtwoord',
        passwordRepeat: 'een-lang-wachtwoord',
        language: 'fr',
        next: link,
      },
      registerPage,
    );
    expect(registered.statusCode).toBe(303);
    expect(registered.headers.location).toBe(link);
    await parent.get(link);
    const taken = await parent.post('/take-over', { token: link.split('=')[1] as string });
    expect(taken.headers.location).toBe('/parent');
    const [user] = await t.deps.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'fatima@example.be'));
    const [linked] = await t.deps.db
      .select()
      .from(schema.parents)
      .where(eq(schema.parents.familyId, family?.id as string));
    expect(linked).toMatchObject({ userId: user?.id, email: 'fatima@example.be' });
    const home = await parent.get('/parent');
    expect(home.body).toContain('Amal El Idrissi');
    // The link works once; the organisation keeps following the family.
    expect((await parent.get(link)).statusCode).toBe(404);
    expect((await staff.get(familyPage)).statusCode).toBe(200);
  });

  it('reminds a parent on their home page to verify the e-mail address, until it is verified', async () => {
    const parent = await aUser(t.deps.db, { role: 'parent', language: 'en' });
    const client = new TestClient(t.app);
    await client.login(parent.email, TEST_PASSWORD);
    expect((await client.get('/parent')).body).not.toContain('data-qa="verify-email-notice"');
    await t.deps.db.update(schema.users).set({ emailVerifiedAt: null }).where(eq(schema.users.id, parent.id));
    expect((await client.get('/parent')).body).toContain('data-qa="verify-email-notice"');
  });

  it('purges request drafts nobody touched for 30 days', async () => {
    const parent = await aUser(t.deps.db, { role: 'parent' });
    await t.deps.db.insert(schema.requestDrafts).values([
      { userId: parent.id, step: 'child', updatedAt: new Date('2026-10-22T08:00:00Z') },
      { userId: parent.id, step: 'when', updatedAt: new Date('2026-10-24T08:00:00Z') },
    ]);
    expect(await purgeAbandonedDrafts(t.deps, new Date('2026-11-22T09:00:00Z'))).toBe(1);
    const left = await t.deps.db.select().from(schema.requestDrafts);
    expect(left.map((d) => d.step)).toEqual(['when']);
  });
  describe('acting for a followed family on its request', () => {
    const filed = async () => {
      await file();
      const [family] = await t.deps.db.select().from(schema.families);
      const [request] = await t.deps.db.select().from(schema.requests);
      const familyId = family?.id as string;
      const requestId = request?.id as string;
      return { familyId, requestId, base: `/intermediary/families/${familyId}/requests/${requestId}` };
    };

    it('links to the actions from the family page', async () => {
      const { familyId, base } = await filed();
      const page = await staff.get(`/intermediary/families/${familyId}`);
      expect(page.body).toContain(`href="${base}/change"`);
      expect(page.body).toContain(`href="${base}/confirm"`);
      expect(page.body).toContain(`href="${base}/withdraw"`);
      expect(page.body).toContain(`href="${base}/preferences"`);
    });

    it('reorders the preferences for the family, recorded as done by the staff', async () => {
      const { familyId, requestId, base } = await filed();
      const page = `${base}/preferences`;
      expect((await staff.get(page)).statusCode).toBe(200);
      const [first] = await t.deps.db
        .select()
        .from(schema.preferences)
        .where(and(eq(schema.preferences.requestId, requestId), eq(schema.preferences.rank, 1)));
      expect((await staff.post(page, { op: `down:p:${first?.id}` })).statusCode).toBe(303);
      const saved = await staff.post(page, { op: 'save' }, { formPage: page });
      expect(saved.headers.location).toBe(`/intermediary/families/${familyId}?done=preferences`);
      const ranked = await t.deps.db
        .select()
        .from(schema.preferences)
        .where(eq(schema.preferences.requestId, requestId))
        .orderBy(asc(schema.preferences.rank));
      expect(ranked.map((p) => p.providerLocationId)).toEqual([s.second.id, s.first.id]);
      const events = await t.deps.db
        .select()
        .from(schema.statusEvents)
        .where(eq(schema.statusEvents.eventType, 'preference.reordered'));
      expect(events).toHaveLength(2);
      expect(events.every((e) => e.actorRole === 'intermediary' && e.actorUserId === staffUserId)).toBe(true);
      const audits = await t.deps.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'intermediary.request.act'));
      expect(
        audits.some((a) => a.familyId === familyId && a.details?.change === 'parent.request.update'),
      ).toBe(true);
    });

    it('confirms the request, closing the task to phone the family, recorded as done by the staff', async () => {
      const { familyId, requestId, base } = await filed();
      // The confirmation reminder becomes a task for the organisation (the family has no e-mail).
      t.clock.set('2027-02-08T06:00:00Z');
      const job = requestJobs(t.deps).find((j) => j.name === 'requests-confirmation');
      await job?.handler();
      expect((await tasks()).map((task) => [task.kind, task.doneAt])).toEqual([
        ['request.confirmation_reminder', null],
      ]);
      // Months on: still open while the task is.
      t.clock.set('2027-05-01T06:00:00Z');
      await job?.handler();
      const [still] = await t.deps.db.select().from(schema.requests);
      expect(still?.status).toBe('active');
      const fresh = new TestClient(t.app);
      await fresh.login(staffEmail, TEST_PASSWORD);
      expect((await fresh.get(`${base}/confirm`)).statusCode).toBe(200);
      const res = await fresh.post(`${base}/confirm`, { confirmed: 'yes' });
      expect(res.headers.location).toBe(`/intermediary/families/${familyId}?done=confirmed`);
      const notice = await fresh.get(res.headers.location as string);
      expect(notice.body).toContain('De aanvraag is bevestigd.');
      expect((await tasks()).every((task) => task.doneAt !== null)).toBe(true);
      const events = await t.deps.db
        .select()
        .from(schema.statusEvents)
        .where(eq(schema.statusEvents.eventType, 'request.confirmed'));
      expect(events).toMatchObject([{ requestId, actorRole: 'intermediary', actorUserId: staffUserId }]);
      const audits = await t.deps.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'intermediary.request.act'));
      expect(
        audits.some((a) => a.familyId === familyId && a.details?.change === 'parent.request.confirm'),
      ).toBe(true);
    });

    it('changes the dates and withdraws the request; bad input is refused with a message', async () => {
      const { familyId, requestId, base } = await filed();
      const bad = await staff.post(
        `${base}/change`,
        { part: 'dates', desiredStart: 'morgen' },
        { formPage: `${base}/change` },
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(errorText('nl', 'invalidDate'));
      const changed = await staff.post(`${base}/change`, { part: 'dates', desiredStart: '2027-05-03' });
      expect(changed.headers.location).toBe(`/intermediary/families/${familyId}?done=dates`);
      const [request] = await t.deps.db.select().from(schema.requests);
      expect(request?.desiredStart).toBe('2027-05-03');
      const withdrawn = await staff.post(
        `${base}/withdraw`,
        { confirmed: 'yes' },
        { formPage: `${base}/withdraw` },
      );
      expect(withdrawn.headers.location).toBe(`/intermediary/families/${familyId}?done=withdrawn`);
      const [after] = await t.deps.db.select().from(schema.requests).where(eq(schema.requests.id, requestId));
      expect(after?.status).toBe('withdrawn');
      // Staff acted themselves: no task to phone the family about it.
      expect(await tasks()).toHaveLength(0);
    });

    it("answers 404 to another organisation's staff, changing nothing", async () => {
      const { base } = await filed();
      const other = await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: otherOrgId });
      const otherClient = new TestClient(t.app);
      await otherClient.login(other.email, TEST_PASSWORD);
      for (const action of ['change', 'preferences', 'confirm', 'withdraw', 'birth']) {
        expect((await otherClient.get(`${base}/${action}`)).statusCode).toBe(404);
        const post = await otherClient.post(`${base}/${action}`, {
          confirmed: 'yes',
          part: 'dates',
          desiredStart: '2027-06-01',
        });
        expect(post.statusCode).toBe(404);
      }
      expect((await otherClient.get(`${base}/offer`)).statusCode).toBe(404);
      const [request] = await t.deps.db.select().from(schema.requests);
      expect(request).toMatchObject({ status: 'active', desiredStart: '2027-03-01' });
    });
  });

  describe('filing a request for a followed family through the wizard', () => {
    /** A family the organisation follows, without e-mail, with one open request for its child. */
    const followed = (organisationId = orgId) =>
      aFamilyRequest(t.deps.db, {
        municipalityId: s.municipality.id,
        locations: [s.first.id],
        parentEmail: null,
        family: { intermediaryOrganisationId: organisationId },
      });

    it('files for a second child with channel intermediary, recorded as done by the staff for the family', async () => {
      const { family } = await followed();
      const page = await staff.get(`/intermediary/families/${family.id}`);
      const base = `/intermediary/families/${family.id}/requests/new`;
      expect(page.body).toContain(`href="${base}"`);
      const start = await staff.get(base);
      expect(start.headers.location).toBe(`${base}/child`);
      const filed = await walkWizard(staff, base, [s.second.id, s.first.id], {
        child: { childFirstName: 'Amal', childLastName: 'El Idrissi' },
      });
      expect(filed.headers.location).toBe(`/intermediary/families/${family.id}?done=filedNoEmail`);
      const [request] = await t.deps.db
        .select()
        .from(schema.requests)
        .where(eq(schema.requests.channel, 'intermediary'));
      expect(request).toMatchObject({ familyId: family.id, status: 'active', createdByUserId: staffUserId });
      const events = await t.deps.db
        .select()
        .from(schema.statusEvents)
        .where(eq(schema.statusEvents.requestId, request?.id as string));
      expect(events).toHaveLength(3);
      expect(events.every((e) => e.actorRole === 'intermediary' && e.actorUserId === staffUserId)).toBe(true);
      const audits = await t.deps.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'intermediary.request.file'));
      expect(audits.every((a) => a.familyId === family.id && a.actorUserId === staffUserId)).toBe(true);
      // The new child joined the family file, the request was filed, and each page shown was a read.
      expect(audits.filter((a) => a.details?.childAdded)).toHaveLength(1);
      expect(audits.filter((a) => a.subjectId === request?.id)).toHaveLength(1);
      expect(audits.filter((a) => a.details?.read === true).length).toBeGreaterThanOrEqual(5);
      // No e-mail address: no mail; and no task either, the staff filed it themselves.
      expect(await mails()).toHaveLength(0);
      expect(await tasks()).toHaveLength(0);
      const notice = await staff.get(String(filed.headers.location));
      expect(notice.body).toContain('Het gezin heeft geen e-mailadres en krijgt dus geen e-mail');
      expect(notice.body).toContain('Amal El Idrissi');
    });

    it('points to the open request of a child that already has one, on the staff’s own page', async () => {
      const { family, child, request } = await followed();
      const base = `/intermediary/families/${family.id}/requests/new`;
      const page = await staff.get(`${base}/child`);
      expect(page.body).toContain(`href="/intermediary/families/${family.id}/requests/${request.id}"`);
      const again = await staff.post(
        `${base}/child`,
        { childId: child.id, nav: 'next' },
        { formPage: `${base}/child` },
      );
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('data-qa="existing-request"');
      expect(again.body).toContain(`href="/intermediary/families/${family.id}/requests/${request.id}"`);
      expect(await t.deps.db.$count(schema.requests)).toBe(1);
    });

    it('answers 404 for a family of another organisation or of none, writing nothing', async () => {
      const { family: theirs } = await followed(otherOrgId);
      const { family: nobodys } = await aFamilyRequest(t.deps.db, {
        municipalityId: s.municipality.id,
        locations: [],
      });
      await staff.get('/intermediary');
      for (const family of [theirs, nobodys]) {
        const base = `/intermediary/families/${family.id}/requests/new`;
        expect((await staff.get(base)).statusCode).toBe(404);
        for (const step of ['child', 'when', 'plan', 'preferences', 'summary']) {
          expect((await staff.get(`${base}/${step}`)).statusCode).toBe(404);
          expect((await staff.post(`${base}/${step}`, { childId: 'new', nav: 'next' })).statusCode).toBe(404);
        }
        expect((await staff.post(`${base}/discard`, {})).statusCode).toBe(404);
      }
      expect(await t.deps.db.$count(schema.requestDrafts)).toBe(0);
      expect(await t.deps.db.$count(schema.requests)).toBe(2);
      const audits = await t.deps.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'intermediary.request.file'));
      expect(audits).toHaveLength(0);
    });
  });
});
