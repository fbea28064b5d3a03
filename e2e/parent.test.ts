import { asc, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendBirthDataReminders } from '../src/modules/requests/index.ts';
import { schema } from '../src/platform/db/index.ts';
import { TestClient } from '../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { anOffer, fileRequest, saveFamily } from '../test/parent-journey.ts';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  type RunningApp,
  STEP_TIMEOUT,
  startApp,
} from './browser.ts';

/**
 * The parent journey in a real browser, without JavaScript (every form is a plain HTML form), and
 * the preference change once more with JavaScript:
 * an expecting parent files a request in French through the family file and the wizard, and
 * completes the birth data after the reminder; a parent changes the preferences of a filed request
 * and accepts an offer while staying on a higher preference's list. Every page is checked with axe.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the parent journey in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let context: BrowserContext;
  let page: Page;
  let lastDocument: Response | undefined;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    await t?.close();
  });

  async function openBrowser(locale: string, javaScriptEnabled = false) {
    context = await newContext(browser, { javaScriptEnabled, locale });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
        lastDocument = response;
    });
  }

  const url = (path: string) => new URL(path, t.baseUrl).toString();
  const pathOf = () => new URL(page.url()).pathname;
  const qa = (name: string) => page.locator(`[data-qa="${name}"]`);
  const h1 = async () => (await page.locator('h1').textContent())?.trim();

  async function visit(path: string, label = path): Promise<void> {
    const res = await page.goto(url(path), { waitUntil: 'load' });
    expect(res?.status(), `GET ${path}`).toBe(200);
    await expectAccessible(page, label);
  }

  /** Clicks a link or a button that loads a page; checks where we land, its status and axe. */
  async function follow(target: Locator, expectedPath: RegExp, status = 200): Promise<void> {
    await Promise.all([page.waitForEvent('load', { timeout: STEP_TIMEOUT }), target.click()]);
    expect(pathOf()).toMatch(expectedPath);
    expect(lastDocument?.status(), `status of ${pathOf()}`).toBe(status);
    await expectAccessible(page, pathOf());
  }

  async function logIn(email: string, expectedPath: RegExp) {
    await visit('/login');
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(TEST_PASSWORD);
    await follow(qa('login-submit'), expectedPath);
  }

  it('an expecting parent files in French, then completes the birth data after the reminder', {
    timeout: 120_000,
  }, async () => {
    const parent = await aUser(t.deps.db, { role: 'parent', language: 'fr', email: 'maman@e2e.example' });
    await openBrowser('fr-BE');
    await logIn(parent.email, /^\/parent$/);

    // The family file comes first.
    await follow(qa('start-family'), /^\/parent\/family$/);
    expect(await h1()).toBe('Votre dossier familial');
    const family = qa('family-form');
    await family.locator('#field-parent1FirstName').fill('Claire');
    await family.locator('#field-parent1LastName').fill('Dubois');
    await family.locator('input[name="parent1Situation"][value="working"]').check();
    await family.locator('#field-parent1DaysPerWeek').fill('4');
    await family.locator('#field-municipalityId').selectOption(s.municipality.id);
    // Without consent the file is refused, with the message in French and the input kept.
    await follow(qa('save-family'), /^\/parent\/family$/, 400);
    expect(await page.locator('.ko-error-summary').textContent()).toContain(
      'Donnez votre accord pour pouvoir introduire votre demande.',
    );
    expect(await page.locator('#field-parent1FirstName').inputValue()).toBe('Claire');
    await page.locator('input[name="consent"]').check();
    await follow(qa('save-family'), /^\/parent$/);

    // The wizard: an unborn child.
    await follow(qa('new-request'), /^\/parent\/requests\/new\/child$/);
    let form = qa('wizard-form');
    await form.locator('#field-childLastName').fill('Dubois');
    await form.locator('input[name="childBorn"][value="no"]').check();
    await form.locator('#field-expectedBirthDate').fill('2027-01-15');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/when$/);
    form = qa('wizard-form');
    expect(await form.locator('#field-desiredEnd').inputValue()).toBe('2029-08-01');
    await form.locator('#field-desiredStart').fill('2026-12-01');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/when$/, 400);
    expect(await page.locator('.ko-error-summary').textContent()).toContain(
      'La date de début ne peut pas précéder la date de naissance (prévue).',
    );
    await qa('wizard-form').locator('#field-desiredStart').fill('2027-06-01');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/plan$/);
    await qa('wizard-form').locator('#field-day_mon').selectOption('full');
    await qa('wizard-form').locator('#field-day_tue').selectOption('full');
    // Back and forward keep what was typed.
    await follow(qa('wizard-back'), /^\/parent\/requests\/new\/when$/);
    expect(await qa('wizard-form').locator('#field-desiredStart').inputValue()).toBe('2027-06-01');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/plan$/);
    expect(await qa('wizard-form').locator('#field-day_tue').inputValue()).toBe('full');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/preferences$/);
    // Search the region by type, then add two locations and put the second first.
    await page.locator('#field-careType').selectOption('family');
    await follow(qa('search-locations'), /^\/parent\/requests\/new\/preferences$/);
    expect(await qa('location-result').count()).toBe(1);
    await follow(qa('location-result').first().locator('[data-qa="add-location"]'), /preferences$/);
    await page.locator('#field-careType').selectOption('');
    await follow(qa('search-locations'), /^\/parent\/requests\/new\/preferences$/);
    await follow(
      qa('location-result').filter({ hasText: 'KDV Het Tweede Nest' }).locator('[data-qa="add-location"]'),
      /preferences$/,
    );
    await follow(page.getByRole('button', { name: /^Monter\s*: KDV Het Tweede Nest$/ }), /preferences$/);
    expect(await qa('chosen-preference').allInnerTexts()).toEqual([
      expect.stringContaining('KDV Het Tweede Nest'),
      expect.stringContaining('Onthaalouder Derde'),
    ]);
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/summary$/);
    expect(await qa('summary-start').textContent()).toBe('1er juin 2027');
    await follow(qa('submit-request'), /^\/parent\/requests\/[0-9a-f-]{36}$/);
    const followUp = pathOf();
    expect(await h1()).toBe('Demande pour Dubois');
    expect(await qa('preference-location').allInnerTexts()).toEqual([
      'KDV Het Tweede Nest',
      'Onthaalouder Derde',
    ]);
    expect(await qa('child-born-link').count()).toBe(1);

    // After the expected date the daily job reminds the parent, who completes the birth data.
    t.clock.set('2027-01-20T08:00:00Z');
    expect(await sendBirthDataReminders(t.deps, t.clock.now())).toBe(1);
    const [reminder] = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, 'child.birth_reminder'));
    const link = /http:\/\/[^\s]+(\/parent\/children\/[0-9a-f-]{36}\/birth)/.exec(
      reminder?.textBody ?? '',
    )?.[1];
    expect(link).toBeDefined();
    await logIn(parent.email, /^\/parent$/);
    await visit(link as string);
    await page.locator('#field-childFirstName').fill('Lina');
    await page.locator('#field-birthDate').fill('2027-01-12');
    await follow(qa('save-birth'), new RegExp(`^${followUp}$`));
    expect(await h1()).toBe('Demande pour Lina Dubois');
    expect(await qa('child-born-link').count()).toBe(0);
    expect(await qa('submitted-on').textContent()).toBe('22 novembre 2026');
    expect(await qa('start-date').textContent()).toBe('1er juin 2027');
    expect(await qa('timeline').textContent()).toContain('Données de naissance complétées');

    const mails = await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
    expect(mails.map((m) => [m.template, m.language])).toEqual([
      ['request.submitted', 'fr'],
      ['child.birth_reminder', 'fr'],
      ['child.born', 'fr'],
    ]);
  });

  it.each([
    { js: false, name: 'without JavaScript' },
    { js: true, name: 'with JavaScript' },
  ])(
    'a parent changes the preferences, then accepts an offer and stays on a higher list ($name)',
    {
      timeout: 120_000,
    },
    async ({ js }) => {
      const user = await aUser(t.deps.db, { role: 'parent', language: 'nl', email: 'papa@e2e.example' });
      const client = new TestClient(t.app);
      await client.login(user.email, TEST_PASSWORD);
      const setup = { t, s, client, user };
      await saveFamily(setup, { parent1Language: 'nl' });
      const requestId = await fileRequest(setup, { preferences: [s.first.id, s.second.id] });

      await openBrowser('nl-BE', js);
      await logIn(user.email, /^\/parent$/);
      await follow(qa('request-link'), new RegExp(`^/parent/requests/${requestId}$`));
      await follow(qa('change-preferences'), /\/preferences$/);
      await page.locator('#field-name').fill('derde');
      await follow(qa('search-locations'), /\/preferences$/);
      await follow(qa('add-location'), /\/preferences$/);
      await follow(page.getByRole('button', { name: /^Hoger\s*: Onthaalouder Derde$/ }), /\/preferences$/);
      await follow(
        page.getByRole('button', { name: /^Verwijderen\s*: KDV Het Tweede Nest$/ }),
        /\/preferences$/,
      );
      expect(await qa('unsaved').count()).toBe(1);
      await follow(qa('save-preferences'), new RegExp(`^/parent/requests/${requestId}$`));
      expect(await qa('preference-location').allInnerTexts()).toEqual([
        'KDV De Eerste Stap',
        'Onthaalouder Derde',
        'KDV Het Tweede Nest',
      ]);
      expect(await qa('preference-status').allInnerTexts()).toEqual([
        'Nieuw – nog niet bekeken',
        'Nieuw – nog niet bekeken',
        'Ingetrokken',
      ]);

      // The second choice offers a place; the parent accepts and stays on the first choice's list.
      await anOffer(t, requestId, s.third.id, { answerDeadline: '2026-12-01' });
      await visit(`/parent/requests/${requestId}`);
      const offer = qa('offer');
      expect(await offer.locator('h2').textContent()).toBe('Voorstel van Onthaalouder Derde');
      await offer.locator('input[name="keepHigher"][value="yes"]').check();
      await follow(offer.locator('[data-qa="accept-offer"]'), new RegExp(`^/parent/requests/${requestId}$`));
      expect(await qa('request-status').textContent()).toBe('Beantwoord – u aanvaardde een plaats');
      expect(await qa('preference-status').allInnerTexts()).toEqual([
        'Nieuw – nog niet bekeken',
        'Voorstel aanvaard',
        'Ingetrokken',
      ]);
      const mails = await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
      expect(mails.map((m) => [m.template, m.language])).toEqual([
        ['request.submitted', 'nl'],
        ['request.changed', 'nl'],
        ['offer.accepted', 'nl'],
      ]);
    },
  );
  it('a parent sees what an offer really offers, then declines it through the confirmation page', {
    timeout: 120_000,
  }, async () => {
    const user = await aUser(t.deps.db, { role: 'parent', language: 'nl', email: 'mama@e2e.example' });
    const client = new TestClient(t.app);
    await client.login(user.email, TEST_PASSWORD);
    const setup = { t, s, client, user };
    await saveFamily(setup, { parent1Language: 'nl' });
    // Asked: Mon, Tue, Thu full and Fri half from 1 February 2027; offered: from 1 March, Mon half.
    const requestId = await fileRequest(setup, { preferences: [s.first.id, s.second.id] });
    await anOffer(t, requestId, s.first.id, {
      startDate: '2027-03-01',
      answerDeadline: '2026-12-01',
      days: { mon: 'half' },
    });

    await openBrowser('nl-BE');
    await logIn(user.email, /^\/parent$/);
    expect(await qa('answer-due').textContent()).toBe('Voorstel — antwoord vóór 1 december 2026');
    await follow(qa('request-link'), new RegExp(`^/parent/requests/${requestId}$`));
    const offer = qa('offer');
    expect(await offer.locator('[data-qa="offer-differences"] li').allInnerTexts()).toEqual([
      'Start op 1 maart 2027 in plaats van 1 februari 2027',
      'Maandag: halve dag in plaats van volle dag',
    ]);
    const rows = offer.locator('[data-qa="offer-plan-row"]');
    expect(await rows.count()).toBe(6);
    expect(await rows.nth(1).locator('th, td').allInnerTexts()).toEqual([
      'Maandag',
      'Volle dag',
      'Halve dag',
    ]);
    expect(await rows.nth(3).locator('th, td').allInnerTexts()).toEqual([
      'Woensdag',
      'Geen opvang',
      'Geen opvang',
    ]);
    // The table needs no more than a phone's width: at its narrowest it fits 390 px less the margins.
    const narrowest = await qa('offer-plan-table').evaluate((el) => {
      el.style.width = 'min-content';
      const width = el.getBoundingClientRect().width;
      el.style.width = '';
      return width;
    });
    expect(narrowest).toBeLessThanOrEqual(390 - 32);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setViewportSize({ width: 1366, height: 900 });

    // Declining leads to a confirmation page that says what happens; going back changes nothing.
    await follow(offer.locator('[data-qa="decline-offer"]'), /\/offers\/[0-9a-f-]{36}\/decline$/);
    expect(await h1()).toBe('Het voorstel van KDV De Eerste Stap weigeren?');
    expect(await qa('stays-on').innerText()).toBe('KDV Het Tweede Nest');
    expect(await qa('cannot-undo').innerText()).toBe('Dit kunt u niet ongedaan maken.');
    await follow(qa('back-to-request'), new RegExp(`^/parent/requests/${requestId}$`));
    expect(await qa('preference-status').allInnerTexts()).toEqual([
      'Voorstel ontvangen',
      'Nieuw – nog niet bekeken',
    ]);
    await follow(qa('offer').locator('[data-qa="decline-offer"]'), /\/decline$/);
    await follow(qa('confirm-decline'), new RegExp(`^/parent/requests/${requestId}$`));
    expect(await qa('preference-status').allInnerTexts()).toEqual([
      'Voorstel geweigerd',
      'Nieuw – nog niet bekeken',
    ]);
    expect(await qa('offer').count()).toBe(0);
    const mails = await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
    expect(mails.map((m) => m.template)).toEqual(['request.submitted', 'offer.declined']);
  });
});
