import { describe, expect, it } from 'vitest';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { browserTests, expectAccessible } from './browser.ts';

/**
 * A desk officer (without JavaScript) publishes a news item in Dutch, French and English — after
 * a first try whose end date lies before its start — and a visitor who chose French reads it on
 * the public site's home page and its own page. Every page is checked with axe and at 390 px;
 * screenshots at 390 and 1366 px go to SHOTS for a look at the layout.
 */

const SHOTS = '/tmp/desk-content-shots';

describe('the desk’s news in a browser', () => {
  // Today is 22 November 2026.
  const run = browserTests(SHOTS, async (t) => {
    const s = await aScenario(t.deps.db);
    return { officer: await aUser(t.deps.db, { role: 'desk', municipalityId: s.municipality.id }) };
  });
  const { open, shoot } = run;

  it('publishes an item in three languages that a visitor reads in French', async () => {
    const { officer } = run.seed;
    const desk = await open(false);
    await desk.logIn(officer.email, TEST_PASSWORD);
    await desk.page.goto(desk.url('/desk'));
    await desk.follow(desk.qa('desk-nav-news'), '/desk/news');
    await expect(desk.qa('news-none').textContent()).resolves.toContain('Er zijn nog geen nieuwsberichten.');
    await desk.follow(desk.qa('news-new'), '/desk/news/new');

    const page = desk.page;
    await page.fill('#field-title_nl', 'Infoavond kinderopvang');
    await page.fill(
      '#field-body_nl',
      'Op 10 december vertellen we alles over kinderopvang.\n\nWelkom in het gemeentehuis.',
    );
    await page.fill('#field-title_fr', 'Soirée d’information sur l’accueil');
    await page.fill(
      '#field-body_fr',
      'Le 10 décembre, nous vous disons tout sur l’accueil.\n\nBienvenue à la maison communale.',
    );
    await page.fill('#field-title_en', 'Childcare information evening');
    await page.fill(
      '#field-body_en',
      'On 10 December we tell you all about childcare.\n\nWelcome at the town hall.',
    );
    await page.fill('#field-publishFrom', '2026-11-22');
    await page.fill('#field-publishUntil', '2026-11-01');
    await desk.follow(desk.qa('news-save'), '/desk/news/new', 400);
    await expect(page.locator('.ko-error-summary').textContent()).resolves.toContain(
      'De einddatum mag niet vóór de begindatum liggen.',
    );
    await expect(page.inputValue('#field-title_fr')).resolves.toBe('Soirée d’information sur l’accueil');
    await page.locator('.ko-error-summary a[href="#field-publishUntil"]').click();
    expect(page.url()).toContain('#field-publishUntil');
    await shoot(desk, 'news-refused');

    await page.fill('#field-publishUntil', '2026-12-10');
    await desk.follow(desk.qa('news-save'), '/desk/news');
    await expect(desk.qa('notice').textContent()).resolves.toContain('Het nieuwsbericht is opgeslagen.');
    await expect(desk.qa('news-state').textContent()).resolves.toBe('Gepubliceerd');
    expect(await desk.page.locator('[data-qa^="news-missing-"]').count()).toBe(0);
    await shoot(desk, 'news-list');

    // The edit page and the confirmation before deleting (left without deleting).
    await desk.follow(desk.qa('news-edit'), /^\/desk\/news\/[0-9a-f-]{36}$/);
    await desk.follow(desk.qa('news-delete'), /^\/desk\/news\/[0-9a-f-]{36}\/delete$/);
    await desk.follow(desk.qa('news-delete-form-cancel'), /^\/desk\/news\/[0-9a-f-]{36}$/);

    const visitor = await open(true);
    await visitor.page.goto(visitor.url('/'));
    await visitor.follow(visitor.qa('lang-fr'), '/');
    const link = visitor.page.locator('a', { hasText: 'Soirée d’information sur l’accueil' }).first();
    await expect(link.count()).resolves.toBe(1);
    await expectAccessible(visitor.page, 'the home page in French');
    await visitor.follow(link, /^\/news\/[0-9a-f-]{36}$/);
    await expect(visitor.page.locator('h1').textContent()).resolves.toBe(
      'Soirée d’information sur l’accueil',
    );
    await expect(visitor.page.locator('.ko-rich-text p').allTextContents()).resolves.toEqual([
      'Le 10 décembre, nous vous disons tout sur l’accueil.',
      'Bienvenue à la maison communale.',
    ]);
  }, 180_000);
});
