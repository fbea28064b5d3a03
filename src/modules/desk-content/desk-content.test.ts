import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';

const LIST = '/desk/news';
const NEW = '/desk/news/new';

/** A complete form in three languages, changed by `over`. */
function form(over: Record<string, string> = {}): Record<string, string> {
  return {
    title_nl: 'Nieuwe opvang in het centrum',
    body_nl: 'Vanaf januari is er een nieuw kinderdagverblijf.\n\nSchrijf uw kind in via het loket.',
    title_fr: 'Nouvel accueil au centre',
    body_fr: 'Dès janvier, une nouvelle crèche ouvre.\n\nInscrivez votre enfant au guichet.',
    title_en: 'New childcare in the centre',
    body_en: 'From January a new day-care centre opens.\n\nRegister your child at the desk.',
    publishFrom: '2026-11-22',
    publishUntil: '',
    ...over,
  };
}

describe.each(BACKENDS)('the desk’s news on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let officerEmail: string;

  beforeEach(async () => {
    // Today is 22 November 2026 (09:00 UTC).
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    officerEmail = officer.email;
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const items = () => db().select().from(schema.newsItems);
  const audits = () =>
    db().select().from(schema.auditLog).where(eq(schema.auditLog.action, 'desk.content.manage'));
  /** The desk's list, in a new session (moving the clock by days ends the old one). */
  const deskList = async () => {
    const client = new TestClient(t.app);
    await client.login(officerEmail, TEST_PASSWORD);
    return (await client.get(LIST)).body;
  };
  const visitor = (lang: 'nl' | 'fr' | 'en') => new TestClient(t.app, { 'accept-language': lang });

  /** Creates an item through the form; its id is the one row that was not there before. */
  async function create(over: Record<string, string> = {}): Promise<string> {
    const before = new Set((await items()).map((i) => i.id));
    const res = await desk.post(NEW, form(over), { formPage: NEW });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${LIST}?done=created`);
    const created = (await items()).find((i) => !before.has(i.id));
    if (!created) throw new Error('no item created');
    return created.id;
  }

  it('publishes an item in three languages: the desk’s list, the public home and news in each language', async () => {
    const today = await desk.get('/desk');
    expect(today.body).toContain('href="/desk/news"');
    const empty = await desk.get(LIST);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('data-qa="news-none"');
    expect((await desk.get(NEW)).body).toMatch(/name="publishFrom"[^>]*value="2026-11-22"/);

    const id = await create();
    const [row] = await items();
    expect(row).toMatchObject({
      id,
      municipalityId: s.municipality.id,
      regionId: s.region.id,
      publishUntil: null,
      title: {
        nl: 'Nieuwe opvang in het centrum',
        fr: 'Nouvel accueil au centre',
        en: 'New childcare in the centre',
      },
    });
    // From the start of 22 November in Brussels.
    expect(row?.publishedAt.toISOString()).toBe('2026-11-21T23:00:00.000Z');
    const [audit] = await audits();
    expect(audit).toMatchObject({
      subjectType: 'news_item',
      subjectId: id,
      actorRole: 'desk',
      details: {
        change: 'created',
        publishFrom: '2026-11-22',
        publishUntil: null,
        languages: ['nl', 'fr', 'en'],
      },
    });

    const list = await desk.get(`${LIST}?done=created`);
    expect(list.body).toContain('data-qa="notice"');
    expect(list.body).toContain('Nieuwe opvang in het centrum');
    expect(list.body).toContain('Gepubliceerd');
    expect(list.body).not.toContain('data-qa="news-missing-');
    expect(list.body).toContain(`href="/desk/news/${id}"`);

    for (const [lang, title, para] of [
      ['nl', 'Nieuwe opvang in het centrum', 'Schrijf uw kind in via het loket.'],
      ['fr', 'Nouvel accueil au centre', 'Inscrivez votre enfant au guichet.'],
      ['en', 'New childcare in the centre', 'Register your child at the desk.'],
    ] as const) {
      const home = await visitor(lang).get('/');
      expect(home.body).toContain(title);
      const news = await visitor(lang).get('/news');
      expect(news.body).toContain(title);
      const page = await visitor(lang).get(`/news/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(title);
      // A blank line starts a paragraph.
      expect(page.body).toMatch(new RegExp(`<p[^>]*>${para}</p>`));
      expect(page.body).not.toContain('lang="nl">Nieuwe opvang');
    }
  });

  it('marks a missing translation on the list; the public site shows the Dutch text marked as Dutch', async () => {
    const id = await create({ title_fr: '', body_fr: '', title_en: '', body_en: '' });
    const list = await desk.get(LIST);
    expect(list.body).toContain('data-qa="news-missing-fr"');
    expect(list.body).toContain('Franse vertaling ontbreekt');
    expect(list.body).toContain('data-qa="news-missing-en"');
    expect(list.body).not.toContain('data-qa="news-missing-nl"');

    const fr = await visitor('fr').get(`/news/${id}`);
    expect(fr.body).toMatch(/<h1[^>]*lang="nl"[^>]*>Nieuwe opvang in het centrum/);
    expect(fr.body).toMatch(/<div class="ko-rich-text" lang="nl">/);
    const home = await visitor('en').get('/');
    expect(home.body).toMatch(/lang="nl"[^>]*>(<a[^>]*>)?Nieuwe opvang in het centrum/);
    const nl = await visitor('nl').get(`/news/${id}`);
    expect(nl.body).not.toContain('lang="nl">Nieuwe opvang');
  });

  it('shows a scheduled item only from its first day through its last, by the app’s clock', async () => {
    const id = await create({ publishFrom: '2026-11-25', publishUntil: '2026-11-30' });
    const shown = async () =>
      (await visitor('nl').get('/news')).body.includes('Nieuwe opvang in het centrum');
    expect((await desk.get(LIST)).body).toContain('Gepland');
    expect(await shown()).toBe(false);
    expect((await visitor('nl').get(`/news/${id}`)).statusCode).toBe(404);

    // One minute before midnight in Brussels on 24 November: not yet.
    t.clock.set('2026-11-24T22:59:00Z');
    expect(await shown()).toBe(false);
    t.clock.set('2026-11-24T23:00:00Z');
    expect(await shown()).toBe(true);
    expect((await visitor('nl').get(`/news/${id}`)).statusCode).toBe(200);
    expect(await deskList()).toContain('Gepubliceerd');

    // The last day is shown whole; the day after, gone.
    t.clock.set('2026-11-30T22:30:00Z');
    expect(await shown()).toBe(true);
    t.clock.set('2026-11-30T23:00:00Z');
    expect(await shown()).toBe(false);
    expect((await visitor('nl').get('/')).body).not.toContain('Nieuwe opvang in het centrum');
    expect((await visitor('nl').get(`/news/${id}`)).statusCode).toBe(404);
    expect(await deskList()).toContain('Afgelopen');
  });

  it('edits an item, saying when nothing changed, with one audit row per change', async () => {
    const id = await create();
    const page = await desk.get(`${LIST}/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="title_fr"[^>]*value="Nouvel accueil au centre"/);
    expect(page.body).toMatch(/name="publishFrom"[^>]*value="2026-11-22"/);

    const same = await desk.post(`${LIST}/${id}`, form());
    expect(same.headers.location).toBe(`${LIST}/${id}?done=unchanged`);
    expect(await audits()).toHaveLength(1);

    const saved = await desk.post(
      `${LIST}/${id}`,
      form({ title_fr: 'Une nouvelle crèche', publishUntil: '2026-12-31' }),
    );
    expect(saved.headers.location).toBe(`${LIST}/${id}?done=saved`);
    const [row] = await items();
    expect(row?.title.fr).toBe('Une nouvelle crèche');
    expect(row?.publishUntil).toBe('2026-12-31');
    const edits = (await audits()).filter((a) => (a.details as { change: string }).change === 'edited');
    expect(edits).toHaveLength(1);
    expect(edits[0]?.details).toMatchObject({ fields: ['title', 'publishUntil'] });
    expect((await visitor('fr').get('/news')).body).toContain('Une nouvelle crèche');
    expect((await desk.get(`${LIST}/${id}?done=saved`)).body).toContain('data-qa="notice"');
  });

  it('deletes an item only after its confirmation page', async () => {
    const id = await create();
    const page = await desk.get(`${LIST}/${id}`);
    expect(page.body).toContain(`href="/desk/news/${id}/delete"`);
    // Without the confirmation page's field: to that page, nothing deleted.
    const unconfirmed = await desk.post(`${LIST}/${id}/delete`, {});
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${LIST}/${id}/delete`);
    expect(await items()).toHaveLength(1);

    const confirm = await desk.get(`${LIST}/${id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(
      'Het bericht “Nieuwe opvang in het centrum” wordt verwijderd, in alle talen.',
    );
    const res = await desk.post(`${LIST}/${id}/delete`, { confirmed: 'yes' });
    expect(res.headers.location).toBe(`${LIST}?done=deleted`);
    expect(await items()).toHaveLength(0);
    expect((await audits()).map((a) => (a.details as { change: string }).change)).toEqual([
      'created',
      'deleted',
    ]);
    expect((await visitor('nl').get(`/news/${id}`)).statusCode).toBe(404);
    expect((await desk.get(`${LIST}/${id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 in the user’s language, changing nothing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ publishUntil: '2026-11-21' }, 'De einddatum mag niet vóór de begindatum liggen.'],
      [{ title_nl: '' }, 'Vul dit veld in.'],
      [{ title_nl: '   ' }, 'Vul dit veld in.'],
      [{ body_en: '' }, 'Vul dit veld in.'],
      [{ body_nl: 'x'.repeat(10_001) }, 'Deze tekst is te lang.'],
      [{ title_nl: 'x'.repeat(201) }, 'Deze tekst is te lang.'],
      [{ publishFrom: '' }, 'Vul dit veld in.'],
      [{ publishFrom: '2026-02-30' }, 'Vul een bestaande datum in (dag, maand en jaar).'],
    ];
    for (const [over, message] of cases) {
      const res = await desk.post(NEW, form(over), { formPage: NEW });
      expect(res.statusCode, JSON.stringify(over).slice(0, 80)).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('utrecht-form-field-error-message');
    }
    // A control character is refused at the edge, in the same way.
    const control = await desk.post(NEW, form({ title_nl: 'Nieuws\u0000' }), { formPage: NEW });
    expect(control.statusCode).toBe(400);
    expect(await items()).toHaveLength(0);
    expect(await audits()).toHaveLength(0);

    // An existing item keeps its values.
    const id = await create();
    const refused = await desk.post(
      `${LIST}/${id}`,
      form({ title_nl: 'Anders', publishUntil: '2026-01-01' }),
      {
        formPage: `${LIST}/${id}`,
      },
    );
    expect(refused.statusCode).toBe(400);
    expect((await items())[0]?.title.nl).toBe('Nieuwe opvang in het centrum');

    // In French.
    const officer = await aUser(db(), { role: 'desk', municipalityId: s.municipality.id, language: 'fr' });
    const fr = new TestClient(t.app, { 'accept-language': 'fr' });
    await fr.login(officer.email, TEST_PASSWORD);
    const res = await fr.post(NEW, form({ title_nl: '', publishUntil: '2026-11-01' }), { formPage: NEW });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Remplissez ce champ.');
    expect(res.body).toContain('La date de fin ne peut pas précéder la date de début.');
    expect(res.body).toContain('Erreur\u00a0: Ajouter une actualité');
  });

  it('shows the text as typed, never as HTML, and every block as a paragraph', async () => {
    const id = await create({
      body_nl: 'Zie <script>alert(1)</script> & <b>vet</b>\n\n## Geen kop\n\n- geen lijst',
      title_fr: '',
      body_fr: '',
    });
    const page = await visitor('nl').get(`/news/${id}`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('Zie &lt;script>alert(1)&lt;/script> &amp; &lt;b>vet&lt;/b>');
    expect(page.body).toContain('<p class="utrecht-paragraph">## Geen kop</p>');
    expect(page.body).toContain('<p class="utrecht-paragraph">- geen lijst</p>');
  });

  it('answers 404 for another municipality’s item and 403 for other roles', async () => {
    const other = await aMunicipality(db(), { regionId: s.region.id });
    const otherDesk = await aUser(db(), { role: 'desk', municipalityId: other.id });
    const foreign = new TestClient(t.app);
    await foreign.login(otherDesk.email, TEST_PASSWORD);
    const id = await create();

    expect((await foreign.get(LIST)).body).not.toContain('Nieuwe opvang in het centrum');
    expect((await foreign.get(`${LIST}/${id}`)).statusCode).toBe(404);
    expect(
      (await foreign.post(`${LIST}/${id}`, form({ title_nl: 'Gekaapt' }), { formPage: LIST })).statusCode,
    ).toBe(404);
    expect((await foreign.get(`${LIST}/${id}/delete`)).statusCode).toBe(404);
    expect(
      (await foreign.post(`${LIST}/${id}/delete`, { confirmed: 'yes' }, { formPage: LIST })).statusCode,
    ).toBe(404);
    // A region-wide item (from the seed) is no desk's to change.
    const [regionWide] = await db()
      .insert(schema.newsItems)
      .values({
        regionId: s.region.id,
        publishedAt: new Date('2026-11-01T00:00:00Z'),
        title: { nl: 'Regio' },
        body: { nl: 'Tekst' },
      })
      .returning();
    expect((await desk.get(`${LIST}/${regionWide?.id}`)).statusCode).toBe(404);
    expect((await items()).find((i) => i.id === id)?.title.nl).toBe('Nieuwe opvang in het centrum');

    const provider = new TestClient(t.app);
    await provider.login(s.firstStaff.email, TEST_PASSWORD);
    expect((await provider.get(LIST)).statusCode).toBe(403);
    expect((await provider.post(NEW, form(), { formPage: '/provider' })).statusCode).toBe(403);
    const policy = await aUser(db(), { role: 'policy', municipalityId: s.municipality.id });
    const policyClient = new TestClient(t.app);
    await policyClient.login(policy.email, TEST_PASSWORD);
    expect((await policyClient.get(`${LIST}/${id}`)).statusCode).toBe(403);
    const anonymous = await new TestClient(t.app).get(LIST);
    expect(anonymous.statusCode).toBe(303);
    expect(await items()).toHaveLength(2);
  });
});
