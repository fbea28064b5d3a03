import { accessSync, constants, statSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { totpCode } from '../src/platform/auth/totp.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { TEST_TOTP_SECRET } from '../test/builders.ts';

/**
 * Browser test helpers: a Chromium that is already on the machine or inside node_modules (never a
 * downloaded one) driven by playwright-core, the real app listening on a random loopback port, and
 * an accessibility check for every page.
 */

/** Debian's Chromium, which CI installs: it starts without unpacking anything. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

type Launch = { executablePath: string; args: string[]; env?: Record<string, string | undefined> };

/**
 * `CHROMIUM_PATH` when set; else Debian's Chromium when installed; else the Chromium inside the
 * dev dependency @sparticuz/chromium, so that `npm test` needs nothing but npm.
 */
export function launchBrowser(): Promise<Browser> {
  return chooseChromium().then(({ executablePath, args, env }) =>
    chromium.launch({ executablePath, args, ...(env ? { env } : {}), timeout: 30_000 }),
  );
}

async function chooseChromium(): Promise<Launch> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return { executablePath: configured, args: ARGS };
  if (isExecutableFile(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: ARGS };
  bundled ??= bundledChromium().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The bundled Chromium, unpacked at most once per process (and once per machine, see below). */
let bundled: Promise<Launch> | undefined;

/**
 * The package's recommended flags are made for AWS Lambda; these are left out:
 * - `--single-process`: a Lambda workaround that Chromium keeps for debugging only; a crash in
 *   one page would end every context of the test file;
 * - `--disable-web-security`, `--allow-running-insecure-content`, `--disable-site-isolation-trials`:
 *   the tests must see the same-origin and mixed-content rules every visitor's browser applies;
 * - `--disable-features=…`, `--enable-features=…`: Chromium keeps only the last of each, so these
 *   would replace playwright-core's own lists (which the package's few entries are not worth);
 * - `--headless='shell'`: the bundled binary is headless-only anyway; ours says `--headless`.
 */
const LAMBDA_ONLY = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features',
  '--enable-features',
  '--headless',
];

async function bundledChromium(): Promise<Launch> {
  const { default: packaged } = await import('@sparticuz/chromium');
  // No WebGL (the pages have none); the other executable's `--disable-gpu` does the same.
  packaged.setGraphicsMode = false;
  const folder = await unpacked(packaged);
  const fonts = await fontconfig(folder);
  const recommended = packaged.args.filter(
    (arg) => !LAMBDA_ONLY.some((flag) => arg === flag || arg.startsWith(`${flag}=`)),
  );
  return {
    executablePath: join(folder, 'chromium'),
    args: [...new Set([...recommended, ...ARGS])],
    env: { ...process.env, FONTCONFIG_FILE: fonts },
  };
}

type Packaged = typeof import('@sparticuz/chromium')['default'];

/**
 * The folder with the unpacked browser (chromium, the SwiftShader libraries it loads from its own
 * folder, and fonts/) in the temp folder, named after the package's version and the user.
 * Unpacked into a private folder and then renamed into place in one step, so that the folder is
 * either absent or complete: two vitest workers that start together both unpack and one rename
 * wins. (The package itself unpacks into the shared /tmp/chromium, /tmp/fonts, …, and takes a
 * /tmp/chromium that another process is still writing as done: that launch fails, ETXTBSY.)
 */
async function unpacked(packaged: Packaged): Promise<string> {
  const folder = join(tmpdir(), `sparticuz-chromium-${await packageVersion()}-${userId()}`);
  if (await isComplete(folder)) return folder;
  const staging = await mkdtemp(`${folder}.partial-`);
  try {
    const binary = await inflateInto(staging, packaged);
    if (binary !== join(staging, 'chromium')) {
      throw new Error(`@sparticuz/chromium unpacked to ${binary}, not into ${staging}`);
    }
    if (!(await isComplete(staging))) throw new Error(`@sparticuz/chromium left ${staging} incomplete`);
    // Left incomplete (say a temp-folder cleaner took files away): set it aside first.
    if ((await exists(folder)) && !(await isComplete(folder))) {
      const broken = `${folder}.broken-${process.pid}`;
      await rename(folder, broken).catch(() => {});
      await rm(broken, { recursive: true, force: true });
    }
    await rename(staging, folder).catch(async (error: unknown) => {
      // Another process renamed its copy into place first.
      if (!(await isComplete(folder))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return folder;
}

/**
 * Unpacks the package's browser into `folder`. `executablePath()` unpacks into `os.tmpdir()`, which
 * it reads only before its first `await` (when it names its target files), so TMPDIR is pointed at
 * our folder for that synchronous part of the call alone; the result is checked by the caller.
 */
function inflateInto(folder: string, packaged: Packaged): Promise<string> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return packaged.executablePath();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

async function isComplete(folder: string): Promise<boolean> {
  const info = await lstat(folder).catch(() => undefined);
  if (!info?.isDirectory()) return false;
  // In a shared temp folder, only use a folder of our own.
  if (process.getuid && info.uid !== process.getuid()) {
    throw new Error(`${folder} belongs to another user; remove it or set CHROMIUM_PATH`);
  }
  const files = ['chromium', 'libEGL.so', 'libGLESv2.so', 'fonts/fonts/Open_Sans'];
  const found = await Promise.all(files.map((file) => exists(join(folder, file))));
  return found.every(Boolean) && isExecutableFile(join(folder, 'chromium'));
}

function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function userId(): string {
  return process.getuid ? String(process.getuid()) : 'user';
}

async function packageVersion(): Promise<string> {
  // The package exports only its entry point: build/cjs/index.cjs, two folders below package.json.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}

/**
 * The bundled browser's fontconfig file, written next to it (again whenever its text changed).
 * The binary reads the machine's /etc/fonts by default. A machine without fonts then shows every
 * text 0 px wide, so nothing can be clicked; and a machine with only DejaVu Sans (wider than the
 * Arial-sized Liberation Sans that Debian's Chromium brings along) no longer fits the provider
 * page's heading into 320 px. So the package's Open Sans comes first for every font family on
 * every machine, and the machine's fonts serve only for characters it lacks.
 */
async function fontconfig(folder: string): Promise<string> {
  const xml = (path: string) => path.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const text = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${xml(join(folder, 'fonts', 'fonts'))}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${xml(join(folder, 'fontconfig-cache'))}</cachedir>
  <match target="pattern">
    <edit name="family" mode="prepend" binding="strong"><string>Open Sans</string></edit>
  </match>
</fontconfig>
`;
  const file = join(folder, 'fontconfig.conf');
  if ((await readFile(file, 'utf8').catch(() => '')) === text) return file;
  // Written aside and renamed, so that a browser starting meanwhile never reads half a file.
  const aside = `${file}.${process.pid}`;
  await writeFile(aside, text);
  await rename(aside, file);
  return file;
}

export type RunningApp = TestApp & { baseUrl: string };

/** The real app on a fresh PGlite database with a fixed clock, listening on 127.0.0.1:<random>. */
export async function startApp(
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<RunningApp> {
  const testApp = await buildTestApp('pglite', {
    ...(options.now ? { now: options.now } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
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

/** A phone's viewport: every page must fit its width (docs UX rule 1). */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

/** An element that sticks out to the right of the viewport, as the failure message names it. */
type Overflow = { element: string; text: string; right: number; width: number };

/**
 * Fails when the document is wider than the viewport at `width` CSS px (390 unless told), that is
 * when the page as a whole would scroll sideways. Content that scrolls inside its own container
 * (a wide table in `.ko-table-scroll`, `overflow-x: auto`) does not widen the document and passes.
 * The viewport is set to that width for the measurement and restored afterwards, so a test can
 * run at its own size and still have every page checked on a phone. Only `page.evaluate` is used,
 * which also works on a page with JavaScript off (the page's own scripts stay off).
 */
export async function expectNoSidewaysScroll(
  page: Page,
  label = page.url(),
  width: number = PHONE_VIEWPORT.width,
): Promise<void> {
  const original = page.viewportSize();
  if (!original) throw new Error(`expectNoSidewaysScroll: ${label} has no fixed viewport to resize`);
  const resize = original.width !== width;
  if (resize) await page.setViewportSize({ width, height: PHONE_VIEWPORT.height });
  try {
    const found = await page.evaluate(measureOverflow);
    if (found.scrollWidth <= found.clientWidth) return;
    const named = found.culprits
      .map((c) => `    - ${c.element} (right edge ${c.right} px, ${c.width} px wide) "${c.text}"`)
      .join('\n');
    throw new Error(
      `${label} scrolls sideways at ${width} px: the document is ${found.scrollWidth} px wide ` +
        `for a viewport of ${found.clientWidth} px. Widest elements sticking out:\n${named}`,
    );
  } finally {
    if (resize) await page.setViewportSize(original);
  }
}

/**
 * Runs in the page: the document's scroll width and client width, and the elements where the
 * overflow starts — those that stick out past the right edge of the viewport and past their own
 * parent's — rightmost first. Elements inside a container that clips or scrolls sideways (a table
 * in its `.ko-table-scroll` region) are left out: they do not widen the document.
 * Self-contained, because Playwright sends its source to the page.
 */
function measureOverflow(): {
  scrollWidth: number;
  clientWidth: number;
  culprits: Overflow[];
} {
  const root = document.documentElement;
  const limit = root.clientWidth + 1;
  const right = (element: Element) => element.getBoundingClientRect().right + window.scrollX;
  // An absolutely positioned element is clipped only by containers from its containing block
  // (its offsetParent) up: a scroll region that is not positioned does not hold it.
  const contained = (element: Element): boolean => {
    const position = getComputedStyle(element).position;
    if (position === 'fixed') return false;
    let up: Element | null =
      position === 'absolute' ? (element as HTMLElement).offsetParent : element.parentElement;
    for (; up && up !== document.body && up !== root; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const culprits: Overflow[] = [];
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const edge = right(element);
    if (edge <= limit) continue;
    const parent = element.parentElement;
    if (parent && parent !== document.body && edge <= right(parent) + 1) continue;
    if (contained(element)) continue;
    const classes =
      typeof element.className === 'string' && element.className.trim()
        ? `.${element.className.trim().split(/\s+/).join('.')}`
        : '';
    const qa = element.getAttribute('data-qa');
    culprits.push({
      element: `${element.tagName.toLowerCase()}${classes}${qa ? `[data-qa="${qa}"]` : ''}`,
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      right: Math.round(edge),
      width: Math.round(element.getBoundingClientRect().width),
    });
  }
  culprits.sort((a, b) => b.right - a.right);
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: culprits.slice(0, 8) };
}

/**
 * Checks the page on a phone (`expectNoSidewaysScroll`), then runs axe on the page as it is now
 * and fails on any serious or critical violation, naming the rule, the elements and the help
 * text. Minor and moderate findings are not failures.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  await expectNoSidewaysScroll(page, label);
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

/**
 * How long one step (a click, a navigation) may take before the test fails. Generous: in CI the
 * browser tests share two cores with the fuzz suite and both databases' tests, and a page load
 * once took longer than 15 s there.
 */
export const STEP_TIMEOUT = 30_000;

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

  /**
   * Logs in through the log-in form; lands where the role's home is. When the second factor is asked (staff built by `aUser`, ADR 0020),
   * types the code of TEST_TOTP_SECRET (or `totpSecret`) on the app's clock.
   */
  async logIn(email: string, password: string, options: { totpSecret?: string } = {}): Promise<void> {
    await this.page.goto(this.url('/login'));
    await this.page.locator('#field-email').fill(email);
    await this.page.locator('#field-password').fill(password);
    await Promise.all([this.page.waitForEvent('load'), this.qa('login-submit').click()]);
    if (new URL(this.page.url()).pathname !== '/login/code') return;
    const secret = options.totpSecret ?? TEST_TOTP_SECRET;
    const clock = this.app.clock;
    // A code works once (ADR 0020): logging the same user in again at the same instant takes the
    // next step's code (one step of drift is accepted), then the clock moves on, as for a person.
    const attempts = [() => clock.now(), () => new Date(clock.now().getTime() + 30_000)];
    attempts.push(() => {
      clock.advanceMinutes(1);
      return clock.now();
    });
    for (const at of attempts) {
      await this.page.locator('#field-code').fill(totpCode(secret, at()));
      await Promise.all([this.page.waitForEvent('load'), this.qa('second-factor-submit').click()]);
      if (new URL(this.page.url()).pathname !== '/login/code') return;
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** A laptop's viewport, where the staff tests open their tabs unless told another width. */
export const LAPTOP_VIEWPORT = { width: 1366, height: 900 } as const;

/** What `browserTests` gives a test: read its fields inside the test, after the hooks ran. */
export type BrowserTests<Seed> = {
  readonly browser: Browser;
  /** The app of the running test, on its own fresh database. */
  readonly app: RunningApp;
  /** What `seed` returned for the running test. */
  readonly seed: Seed;
  /** A tab at `width` × 900 px, closed after the test. */
  open(javaScriptEnabled: boolean, width?: number): Promise<Tab>;
  /** Screenshots of the tab into the shots folder at 1366 px and at 390 px, for a person to look at. */
  shoot(tab: Tab, name: string): Promise<void>;
};

/**
 * The set-up the browser tests share, as vitest hooks of the calling file or `describe`: one
 * Chromium and the `shots` folder for the file; for each test a fresh app that `seed` fills (within
 * `seedTimeout` ms, as `beforeEach` takes it), then closed with every tab `open` made.
 */
export function browserTests<Seed>(
  shots: string,
  seed: (app: RunningApp) => Promise<Seed>,
  seedTimeout = 180_000,
  /** Configuration for the test apps, e.g. `{ STAFF_SECOND_FACTOR: 'required' }`. */
  env?: Record<string, string>,
): BrowserTests<Seed> {
  let browser: Browser | undefined;
  let running: { app: RunningApp; seed: Seed } | undefined;
  let tabs: Tab[] = [];
  const ready = () => {
    if (!browser || !running) throw new Error('browserTests: use it inside a test');
    return { browser, ...running };
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    await mkdir(shots, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const app = await startApp(env ? { env } : {});
    running = { app, seed: undefined as Seed };
    running.seed = await seed(app);
  }, seedTimeout);
  afterEach(async () => {
    for (const tab of tabs) await tab.close();
    tabs = [];
    await running?.app.close();
    running = undefined;
  });

  return {
    get browser() {
      return ready().browser;
    },
    get app() {
      return ready().app;
    },
    get seed() {
      return ready().seed;
    },
    async open(javaScriptEnabled, width = LAPTOP_VIEWPORT.width) {
      const { browser, app } = ready();
      const tab = await Tab.open(browser, app, {
        javaScriptEnabled,
        viewport: { width, height: LAPTOP_VIEWPORT.height },
      });
      tabs.push(tab);
      return tab;
    },
    async shoot(tab, name) {
      await tab.page.screenshot({ path: `${shots}/${name}-1366.png`, fullPage: true });
      await tab.page.setViewportSize(PHONE_VIEWPORT);
      await tab.page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
      await tab.page.setViewportSize(LAPTOP_VIEWPORT);
    },
  };
}
