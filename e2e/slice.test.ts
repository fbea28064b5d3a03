import { asc } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aScenario, TEST_PASSWORD } from '../test/builders.ts';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  type RunningApp,
  STEP_TIMEOUT,
  startApp,
} from './browser.ts';

/**
 * The request slice in a real browser, three times: a parent registers and files a request naming
 * two providers, the first provider offers a place, the parent accepts, and the second provider
 * sees the child as placed elsewhere. Every page visited is checked with axe.
 */

type Run = {
  name: string;
  lang: 'nl' | 'fr' | 'en';
  javaScriptEnabled: boolean;
  /** The browser's locale, i.e. its Accept-Language. */
  locale: string;
  /** How the parent ends up with the run's language. */
  chooseLanguage: 'browser' | 'switcher' | 'form';
  child: { firstName: string; lastName: string };
  texts: {
    registerTitle: string;
    familyTitle: string;
    childStep: string;
    requestTitle: string;
    offerHeading: string;
    accepted: string;
    placedElsewhere: string;
  };
};

const RUNS: Run[] = [
  {
    name: 'Dutch, with JavaScript',
    lang: 'nl',
    javaScriptEnabled: true,
    locale: 'nl-BE',
    chooseLanguage: 'browser',
    child: { firstName: 'Lotte', lastName: 'Janssens' },
    texts: {
      registerTitle: 'Account aanmaken',
      familyTitle: 'Uw gezinsdossier',
      childStep: 'Uw kind',
      requestTitle: 'Aanvraag voor Lotte Janssens',
      offerHeading: 'Voorstel van KDV De Eerste Stap',
      accepted: 'Voorstel aanvaard',
      placedElsewhere: 'Afgesloten – geplaatst elders',
    },
  },
  {
    name: 'French, with JavaScript, through the language switcher',
    lang: 'fr',
    javaScriptEnabled: true,
    locale: 'en-GB',
    chooseLanguage: 'switcher',
    child: { firstName: 'Léa', lastName: 'Dubois' },
    texts: {
      registerTitle: 'Créer un compte',
      familyTitle: 'Votre dossier familial',
      childStep: 'Votre enfant',
      requestTitle: 'Demande pour Léa Dubois',
      offerHeading: 'Proposition de KDV De Eerste Stap',
      accepted: 'Proposition acceptée',
      placedElsewhere: 'Clôturée – place trouvée ailleurs',
    },
  },
  {
    name: 'English, without JavaScript',
    lang: 'en',
    javaScriptEnabled: false,
    locale: 'nl-BE',
    chooseLanguage: 'form',
    child: { firstName: 'Noah', lastName: 'Smith' },
    texts: {
      registerTitle: 'Create an account',
      familyTitle: 'Your family file',
      childStep: 'Your child',
      requestTitle: 'Request for Noah Smith',
      offerHeading: 'Offer from KDV De Eerste Stap',
      accepted: 'Offer accepted',
      placedElsewhere: 'Closed – placed elsewhere',
    },
  },
];

