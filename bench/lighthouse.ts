/**
 * Lighthouse (npm `lighthouse`, mobile defaults: a mid-range phone on simulated slow 4G) on the
 * pages a phone loads, against the running app, in Debian's Chromium (CHROME_PATH, default
 * /usr/bin/chromium, headless, no sandbox), a fresh browser for each page. Logged-in pages get
 * the session's cookie in the browser's cookie jar. LIGHTHOUSE_MODULE names where to import Lighthouse from (default
 * the package `lighthouse`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from '../test/ports.ts';
import { BENCH_TMP } from './dataset.ts';
import type { Session } from './http.ts';

/** Issue 17's targets for a phone. */
export const LIGHTHOUSE_TARGET = { performance: 95, lcpMs: 1500, cssKb: 40 } as const;

export type LighthousePage = { name: string; label: string; path: string; session?: Session };

export type LighthouseResult = {
  name: string;
  label: string;
  path: string;
  /** 0–100. */
  performance: number;
  fcpMs: number;
  lcpMs: number;
  /** Total blocking time (ms) and cumulative layout shift, for the score's other parts. */
  tbtMs: number;
  cls: number;
  /** Every style sheet the page loaded, bytes on the wire (compressed). */
  cssBytes: number;
  /** Every response of the page, bytes on the wire. */
  totalBytes: number;
  /** The HTML document, bytes on the wire. */
  documentBytes: number;
  /** Resources Lighthouse counts as render-blocking. */
  renderBlocking: string[];
  lighthouseVersion: string;
};

type Audit = { numericValue?: number; details?: { items?: Record<string, unknown>[] } };
type Lhr = {
  lighthouseVersion: string;
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  categories: { performance?: { score: number | null } };
  audits: Record<string, Audit | undefined>;
};
type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * A fresh Chromium (empty profile: cold cache) with a DevTools port for Lighthouse, the session's
 * cookie in its cookie jar. Lighthouse opens its tab in the browser's default context, which a
 * persistent context is.
 */
async function startChromium(baseUrl: string, session: Session | undefined) {
  const profile = mkdtempSync(path.join(BENCH_TMP, 'lighthouse-'));
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', `--remote-debugging-port=${port}`],
  });
  if (session)
    await context.addCookies(
      session.cookie.split('; ').map((pair) => {
        const eq = pair.indexOf('=');
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl };
      }),
    );
  return {
    port,
    stop: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function importLighthouse(): Promise<LighthouseFn> {
  const where = process.env.LIGHTHOUSE_MODULE ?? 'lighthouse';
  const module = (await import(where)) as { default: LighthouseFn };
  return module.default;
}

const bytesOf = (items: Record<string, unknown>[], type?: string) =>
  items
    .filter((i) => !type || i.resourceType === type)
    .reduce((sum, i) => sum + (typeof i.transferSize === 'number' ? i.transferSize : 0), 0);

/** One Lighthouse run per page, in a row; each page's whole result is left in BENCH_TMP. */
export async function runLighthouse(
  baseUrl: string,
  pages: LighthousePage[],
  log: (line: string) => void,
): Promise<LighthouseResult[]> {
  const lighthouse = await importLighthouse();
  const results: LighthouseResult[] = [];
  for (const page of pages) results.push(await measureWithRetry(lighthouse, baseUrl, page, log));
  return results;
}

/** A trace Lighthouse failed to record ("please run Lighthouse again") gets up to two more runs. */
async function measureWithRetry(
  lighthouse: LighthouseFn,
  baseUrl: string,
  page: LighthousePage,
  log: (line: string) => void,
): Promise<LighthouseResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(lighthouse, baseUrl, page, log);
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt === 3) throw error;
      log(`lighthouse ${page.name}: ${error.message}; running it again`);
    }
  }
}

class LighthouseRuntimeError extends Error {}

async function measure(
  lighthouse: LighthouseFn,
  baseUrl: string,
  page: LighthousePage,
  log: (line: string) => void,
): Promise<LighthouseResult> {
  const chrome = await startChromium(baseUrl, page.session);
  try {
    const url = `${baseUrl}${page.path}`;
    const run = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // The session's cookie is in the jar (Lighthouse's `extraHeaders: { Cookie }` reached the
      // app without it: the page answered with the log-in form). Resetting the storage would
      // clear it; the browser is new for each page, so its cache is empty anyway.
      ...(page.session ? { disableStorageReset: true } : {}),
    });
    const lhr = run?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${page.name}`);
    if (lhr.runtimeError)
      throw new LighthouseRuntimeError(`Lighthouse on ${page.name}: ${lhr.runtimeError.message}`);
    const final = lhr.finalDisplayedUrl ?? url;
    if (new URL(final).pathname !== new URL(url).pathname)
      throw new Error(`Lighthouse on ${page.name} ended on ${final}, not on ${url}`);
    const items = lhr.audits['network-requests']?.details?.items ?? [];
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const result: LighthouseResult = {
      name: page.name,
      label: page.label,
      path: page.path,
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: Math.round(numeric('first-contentful-paint')),
      lcpMs: Math.round(numeric('largest-contentful-paint')),
      tbtMs: Math.round(numeric('total-blocking-time')),
      cls: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
      cssBytes: bytesOf(items, 'Stylesheet'),
      totalBytes: bytesOf(items),
      documentBytes: bytesOf(items, 'Document'),
      renderBlocking: (lhr.audits['render-blocking-resources']?.details?.items ?? []).map((i) =>
        String(i.url),
      ),
      lighthouseVersion: lhr.lighthouseVersion,
    };
    // The whole result, for a closer look at what a page waits for.
    writeFileSync(path.join(BENCH_TMP, `lighthouse-${page.name}.json`), JSON.stringify(lhr));
    log(
      `lighthouse ${page.name}: performance ${result.performance}, FCP ${result.fcpMs} ms, ` +
        `LCP ${result.lcpMs} ms, CSS ${(result.cssBytes / 1024).toFixed(1)} KB, ` +
        `page ${(result.totalBytes / 1024).toFixed(1)} KB`,
    );
    return result;
  } finally {
    await chrome.stop();
  }
}
