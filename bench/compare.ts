/**
 * Two benchmark reports side by side: `node --import tsx bench/compare.ts <before.json> <after.json>`
 * prints a Markdown table per measure (all SQL of a page, req/s and p95 at each concurrency of the
 * first phase, filing, the other phases at their highest concurrency, peak RSS, Lighthouse), for
 * the results file of a round of changes.
 */
import { readFileSync } from 'node:fs';
import { phaseName } from './report.ts';
import type { BenchReport, Phase } from './run.ts';

const [beforeFile, afterFile, lighthouseBeforeFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error(
    'Usage: node --import tsx bench/compare.ts <before.json> <after.json> [<Lighthouse before.json>]',
  );
  process.exit(2);
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
const before = read(beforeFile);
const after = read(afterFile);
/** Lighthouse "before" may come from another report (the first one to have it). */
const lighthouseBefore = lighthouseBeforeFile ? read(lighthouseBeforeFile) : before;

const fixed = (x: number | undefined, digits = 0) => (x === undefined ? '–' : x.toFixed(digits));
const pair = (a: number | undefined, b: number | undefined, digits = 0) =>
  `${fixed(a, digits)} | ${fixed(b, digits)}`;
const lines: string[] = [];
/** A head cell stands for a before and an after column, unless it starts with "=" (one column). */
const table = (title: string, head: string[], rows: string[][]) => {
  const columns = head.flatMap((h, i) =>
    i === 0 || h.startsWith('=') ? [h.replace(/^=/, '')] : [`${h} before`, `${h} after`],
  );
  lines.push(
    `### ${title}`,
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
  );
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  lines.push('');
};

const names = after.scenarios.map((s) => s.name);
table(
  'SQL of one page view (traced, all statements, ms)',
  ['page', 'traced', 'all SQL alone p50'],
  names.map((n) => [
    n,
    pair(before.sql[n]?.tracedTotalMs, after.sql[n]?.tracedTotalMs, 1),
    pair(before.sql[n]?.allSqlP50, after.sql[n]?.allSqlP50, 1),
  ]),
);

const first = (r: BenchReport) => r.phases[0];
const levels = after.options.concurrency;
const at = (p: Phase | undefined, name: string, c: number) =>
  p?.reads[name]?.find((r) => r.connections === c);
table(
  `Read pages, ${after.phases[0]?.workers ?? 1} worker: req/s and p95 (ms), before | after`,
  ['page', ...levels.flatMap((c) => [`req/s c=${c}`, `p95 c=${c}`])],
  names.map((n) => [
    n,
    ...levels.flatMap((c) => {
      const b = at(first(before), n, c);
      const a = at(first(after), n, c);
      return [pair(b?.rps, a?.rps), pair(b?.p95, a?.p95)];
    }),
  ]),
);

const filing = (r: BenchReport, c: number) => first(r)?.submission.find((s) => s.connections === c);
table(
  'Writes, before | after',
  ['measure', ...levels.map((c) => `c=${c}`)],
  [
    [
      'filing: filings/s (before: one-page form requests/s where no walk)',
      ...levels.map((c) => {
        const b = filing(before, c) as { filingsPerSecond?: number; rps?: number } | undefined;
        return pair(b?.filingsPerSecond ?? b?.rps, filing(after, c)?.filingsPerSecond, 1);
      }),
    ],
    ['filing: lost', ...levels.map((c) => pair(filing(before, c)?.lost, filing(after, c)?.lost))],
    [
      'offers: req/s',
      ...levels.map((c) =>
        pair(
          first(before)?.offers.find((o) => o.connections === c)?.rps,
          first(after)?.offers.find((o) => o.connections === c)?.rps,
        ),
      ),
    ],
  ],
);

const highest = (p: Phase, n: string) => p.reads[n]?.[p.reads[n].length - 1];
const others = after.phases.slice(1);
if (others.length > 0)
  table(
    'Other phases at the highest concurrency: req/s (p95 ms); before had WORKERS=2 only',
    ['page', ...others.map((p) => `=${phaseName(p)}`), '=before: 2w'],
    names
      .map((n) => [
        n,
        ...others.map((p) => {
          const r = highest(p, n);
          return r ? `${fixed(r.rps)} (${fixed(r.p95)})` : '–';
        }),
        (() => {
          const r = before.phases[1] && highest(before.phases[1], n);
          return r ? `${fixed(r.rps)} (${fixed(r.p95)})` : '–';
        })(),
      ])
      .concat([
        [
          'filing: filings/s (p95 of a filing)',
          ...others.map((p) => {
            const r = p.submission[p.submission.length - 1];
            return r ? `${fixed(r.filingsPerSecond, 1)} (${fixed(r.filingP95)})` : '–';
          }),
          '–',
        ],
      ]),
  );

table(
  'Peak RSS of the largest app process (MB)',
  ['phase', 'peak RSS'],
  after.phases.map((p) => [
    phaseName(p),
    pair(before.phases.find((b) => phaseName(b) === phaseName(p))?.peakRssMb, p.peakRssMb),
  ]),
);

if (after.lighthouse)
  table(
    'Lighthouse (mobile), before | after',
    ['page', 'performance', 'LCP ms', 'CLS', 'CSS bytes'],
    after.lighthouse.map((a) => {
      const b = lighthouseBefore.lighthouse?.find((x) => x.name === a.name);
      return [
        a.name,
        pair(b?.performance, a.performance),
        pair(b?.lcpMs, a.lcpMs),
        pair(b?.cls, a.cls, 3),
        pair(b?.cssBytes, a.cssBytes),
      ];
    }),
  );

console.info(lines.join('\n'));
