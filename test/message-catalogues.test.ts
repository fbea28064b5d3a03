import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definedCatalogues, LANGUAGES } from '../src/platform/i18n/index.ts';

/**
 * Every text of every message catalogue (each `defineMessages` in src), in Dutch, French and
 * English: not empty, and — for texts that are functions — rendered with sample arguments. Fails
 * on output that shows something the reader was never meant to see: a raw key (`child.born`), a
 * `{placeholder}` left over, `undefined`, `null`, `NaN` or `[object Object]`.
 */

const ROOT = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

/** Texts that show a `{field}` on purpose: the mail-template editor lists the fields one may use. */
const PLACEHOLDERS_ON_PURPOSE = /^mail-templates\/mail-templates\.(messages|texts)\.ts$/;

/** What a reader must never see. Addresses, domains and URLs are removed before the key check. */
const LEFTOVERS: [string, RegExp][] = [
  ['a raw key', /\b[a-z]+\.[a-z][A-Za-z_]+\b/],
  ['a placeholder', /\{[A-Za-z_]+\}/],
  ['undefined', /\bundefined\b/],
  ['null', /\bnull\b/],
  ['NaN', /\bNaN\b/],
  ['[object Object]', /\[object Object\]/],
];
const NOT_KEYS =
  /\S+@\S+|https?:\/\/\S+|\b[\w-]+\.(example|be|com|org|eu|vlaanderen|brussels)\b|\b(csv|xlsx|json|html|pdf|jpe?g|png|webp)\b/gi;

function problems(text: string, placeholdersAllowed: boolean): string[] {
  const plain = text.replace(NOT_KEYS, '');
  return LEFTOVERS.filter(
    ([name, re]) =>
      !(placeholdersAllowed && name === 'a placeholder') && re.test(name === 'a placeholder' ? text : plain),
  ).map(([name]) => name);
}

/**
 * Sample arguments: the parameters are strings and numbers only (checked by the compiler per
 * catalogue). A value that is both — "Sample" as text, 3 as number — renders every function; 0, 1
 * and 2 reach the plural branches too (a call that throws on the wrong type there is skipped: the
 * first call already rendered it).
 */
const both = { toString: () => 'Sample', valueOf: () => 3 };
const SAMPLES: { args: (n: number) => unknown[]; mustRender: boolean }[] = [
  { args: (n) => Array(n).fill(both), mustRender: true },
  ...[0, 1, 2].map((v) => ({ args: (n: number) => Array(n).fill(v), mustRender: false })),
];

type Found = { where: string; text: string; problem: string };

function walk(value: unknown, path: string, placeholdersAllowed: boolean, found: Found[]): number {
  if (typeof value === 'string') {
    if (value.trim() === '') found.push({ where: path, text: value, problem: 'empty' });
    for (const problem of problems(value, placeholdersAllowed))
      found.push({ where: path, text: value, problem });
    return 1;
  }
  if (typeof value === 'function') {
    for (const sample of SAMPLES) {
      let out: unknown;
      try {
        out = (value as (...a: unknown[]) => unknown)(...sample.args(value.length));
      } catch (error) {
        if (sample.mustRender) found.push({ where: path, text: String(error), problem: 'throws' });
        continue;
      }
      if (typeof out !== 'string' || out.trim() === '') {
        found.push({ where: path, text: String(out), problem: 'no text' });
        continue;
      }
      for (const problem of problems(out, placeholdersAllowed))
        found.push({ where: path, text: out, problem });
    }
    return 1;
  }
  if (value && typeof value === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(value)) n += walk(v, `${path}.${k}`, placeholdersAllowed, found);
    return n;
  }
  found.push({ where: path, text: String(value), problem: 'not a text' });
  return 0;
}

describe('message catalogues', () => {
  it('recognises what must not be shown', () => {
    expect(problems('Geboorte: child.born', false)).toEqual(['a raw key']);
    expect(problems('Status: preference.noPlace', false)).toEqual(['a raw key']);
    expect(problems('Beste {child},', false)).toEqual(['a placeholder']);
    expect(problems('Beste {child},', true)).toEqual([]);
    expect(problems('undefined dagen, NaN d, [object Object]', false)).toEqual([
      'undefined',
      'NaN',
      '[object Object]',
    ]);
    expect(problems('Mail naam@voorbeeld.be of kijk op https://loket.example/x.y; bv. 3000.', false)).toEqual(
      [],
    );
  });

  it('render every text in nl, fr and en without raw keys or leftovers', async () => {
    const files = sourceFiles(ROOT).filter((f) => readFileSync(f, 'utf8').includes('defineMessages('));
    expect(files.length).toBeGreaterThan(20);
    const found: Found[] = [];
    let texts = 0;
    let catalogues = 0;
    const seen = new Set<unknown>();
    for (const file of files) {
      await import(file);
      const name = relative(ROOT, file).replace(/^modules\//, '');
      const allowed = PLACEHOLDERS_ON_PURPOSE.test(name);
      for (const catalogue of definedCatalogues()) {
        if (seen.has(catalogue)) continue;
        seen.add(catalogue);
        catalogues++;
        for (const lang of LANGUAGES) texts += walk(catalogue[lang], `${name} ${lang}`, allowed, found);
      }
    }
    expect(catalogues).toBeGreaterThanOrEqual(files.length);
    expect(texts).toBeGreaterThan(3000);
    expect(found.map((f) => `${f.where}: ${f.problem} in “${f.text}”`)).toEqual([]);
  });
});
