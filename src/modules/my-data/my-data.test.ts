import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { maskNationalNumber } from '../../shared/national-number.ts';
import { aFamilyFile } from './my-data.fixtures.ts';

describe.each(BACKENDS)('my data: viewing and downloading on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
  });
  afterEach(async () => t.close());

  async function parentWithFile(language: 'nl' | 'fr' | 'en' = 'nl') {
    const user = await aUser(t.deps.db, { role: 'parent', language });
    const file = await aFamilyFile(t.deps, s, user);
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    return { user, file, client };
  }

  it('downloads everything about the family as a JSON attachment, national numbers masked', async () => {
    const { user, file, client } = await parentWithFile();
    // Someone else's family must not leak into the export.
    const other = await aUser(t.deps.db, { role: 'parent' });
    await aFamilyFile(t.deps, s, other, {
      parent: 'Greet',
      partner: 'Jan',
      child: 'Mats',
      family: 'Peeters',
    });

    const res = await client.get('/parent/my-data/export.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="my-data-${file.family.fileNumber}-2026-11-22.json"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data.format).toBe('childcare-desk/my-data');
    expect(data.account).toMatchObject({ email: user.email, displayName: user.displayName, language: 'nl' });
    expect(data.family).toMatchObject({
      fileNumber: file.family.fileNumber,
      municipality: s.municipality.name,
      subMunicipality: 'Centrum',
      address: { street: 'El Idrissistraat', houseNumber: '77', postcode: '3000', city: 'Leuven' },
      household: { yearlyIncome: 24_500, singleParent: false, homeLanguage: 'Arabisch' },
    });
    expect(data.parents).toEqual([
      expect.objectContaining({
        firstName: 'Amina',
        nationalNumber: maskNationalNumber(file.numbers.parent),
        email: user.email,
        situation: 'working',
        daysPerWeek: 4,
        isYou: true,
      }),
      expect.objectContaining({
        firstName: 'Youssef',
        nationalNumber: maskNationalNumber(file.numbers.partner),
        isYou: false,
      }),
    ]);
    expect(data.children).toEqual([
      {
        firstName: 'Lina',
        lastName: 'El Idrissi',
        birthDate: '2026-06-03',
        expectedBirthDate: null,
        nationalNumber: '26.06.03-***.**',
      },
    ]);
    expect(data.requests).toHaveLength(1);
    const [request] = data.requests;
    expect(request).toMatchObject({
      child: 'Lina El Idrissi',
      status: 'active',
      desiredStart: '2027-01-04',
      careNeedsText: 'Lina is allergisch voor noten',
      carePlan: { days: { mon: 'full', fri: 'half' } },
    });
    expect(
      request.preferences.map((p: { provider: string; status: string }) => [p.provider, p.status]),
    ).toEqual([
      ['KDV De Eerste Stap', 'offer_made'],
      ['KDV Het Tweede Nest', 'waiting_list'],
      ['Onthaalouder Derde', 'no_place'],
    ]);
    expect(request.preferences[0].offers).toEqual([
      expect.objectContaining({ startDate: '2027-01-04', status: 'pending', message: 'Welkom Lina!' }),
    ]);
    expect(request.history.map((e: { eventType: string }) => e.eventType)).toEqual([
      'request.submitted',
      'preference.added',
      'preference.added',
      'preference.added',
      'preference.offer_made',
    ]);
    expect(data.mails).toEqual([
      expect.objectContaining({
        to: user.email,
        template: 'request.submitted',
        subject: expect.stringContaining('Lina'),
      }),
    ]);
    expect(data.accessLog).toEqual([
      expect.objectContaining({
        action: 'provider.request.read',
        byYou: false,
        byRole: 'provider_staff',
        byOrganisation: ['KDV De Eerste Stap'],
      }),
    ]);
    // Nothing in the download is unmasked, nor anything of the other family.
    for (const n of Object.values(file.numbers)) expect(res.body).not.toContain(n);
    expect(res.body).not.toContain('Peeters');
    // No private provider notes (they are never shown to parents).
    expect(res.body).not.toContain('belde op');
  });

  it('audits the reveal of the family’s national numbers, each time', async () => {
    const { user, file, client } = await parentWithFile();
    await client.get('/parent/my-data/export.json');
    await client.get('/parent/my-data');
    const rows = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'parent.data.export'), eq(schema.auditLog.actorUserId, user.id)));
    expect(rows.map((r) => [r.familyId, r.subjectType, r.details])).toEqual([
      [file.family.id, 'family', { format: 'json', nationalNumbersRevealed: 3 }],
      [file.family.id, 'family', { format: 'html', nationalNumbersRevealed: 3 }],
    ]);
    // The next download shows those reads in the trail, as the parent's own.
    const again = (await client.get('/parent/my-data/export.json')).json();
    expect(again.accessLog.filter((a: { byYou: boolean }) => a.byYou)).toHaveLength(2);
  });

  it('shows the same data as a readable page in the parent’s language', async () => {
    const { client } = await parentWithFile('fr');
    const res = await client.get('/parent/my-data');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="fr"');
    expect(res.body).toContain('<h1 class="utrecht-heading-1">Mes données</h1>');
    expect(res.body).toContain('Amina El Idrissi (Vous)');
    expect(res.body).toContain('90.04.12-***.**');
    expect(res.body).toContain('Demande pour Lina El Idrissi');
    expect(res.body).toContain('Proposition reçue');
    expect(res.body).toContain('Pas de place');
    expect(res.body).toContain('Collaborateur d’accueil, KDV De Eerste Stap');
    // The priority facts: the income as given, and when they were given.
    expect(res.body).toMatch(/Revenu imposable du ménage par an[\s\S]*?€ 24[\s\u00a0\u202f.]500/);
    expect(res.body).toMatch(/Données pour la priorité données le[\s\S]*?\d{4}/);
    expect(res.body).toContain('href="/parent/my-data/export.json"');
    expect(res.body).toContain('href="/parent/my-data/delete"');
    expect(res.body).not.toMatch(/\b\d{11}\b/);
  });

  it('names every history event and access in words, never as a stored code', async () => {
    const { file, client } = await parentWithFile('en');
    const at = new Date('2026-11-20T10:00:00Z');
    await t.deps.db.insert(schema.statusEvents).values(
      ['child.born', 'request.dates_changed', 'preference.reordered', 'something.new_kind'].map(
        (eventType) => ({
          requestId: file.request.id,
          eventType,
          occurredAt: at,
          actorRole: 'parent' as const,
        }),
      ),
    );
    await t.deps.db.insert(schema.auditLog).values(
      ['intermediary.family.read', 'some.future_action'].map((action) => ({
        occurredAt: at,
        actorRole: 'intermediary' as const,
        action,
        subjectType: 'family',
        subjectId: file.family.id,
        familyId: file.family.id,
      })),
    );
    const res = await client.get('/parent/my-data');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Birth data completed');
    expect(res.body).toContain('Start or end date changed');
    expect(res.body).toContain('Order of the preferences changed');
    expect(res.body).toContain('Change in the file');
    expect(res.body).toContain('File viewed by an intermediary');
    expect(res.body).toContain('Data used');
    for (const code of [
      'child.born',
      'request.dates_changed',
      'preference.reordered',
      'something.new_kind',
      'intermediary.family.read',
      'some.future_action',
    ])
      expect(res.body).not.toContain(`>${code}<`);
    expect(res.body).not.toMatch(/— (child|request|preference|something)\.[a-z_]+/);
  });

  it('works for a parent without a family file yet', async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'en' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const page = await client.get('/parent/my-data');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('There is no family file yet');
    const data = (await client.get('/parent/my-data/export.json')).json();
    expect(data).toMatchObject({
      family: null,
      parents: [],
      children: [],
      requests: [],
      mails: [],
      accessLog: [],
    });
    expect(data.account.email).toBe(user.email);
  });

  it('is only for parents, and only about their own family', async () => {
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await staff.get('/parent/my-data/export.json')).statusCode).toBe(403);
    const anonymous = new TestClient(t.app);
    const res = await anonymous.get('/parent/my-data/export.json');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fparent%2Fmy-data%2Fexport.json');
  });
});
