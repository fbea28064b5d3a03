import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { expect } from 'vitest';
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

/** How long one step (a click, a navigation) may take before the test fails. */
export const STEP_TIMEOUT = 15_000;

/**
 * One browser tab on the running app, with the steps every browser test takes: open a path,
 * find an element by its `data-qa`, follow a link or submit a form and check where it lands (path,
 * HTTP status, axe), log in.
 */
export class Tab {
  /** The response of the last page load in the tab's main frame. */
  lastDocument: Response | undefined;

  private constructor(
    readonly app: RunningApp,
    readonly context: BrowserContext,
    readonly page: Page,
    /** Names the run in failure messages, e.g. "without JavaScript". */
    readonly label: string,
  ) {
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
        this.lastDocument = response;
    });
  }

  static async open(
    browser: Browser,
    app: RunningApp,
    options: BrowserContextOptions & { javaScriptEnabled: boolean },
  ): Promise<Tab> {
    const context = await newContext(browser, { locale: 'nl-BE', ...options });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT);
    const label = options.javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    return new Tab(app, context, await context.newPage(), label);
  }

  url(path: string): string {
    return new URL(path, this.app.baseUrl).toString();
  }

  path(): string {
    return new URL(this.page.url()).pathname;
  }

  qa(id: string): Locator {
    return this.page.locator(`[data-qa="${id}"]`);
  }

  /** Clicks and waits for the next page: its path, its HTTP status, and axe on it. */
  async follow(target: Locator, expectedPath: string | RegExp, status = 200): Promise<void> {
    await Promise.all([this.page.waitForEvent('load', { timeout: STEP_TIMEOUT }), target.click()]);
    if (typeof expectedPath === 'string') expect(this.path()).toBe(expectedPath);
    else expect(this.path()).toMatch(expectedPath);
    expect(this.lastDocument?.status(), `status of ${this.path()}`).toBe(status);
    await expectAccessible(this.page, `${this.path()} (${this.label})`);
  }

  /** Logs in through the log-in form; lands where the role's home is. */
  async logIn(email: string, password: string): Promise<void> {
    await this.page.goto(this.url('/login'));
    await this.page.locator('#field-email').fill(email);
    await this.page.locator('#field-password').fill(password);
    await Promise.all([this.page.waitForEvent('load'), this.qa('login-submit').click()]);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
