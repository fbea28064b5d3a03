import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { localDate } from '../src/shared/dates.ts';
import { makeNationalNumber } from '../src/shared/national-number.ts';
import { TestClient } from '../test/app.ts';
import { aScenario, aUser, TEST_PASSWORD } from '../test/builders.ts';
import { expectNoSidewaysScroll, launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * A social worker (toeleider) in a real browser: registers a family without e-mail, lands in the
 * request wizard for it and files its first request, then — after a provider offered a place —
 * finds the phone task and marks it done. Once with JavaScript, once without (the family form with
 * an error first). Every page is checked with axe and at 390 px; the family form at 1366 px too.
 */

const PARENT_NUMBER = makeNationalNumber(localDate('1990-05-12'), 45);
const SHOTS = process.env.SCREENSHOT_DIR;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('an intermediary in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let staffEmail: string;
  let tab: Tab;
  let page: Page;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
    const [org] = await t.deps.db
      .insert(schema.intermediaryOrganisations)
      .values({ municipalityId: s.municipality.id, name: 'OCMW Teststad', kind: 'ocmw' })
      .returning();
    staffEmail = (await aUser(t.deps.db, { role: 'intermediary', intermediaryOrganisationId: org?.id }))
      .email;
  }, 60_000);

  afterEach(async () => {
    await tab?.close();
    await t?.close();
  });

  async function open(javaScriptEnabled: boolean) {
    tab = await Tab.open(browser, t, { javaScriptEnabled });
    page = tab.page;
  }

  const url = (path: string) => tab.url(path);
  const qa = (name: string) => tab.qa(name);
  const follow = (target: Locator, expectedPath: RegExp, status = 200) =>
    tab.follow(target, expectedPath, status);

  async function logIn() {
    await page.goto(url('/login'));
    await page.fill('#field-email', staffEmail);
    await page.fill('#field-password', TEST_PASSWORD);
    await follow(qa('login-submit'), /^\/intermediary$/);
  }

  async function fillFamilyForm(options: { consent: boolean }) {
    await page.fill('#field-parent1FirstName', 'Fatima');
    await page.fill('#field-parent1LastName', 'El Idrissi');
    await page.fill('#field-parent1Phone', '0470 12 34 56');
    await page.check('#field-parent1Language-fr');
    await page.fill('#field-parent1NationalNumber', PARENT_NUMBER);
    await page.fill('#field-parent2FirstName', 'Youssef');
    await page.fill('#field-parent2LastName', 'El Idrissi');
    await page.selectOption('#field-subMunicipalityId', s.subMunicipality?.id as string);
    await page.check('#field-facts-first');
    if (options.consent) await page.check('#field-consent-first');
  }

  /** The family form fits a phone and a laptop without scrolling sideways (screenshots on request). */
  async function checkFormWidths(name: string) {
    for (const width of [390, 1366]) {
      await expectNoSidewaysScroll(page, `the new-family form at ${width} px`, width);
      if (!SHOTS) continue;
      const original = page.viewportSize();
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      if (original) await page.setViewportSize(original);
    }
  }

  /**
   * After registering: the wizard's first step for the family (it says the family was registered),
   * then the child, dates, care plan and two locations found with the search; filed at the end.
   */
  async function fileFirstRequest() {
    const base = /^\/intermediary\/families\/[0-9a-f-]{36}\/requests\/new/;
    const at = (step: string) => new RegExp(`${base.source}/${step}$`);
    expect(tab.path()).toMatch(at('child'));
    expect(await qa('notice').textContent()).toContain(
      'Het gezin is geregistreerd. Dien nu zijn aanvraag in.',
    );
    expect(await page.locator('h1').textContent()).toBe('Het kind');
    const form = () => qa('wizard-form');
    await form().locator('#field-childFirstName').fill('Amal');
    await form().locator('#field-childLastName').fill('El Idrissi');
    await form().locator('input[name="childBorn"][value="yes"]').check();
    await form().locator('#field-birthDate').fill('2026-08-01');
    await follow(qa('wizard-next'), at('when'));
    await form().locator('#field-desiredStart').fill('2027-03-01');
    await follow(qa('wizard-next'), at('plan'));
    for (const day of ['mon', 'tue']) await form().locator(`#field-day_${day}`).selectOption('full');
    await follow(qa('wizard-next'), at('preferences'));
    await follow(qa('search-locations'), at('preferences'));
    for (const name of ['KDV De Eerste Stap', 'KDV Het Tweede Nest'])
      await follow(
        qa('location-result').filter({ hasText: name }).locator('[data-qa="add-location"]'),
        at('preferences'),
      );
    expect(await qa('chosen-preference').count()).toBe(2);
    await follow(qa('wizard-next'), at('summary'));
    expect(await qa('summary').textContent()).toContain('Amal El Idrissi');
    await follow(qa('submit-request'), /^\/intermediary\/families\/[0-9a-f-]{36}$/);
    expect(await qa('notice').textContent()).toContain('Het gezin heeft geen e-mailadres');
  }

  /** The provider offers a place (over HTTP, as its own staff would). */
  async function providerOffers() {
    const [request] = await t.deps.db.select().from(schema.requests);
    const provider = new TestClient(t.app);
    await provider.login(s.firstStaff.email, TEST_PASSWORD);
    const offerPage = `/provider/locations/${s.first.id}/requests/${request?.id}`;
    await provider.get(offerPage);
    const res = await provider.post(`${offerPage}/offer`, {
      startDate: '2027-03-01',
      answerDeadline: '2026-12-01',
      day_mon: 'full',
      day_tue: 'full',
      day_wed: 'none',
      day_thu: 'none',
      day_fri: 'none',
    });
    expect(res.statusCode).toBe(303);
  }

  async function workTheTask() {
    await page.goto(url('/intermediary'));
    await expect.poll(() => qa('tasks-link').textContent()).toContain('1 open opvolgtaak');
    await follow(qa('tasks-link'), /^\/intermediary\/tasks$/);
    const offerTask = qa('task').filter({ hasText: 'voorstel van KDV De Eerste Stap' });
    expect(await offerTask.textContent()).toContain('antwoorden vóór 1 december 2026');
    await follow(offerTask.locator('[data-qa="task-done"]'), /^\/intermediary\/tasks$/);
    expect(await qa('notice').textContent()).toContain('De taak is aangeduid als gedaan.');
    // Filing was the staff's own doing: the offer was the only thing to phone the family about.
    expect(await qa('task').count()).toBe(0);
    expect(await qa('done-tasks').textContent()).toContain('gedaan door');
    const [done] = await t.deps.db
      .select()
      .from(schema.followUpTasks)
      .where(eq(schema.followUpTasks.kind, 'offer.made'));
    expect(done?.doneAt).not.toBeNull();
  }

  it('registers a family without e-mail, files its request in the wizard and works the phone task (JavaScript on)', async () => {
    await open(true);
    await logIn();
    await follow(qa('new-family'), /^\/intermediary\/families\/new$/);
    await checkFormWidths('intermediary-new-family');
    await fillFamilyForm({ consent: true });
    await follow(qa('register-family'), /^\/intermediary\/families\/[0-9a-f-]+\/requests\/new\/child$/);
    expect(await t.deps.db.$count(schema.families)).toBe(1);
    expect(await t.deps.db.$count(schema.requests)).toBe(0);
    await fileFirstRequest();
    expect(await qa('parents').textContent()).toContain('geen e-mail');
    expect(await qa('parents').textContent()).toContain('Youssef El Idrissi');
    const [request] = await t.deps.db.select().from(schema.requests);
    expect(request?.channel).toBe('intermediary');
    expect(await t.deps.db.$count(schema.outbox)).toBe(0);

    await providerOffers();
    await workTheTask();

    // The family phones back to accept: staff record the answer on the request's page.
    await follow(
      qa('done-tasks').locator('a').first(),
      /^\/intermediary\/families\/[0-9a-f-]+\/requests\/[0-9a-f-]+$/,
    );
    expect(await qa('pending-offer').textContent()).toContain('Voorstel van KDV De Eerste Stap');
    await page.check('#field-answer-first');
    await follow(qa('answer-offer'), /^\/intermediary\/families\/[0-9a-f-]+\/requests\/[0-9a-f-]+$/);
    expect(await qa('notice').textContent()).toContain('Het antwoord van het gezin is geregistreerd.');
    expect(await qa('request-status').textContent()).toContain('Beantwoord');
  }, 120_000);

  it('registers, files and works the task without JavaScript, the family form kept after an error', async () => {
    await open(false);
    await logIn();
    await follow(qa('new-family'), /^\/intermediary\/families\/new$/);
    await fillFamilyForm({ consent: false });
    await follow(qa('register-family'), /^\/intermediary\/families$/, 400);
    await checkFormWidths('intermediary-new-family-error');
    expect(await page.locator('.ko-error-summary').textContent()).toContain(
      'Leg vast dat het gezin toestemming gaf.',
    );
    expect(await page.inputValue('#field-parent1FirstName')).toBe('Fatima');
    // The national number is not sent back: it is typed again.
    expect(await page.inputValue('#field-parent1NationalNumber')).toBe('');
    await page.fill('#field-parent1NationalNumber', PARENT_NUMBER);
    await page.check('#field-consent-first');
    await follow(qa('register-family'), /^\/intermediary\/families\/[0-9a-f-]+\/requests\/new\/child$/);
    expect(await t.deps.db.$count(schema.families)).toBe(1);
    await fileFirstRequest();
    expect(await t.deps.db.$count(schema.requests)).toBe(1);

    await providerOffers();
    await workTheTask();
  }, 120_000);
});