const PARENT_PASSWORD = 'een-lang-wachtwoord-42';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(RUNS)('the request slice in a browser: $name', (run) => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let context: BrowserContext;
  let page: Page;
  /** The last document the page received (after redirects: the page shown). */
  let lastDocument: Response | undefined;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
    context = await newContext(browser, { javaScriptEnabled: run.javaScriptEnabled, locale: run.locale });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    lastDocument = undefined;
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
        lastDocument = response;
    });
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    await t?.close();
  });

  const url = (path: string) => new URL(path, t.baseUrl).toString();
  const pathOf = (p: Page) => new URL(p.url()).pathname;

  /** Opens a page by address, checks the answer and the page's accessibility. */
  async function visit(path: string): Promise<void> {
    const res = await page.goto(url(path), { waitUntil: 'load' });
    expect(res?.status(), `GET ${path}`).toBe(200);
    await expectAccessible(page, `${path} (${run.name})`);
  }

  /** Clicks something that loads a new page (link or submit), then checks where we landed. */
  async function follow(target: Locator, expectedPath: RegExp): Promise<void> {
    await Promise.all([page.waitForEvent('load', { timeout: STEP_TIMEOUT }), target.click()]);
    expect(pathOf(page)).toMatch(expectedPath);
    expect(lastDocument?.status(), `status of ${pathOf(page)}`).toBe(200);
    await expectAccessible(page, `${pathOf(page)} (${run.name})`);
  }

  /** The element's text, trimmed (what a reader of the page sees for these one-line elements). */
  const textOf = async (target: Locator) => (await target.textContent())?.trim();
  const h1 = () => textOf(page.locator('h1'));
  const qa = (name: string) => page.locator(`[data-qa="${name}"]`);

  async function logIn(email: string, password: string, expectedPath: RegExp): Promise<void> {
    await follow(qa('nav-login'), /^\/login$/);
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(password);
    await follow(qa('login-submit'), expectedPath);
  }

  async function logOut(): Promise<void> {
    await follow(qa('logout'), /^\/$/);
    expect(await qa('nav-login').count()).toBe(1);
  }

  it('registers, requests, offers, accepts and closes the other preference', {
    timeout: 120_000,
  }, async () => {
    const parentEmail = `ouder.${run.lang}@e2e.example`;
    const { firstName, lastName } = run.child;

    // 1. The parent registers, choosing the run's language.
    await visit('/register');
    if (run.chooseLanguage === 'switcher') {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await follow(qa(`lang-${run.lang}`), /^\/register$/);
      expect(await page.locator('html').getAttribute('lang')).toBe(run.lang);
    }
    const pageLang = run.chooseLanguage === 'form' ? run.locale.slice(0, 2) : run.lang;
    expect(await page.locator('html').getAttribute('lang')).toBe(pageLang);
    if (pageLang === run.lang) expect(await h1()).toBe(run.texts.registerTitle);
    await page.locator('#field-displayName').fill(`${firstName}s ouder`);
    await page.locator('#field-email').fill(parentEmail);
    await page.locator('#field-password').fill(PARENT_PASSWORD);
    await page.locator('#field-passwordRepeat').fill(PARENT_PASSWORD);
    const languageRadio = page.locator(`input[name="language"][value="${run.lang}"]`);
    if (run.chooseLanguage === 'form') await languageRadio.check();
    expect(await languageRadio.isChecked()).toBe(true);
    await follow(qa('register-submit'), /^\/register\/sent$/);
    // The account comes from the mailed link, with the chosen password typed again.
    const registration = (await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id)))
      .filter((m) => m.toAddress === parentEmail && m.template === 'account.confirm_registration')
      .at(-1);
    const confirmLink = /\/register\/confirm\?token=[A-Za-z0-9_-]+/.exec(registration?.textBody ?? '')?.[0];
    expect(confirmLink).toBeTruthy();
    await visit(confirmLink as string);
    await page.locator('#field-password').fill(PARENT_PASSWORD);
    await follow(qa('confirm-registration-submit'), /^\/parent$/);
    expect(await page.locator('html').getAttribute('lang')).toBe(run.lang);

    // 2. The family file first, then the request wizard, naming the first provider, then the second.
    await follow(qa('start-family'), /^\/parent\/family$/);
    expect(await h1()).toBe(run.texts.familyTitle);
    const family = qa('family-form');
    await family.locator('#field-parent1FirstName').fill('Sam');
    await family.locator('#field-parent1LastName').fill(lastName);
    await family.locator('#field-parent1Phone').fill('+32 470 12 34 56');
    await family.locator('#field-municipalityId').selectOption(s.municipality.id);
    await family.locator('input[name="consent"]').check();
    await follow(qa('save-family'), /^\/parent$/);

    await follow(qa('new-request'), /^\/parent\/requests\/new\/child$/);
    expect(await h1()).toBe(run.texts.childStep);
    const wizard = qa('wizard-form');
    await wizard.locator('#field-childFirstName').fill(firstName);
    await wizard.locator('#field-childLastName').fill(lastName);
    await wizard.locator('input[name="childBorn"][value="yes"]').check();
    await wizard.locator('#field-birthDate').fill('2026-08-01');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/when$/);
    await qa('wizard-form').locator('#field-desiredStart').fill('2027-02-01');
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/plan$/);
    for (const [day, part] of [
      ['mon', 'full'],
      ['tue', 'full'],
      ['wed', 'none'],
      ['thu', 'full'],
      ['fri', 'half'],
    ] as const) {
      await qa('wizard-form').locator(`#field-day_${day}`).selectOption(part);
    }
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/preferences$/);
    for (const name of ['KDV De Eerste Stap', 'KDV Het Tweede Nest']) {
      const row = qa('location-result').filter({ hasText: name });
      await follow(row.locator('[data-qa="add-location"]'), /^\/parent\/requests\/new\/preferences$/);
    }
    expect(await qa('chosen-preference').count()).toBe(2);
    await follow(qa('wizard-next'), /^\/parent\/requests\/new\/summary$/);
    await follow(qa('submit-request'), /^\/parent\/requests\/[0-9a-f-]{36}$/);
    const followUpPath = pathOf(page);
    expect(await h1()).toBe(run.texts.requestTitle);
    expect(await qa('preference-row').count()).toBe(2);
    await logOut();

    // 3. The first provider's staff opens the waiting list and the child, and makes an offer.
    await logIn(
      s.firstStaff.email,
      TEST_PASSWORD,
      new RegExp(`^/provider/locations/${s.first.id}/waiting-list$`),
    );
    const firstRow = qa('waiting-list-row').filter({ hasText: `${firstName} ${lastName}` });
    expect(await firstRow.count()).toBe(1);
    await follow(
      firstRow.locator('[data-qa="waiting-list-child"]'),
      new RegExp(`^/provider/locations/${s.first.id}/requests/[0-9a-f-]{36}$`),
    );
    await page.locator('#field-answerDeadline').fill('2026-11-29');
    await page.locator('#field-message').fill('Welkom! Bienvenue! Welcome!');
    await follow(qa('send-offer'), new RegExp(`^/provider/locations/${s.first.id}/requests/[0-9a-f-]{36}$`));
    expect(await textOf(qa('own-status'))).toBe('Voorstel ontvangen');
    await logOut();

    // 4. The parent sees the offer and accepts it.
    await logIn(parentEmail, PARENT_PASSWORD, /^\/parent$/);
    await follow(qa('request-link'), new RegExp(`^${followUpPath}$`));
    const offer = qa('offer');
    expect(await textOf(offer.locator('h2'))).toBe(run.texts.offerHeading);
    const keepHigher = offer.locator('input[name="keepHigher"]');
    if ((await keepHigher.count()) > 0) await keepHigher.first().check();
    await follow(offer.locator('[data-qa="accept-offer"]'), new RegExp(`^${followUpPath}$`));
    expect(await qa('offer').count()).toBe(0);
    expect(await qa('preference-status').allInnerTexts()).toEqual([
      run.texts.accepted,
      run.texts.placedElsewhere,
    ]);
    await logOut();

    // 5. The second provider sees the child as placed elsewhere, in the staff member's language (nl):
    // no longer among the open requests the list opens on, but in its history (every status).
    await logIn(
      s.secondStaff.email,
      TEST_PASSWORD,
      new RegExp(`^/provider/locations/${s.second.id}/waiting-list$`),
    );
    expect(
      await qa('waiting-list-row')
        .filter({ hasText: `${firstName} ${lastName}` })
        .count(),
    ).toBe(0);
    await visit(`/provider/locations/${s.second.id}/waiting-list?status=all`);
    const secondRow = qa('waiting-list-row').filter({ hasText: `${firstName} ${lastName}` });
    expect(await secondRow.count()).toBe(1);
    expect(await textOf(secondRow.locator('[data-qa="waiting-list-status"]'))).toBe(
      'Afgesloten – geplaatst elders',
    );
    await logOut();

    // 6. Three mails to the parent about the request, in the parent's language (besides the
    // account's own mails, such as the address verification).
    const mails = (await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id))).filter(
      (m) => !m.template.startsWith('account.'),
    );
    expect(mails.map((m) => [m.template, m.toAddress, m.language])).toEqual([
      ['request.submitted', parentEmail, run.lang],
      ['offer.made', parentEmail, run.lang],
      ['offer.accepted', parentEmail, run.lang],
    ]);
  });
});
