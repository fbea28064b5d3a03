import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';

const INFO = '/desk/info-pages';
const SICK = '/desk/sick-child-services';

function infoForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    title_nl: 'Prijzen en tarieven',
    body_nl: 'Wat kost kinderopvang?\n\n## Inkomenstarief\n\n- volgens uw inkomen\n- met een attest',
    title_fr: 'Prix et tarifs',
    body_fr: 'Combien coûte l’accueil\u00a0?',
    title_en: '',
    body_en: '',
    slug: '',
    sortOrder: '5',
    published: 'yes',
    ...over,
  };
}

function sickForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Ziekenoppas Test',
    contact: 'oppas@ziek.example',
    phone: '016 11 22 33',
    website: 'https://ziekenoppas.example',
    sortOrder: '1',
    description_nl: 'Een oppas komt bij u thuis.',
    description_fr: 'Une garde vient chez vous.',
    description_en: '',
    area_nl: 'Leuven',
    area_fr: '',
    area_en: '',
    hours_nl: '',
    hours_fr: '',
    hours_en: '',
    conditions_nl: '',
    conditions_fr: '',
    conditions_en: '',
    ...over,
  };
}

describe.each(BACKENDS)('the desk’s information pages and sick-child services on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const audits = (subjectType: string) =>
    db()
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectType, subjectType as 'info_page'));
  const visitor = (lang: 'nl' | 'fr' | 'en') => new TestClient(t.app, { 'accept-language': lang });

  it('publishes an information page, shows a missing translation, hides it, refuses a taken address, deletes it', async () => {
    expect((await desk.get(INFO)).body).toContain('data-qa="info-none"');
    const refused = await desk.post(`${INFO}/new`, infoForm({ body_nl: '', slug: 'Met Hoofdletters' }), {
      formPage: `${INFO}/new`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(errorText('nl', 'slugInvalid'));
    expect(refused.body).toContain('value="Prix et tarifs"');
    expect(await db().$count(schema.infoPages)).toBe(0);

    const created = await desk.post(`${INFO}/new`, infoForm(), { formPage: `${INFO}/new` });
    expect(created.headers.location).toBe(`${INFO}?done=created`);
    const [page] = await db().select().from(schema.infoPages);
    expect(page).toMatchObject({
      slug: 'prijzen-en-tarieven',
      municipalityId: s.municipality.id,
      regionId: s.region.id,
      sortOrder: 5,
      published: true,
      title: { nl: 'Prijzen en tarieven', fr: 'Prix et tarifs' },
    });
    const [audit] = await audits('info_page');
    expect(audit).toMatchObject({
      actorRole: 'desk',
      subjectId: page?.id,
      details: { change: 'created', slug: 'prijzen-en-tarieven', languages: ['nl', 'fr'] },
    });
    const list = await desk.get(INFO);
    expect(list.body).toContain('data-qa="info-missing-en"');
    expect(list.body).not.toContain('data-qa="info-missing-fr"');

    const fr = await visitor('fr').get('/info/prijzen-en-tarieven');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Prix et tarifs');
    const en = await visitor('en').get('/info/prijzen-en-tarieven');
    expect(en.body).toMatch(/<h1[^>]*lang="nl"[^>]*>Prijzen en tarieven<\/h1>/);
    expect(en.body).toContain('<h2 class="utrecht-heading-2">Inkomenstarief</h2>');
    expect((await visitor('nl').get('/info')).body).toContain('href="/info/prijzen-en-tarieven"');

    // Not published: off the public site, still on the desk's list.
    const edit = `${INFO}/${page?.id}`;
    const hidden = await desk.post(edit, infoForm({ slug: 'prijzen-en-tarieven', published: 'no' }), {
      formPage: edit,
    });
    expect(hidden.headers.location).toBe(`${edit}?done=saved`);
    expect((await visitor('nl').get('/info/prijzen-en-tarieven')).statusCode).toBe(404);
    expect((await visitor('nl').get('/')).body).not.toContain('href="/info/prijzen-en-tarieven"');
    expect((await desk.get(INFO)).body).toContain('Niet gepubliceerd');
    const same = await desk.post(edit, infoForm({ slug: 'prijzen-en-tarieven', published: 'no' }), {
      formPage: edit,
    });
    expect(same.headers.location).toBe(`${edit}?done=unchanged`);

    // Another municipality of the region cannot take the address, nor see the page.
    const other = await aMunicipality(db(), { regionId: s.region.id });
    const otherOfficer = await aUser(db(), { role: 'desk', municipalityId: other.id });
    const otherDesk = new TestClient(t.app);
    await otherDesk.login(otherOfficer.email, TEST_PASSWORD);
    const taken = await otherDesk.post(`${INFO}/new`, infoForm(), { formPage: `${INFO}/new` });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain(errorText('nl', 'slugTaken'));
    expect((await otherDesk.get(edit)).statusCode).toBe(404);
    expect(await db().$count(schema.infoPages)).toBe(1);

    // Deleting asks first.
    const unconfirmed = await desk.post(`${edit}/delete`, {}, { formPage: `${edit}/delete` });
    expect(unconfirmed.headers.location).toBe(`${edit}/delete`);
    expect(await db().$count(schema.infoPages)).toBe(1);
    const confirm = await desk.get(`${edit}/delete`);
    expect(confirm.body).toContain('Prijzen en tarieven');
    const deleted = await desk.post(`${edit}/delete`, { confirmed: 'yes' }, { formPage: `${edit}/delete` });
    expect(deleted.headers.location).toBe(`${INFO}?done=deleted`);
    expect(await db().$count(schema.infoPages)).toBe(0);
    expect((await audits('info_page')).map((a) => (a.details as { change: string }).change).sort()).toEqual([
      'created',
      'deleted',
      'edited',
    ]);
  });

  it('adds, edits and deletes a sick-child service that the public site shows with its municipality', async () => {
    const refused = await desk.post(
      `${SICK}/new`,
      sickForm({ phone: 'bel ons', website: 'http://x', description_nl: '', hours_fr: 'Le matin' }),
      { formPage: `${SICK}/new` },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(errorText('nl', 'invalidPhone'));
    expect(refused.body).toContain(errorText('nl', 'invalidUrl'));
    expect(refused.body).toContain(errorText('nl', 'dutchTextRequired'));
    expect(await db().$count(schema.sickChildServices)).toBe(0);

    const created = await desk.post(`${SICK}/new`, sickForm(), { formPage: `${SICK}/new` });
    expect(created.headers.location).toBe(`${SICK}?done=created`);
    const [service] = await db().select().from(schema.sickChildServices);
    expect(service).toMatchObject({
      municipalityId: s.municipality.id,
      contact: 'oppas@ziek.example',
      description: { nl: 'Een oppas komt bij u thuis.', fr: 'Une garde vient chez vous.' },
      area: { nl: 'Leuven' },
      hours: null,
    });
    const list = await desk.get(SICK);
    expect(list.body).toContain('Ziekenoppas Test');
    expect(list.body).toContain('data-qa="sick-missing-en"');
    expect(list.body).toContain('data-qa="sick-missing-fr"');

    const fr = await visitor('fr').get('/sick-child-care');
    expect(fr.body).toContain('Une garde vient chez vous.');
    expect(fr.body).toContain('oppas@ziek.example');
    expect(fr.body).toContain(s.municipality.name);
    const en = await visitor('en').get('/sick-child-care');
    expect(en.body).toContain('<div class="ko-rich-text" lang="nl"><p class="utrecht-paragraph">Een oppas');

    const edit = `${SICK}/${service?.id}`;
    const saved = await desk.post(edit, sickForm({ name: 'Ziekenoppas Nieuw', website: '' }), {
      formPage: edit,
    });
    expect(saved.headers.location).toBe(`${edit}?done=saved`);
    expect((await visitor('nl').get('/sick-child-care')).body).toContain('Ziekenoppas Nieuw');

    const deleted = await desk.post(`${edit}/delete`, { confirmed: 'yes' }, { formPage: `${edit}/delete` });
    expect(deleted.headers.location).toBe(`${SICK}?done=deleted`);
    expect(await db().$count(schema.sickChildServices)).toBe(0);
    expect(
      (await audits('sick_child_service')).map((a) => (a.details as { change: string }).change).sort(),
    ).toEqual(['created', 'deleted', 'edited']);

    const provider = new TestClient(t.app);
    await provider.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await provider.get(SICK)).statusCode).toBe(403);
    expect((await provider.get(INFO)).statusCode).toBe(403);
  });
});
