import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aMunicipality, aScenario, aUser, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';

const LIST = '/desk/mail-templates';
const OFFER_FR = `${LIST}/offer.made/fr`;

describe.each(BACKENDS)('the municipality’s default mail texts on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let desk: TestClient;
  let staff: TestClient;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    const officer = await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id });
    desk = new TestClient(t.app);
    await desk.login(officer.email, TEST_PASSWORD);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const db = () => t.deps.db;
  const mails = () => db().select().from(schema.outbox).orderBy(asc(schema.outbox.id));
  const audits = () =>
    db()
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'desk.content.manage'),
          eq(schema.auditLog.subjectType, 'mail_template'),
        ),
      )
      .orderBy(asc(schema.auditLog.occurredAt));

  /** The first location makes an offer to a parent who reads mail in `language`; that mail. */
  async function offerTo(language: 'nl' | 'fr' | 'en', locationId = s.first.id) {
    const r = await aFamilyRequest(db(), {
      municipalityId: s.municipality.id,
      locations: [locationId],
      childFirstName: 'Léa',
      childLastName: 'Dubois',
      parentLanguage: language,
    });
    const page = `/provider/locations/${locationId}/requests/${r.request.id}`;
    await staff.get(page);
    const res = await staff.post(`${page}/offer`, {
      startDate: '2027-03-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'full',
      day_thu: 'full',
      day_fri: 'full',
    });
    expect(res.headers.location).toBe(`${page}?done=offer&told=mailed`);
    const mail = (await mails()).at(-1);
    expect(mail?.template).toBe('offer.made');
    return mail;
  }

  const frenchText = {
    subject: 'Bonne nouvelle pour {child}\u00a0!',
    body: '{provider} a une place pour {child} à partir du {startDate}.\n\nRépondez avant le {deadline}, s’il vous plaît.',
  };

  it('lists every event and language as standard, previews a text without saving, refuses bad ones', async () => {
    const list = await desk.get(LIST);
    expect(list.statusCode).toBe(200);
    expect(list.body.match(/Standaardtekst ·/g)).toHaveLength(18);
    expect(list.body).toContain(`href="${OFFER_FR}"`);
    expect(list.body).toContain('data-qa="content-nav"');

    const form = await desk.get(OFFER_FR);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Une place pour {child}');
    expect(form.body).toContain('naam van de opvanglocatie');
    expect(form.body).not.toContain('data-qa="reset-template"');

    const preview = await desk.post(OFFER_FR, { ...frenchText, intent: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Bonne nouvelle pour Emma Peeters\u00a0!');
    expect(preview.body).toContain('Crèche Zonnestraal a une place pour Emma Peeters');
    expect(await db().$count(schema.mailTemplates)).toBe(0);

    const unknown = await desk.post(OFFER_FR, {
      subject: 'Place pour {enfant}',
      body: 'Texte',
      intent: 'save',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain(errorText('nl', 'unknownPlaceholder'));
    expect(unknown.body).toContain('value="Place pour {enfant}"');
    const empty = await desk.post(OFFER_FR, { subject: '', body: '', intent: 'save' });
    expect(empty.statusCode).toBe(400);
    expect(await db().$count(schema.mailTemplates)).toBe(0);
    expect(await audits()).toHaveLength(0);

    expect((await desk.get(`${LIST}/request.submitted/fr`)).statusCode).toBe(404);
    expect((await desk.get(`${LIST}/offer.made/de`)).statusCode).toBe(404);
  });

  it('sends the desk’s French offer text from a location without its own; a location’s own text comes first', async () => {
    const before = await offerTo('fr');
    expect(before?.subject).toBe('Une place pour Léa Dubois\u00a0: réponse demandée');

    await desk.get(OFFER_FR);
    const saved = await desk.post(OFFER_FR, { ...frenchText, intent: 'save' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${LIST}?done=saved`);
    const [row] = await db().select().from(schema.mailTemplates);
    expect(row).toMatchObject({
      municipalityId: s.municipality.id,
      providerLocationId: null,
      event: 'offer.made',
      language: 'fr',
    });
    const [audit] = await audits();
    expect(audit).toMatchObject({
      actorRole: 'desk',
      subjectId: row?.id,
      details: { change: 'saved', level: 'municipality', event: 'offer.made', language: 'fr' },
    });
    const list = await desk.get(`${LIST}?done=saved`);
    expect(list.body).toContain('data-qa="notice"');
    expect(list.body).toMatch(/data-qa="template-source-offer.made-fr">Tekst van de gemeente/);
    // The provider sees where the text comes from.
    expect((await staff.get(`/provider/locations/${s.first.id}/mail-templates`)).body).toMatch(
      /data-qa="template-source-offer.made-fr">Tekst van de gemeente/,
    );

    const fr = await offerTo('fr');
    expect(fr?.language).toBe('fr');
    expect(fr?.subject).toBe('Bonne nouvelle pour Léa Dubois\u00a0!');
    expect(fr?.textBody).toContain(
      'KDV De Eerste Stap a une place pour Léa Dubois à partir du 1er mars 2027.',
    );
    expect(fr?.textBody).toContain('Répondez avant le 29 novembre 2026');
    // Other languages keep the built-in text.
    expect((await offerTo('nl'))?.subject).toBe('Een plaats voor Léa Dubois: antwoord gevraagd');

    // A saved second version replaces the first (one row per event and language).
    await desk.get(OFFER_FR);
    await desk.post(OFFER_FR, { subject: 'Une place pour {child}', body: 'Version deux.', intent: 'save' });
    expect(await db().$count(schema.mailTemplates)).toBe(1);
    expect((await offerTo('fr'))?.subject).toBe('Une place pour Léa Dubois');

    // The location's own text wins over the municipality's.
    const own = `/provider/locations/${s.first.id}/mail-templates/offer.made/fr`;
    await staff.get(own);
    await staff.post(own, { subject: 'Notre place pour {child}', body: 'Texte propre.', intent: 'save' });
    expect((await offerTo('fr'))?.subject).toBe('Notre place pour Léa Dubois');

    // Back to the standard text: the reset is audited; the location keeps its own.
    const form = await desk.get(OFFER_FR);
    expect(form.body).toContain('data-qa="reset-template"');
    const reset = await desk.post(`${OFFER_FR}/reset`, {});
    expect(reset.headers.location).toBe(`${LIST}?done=reset`);
    expect(await db().$count(schema.mailTemplates)).toBe(1);
    expect((await audits()).map((a) => (a.details as { change: string }).change)).toEqual([
      'saved',
      'saved',
      'reset',
    ]);
    await staff.get(own);
    await staff.post(`${own}/reset`, {});
    expect((await offerTo('fr'))?.subject).toBe('Une place pour Léa Dubois\u00a0: réponse demandée');
  });

  it('keeps each municipality to its own texts and refuses other roles', async () => {
    const other = await aMunicipality(db(), { regionId: s.region.id });
    const otherOfficer = await aUser(db(), { role: 'desk', municipalityId: other.id });
    const otherDesk = new TestClient(t.app);
    await otherDesk.login(otherOfficer.email, TEST_PASSWORD);
    await otherDesk.get(OFFER_FR);
    await otherDesk.post(OFFER_FR, { ...frenchText, intent: 'save' });
    const [row] = await db().select().from(schema.mailTemplates);
    expect(row?.municipalityId).toBe(other.id);
    expect((await desk.get(LIST)).body.match(/Standaardtekst ·/g)).toHaveLength(18);
    expect((await offerTo('fr'))?.subject).toBe('Une place pour Léa Dubois\u00a0: réponse demandée');

    expect((await staff.get(LIST)).statusCode).toBe(403);
    expect(
      (await staff.post(OFFER_FR, { ...frenchText, intent: 'save' }, { formPage: '/provider' })).statusCode,
    ).toBe(403);
    expect(await db().$count(schema.mailTemplates)).toBe(1);
  });
});
