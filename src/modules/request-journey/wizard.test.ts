import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TestClient } from '../../../test/app.ts';
import { aMunicipality, aProviderLocation, aRegion, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import {
  aParent,
  bornChild,
  errorsOf,
  fileRequest,
  fourDays,
  mails,
  type Parent,
  preferencesOf,
  regularStart,
  saveFamily,
  step,
} from '../../../test/parent-journey.ts';
import { schema } from '../../platform/db/index.ts';
import { localDate } from '../../shared/dates.ts';
import { makeNationalNumber } from '../../shared/national-number.ts';

describe.each(BACKENDS)('the request wizard on %s', (backend) => {
  let p: Parent;
  beforeEach(async () => {
    p = await aParent(backend, 'fr');
  });
  afterEach(async () => p.t.close());

  it('sends a parent without a family file to it first, keeping the chosen location', async () => {
    const res = await p.client.get(`/parent/requests/new?preference=${p.s.second.id}`);
    expect(res.statusCode).toBe(303);
    const to = String(res.headers.location);
    expect(to).toBe(
      `/parent/family?next=${encodeURIComponent(`/parent/requests/new?preference=${p.s.second.id}`)}`,
    );
    const form = await p.client.get(to);
    expect(form.body).toContain('name="next"');
    const saved = await p.client.post('/parent/family', {
      ...(await import('../../../test/parent-journey.ts')).familyForm(p.s.municipality.id),
      next: `/parent/requests/new?preference=${p.s.second.id}`,
    });
    expect(saved.headers.location).toBe(`/parent/requests/new?preference=${p.s.second.id}`);
    const start = await p.client.get(String(saved.headers.location));
    expect(start.headers.location).toBe('/parent/requests/new/child');
    const drafts = await p.t.deps.db.select().from(schema.requestDrafts);
    expect(drafts.map((d) => d.data)).toEqual([{ preferences: [p.s.second.id] }]);
  });

  it('walks the steps, keeps input going back and forward, shows a summary and files one request', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    // The end date is proposed: the 1st of the month after the child turns 2.5.
    const when = await p.client.get('/parent/requests/new/when');
    expect(when.body).toContain('value="2029-03-01"');
    await step(p, 'when', { ...regularStart, desiredEnd: '2029-03-01', nav: 'next' });
    // Back from the care plan without finishing it: what was typed is kept.
    await step(p, 'plan', {
      day_mon: 'full',
      day_tue: 'half',
      careNeeds: 'yes',
      careNeedsText: 'Allergie aux noix',
      nav: 'back',
    });
    const backOnWhen = await p.client.get('/parent/requests/new/when');
    expect(backOnWhen.body).toContain('value="2027-02-01"');
    await step(p, 'when', { ...regularStart, desiredEnd: '2029-03-01', nav: 'next' });
    const plan = await p.client.get('/parent/requests/new/plan');
    expect(plan.body).toContain('Allergie aux noix');
    expect(plan.body).toMatch(/<option value="half" selected/);
    await step(p, 'plan', {
      ...fourDays,
      hours: ['early', 'late'],
      careNeeds: 'yes',
      careNeedsText: 'Allergie aux noix',
      nav: 'next',
    });
    await step(p, 'preferences', { op: `add:${p.s.second.id}` });
    await step(p, 'preferences', { op: `add:${p.s.first.id}` });
    await step(p, 'preferences', { op: `up:${p.s.first.id}` });
    await step(p, 'preferences', { nav: 'next' });

    const summary = await p.client.get('/parent/requests/new/summary');
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('Lena Peeters');
    expect(summary.body).toContain('1er février 2027');
    expect(summary.body).toContain('Allergie aux noix');
    expect(summary.body).toMatch(/KDV De Eerste Stap[\s\S]*KDV Het Tweede Nest/);
    const key = /name="submissionKey" value="([^"]+)"/.exec(summary.body)?.[1] as string;

    // A double submit (second click, or back and submit again) makes one request.
    const [a, b] = [
      await p.client.post('/parent/requests/new/summary', { submissionKey: key, nav: 'next' }),
      await p.client.post('/parent/requests/new/summary', { submissionKey: key, nav: 'next' }),
    ];
    expect(a.statusCode).toBe(303);
    expect(b.headers.location).toBe(a.headers.location);
    expect(await p.t.deps.db.$count(schema.requests)).toBe(1);
    expect(await p.t.deps.db.$count(schema.requestDrafts)).toBe(0);

    const [request] = await p.t.deps.db.select().from(schema.requests);
    expect(request).toMatchObject({
      kind: 'regular',
      desiredStart: '2027-02-01',
      desiredEnd: '2029-03-01',
      careNeeds: true,
      careNeedsText: 'Allergie aux noix',
      carePlan: { fixed: true, early: true, late: true, days: { mon: 'full', fri: 'half', wed: 'none' } },
    });
    const prefs = await preferencesOf(p.t, request?.id as string);
    expect(prefs.map((x) => [x.rank, x.locationName, x.status])).toEqual([
      [1, 'KDV De Eerste Stap', 'new'],
      [2, 'KDV Het Tweede Nest', 'new'],
    ]);
    const sent = await mails(p.t);
    expect(sent.map((m) => [m.template, m.language])).toEqual([['request.submitted', 'fr']]);

    const followUp = await p.client.get(String(a.headers.location));
    expect(followUp.body).toContain('Demande pour Lena Peeters');
    // When an answer can be expected: 21 days (the municipality's term) after the submission.
    expect(followUp.body).toContain('Réponse attendue au plus tard le 13 décembre 2026');
  });

  it('answers 400 with the messages in the parent’s language at each step', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    const child = await p.client.post('/parent/requests/new/child', {
      childId: 'new',
      childLastName: '',
      childBorn: 'yes',
      birthDate: '2027-01-01',
      nav: 'next',
    });
    expect(child.statusCode).toBe(400);
    expect(errorsOf(child.body)).toEqual(['Remplissez ce champ.']);
    const future = await p.client.post('/parent/requests/new/child', {
      ...bornChild,
      birthDate: '2027-01-01',
      nav: 'next',
    });
    expect(errorsOf(future.body)).toEqual(['Une date de naissance ne peut pas être dans le futur.']);
    const unborn = await p.client.post('/parent/requests/new/child', {
      childId: 'new',
      childLastName: 'Peeters',
      childBorn: 'no',
      expectedBirthDate: '2026-10-01',
      nav: 'next',
    });
    expect(errorsOf(unborn.body)).toEqual(['La date de naissance prévue doit être dans le futur.']);
    expect(unborn.body).toContain('value="2026-10-01"');

    await step(p, 'child', {
      childId: 'new',
      childLastName: 'Peeters',
      childBorn: 'no',
      expectedBirthDate: '2027-03-10',
      nav: 'next',
    });
    const early = await p.client.post('/parent/requests/new/when', {
      kind: 'regular',
      desiredStart: '2027-03-01',
      nav: 'next',
    });
    expect(early.statusCode).toBe(400);
    expect(errorsOf(early.body)).toEqual([
      'La date de début ne peut pas précéder la date de naissance (prévue).',
    ]);
    const occasional = await p.client.post('/parent/requests/new/when', {
      kind: 'occasional',
      desiredStart: '2027-06-01',
      desiredEnd: '2028-09-01',
      nav: 'next',
    });
    expect(errorsOf(occasional.body)).toEqual([
      'Remplissez ce champ.',
      'L’accueil occasionnel se termine dans les 12 mois qui suivent le début.',
    ]);
    await step(p, 'when', {
      kind: 'occasional',
      occasionalReason: 'Formation VDAB',
      desiredStart: '2027-06-01',
      desiredEnd: '2027-12-31',
      nav: 'next',
    });
    const noDays = await p.client.post('/parent/requests/new/plan', { careNeeds: 'yes', nav: 'next' });
    expect(errorsOf(noDays.body)).toEqual(['Choisissez au moins un jour d’accueil.', 'Remplissez ce champ.']);
    await step(p, 'plan', { ...fourDays, nav: 'next' });
    const none = await p.client.post('/parent/requests/new/preferences', { nav: 'next' });
    expect(none.statusCode).toBe(400);
    expect(errorsOf(none.body)).toEqual(['Choisissez au moins un lieu d’accueil.']);
    expect(await p.t.deps.db.$count(schema.requests)).toBe(0);
  });

  it('warns when the start is further ahead than the municipality’s maximum, without refusing it', async () => {
    await saveFamily(p);
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    await step(p, 'when', { kind: 'regular', desiredStart: '2029-01-07', nav: 'next' });
    const plan = await p.client.get('/parent/requests/new/when');
    expect(plan.body).toContain('data-qa="far-ahead"');
    await step(p, 'plan', { ...fourDays, nav: 'next' });
    await step(p, 'preferences', { op: `add:${p.s.first.id}` });
    await step(p, 'preferences', { nav: 'next' });
    const summary = await p.client.get('/parent/requests/new/summary');
    expect(summary.body).toContain('Votre date de début est à plus de 24 mois.');
  });

  it('keeps at most the municipality’s number of preferences, from active locations of the region only', async () => {
    await saveFamily(p);
    const db = p.t.deps.db;
    await db.update(schema.municipalities).set({ maxPreferences: 2 });
    const otherRegion = await aRegion(db);
    const elsewhere = await aMunicipality(db, { regionId: otherRegion.id });
    const far = await aProviderLocation(db, { municipalityId: elsewhere.id, name: 'KDV Ver Weg' });
    const closed = await aProviderLocation(db, {
      municipalityId: p.s.municipality.id,
      name: 'KDV Gesloten',
      active: false,
    });
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    await step(p, 'when', { ...regularStart, nav: 'next' });
    await step(p, 'plan', { ...fourDays, nav: 'next' });
    for (const id of [far.id, closed.id]) {
      const res = await p.client.post('/parent/requests/new/preferences', { op: `add:${id}` });
      expect(res.statusCode).toBe(400);
      expect(errorsOf(res.body)).toEqual(['Choisissez une des possibilités.']);
    }
    await step(p, 'preferences', { op: `add:${p.s.first.id}` });
    await step(p, 'preferences', { op: `add:${p.s.second.id}` });
    const third = await p.client.post('/parent/requests/new/preferences', { op: `add:${p.s.third.id}` });
    expect(third.statusCode).toBe(400);
    expect(errorsOf(third.body)).toEqual(['Vous pouvez choisir au maximum 2 lieux d’accueil.']);
    // The search lists the region's active locations with the filters, not the others.
    const search = await p.client.get(
      `/parent/requests/new/preferences?careType=family&municipalityId=&name=derde`,
    );
    expect(search.body).toContain('Onthaalouder Derde');
    expect(search.body).not.toContain('KDV Ver Weg');
    const all = await p.client.get('/parent/requests/new/preferences?municipalityId=');
    expect(all.body).not.toContain('KDV Ver Weg');
    expect(all.body).not.toContain('KDV Gesloten');
  });

  it('takes a school child’s request for out-of-school care only where the municipality turned that on, with its own filter', async () => {
    await saveFamily(p);
    const db = p.t.deps.db;
    const bso = await aProviderLocation(db, {
      municipalityId: p.s.municipality.id,
      name: 'BSO De Speelplaats',
      careType: 'out_of_school',
      minAgeMonths: 30,
      maxAgeMonths: 144,
    });
    // Another region takes such requests: that does not count for this family.
    const elsewhere = await aMunicipality(db, {
      regionId: (await aRegion(db)).id,
      outOfSchoolRequests: true,
    });
    await aProviderLocation(db, {
      municipalityId: elsewhere.id,
      careType: 'out_of_school',
      maxAgeMonths: 144,
    });
    const schoolChild = { ...bornChild, birthDate: '2020-09-01' };
    await p.client.get('/parent/requests/new');
    // Off (the default): no location of the region takes a six-year-old, and the message says why.
    const refused = await p.client.post('/parent/requests/new/child', { ...schoolChild, nav: 'next' });
    expect(refused.statusCode).toBe(400);
    expect(errorsOf(refused.body)[0]).toContain('accueil extrascolaire');

    await db
      .update(schema.municipalities)
      .set({ outOfSchoolRequests: true })
      .where(eq(schema.municipalities.id, p.s.municipality.id));
    await step(p, 'child', { ...schoolChild, nav: 'next' });
    await step(p, 'when', { ...regularStart, nav: 'next' });
    await step(p, 'plan', { ...fourDays, nav: 'next' });
    const page = await p.client.get('/parent/requests/new/preferences');
    expect(page.body).toContain('<option value="out_of_school"');
    const filtered = await p.client.get(
      '/parent/requests/new/preferences?careType=out_of_school&municipalityId=&name=',
    );
    expect(filtered.body).toContain('BSO De Speelplaats');
    expect(filtered.body).not.toContain(p.s.first.name);
    await step(p, 'preferences', { op: `add:${bso.id}` });
    const drafts = await db.select().from(schema.requestDrafts);
    expect(drafts.map((d) => (d.data as { preferences?: string[] }).preferences)).toContainEqual([bso.id]);
  });

  it('offers no out-of-school filter in a region where no municipality takes such requests', async () => {
    await saveFamily(p);
    await aProviderLocation(p.t.deps.db, {
      municipalityId: p.s.municipality.id,
      name: 'BSO Verborgen',
      careType: 'out_of_school',
      maxAgeMonths: 144,
    });
    await p.client.get('/parent/requests/new');
    await step(p, 'child', { ...bornChild, nav: 'next' });
    await step(p, 'when', { ...regularStart, nav: 'next' });
    await step(p, 'plan', { ...fourDays, nav: 'next' });
    const page = await p.client.get(
      '/parent/requests/new/preferences?careType=out_of_school&municipalityId=',
    );
    expect(page.body).not.toContain('<option value="out_of_school"');
    expect(page.body).not.toContain('BSO Verborgen');
  });

  it('finds a child already known by its national number: the own open request, or another family’s file', async () => {
    await saveFamily(p);
    const nrn = makeNationalNumber(localDate('2026-08-01'), 124);
    const first = await fileRequest(p, { child: { nationalNumber: nrn } });
    await p.client.get('/parent/requests/new');
    const again = await p.client.post('/parent/requests/new/child', {
      ...bornChild,
      nationalNumber: nrn,
      nav: 'next',
    });
    expect(again.statusCode).toBe(400);
    expect(errorsOf(again.body)).toEqual([
      'Une demande est déjà en cours pour cet enfant. Vous la trouverez sous «\u00a0Mes demandes\u00a0».',
    ]);
    expect(again.body).toContain(`href="/parent/requests/${first}"`);
    expect(await p.t.deps.db.$count(schema.children)).toBe(1);

    const other = await aUser(p.t.deps.db, { role: 'parent', language: 'en' });
    const client = new TestClient(p.t.app);
    await client.login(other.email, TEST_PASSWORD);
    const otherParent = { ...p, client, user: other };
    await saveFamily(otherParent);
    await client.get('/parent/requests/new');
    const elsewhere = await client.post(
      '/parent/requests/new/child',
      { ...bornChild, nationalNumber: nrn, nav: 'next' },
      { formPage: '/parent/requests/new/child' },
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(errorsOf(elsewhere.body)).toEqual([
      'This child already has a file at the desk, in another family. Please contact the desk.',
    ]);
    expect(elsewhere.body).not.toContain(first);
  });

  it('lets the parent discard a draft', async () => {
    await saveFamily(p);
    await p.client.get(`/parent/requests/new?preference=${p.s.first.id}`);
    const home = await p.client.get('/parent');
    expect(home.body).toContain('data-qa="continue-draft"');
    const res = await p.client.post('/parent/requests/new/discard', {});
    expect(res.headers.location).toBe('/parent');
    expect(await p.t.deps.db.$count(schema.requestDrafts)).toBe(0);
  });
});
