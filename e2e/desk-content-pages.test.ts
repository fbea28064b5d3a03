import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { createMailTransport, deliverOutbox } from '../src/platform/mail/sender.ts';
import { TestClient } from '../test/app.ts';
import { aFamilyRequest, aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { startSmtp } from '../test/smtp.ts';
import { browserTests, expectAccessible } from './browser.ts';

/**
 * A desk officer (without JavaScript) publishes an information page in Dutch, French and English
 * that a visitor reads in French; and edits the municipality's French offer mail, after a preview,
 * which a French-speaking parent then receives (through SMTP) from a location without its own
 * text. Every page is checked with axe and at 390 px; screenshots go to SHOTS.
 */

const SHOTS = '/tmp/desk-content-pages-shots';

describe('the desk’s information pages and default mail texts in a browser', () => {
  // Today is 22 November 2026.
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    return { s, officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }) };
  });
  const { open, shoot } = run;

  it('publishes an information page in three languages that a visitor reads in French', async () => {
    const desk = await open(false);
    await desk.logIn(run.seed.officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk/news'));
    await desk.follow(desk.qa('content-nav-infoPages'), '/desk/info-pages');
    await desk.follow(desk.qa('info-new'), '/desk/info-pages/new');
    const page = desk.page;
    await page.fill('#field-title_nl', 'Opvang voor schoolkinderen');
    await page.fill(
      '#field-body_nl',
      'Na school is er opvang.\n\n## Waar\n\n- in de school\n- in het centrum',
    );
    await page.fill('#field-title_fr', 'Accueil des écoliers');
    await page.fill(
      '#field-body_fr',
      'Après l’école, il y a un accueil.\n\n## Où\n\n- à l’école\n- au centre',
    );
    await page.fill('#field-title_en', 'Care for school children');
    await page.fill(
      '#field-body_en',
      'After school there is care.\n\n## Where\n\n- at school\n- in the centre',
    );
    await page.fill('#field-sortOrder', 'tien');
    await desk.follow(desk.qa('info-save'), '/desk/info-pages/new', 400);
    await expect(page.inputValue('#field-title_fr')).resolves.toBe('Accueil des écoliers');
    await page.fill('#field-sortOrder', '10');
    await desk.follow(desk.qa('info-save'), '/desk/info-pages');
    await expect(desk.qa('info-state').textContent()).resolves.toBe('Gepubliceerd');
    expect(await page.locator('[data-qa^="info-missing-"]').count()).toBe(0);
    await shoot(desk, 'info-list');
    await desk.follow(desk.qa('info-edit'), /^\/desk\/info-pages\/[0-9a-f-]{36}$/);
    await expect(page.inputValue('#field-slug')).resolves.toBe('opvang-voor-schoolkinderen');

    const visitor = await open(true);
    await visitor.page.goto(visitor.url('/info'));
    await visitor.follow(visitor.qa('lang-fr'), '/info');
    await visitor.follow(
      visitor.page.locator('a', { hasText: 'Accueil des écoliers' }).first(),
      '/info/opvang-voor-schoolkinderen',
    );
    await expect(visitor.page.locator('h1').textContent()).resolves.toBe('Accueil des écoliers');
    await expect(visitor.page.locator('.ko-rich-text h2').textContent()).resolves.toBe('Où');
    await expect(visitor.page.locator('.ko-rich-text li').allTextContents()).resolves.toEqual([
      'à l’école',
      'au centre',
    ]);
  }, 180_000);

  it('edits the French default offer mail that a French parent receives from a location without its own', async () => {
    const { s, officer } = run.seed;
    const t = run.app;
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk/news'));
    await desk.follow(desk.qa('content-nav-mailTemplates'), '/desk/mail-templates');
    await desk.follow(desk.qa('edit-template-offer.made-fr'), '/desk/mail-templates/offer.made/fr');
    const page = desk.page;
    await page.fill('#field-subject', 'Une place vous attend pour {child}');
    await page.fill(
      '#field-body',
      '{provider} vous propose une place pour {child} dès le {startDate}.\n\nMerci de répondre avant le {deadline}.',
    );
    await desk.follow(desk.qa('preview-template'), '/desk/mail-templates/offer.made/fr');
    await expect(desk.qa('preview-subject').textContent()).resolves.toBe(
      'Une place vous attend pour Emma Peeters',
    );
    await shoot(desk, 'mail-preview');
    await desk.follow(desk.qa('save-template'), '/desk/mail-templates');
    await expect(desk.qa('template-source-offer.made-fr').textContent()).resolves.toContain(
      'Tekst van de gemeente',
    );
    await expectAccessible(page, 'the municipality’s mail texts');

    // The first location has no text of its own; it offers a place to a French-speaking family.
    const r = await aFamilyRequest(t.deps.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id],
      childFirstName: 'Chloé',
      childLastName: 'Martin',
      parentLanguage: 'fr',
    });
    const staff = new TestClient(t.app);
    await staff.login(s.firstStaff.email, TEST_PASSWORD);
    const requestPage = `/provider/locations/${s.first.id}/requests/${r.request.id}`;
    await staff.get(requestPage);
    const offered = await staff.post(`${requestPage}/offer`, {
      startDate: '2027-03-01',
      answerDeadline: '2026-11-29',
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'full',
      day_thu: 'full',
      day_fri: 'full',
    });
    expect(offered.statusCode).toBe(303);

    const smtp = await startSmtp();
    try {
      const transport = createMailTransport({ smtpUrl: smtp.url });
      if (!transport) throw new Error('no transport');
      await deliverOutbox(t.deps.db, transport, t.clock, { from: 'loket@test.example' });
      const mail = smtp.received.find((m) => m.subject === 'Une place vous attend pour Chloé Martin');
      expect(mail, smtp.received.map((m) => m.subject).join(' | ')).toBeDefined();
      expect(mail?.text).toContain(
        'KDV De Eerste Stap vous propose une place pour Chloé Martin dès le 1er mars 2027.',
      );
      expect(mail?.text).toContain('Merci de répondre avant le 29 novembre 2026.');
      const [to] = (await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id))).filter(
        (m) => m.template === 'offer.made',
      );
      expect(to?.language).toBe('fr');
    } finally {
      await smtp.close();
    }
  }, 180_000);
});
