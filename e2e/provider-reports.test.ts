import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../src/platform/db/index.ts';
import { aFamilyRequest, aScenario, TEST_PASSWORD } from '../test/builders.ts';
import { launchBrowser, type RunningApp, startApp, Tab } from './browser.ts';

/**
 * A provider opens the reports of its location for a period, reads the figures and downloads
 * them as XLSX; once with JavaScript, once without (with a wrong period first). Axe on every page.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('a location’s reports in a browser', () => {
  let t: RunningApp;
  let s: Awaited<ReturnType<typeof aScenario>>;
  let tab: Tab;
  let page: Page;

  beforeEach(async () => {
    t = await startApp();
    s = await aScenario(t.deps.db);
    const m = s.municipality.id;
    // Three requests in October (two 1st choices, one 2nd), one answered "no place" after 4 days.
    const first = await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.first.id],
      submittedAt: '2026-10-02T10:00:00Z',
      desiredStart: '2027-02-01',
      preferenceStatuses: ['no_place'],
    });
    const [pref] = first.preferences;
    if (!pref) throw new Error('no preference');
    await t.deps.db.insert(schema.statusEvents).values({
      requestId: first.request.id,
      preferenceId: pref.id,
      eventType: 'preference.no_place',
      toStatus: 'no_place',
      occurredAt: new Date('2026-10-06T09:00:00Z'),
      actorRole: 'provider_staff',
      details: { reason: 'age_group_full' },
    });
    await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.first.id],
      submittedAt: '2026-10-10T10:00:00Z',
      desiredStart: '2027-03-01',
    });
    await aFamilyRequest(t.deps.db, {
      municipalityId: m,
      locations: [s.second.id, s.first.id],
      submittedAt: '2026-10-20T10:00:00Z',
      desiredStart: '2027-03-01',
    });
  }, 60_000);

  afterEach(async () => {
    await tab?.close();
    await t?.close();
  });

  async function open(javaScriptEnabled: boolean): Promise<void> {
    tab = await Tab.open(browser, t, { javaScriptEnabled, acceptDownloads: true });
    page = tab.page;
  }

  const url = (path: string) => tab.url(path);
  const qa = (id: string) => tab.qa(id);
  const reports = () => `/provider/locations/${s.first.id}/reports`;

  const follow = (target: Locator, expectedPath: RegExp, options: { status?: number } = {}) =>
    tab.follow(target, expectedPath, options.status);

  /** Logs in (landing on the waiting list) and opens the reports through the location's navigation. */
  async function openReports(): Promise<void> {
    await page.goto(url('/login'));
    await page.locator('#field-email').fill(s.firstStaff.email);
    await page.locator('#field-password').fill(TEST_PASSWORD);
    await Promise.all([page.waitForEvent('load'), qa('login-submit').click()]);
    await follow(qa('nav-reports'), new RegExp(`^${reports()}$`));
    expect(await qa('nav-reports').getAttribute('aria-current')).toBe('page');
  }

  async function choosePeriod(from: string, to: string, status = 200): Promise<void> {
    await page.locator('#field-from').fill(from);
    await page.locator('#field-to').fill(to);
    await follow(qa('show-report'), new RegExp(`^${reports()}$`), { status });
  }

  const figure = async (id: string) => (await qa(id).innerText()).trim();

  async function checkOctober(): Promise<void> {
    expect(new URL(page.url()).search).toBe('?from=2026-10-01&to=2026-10-31');
    expect((await qa('report-period').innerText()).trim()).toBe(
      'Van 1 oktober 2026 tot en met 31 oktober 2026',
    );
    expect(await figure('byRank-rank1')).toBe('2');
    expect(await figure('byRank-rank2')).toBe('1');
    expect(await figure('byRank-total')).toBe('3');
    expect(await figure('answers-no_place')).toBe('1');
    expect(await figure('noPlaceReasons-age_group_full')).toBe('1');
    expect(await figure('responseTimes-median')).toBe('4 d');
    expect(await figure('waitingByMonth-2027-03')).toBe('2');
    expect(await page.locator('caption', { hasText: 'Antwoordtijd' }).count()).toBe(1);
  }

  it('shows the figures of a chosen period and downloads them as XLSX', { timeout: 120_000 }, async () => {
    await open(true);
    await openReports();
    await choosePeriod('2026-10-01', '2026-10-31');
    await checkOctober();
    const [download] = await Promise.all([page.waitForEvent('download'), qa('report-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('rapport-kdv-de-eerste-stap-2026-10-01-2026-10-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the report has no sheet');
    const rows = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const label = String(row.getCell(1).value ?? '');
      if (!rows.has(label)) rows.set(label, row.getCell(2).value);
    });
    expect(sheet.getRow(1).getCell(1).value).toBe('Rapporten – KDV De Eerste Stap');
    expect(rows.get('1e keuze')).toBe(2);
    expect(rows.get('Leeftijdsgroep volzet')).toBe(1);
    expect(rows.get('Mediaan: dagen tot het eerste antwoord')).toBe(4);
  });

  it('works without JavaScript: a wrong period is refused, a good one shows the figures', {
    timeout: 120_000,
  }, async () => {
    await open(false);
    await openReports();
    await choosePeriod('2026-10-31', '2026-10-01', 400);
    expect(await page.locator('.ko-error-summary').innerText()).toContain(
      'De einddatum moet na de startdatum liggen.',
    );
    expect(await qa('report-byRank').count()).toBe(0);
    await choosePeriod('2026-10-01', '2026-10-31');
    await checkOctober();
  });
});
