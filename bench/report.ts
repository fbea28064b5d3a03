/** The benchmark's report as Markdown, with the budget of issue 6 checked. */
import { LIGHTHOUSE_TARGET, type LighthouseResult } from './lighthouse.ts';
import type { LoadResult } from './load.ts';
import type { BenchReport, FilingResult } from './run.ts';

/** A phase's short name: `1w`, `2 nodes behind nginx`, `nginx cache (1 node)`. */
export function phaseName(p: { workers: number; nodes?: number; cache?: boolean }): string {
  if (!p.nodes) return `${p.workers}w`;
  return p.cache ? `nginx cache (${p.nodes} node${p.nodes > 1 ? 's' : ''})` : `${p.nodes} nodes behind nginx`;
}

export const BUDGET = {
  readP95Ms: 50,
  readConnections: 50,
  overhead: 3,
  submissionsPerSecond: 200,
  rssMb: 400,
  pgliteReadP95Ms: 100,
  pgliteConnections: 10,
};

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function loadRow(label: string, r: LoadResult, extra = ''): string {
  return `| ${label} | ${r.connections} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.requests} | ${r.errors} | ${r.load.toFixed(1)}${extra} |`;
}

function filingRow(r: FilingResult): string {
  return (
    `| ${r.connections} | ${r.filings} | ${r.filingsPerSecond.toFixed(1)} | ${ms(r.filingP50)} | ${ms(r.filingP95)} | ` +
    `${r.requests} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ` +
    `${r.load.toFixed(1)} | ${r.stored} | ${r.lost} |`
  );
}

