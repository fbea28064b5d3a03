import { asc, eq } from 'drizzle-orm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { aFamilyRequest, aScenario, TEST_PASSWORD } from '../../../test/builders.ts';
import { BACKENDS } from '../../../test/db.ts';
import { schema } from '../../platform/db/index.ts';
import { errorText } from '../../platform/i18n/common.ts';
import {
  BUILTIN_TEMPLATES,
  fillTemplate,
  renderTemplateMail,
  unknownPlaceholders,
} from './mail-templates.texts.ts';

describe('mail template placeholders', () => {
  it('fills known fields, leaves unknown ones and never interprets the values', () => {
    expect(fillTemplate('Dag {child}, {provider} {unknown}', { child: 'Lena', provider: '<b>X</b>' })).toBe(
      'Dag Lena, <b>X</b> {unknown}',
    );
    expect(unknownPlaceholders('offer.made', '{child} {deadline} {reason} {x}')).toEqual(['reason', 'x']);
    expect(unknownPlaceholders('preference.no_place', '{child} {reason}')).toEqual([]);
  });
});

describe('the offer mail sets the offered plan next to the requested one', () => {
  const plan = (days: Record<string, 'none' | 'half' | 'full'>) => ({
    days: { mon: 'full', tue: 'full', wed: 'full', thu: 'full', fri: 'full', ...days } as const,
    fixed: true,
    early: false,
    late: false,
  });
  const requested = { start: '2026-09-01', carePlan: plan({}) };
  const extra = { greetingName: 'Sofie', url: 'https://desk.example/parent/requests/1' };

  it('states the differences in words and shows both plans, also under a location’s own text', () => {
    const offered = { start: '2026-10-01', carePlan: plan({ mon: 'half', wed: 'none' }) };
    const own = { subject: 'Plaats voor {child}', body: 'Wij hebben een plaats. {unknown}' };
    const mail = renderTemplateMail(
      'nl',
      own,
      { child: 'Lena', provider: 'KDV {child}', startDate: '2026-10-01', plan: { requested, offered } },
      extra,
    );
    expect(mail.text).toContain(
      [
        'Wij hebben een plaats. {unknown}',
        '',
        'Het voorstel verschilt van uw aanvraag:',
        '',
        '– Start op 1 oktober 2026 in plaats van 1 september 2026',
        '',
        '– Maandag: halve dag in plaats van volle dag',
        '',
        '– Geen opvang op woensdag',
        '',
        'Uw aanvraag en het voorstel:',
        '- Startdatum — Gevraagd: 1 september 2026; Voorgesteld: 1 oktober 2026',
        '- Maandag — Gevraagd: Volle dag; Voorgesteld: Halve dag',
      ].join('\n'),
    );
    expect(mail.html).toContain(
      '<caption style="text-align: left; font-weight: bold;">Uw aanvraag en het voorstel</caption>',
    );
    expect(mail.html).toContain('<th scope="row"');
    expect(mail.html).toMatch(/Woensdag<\/th><td[^>]*>Volle dag<\/td><td[^>]*>Geen opvang<\/td>/);
  });

  it('says the offer matches the request, in the parent’s language', () => {
    const mail = renderTemplateMail(
      'en',
      BUILTIN_TEMPLATES.en['offer.made'],
      { child: 'Lena', provider: 'KDV', startDate: '2026-09-01', plan: { requested, offered: requested } },
      extra,
    );
    expect(mail.text).toContain('The offer matches your request.');
    expect(mail.text).toContain('- Friday — Requested: Full day; Offered: Full day');
    expect(mail.text).not.toContain('differs');
  });
});

