import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { buildTestApp, type TestApp } from '../test/app.ts';

/**
 * Browser test helpers: the system's Chromium (never a downloaded one) driven by playwright-core,
 * the real app listening on a random loopback port, and an accessibility check for every page.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    timeout: 30_000,
  });
}

export type RunningApp = TestApp & { baseUrl: string };

/** The real app on a fresh PGlite database with a fixed clock, listening on 127.0.0.1:<random>. */
export async function startApp(options: { now?: string } = {}): Promise<RunningApp> {
  const testApp = await buildTestApp('pglite', options.now ? { now: options.now } : {});
  await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = testApp.app.server.address() as AddressInfo;
  return Object.assign(testApp, { baseUrl: `http://127.0.0.1:${port}` });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_TIMEOUT = 30_000;

/** A JavaScript-on page that shows copies of a JavaScript-off context's pages to axe. */
type Twin = { page: Page; document: { address: string; html: string } };

/** Contexts made by `newContext` with JavaScript off, each with its twin once a page was scanned. */
const scriptless = new WeakMap<BrowserContext, { twin: Promise<Twin> | undefined }>();

/**
 * A browser context; with `javaScriptEnabled: false` the page's own scripts never run. Use this
 * rather than `browser.newContext` so that `expectAccessible` knows how to check its pages.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (options.javaScriptEnabled === false) {
    const entry: { twin: Promise<Twin> | undefined } = { twin: undefined };
    scriptless.set(context, entry);
    context.on('close', () => {
      void entry.twin?.then((twin) => twin.page.context().close()).catch(() => {});
    });
  }
  return context;
}

async function openTwin(browser: Browser): Promise<Twin> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  const twin: Twin = { page, document: { address: '', html: '' } };
  await page.route('**/*', (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.url() === twin.document.address) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: twin.document.html,
      });
    }
    // The copy must stay as the page was without JavaScript: none of the app's scripts run.
    if (request.resourceType() === 'script') return route.abort();
    return route.continue();
  });
  return twin;
}

/**
 * The page axe should scan. Axe needs timers, which do not run in a page with JavaScript off, so
 * such a page is copied — its DOM as the browser built it, at the same address, with the same
 * style sheets — into a page with JavaScript on whose own scripts are blocked, and that copy is
 * scanned.
 */
async function scanTarget(page: Page): Promise<Page> {
  const entry = scriptless.get(page.context());
  if (!entry) return page;
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible: the page has no browser');
  entry.twin ??= openTwin(browser);
  const twin = await entry.twin;
  twin.document = { address: page.url(), html: await page.content() };
  await twin.page.goto(twin.document.address, { waitUntil: 'load' });
  return twin.page;
}

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, naming the
 * rule, the elements and the help text. Minor and moderate findings are not failures.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const target = await scanTarget(page);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`axe did not finish within ${AXE_TIMEOUT} ms on ${label}`)),
        AXE_TIMEOUT,
      );
    });
    // Legacy mode runs axe in the page itself instead of finishing in a new blank page: the same
    // rules, about a third faster; it only differs for cross-origin frames, which we have none of.
    const axe = new AxeBuilder({ page: target }).withTags(AXE_TAGS).setLegacyMode(true);
    const results = await Promise.race([axe.analyze(), timeout]);
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (blocking.length === 0) return;
    const report = blocking
      .map((v) => {
        const nodes = v.nodes.map(
          (n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        );
        return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
      })
      .join('\n');
    throw new Error(`Accessibility violations on ${label}:\n${report}`);
  } finally {
    clearTimeout(timer);
  }
}