export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  const m = report.machine;
  const d = report.dataSet;
  const s = d.summary as Record<string, unknown>;
  lines.push(
    `# Benchmark: ${report.scale} on ${report.database === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`,
  );
  lines.push('');
  lines.push(`Run ${report.date} with \`npm run bench\`.`);
  lines.push('');
  lines.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}` +
      `${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}. Load average (1/5/15 min) before: ` +
      `${m.loadBefore.join(' / ')}, after: ${m.loadAfter.join(' / ')}. The load column below is the ` +
      '1-minute load when each run started; with the benchmark alone (autocannon, app, PostgreSQL) it is about 2–3.',
  );
  lines.push('');
  lines.push(
    `Each run: ${report.options.duration} s of autocannon over 127.0.0.1 at concurrency ` +
      `${report.options.concurrency.join(', ')} after a short warm-up; the app in production mode ` +
      '(`NODE_ENV=production`, `LOG_LEVEL=warn`, jobs off), logged in through the log-in form. ' +
      (report.database === 'postgres'
        ? `PostgreSQL as installed${report.postgresSettings?.length ? `, with ${report.postgresSettings.map((x) => `\`${x}\``).join(', ')} on the benchmark database` : ''}.`
        : ''),
  );
  lines.push('');
  lines.push('## Data set');
  lines.push('');
  lines.push(
    `${d.generatedSeconds === undefined ? 'Reused (generated earlier today)' : `Generated in ${d.generatedSeconds} s`}: ` +
      `${s.municipalities ?? '?'} municipalities, ${s.locations ?? '?'} locations ` +
      `(${s.groupLocations ?? '?'} group, ${s.familyLocations ?? '?'} family care), ${s.families ?? '?'} families, ` +
      `${s.requests ?? '?'} requests, ${s.preferences ?? '?'} preferences, ${s.offers ?? '?'} offers, ` +
      `${s.statusEvents ?? '?'} status events.`,
  );
  lines.push(
    `Largest location: ${d.largest.name} in ${d.largest.municipality}, ${d.largest.openPreferences} open preferences. ` +
      `Largest municipality: ${d.largestMunicipality.name} (${d.largestMunicipality.requests} requests); ` +
      `its emergency list: ${d.emergencyListSize} requests.`,
  );
  lines.push('');

  const first = report.phases[0];
  if (first) {
    lines.push(`## Read pages (${first.workers} worker${first.workers > 1 ? 's' : ''})`);
    lines.push('');
    lines.push('| page | conn. | req/s | p50 ms | p95 ms | p99 ms | requests | errors | load |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const sc of report.scenarios)
      for (const r of first.reads[sc.name] ?? []) lines.push(loadRow(sc.name, r));
    lines.push('');
    lines.push('## Main SQL alone (same driver, same parameters) and overhead ratio');
    lines.push('');
    lines.push(
      'The slowest statement of one page view, run 30 times alone; overhead = page p50 at concurrency 1 ÷ that ' +
        'statement’s p50. “All SQL” runs every statement of the page alone (session, audit row, counts…) and sums the medians.',
    );
    lines.push('');
    lines.push(
      '| page | statements | main SQL p50 ms | main SQL p95 ms | all SQL ms | page p50 ms (c=1) | overhead (main SQL) | overhead (all SQL) |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const sc of report.scenarios) {
      const t = report.sql[sc.name];
      const page = first.reads[sc.name]?.[0];
      if (!t) continue;
      lines.push(
        `| ${sc.name} | ${t.statements} | ${ms(t.mainP50)} | ${ms(t.mainP95)} | ${ms(t.allSqlP50)} | ${page ? ms(page.p50) : '–'} | ${t.overhead ?? '–'} | ${t.overheadAll ?? '–'} |`,
      );
    }
    lines.push('');
    lines.push('### Each statement of one page view, alone (p50 ms, the start of its text)');
    lines.push('');
    lines.push('| page | p50 ms | statement |');
    lines.push('| --- | ---: | --- |');
    for (const sc of report.scenarios)
      for (const st of report.sql[sc.name]?.statementsP50 ?? [])
        lines.push(`| ${sc.name} | ${ms(st.p50)} | \`${st.sql.slice(0, 100).replaceAll('|', '\\|')}\` |`);
    lines.push('');
    lines.push('## Writes');
    lines.push('');
    if (first.submission.length > 0) {
      const steps = first.submission[0]?.requestsPerFiling ?? report.filingWalk.length;
      lines.push('### Filing a request through the wizard');
      lines.push('');
      lines.push(
        `A filing is one parent's whole walk through the request wizard, ${steps} HTTP requests in a row ` +
          `(${report.filingWalk.map((x) => `\`${x}\``).join(', ')}; the step pages a browser would fetch ` +
          'after each redirect are left out). Each connection walks it with its own parent. ' +
          '*Filings/s* counts the walks that reached the new request’s page (walks still under way when a run ' +
          'ends are not counted, so a run should last many times the filing p95); *filing* p50/p95 is the time ' +
          'of a whole walk. *HTTP req/s* and its percentiles are per request, of any step: they are not filings. ' +
          '*Stored*: filings found afterwards with their preferences in order, their status event and their mail.',
      );
      lines.push('');
      lines.push(
        '| conn. | filings | filings/s | filing p50 ms | filing p95 ms | HTTP requests | HTTP req/s | p50 ms | p95 ms | p99 ms | errors | load | stored | lost |',
      );
      lines.push(
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      );
      for (const r of first.submission) lines.push(filingRow(r));
      lines.push('');
      lines.push(
        `New requests: ${first.submission.reduce((n, r) => n + r.stored, 0)} stored, with ` +
          `${first.submission[0]?.outbox ?? 0} outbox rows (one per parent with an e-mail address).`,
      );
      lines.push('');
    }
    if (first.offers.length > 0) {
      lines.push('### Making offers');
      lines.push('');
      lines.push(
        '| write | conn. | req/s | p50 ms | p95 ms | p99 ms | requests | errors | load | stored | lost |',
      );
      lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of first.offers)
        lines.push(loadRow('make offer', r, ` | ${r.stored} (all runs) | ${r.lost}`));
      lines.push('');
    }
  }

  if (report.phases.length > 1) {
    lines.push(
      '## Workers (`WORKERS=n`), nodes behind nginx (`--nodes`) and its cache (`--proxy`): throughput at the highest concurrency',
    );
    lines.push('');
    lines.push(
      `| scenario | ${report.phases.map((p) => `${phaseName(p)} req/s | ${phaseName(p)} p95 ms`).join(' | ')} |`,
    );
    lines.push(`| --- | ${report.phases.map(() => '---: | ---:').join(' | ')} |`);
    const last = <T>(xs: T[] | undefined) => xs?.[xs.length - 1];
    for (const sc of report.scenarios) {
      const cells = report.phases.map((p) => {
        const r = last(p.reads[sc.name]);
        return r ? `${r.rps.toFixed(0)} | ${ms(r.p95)}` : '– | –';
      });
      lines.push(`| ${sc.name} | ${cells.join(' | ')} |`);
    }
    const filings = report.phases.map((p) => {
      const r = last(p.submission);
      return r ? `${r.filingsPerSecond.toFixed(1)} | ${ms(r.filingP95)}` : '– | –';
    });
    const steps = report.phases.map((p) => {
      const r = last(p.submission);
      return r ? `${r.rps.toFixed(0)} | ${ms(r.p95)}` : '– | –';
    });
    lines.push(`| filing through the wizard: filings/s, p95 of a whole filing | ${filings.join(' | ')} |`);
    lines.push(`| filing through the wizard: HTTP req/s, p95 per request | ${steps.join(' | ')} |`);
    lines.push('');
  }

  if (report.yearly && report.yearly.length > 0) {
    lines.push('## Yearly registration (figures for local policy), service alone');
    lines.push('');
    lines.push('| report | municipalities | runs | p50 ms | max ms | budget ms |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const y of report.yearly)
      lines.push(
        `| ${y.label} | ${y.municipalities} | ${y.runs} | ${ms(y.p50)} | ${ms(y.max)} | ${y.budgetMs} |`,
      );
    lines.push('');
  }

  if (report.lighthouse && report.lighthouse.length > 0) lines.push(...lighthouseSection(report.lighthouse));

  lines.push('## Memory');
  lines.push('');
  for (const p of report.phases)
    lines.push(
      `- ${p.nodes ? phaseName(p) : `${p.workers} worker(s)`}: peak RSS of the largest process ${p.peakRssMb.toFixed(0)} MB; ` +
        `of all app processes together ${p.peakRssTotalMb.toFixed(0)} MB.`,
    );
  lines.push('');

  lines.push('## Budget');
  lines.push('');
  if (first) {
    const pglite = report.database === 'pglite';
    const conn = pglite ? BUDGET.pgliteConnections : BUDGET.readConnections;
    const limit = pglite ? BUDGET.pgliteReadP95Ms : BUDGET.readP95Ms;
    for (const sc of report.scenarios) {
      const r = first.reads[sc.name]?.find((x) => x.connections === conn);
      const t = report.sql[sc.name];
      const overheadOk = t?.overhead === undefined || t.overhead <= BUDGET.overhead;
      if (r)
        lines.push(
          `- ${sc.name}: p95 ${ms(r.p95)} ms at ${conn} connections (≤ ${limit}): ${mark(r.p95 <= limit)}` +
            (pglite ? '' : `; overhead ${t?.overhead ?? '–'} (≤ ${BUDGET.overhead}): ${mark(overheadOk)}`),
        );
      else lines.push(`- ${sc.name}: not measured at ${conn} connections`);
    }
    if (!pglite && first.submission.length > 0) {
      const best = first.submission.reduce((a, b) => (b.filingsPerSecond > a.filingsPerSecond ? b : a));
      const clean = first.submission.every((r) => r.errors === 0 && r.lost === 0);
      lines.push(
        `- submission: best ${best.filingsPerSecond.toFixed(1)} filings/s (≥ ${BUDGET.submissionsPerSecond}; ` +
          `whole walks through the wizard of ${best.requestsPerFiling} requests, ${best.rps.toFixed(0)} HTTP req/s), ` +
          `${clean ? '0 errors and 0 lost' : 'errors or lost rows'}: ` +
          mark(best.filingsPerSecond >= BUDGET.submissionsPerSecond && clean),
      );
    }
    for (const y of report.yearly ?? [])
      lines.push(
        `- ${y.name}: max ${ms(y.max)} ms over ${y.runs} runs (≤ ${y.budgetMs}${pglite ? ', on PostgreSQL' : ''}): ${mark(y.max <= y.budgetMs)}`,
      );
    for (const r of report.lighthouse ?? []) lines.push(`- ${lighthouseBudget(r)}`);
    const rss = Math.max(...report.phases.map((p) => p.peakRssMb));
    lines.push(
      `- peak RSS ${rss.toFixed(0)} MB per process (≤ ${BUDGET.rssMb}): ${mark(rss <= BUDGET.rssMb)}`,
    );
  }
  lines.push('');
  if (report.notes.length > 0) {
    lines.push('## Notes');
    lines.push('');
    for (const note of report.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function lighthouseBudget(r: LighthouseResult): string {
  const t = LIGHTHOUSE_TARGET;
  return (
    `Lighthouse ${r.name}: performance ${r.performance} (≥ ${t.performance}): ${mark(r.performance >= t.performance)}; ` +
    `LCP ${(r.lcpMs / 1000).toFixed(2)} s (≤ ${t.lcpMs / 1000} s): ${mark(r.lcpMs <= t.lcpMs)}; ` +
    `CSS ${kb(r.cssBytes)} KB compressed (≤ ${t.cssKb}): ${mark(r.cssBytes <= t.cssKb * 1024)}`
  );
}

/** Lighthouse's figures per page, the targets of issue 17 beside them. */
export function lighthouseSection(results: LighthouseResult[]): string[] {
  const lines: string[] = [];
  lines.push('## Lighthouse (mobile, simulated slow 4G)');
  lines.push('');
  lines.push(
    `Lighthouse ${results[0]?.lighthouseVersion ?? '?'} with its mobile defaults (a mid-range phone, simulated ` +
      'slow 4G and 4× CPU slowdown), performance category only, in Debian’s Chromium (headless, no sandbox), ' +
      'one run per page against the app under test; logged-in pages carry the session cookie. Bytes are ' +
      `on the wire (compressed). Targets: performance ≥ ${LIGHTHOUSE_TARGET.performance}, LCP ≤ ` +
      `${LIGHTHOUSE_TARGET.lcpMs / 1000} s, CSS ≤ ${LIGHTHOUSE_TARGET.cssKb} KB.`,
  );
  lines.push('');
  lines.push(
    '| page | performance | FCP s | LCP s | TBT ms | CLS | CSS KB | HTML KB | all KB | render-blocking |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    lines.push(
      `| ${r.name} | ${r.performance} | ${(r.fcpMs / 1000).toFixed(2)} | ${(r.lcpMs / 1000).toFixed(2)} | ` +
        `${r.tbtMs} | ${r.cls} | ${kb(r.cssBytes)} | ${kb(r.documentBytes)} | ${kb(r.totalBytes)} | ` +
        `${r.renderBlocking.length} |`,
    );
  lines.push('');
  return lines;
}