describe.each(BACKENDS)('mail templates of a location on %s', (backend) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staff: TestClient;
  const templates = (locationId: string) => `/provider/locations/${locationId}/mail-templates`;

  beforeEach(async () => {
    t = await buildTestApp(backend);
    s = await aScenario(t.deps.db);
    staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
  });
  afterEach(async () => t.close());

  const mails = () => t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));

  async function noPlaceFor(language: 'nl' | 'fr' | 'en') {
    const r = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Léa',
      childLastName: 'Dubois',
      parentLanguage: language,
    });
    const page = `/provider/locations/${s.first.id}/requests/${r.request.id}`;
    const res = await staff.post(
      `${page}/no-place`,
      { noPlaceReason: 'age_group_full', confirmed: 'yes' },
      { formPage: `${page}/no-place` },
    );
    expect(res.statusCode).toBe(303);
    return (await mails()).at(-1);
  }

  it('lists every event and language with where its text comes from', async () => {
    const res = await staff.get(templates(s.first.id));
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/Standaardtekst ·/g)).toHaveLength(18);
    expect((await staff.get(templates(s.second.id))).statusCode).toBe(404);
  });

  it('previews a text with example data, escaping markup, without saving', async () => {
    const edit = `${templates(s.first.id)}/preference.no_place/fr`;
    const form = await staff.get(edit);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Pas de place pour {child} chez {provider}');
    const res = await staff.post(edit, {
      subject: 'Désolé pour {child}',
      body: '<script>alert(1)</script> {provider} est complet : {reason}.',
      intent: 'preview',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Désolé pour Emma Peeters');
    expect(res.body).toContain(
      '&lt;script>alert(1)&lt;/script> KDV De Eerste Stap est complet : Complet pour cette période.',
    );
    expect(res.body).not.toContain('<script>alert(1)');
    expect(await t.deps.db.$count(schema.mailTemplates)).toBe(0);
  });

  it('previews the offer mail with an example of the plan offered next to the one asked', async () => {
    const edit = `${templates(s.first.id)}/offer.made/nl`;
    await staff.get(edit);
    const res = await staff.post(edit, {
      subject: 'Plaats voor {child}',
      body: 'Welkom.',
      intent: 'preview',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Het voorstel verschilt van uw aanvraag:');
    expect(res.body).toContain('– Donderdag: halve dag in plaats van volle dag');
    expect(res.body).toContain('- Donderdag — Gevraagd: Volle dag; Voorgesteld: Halve dag');
  });

  it('refuses unknown placeholders and empty texts with 400', async () => {
    const edit = `${templates(s.first.id)}/offer.made/nl`;
    await staff.get(edit);
    const res = await staff.post(edit, { subject: 'Plaats voor {kind}', body: '', intent: 'save' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Vul dit veld in.');
    const unknown = await staff.post(edit, { subject: 'Plaats voor {kind}', body: 'Tekst', intent: 'save' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('De tekst bevat een onbekend veld tussen accolades.');
    for (const subject of ['Plaats voor {child', 'Plaats voor child}', 'Plaats {voor {child}}']) {
      const unbalanced = await staff.post(edit, { subject, body: 'Tekst', intent: 'save' });
      expect(unbalanced.statusCode).toBe(400);
      expect(unbalanced.body).toContain(errorText('nl', 'unbalancedBraces'));
    }
    expect(await t.deps.db.$count(schema.mailTemplates)).toBe(0);
  });

  it('sends the location’s own text in that language, the municipality’s next, the built-in one last', async () => {
    const edit = `${templates(s.first.id)}/preference.no_place/fr`;
    await staff.get(edit);
    const saved = await staff.post(edit, {
      subject: 'Pas de place chez nous pour {child}',
      body: 'Chers parents,\n\n{provider} est complet <b>ce mois-ci</b> : {reason}.',
      intent: 'save',
    });
    expect(saved.headers.location).toBe(`${templates(s.first.id)}?done=saved`);
    await t.deps.db.insert(schema.mailTemplates).values({
      municipalityId: s.municipality.id,
      event: 'preference.no_place',
      language: 'nl',
      subject: 'Gemeente: geen plaats voor {child}',
      body: '{provider} heeft geen plaats.',
    });

    const fr = await noPlaceFor('fr');
    expect(fr?.subject).toBe('Pas de place chez nous pour Léa Dubois');
    expect(fr?.textBody).toContain(
      'KDV De Eerste Stap est complet <b>ce mois-ci</b> : Groupe d’âge complet.',
    );
    expect(fr?.htmlBody).toContain('&lt;b>ce mois-ci&lt;/b>');
    expect(fr?.htmlBody).not.toContain('<b>ce mois-ci');
    expect(fr?.textBody).toContain('/parent/requests/');

    const nl = await noPlaceFor('nl');
    expect(nl?.subject).toBe('Gemeente: geen plaats voor Léa Dubois');
    const en = await noPlaceFor('en');
    expect(en?.subject).toBe('No place for Léa Dubois at KDV De Eerste Stap');

    // Another location of the municipality keeps the municipality's and built-in texts.
    const overview = await staff.get(templates(s.first.id));
    expect(overview.body).toContain('Eigen tekst');
    expect(overview.body).toContain('Tekst van de gemeente');

    // Back to the standard text.
    await staff.get(edit);
    const reset = await staff.post(`${edit}/reset`, {});
    expect(reset.headers.location).toBe(`${templates(s.first.id)}?done=reset`);
    const again = await noPlaceFor('fr');
    expect(again?.subject).toBe('Pas de place pour Léa Dubois chez KDV De Eerste Stap');

    // Who changed the location's text, and when, is in the audit log (no family named).
    const audit = await t.deps.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectType, 'mail_template'))
      .orderBy(asc(schema.auditLog.id));
    expect(
      audit.map((a) => ({ actor: a.actorUserId, action: a.action, details: a.details, family: a.familyId })),
    ).toEqual(
      ['saved', 'reset'].map((change) => ({
        actor: s.firstStaff.id,
        action: 'provider.settings.edit',
        details: {
          change,
          level: 'location',
          location: s.first.id,
          event: 'preference.no_place',
          language: 'fr',
        },
        family: null,
      })),
    );
  });

  it('answers 404 for an unknown event or language', async () => {
    expect((await staff.get(`${templates(s.first.id)}/request.submitted/nl`)).statusCode).toBe(404);
    expect((await staff.get(`${templates(s.first.id)}/offer.made/de`)).statusCode).toBe(404);
  });
});
