// The summary at the end of .ci/run, from vitest's JSON report:
//
//   node .ci/summary.mjs <report.json> [<vitest exit status> [<benchmark exit status>]]
//
// Prints the failed and skipped tests, then one line per database the tests ran on (the database
// is named in a test's describe block, e.g. `describe.each(BACKENDS)('… on %s')`) and one for the
// tests that name none, and last, alone on its line, `N passed, N failed`, the sum of the lines
// above it. Exits 1 when anything failed, else 0.
//
// A test that did not run because a hook before it failed counts as failed: vitest reports it as
// skipped in a file whose status is failed, so every test of a failed file that did not pass
// counts as failed (`todo` ones aside). A failed file without a failed test (it did not load, an
// `afterAll` hook failed), an unreadable report and a vitest run that failed without any of these
// each count as one failure outside any test.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [reportPath, testStatusArg = '0', benchStatusArg] = process.argv.slice(2);
if (!reportPath) {
  process.stderr.write('usage: node .ci/summary.mjs <report.json> [<vitest status> [<benchmark status>]]\n');
  process.exit(2);
}
const testStatus = Number(testStatusArg);
const say = (line) => process.stdout.write(`${line}\n`);

const DATABASES = [
  { name: 'PGlite', pattern: /\bpglite\b/i },
  { name: 'PostgreSQL', pattern: /\bpostgres(?:ql)?\b/i },
];
const NO_DATABASE = 'no database in the name (unit, access, browser tests)';
const OUTSIDE = 'outside any test';
const BENCH = 'benchmark smoke run (PostgreSQL)';
const LISTED = 20;

const groups = new Map(
  [...DATABASES.map((d) => d.name), NO_DATABASE].map((name) => [name, { passed: 0, failed: 0, skipped: 0 }]),
);
const count = (name, outcome) => {
  if (!groups.has(name)) groups.set(name, { passed: 0, failed: 0, skipped: 0 });
  groups.get(name)[outcome] += 1;
};
const failures = [];
const skips = [];

/** The database named by the test's own title or, failing that, its innermost describe block. */
const databaseOf = (test) => {
  for (const title of [test.title ?? '', ...[...(test.ancestorTitles ?? [])].reverse()]) {
    const database = DATABASES.find((d) => d.pattern.test(title));
    if (database) return database.name;
  }
  return NO_DATABASE;
};

let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  count(OUTSIDE, 'failed');
  failures.push(`vitest wrote no readable report (exit status ${testStatus}): ${error.message}`);
}

for (const file of report?.testResults ?? []) {
  const path = relative(process.cwd(), file.name ?? '?');
  const tests = file.assertionResults ?? [];
  const fileFailed = file.status === 'failed';
  let failedHere = 0;
  for (const test of tests) {
    const group = databaseOf(test);
    const name = `${path} > ${[...(test.ancestorTitles ?? []), test.title].join(' > ')}`;
    if (test.status === 'passed') {
      count(group, 'passed');
    } else if (test.status === 'failed') {
      count(group, 'failed');
      failedHere += 1;
      failures.push(name);
    } else if (fileFailed && test.status !== 'todo') {
      count(group, 'failed');
      failedHere += 1;
      failures.push(`${name} (${test.status} in a failed file: a hook before it may have failed)`);
    } else {
      count(group, 'skipped');
      skips.push(`${name} (${test.status})`);
    }
  }
  if (fileFailed && failedHere === 0) {
    count(OUTSIDE, 'failed');
    const why = file.message ? `: ${file.message.split('\n')[0]}` : '';
    failures.push(`${path} failed outside its tests${why}`);
  }
}

const total = (outcome) => [...groups.values()].reduce((sum, g) => sum + g[outcome], 0);
if ((testStatus !== 0 || report?.success === false) && total('failed') === 0) {
  count(OUTSIDE, 'failed');
  failures.push(
    `vitest exited with status ${testStatus} without a failed test (global setup, or an error between tests)`,
  );
}
if (benchStatusArg !== undefined) {
  const benchStatus = Number(benchStatusArg);
  count(BENCH, benchStatus === 0 ? 'passed' : 'failed');
  if (benchStatus !== 0) failures.push(`the benchmark smoke run failed (exit status ${benchStatus})`);
}

const list = (heading, items) => {
  if (items.length === 0) return;
  say(`${heading}:`);
  for (const item of items.slice(0, LISTED)) say(`  - ${item}`);
  if (items.length > LISTED) say(`  … and ${items.length - LISTED} more`);
};
list(`${failures.length} failed`, failures);
say(`${skips.length} skipped${skips.length ? ' (none should be):' : ''}`);
for (const item of skips.slice(0, LISTED)) say(`  - ${item}`);
if (skips.length > LISTED) say(`  … and ${skips.length - LISTED} more`);
for (const [name, g] of groups) {
  if (name === OUTSIDE && g.failed === 0) continue;
  say(`${name}: ${g.passed} passed, ${g.failed} failed${g.skipped ? `, ${g.skipped} skipped` : ''}`);
}
say(`${total('passed')} passed, ${total('failed')} failed`);
process.exit(total('failed') > 0 ? 1 : 0);
