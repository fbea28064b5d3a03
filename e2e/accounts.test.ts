import { readFile } from 'node:fs/promises';
import { asc, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aFamilyFile } from '../src/modules/my-data/my-data.fixtures.ts';
import { schema } from '../src/platform/db/index.ts';
import { aScenario } from '../test/builders.ts';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  type RunningApp,
  STEP_TIMEOUT,
  startApp,
} from './browser.ts';

/**
 * The account in a real browser: register, create the account through the mailed link, forget
 * the password and set a new one, log in, look at and download "my data"; and, without
 * JavaScript, the account page's changes and deleting the account. Every page is checked with axe.
 */

const PASSWORD = 'een-lang-wachtwoord-42';
const NEW_PASSWORD = 'een-nieuw-wachtwoord-43';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('accounts in a browser', () => {
  let t: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let lastDocument: Response | undefined;

  async function open(javaScriptEnabled: boolean, locale: string) {
    context = await newContext(browser, { javaScriptEnabled, locale, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
        lastDocument = response;
    });
  }

  beforeEach(async () => {
    t = await startApp();
    lastDocument = undefined;
    scanned.clear();
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    await t?.close();
  });

  const url = (path: string) => new URL(path, t.baseUrl).toString();
  const pathOf = () => new URL(page.url()).pathname;
  const qa = (name: string) => page.locator(`[data-qa="${name}"]`);
  const h1 = async () => (await page.locator('h1').textContent())?.trim();

  /**
   * Axe on every page, once: a page seen again at the same address, with the same status and in the
   * same language, is not scanned again (the test stays well under a minute).
   */
  const scanned = new Set<string>();
  async function checkAccessible(status: number): Promise<void> {
    const key = `${pathOf()} ${status} ${await page.locator('html').getAttribute('lang')} ${await h1()}`;
    if (scanned.has(key)) return;
    scanned.add(key);
    await expectAccessible(page, key);
  }

  /** Opens an address (a mailed link), checks the answer and the page's accessibility. */
  async function visit(path: string, status = 200): Promise<void> {
    const res = await page.goto(url(path), { waitUntil: 'load' });
    expect(res?.status(), `GET ${path}`).toBe(status);
    await checkAccessible(status);
  }

  /** Clicks something that loads a new page, then checks where we landed and the page. */
  async function follow(target: Locator, expectedPath: RegExp, status = 200): Promise<void> {
    await Promise.all([page.waitForEvent('load', { timeout: STEP_TIMEOUT }), target.click()]);
    expect(pathOf()).toMatch(expectedPath);
    expect(lastDocument?.status(), `status of ${pathOf()}`).toBe(status);
    await checkAccessible(status);
  }

  /** The site-relative link to `path` in the newest mail of that template to that address. */
  async function mailedLink(to: string, template: string, path: string): Promise<string> {
    const mails = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.toAddress, to))
      .orderBy(asc(schema.outbox.id));
    const mail = mails.filter((m) => m.template === template).at(-1);
    const match = new RegExp(`https?://[^\\s/]+(${path}\\?token=[A-Za-z0-9_-]+)`).exec(mail?.textBody ?? '');
    if (!match?.[1]) throw new Error(`no ${template} mail with a link to ${path} for ${to}`);
    return match[1];
  }

  async function register(email: string, language: 'nl' | 'fr' | 'en') {
    await visit('/register');
    await page.locator('#field-displayName').fill('Sofie Peeters');
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(PASSWORD);
    await page.locator('#field-passwordRepeat').fill(PASSWORD);
    await page.locator(`input[name="language"][value="${language}"]`).check();
    // The same page whether or not the address has an account; the account comes from the mail.
    await follow(qa('register-submit'), /^\/register\/sent$/);
    await visit(await mailedLink(email, 'account.confirm_registration', '/register/confirm'));
    await page.locator('#field-password').fill(PASSWORD);
    await follow(qa('confirm-registration-submit'), /^\/parent$/);
  }

  it('registers, confirms the address, resets a forgotten password, logs in and downloads my data', {
    timeout: 120_000,
  }, async () => {
    await open(true, 'nl-BE');
    const email = 'sofie@e2e.example';
    await register(email, 'nl');

    // The mailed link that created the account confirmed the address too.
    await visit('/account');
    expect(await qa('account-email-status').textContent()).toBe('bevestigd');
    expect(await qa('verify-email-notice').count()).toBe(0);
    await follow(qa('logout'), /^\/$/);

    // Forgot the password: the form, the mail, the new password.
    await follow(qa('nav-login'), /^\/login$/);
    await follow(qa('forgot-password-link'), /^\/forgot-password$/);
    await page.locator('#field-email').fill(email);
    await follow(qa('forgot-password-submit'), /^\/forgot-password$/);
    expect(await qa('forgot-password-sent').textContent()).toContain(email);
    await visit(await mailedLink(email, 'account.reset_password', '/reset-password'));
    expect(await h1()).toBe('Nieuw wachtwoord kiezen');
    await page.locator('#field-password').fill(NEW_PASSWORD);
    await page.locator('#field-passwordRepeat').fill(NEW_PASSWORD);
    await follow(qa('reset-password-submit'), /^\/reset-password\/done$/);
    expect(await h1()).toBe('Uw wachtwoord is gewijzigd');

    // Log in with the new password.
    await follow(page.locator('main a[href="/login"]'), /^\/login$/);
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(NEW_PASSWORD);
    await follow(qa('login-submit'), /^\/parent$/);

    // My data: the page, and the download.
    const [user] = await t.deps.db.select().from(schema.users).where(eq(schema.users.email, email));
    if (!user) throw new Error('no user');
    const s = await aScenario(t.deps.db);
    const file = await aFamilyFile(t.deps, s, user);
    await visit('/account');
    await follow(qa('my-data-link'), /^\/parent\/my-data$/);
    expect(await qa('my-data-request').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), qa('download-json').click()]);
    expect(download.suggestedFilename()).toBe(`my-data-${file.family.fileNumber}-2026-11-22.json`);
    const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
    expect(data.account.email).toBe(email);
    expect(data.family.fileNumber).toBe(file.family.fileNumber);
    expect(data.children[0]).toMatchObject({ firstName: 'Lina', nationalNumber: '26.06.03-***.**' });
    expect(data.requests[0].preferences).toHaveLength(3);
  });

  it('changes password and language, and deletes the account, without JavaScript', {
    timeout: 120_000,
  }, async () => {
    await open(false, 'en-GB');
    const email = 'sam@e2e.example';
    await register(email, 'en');

    // The account exists only through the mailed link, so its address is confirmed already.
    await visit('/account');
    expect(await qa('verify-email-notice').count()).toBe(0);

    // Change the password: a wrong current password first.
    await follow(qa('change-password-link'), /^\/account\/password$/);
    await page.locator('#field-currentPassword').fill('not-my-password');
    await page.locator('#field-password').fill(NEW_PASSWORD);
    await page.locator('#field-passwordRepeat').fill(NEW_PASSWORD);
    await follow(qa('change-password-submit'), /^\/account\/password$/, 400);
    expect(await page.locator('.ko-error-summary').textContent()).toContain(
      'This is not your current password.',
    );
    expect(await page.locator('#field-password').inputValue()).toBe('');
    await page.locator('#field-currentPassword').fill(PASSWORD);
    await page.locator('#field-password').fill(NEW_PASSWORD);
    await page.locator('#field-passwordRepeat').fill(NEW_PASSWORD);
    await follow(qa('change-password-submit'), /^\/account$/);
    expect(await qa('account-notice').textContent()).toContain('Your password was changed.');

    // Language, from the account page.
    await page.locator('input[name="language"][value="fr"]').check();
    await follow(qa('save-language'), /^\/account$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    // Delete the account.
    await follow(qa('my-data-link'), /^\/parent\/my-data$/);
    await follow(qa('delete-account-link'), /^\/parent\/my-data\/delete$/);
    await page.locator('#field-password').fill(NEW_PASSWORD);
    await follow(qa('delete-account-submit'), /^\/parent\/my-data\/delete$/);
    expect(await h1()).toBe('Votre compte a été supprimé');
    expect(await qa('nav-login').count()).toBe(1);
    const [mail] = await t.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, 'account.deleted'));
    expect(mail).toMatchObject({ toAddress: email, language: 'fr' });

    // The account is gone.
    await follow(qa('nav-login'), /^\/login$/);
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(NEW_PASSWORD);
    await follow(qa('login-submit'), /^\/login$/, 400);
  });
});
