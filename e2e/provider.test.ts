import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, TEST_PASSWORD } from '../test/builders.ts';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  type RunningApp,
  STEP_TIMEOUT,
  startApp,
} from './browser.ts';

/**
 * The provider's standard package in a real browser: the waiting list (filter, sort, hide a column,
 * an own column, XLSX export), a French mail text, no place with a reason through its confirmation
 * page (and taking it back), and an offer from the
 * emergency list to a child whose parents did not choose this location. Once with JavaScript, once
 * without. Every page is checked with axe.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the provider package in a browser', () => {
  let name = '';
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let context: BrowserContext;
  let page: Page;
  let lastDocument: Response | undefined;
  let french: Awaited<ReturnType<typeof aFamilyRequest>>;
  let emergency: Awaited<ReturnType<typeof aFamilyRequest>>;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
    const db = t.deps.db;
    const m = s.municipality.id;
    // The first location's waiting list: five children, one of them with French-speaking parents.
    const children = [
      { first: 'Anna', last: 'Aerts', start: '2027-01-10', rank: 0 },
      { first: 'Bram', last: 'Bosmans', start: '2027-02-01', rank: 1 },
      { first: 'Cas', last: 'Claes', start: '2027-03-01', rank: 0 },
      { first: 'Dina', last: 'Dewit', start: '2027-04-01', rank: 0 },
    ];
    for (const c of children) {
      const locations = c.rank === 0 ? [s.first.id, s.second.id] : [s.second.id, s.first.id];
      await aFamilyRequest(db, {
        municipalityId: m,
        locations,
        childFirstName: c.first,
        childLastName: c.last,
        desiredStart: c.start,
      });
    }
    french = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.first.id],
      childFirstName: 'Léa',
      childLastName: 'Dubois',
      desiredStart: '2027-05-01',
      parentLanguage: 'fr',
    });
    // A child whose parents chose only the second location, starting within the emergency window.
    emergency = await aFamilyRequest(db, {
      municipalityId: m,
      locations: [s.second.id],
      childFirstName: 'Noor',
      childLastName: 'Nijs',
      desiredStart: '2026-12-05',
      socialReason: 'family_crisis',
      subMunicipalityId: s.subMunicipality?.id,
    });
  }, 60_000);

  async function open(javaScriptEnabled: boolean): Promise<void> {
    name = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    context = await newContext(browser, { javaScriptEnabled, locale: 'nl-BE', acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    lastDocument = undefined;
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
        lastDocument = response;
    });
  }

  afterEach(async () => {
    await context?.close();
    await t?.close();
  });

  const url = (path: string) => new URL(path, t.baseUrl).toString();
  const pathOf = () => new URL(page.url()).pathname;
  const qa = (id: string) => page.locator(`[data-qa="${id}"]`);
  const list = () => `/provider/locations/${s.first.id}/waiting-list`;

  /**
   * Clicks something that loads a page and checks where we landed; axe checks every page, except
   * (scan: false) a page already checked in the same state, e.g. the list sorted the other way.
   */
  async function follow(
    target: Locator,
    expectedPath: RegExp,
    options: { status?: number; scan?: boolean } = {},
  ): Promise<void> {
    await Promise.all([page.waitForEvent('load', { timeout: STEP_TIMEOUT }), target.click()]);
    expect(pathOf()).toMatch(expectedPath);
    expect(lastDocument?.status(), `status of ${pathOf()}`).toBe(options.status ?? 200);
    if (options.scan !== false) await expectAccessible(page, `${pathOf()} (${name})`);
  }

  const rowNames = async () =>
    (await qa('waiting-list-child').allInnerTexts()).map((n) => n.trim().split(' ')[0] as string);

  async function logIn(): Promise<void> {
    await page.goto(url('/login'));
    await expectAccessible(page, `/login (${name})`);
    await page.locator('#field-email').fill(s.firstStaff.email);
    await page.locator('#field-password').fill(TEST_PASSWORD);
    await follow(qa('login-submit'), new RegExp(`^${list()}$`));
  }

  async function filterAndSort(): Promise<void> {
    expect(await rowNames()).toEqual(['Anna', 'Bram', 'Cas', 'Dina', 'Léa']);
    await qa('more-filters-summary').click();
    await page.locator('#field-rank').selectOption('1');
    await follow(qa('apply-filters'), new RegExp(`^${list()}$`));
    expect(new URL(page.url()).searchParams.get('rank')).toBe('1');
    expect(await rowNames()).toEqual(['Anna', 'Cas', 'Dina', 'Léa']);
    await follow(qa('sort-child'), new RegExp(`^${list()}$`), { scan: false });
    expect(await rowNames()).toEqual(['Anna', 'Cas', 'Dina', 'Léa']);
    await follow(qa('sort-child'), new RegExp(`^${list()}$`));
    expect(await rowNames()).toEqual(['Léa', 'Dina', 'Cas', 'Anna']);
    expect(await qa('column-child').getAttribute('aria-sort')).toBe('descending');
  }

  /** "No place" asks first: a confirmation page that says what will happen, with a way back. */
  async function noPlaceForLea(reasonText?: string): Promise<void> {
    const requestPath = `/provider/locations/${s.first.id}/requests/${french.request.id}`;
    await page.goto(url(requestPath));
    await follow(qa('open-no-place'), /\/no-place$/);
    const happens = await qa('confirm-happens').innerText();
    expect(happens).toContain(`De ouders krijgen een e-mail (${french.parent.email}).`);
    expect(happens).toContain('Geen andere opvanglocatie behandelt deze aanvraag nog.');
    expect(await qa('confirm-warning').innerText()).toContain('U kunt deze melding intrekken');
    await follow(qa('confirm-no-place-cancel'), new RegExp(`^${requestPath}$`), { scan: false });
    expect((await qa('own-status').innerText()).trim()).toBe('Bekeken door de opvang');
    await follow(qa('open-no-place'), /\/no-place$/, { scan: false });
    await page.locator('#field-noPlaceReason').selectOption(reasonText ? 'other' : 'age_group_full');
    if (reasonText) await page.locator('#field-noPlaceText').fill(reasonText);
    await follow(qa('confirm-no-place-confirm'), /\/requests\//);
    const notice = (await qa('notice').innerText()).trim();
    expect(notice).toContain('U meldde dat u geen plaats hebt.');
    expect(notice).toContain(`De ouders krijgen een e-mail (${french.parent.email}).`);
    expect((await qa('own-status').innerText()).trim()).toBe('Geen plaats');
  }

  async function offerFromEmergencyList(): Promise<void> {
    await follow(qa('nav-emergencyList'), /\/emergency-list$/);
    const row = qa('emergency-row').filter({ hasText: 'Crisis in het gezin' });
    expect(await row.count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('Noor');
    await follow(
      row.locator('[data-qa="emergency-offer"]'),
      new RegExp(`/emergency-list/${emergency.request.id}$`),
    );
    await page.locator('#field-answerDeadline').fill('2026-11-29');
    await follow(qa('send-emergency-offer'), new RegExp(`/requests/${emergency.request.id}$`));
    expect(await page.locator('h1').innerText()).toBe('Aanvraag van Noor Nijs');
    expect((await qa('own-status').innerText()).trim()).toBe('Voorstel ontvangen');
    const added = await t.deps.db
      .select()
      .from(schema.preferences)
      .where(eq(schema.preferences.requestId, emergency.request.id));
    expect(added.find((p) => p.providerLocationId === s.first.id)).toMatchObject({
      rank: null,
      addedFromEmergencyList: true,
      status: 'offer_made',
    });
  }

  it('filters, sorts, adapts columns, exports, sends a French text, says no place, offers from the emergency list', {
    timeout: 120_000,
  }, async () => {
    await open(true);
    await logIn();
    await filterAndSort();

    // Hide a column and add an own column.
    await follow(qa('columns-link'), /\/waiting-list\/columns$/);
    await qa('show-birth').uncheck();
    await follow(qa('save-columns'), new RegExp(`^${list()}$`));
    expect(await qa('column-birth').count()).toBe(0);
    await follow(qa('columns-link'), /\/waiting-list\/columns$/, { scan: false });
    await page.locator('#field-name').fill('Bezocht');
    await page.locator('#field-kind').selectOption('yes_no');
    await follow(qa('add-custom-column'), /\/waiting-list\/columns$/);
    await follow(qa('back-to-list'), new RegExp(`^${list()}$`), { scan: false });
    expect(await page.locator('th', { hasText: 'Bezocht' }).count()).toBe(1);
    await follow(qa('waiting-list-child').first(), /\/requests\//);
    const visited = page.locator('[data-qa="custom-values-form"] select');
    await visited.selectOption('yes');
    await follow(qa('save-custom-values'), /\/requests\//);
    await follow(qa('nav-waitingList'), new RegExp(`^${list()}$`), { scan: false });

    // Export the current view to XLSX and read it back.
    await page.goto(url(`${list()}?status=open&rank=1&sort=child&dir=asc`));
    const [download] = await Promise.all([page.waitForEvent('download'), qa('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('wachtlijst-kdv-de-eerste-stap-2026-11-22.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('Wachtlijst');
    if (!sheet) throw new Error('the export has no sheet “Wachtlijst”');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Bezocht');
    expect(header).not.toContain('Geboorte');
    const childColumn = header.indexOf('Kind') + 1;
    const names = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(childColumn).value);
    expect(names).toEqual(['Anna Aerts', 'Cas Claes', 'Dina Dewit', 'Léa Dubois']);
    expect(sheet.getRow(2).getCell(header.indexOf('Bezocht') + 1).value).toBe('Ja');
    expect(sheet.rowCount).toBe(5);

    // A French text for "no place", previewed, saved, and received by the French-speaking parents.
    await follow(qa('nav-mailTemplates'), /\/mail-templates$/);
    await follow(qa('edit-template-preference.no_place-fr'), /\/mail-templates\/preference\.no_place\/fr$/);
    await page.locator('#field-subject').fill('Désolés, pas de place pour {child}');
    await page
      .locator('#field-body')
      .fill('Chers parents,\n\n{provider} est complet : {reason}.\n\nÀ bientôt !');
    await follow(qa('preview-template'), /\/mail-templates\/preference\.no_place\/fr$/);
    expect((await qa('preview-subject').innerText()).trim()).toBe('Désolés, pas de place pour Emma Peeters');
    await follow(qa('save-template'), /\/mail-templates$/);
    await noPlaceForLea();
    const mails = await t.deps.db.select().from(schema.outbox).orderBy(asc(schema.outbox.id));
    const mail = mails.at(-1);
    expect(mail?.template).toBe('preference.no_place');
    expect(mail?.language).toBe('fr');
    expect(mail?.toAddress).toBe(french.parent.email);
    expect(mail?.subject).toBe('Désolés, pas de place pour Léa Dubois');
    expect(mail?.textBody).toContain('KDV De Eerste Stap est complet : Groupe d’âge complet.');
    await page.goto(url('/dev/mail'));
    expect(await page.locator('main').innerText()).toContain('Désolés, pas de place pour Léa Dubois');

    await page.goto(url(list()));
    await offerFromEmergencyList();
  });

  it('works without JavaScript too: filter, sort, a failed and a good “no place”, the emergency list', {
    timeout: 120_000,
  }, async () => {
    await open(false);
    await logIn();
    await filterAndSort();
    // "Other" without an explanation: 400, the error summary, the form kept open.
    // The button leads to the confirmation page (a GET form, no script needed).
    await page.goto(url(`/provider/locations/${s.first.id}/requests/${french.request.id}`));
    await follow(qa('open-no-place'), /\/no-place$/);
    await page.locator('#field-noPlaceReason').selectOption('other');
    await follow(qa('confirm-no-place-confirm'), /\/no-place$/, { status: 400 });
    expect(await page.locator('.ko-error-summary').innerText()).toContain('Vul dit veld in.');
    await page.locator('#field-noPlaceText').fill('Wij verhuizen in maart.');
    await follow(qa('confirm-no-place-confirm'), /\/requests\/[0-9a-f-]{36}$/);
    expect((await qa('own-status').innerText()).trim()).toBe('Geen plaats');
    const [mail] = await t.deps.db.select().from(schema.outbox);
    expect(mail?.subject).toBe('Pas de place pour Léa Dubois chez KDV De Eerste Stap');
    expect(mail?.textBody).toContain('Raison\u00a0: Wij verhuizen in maart.');
    // Nothing else happened since: the "no place" can be taken back.
    await follow(qa('undo-no-place'), /\/requests\/[0-9a-f-]{36}$/);
    expect((await qa('notice').innerText()).trim()).toContain('Uw melding “geen plaats” is ingetrokken.');
    expect((await qa('own-status').innerText()).trim()).toBe('Bekeken door de opvang');
    expect((await t.deps.db.select().from(schema.outbox)).at(-1)?.template).toBe(
      'preference.no_place_undone',
    );
    await follow(qa('nav-waitingList'), new RegExp(`^${list()}$`), { scan: false });
    await offerFromEmergencyList();
  });
});
