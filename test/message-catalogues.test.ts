import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definedCatalogues, LANGUAGES, type Language } from '../src/platform/i18n/index.ts';

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

/**
 * French typography: a narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0)
 * before : and inside « » — never a plain space, which lets the sign wrap to the next line alone.
 */
const FRENCH_SPACING: [string, RegExp][] = [
  ['a plain space before ; ! ? (use U+202F)', /[ \u00a0][;!?]/],
  ['a plain space before : (use U+00A0)', / :/],
  ['a plain space inside « » (use U+00A0)', /« | »/],
];

function frenchProblems(text: string): string[] {
  const plain = text.replace(NOT_KEYS, '');
  return FRENCH_SPACING.filter(([, re]) => re.test(plain)).map(([name]) => name);
}

type Found = { where: string; text: string; problem: string };

function walk(
  value: unknown,
  path: string,
  lang: Language,
  placeholdersAllowed: boolean,
  found: Found[],
): number {
  const check = (text: string) => [
    ...problems(text, placeholdersAllowed),
    ...(lang === 'fr' ? frenchProblems(text) : []),
  ];
  if (typeof value === 'string') {
    if (value.trim() === '') found.push({ where: path, text: value, problem: 'empty' });
    for (const problem of check(value)) found.push({ where: path, text: value, problem });
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
      for (const problem of check(out)) found.push({ where: path, text: out, problem });
    }
    return 1;
  }
  if (value && typeof value === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(value))
      n += walk(v, `${path}.${k}`, lang, placeholdersAllowed, found);
    return n;
  }
  found.push({ where: path, text: String(value), problem: 'not a text' });
  return 0;
}

/**
 * A count compared with 1 in a catalogue picks the form by hand, which is wrong for French 0
 * ("0 lieu d’accueil trouvé" is singular): `plural` and `ordinal` from platform/i18n choose it by
 * the language's rules.
 */
const HAND_MADE_PLURAL = /[\w.)\]]\s*[!=]==?\s*1\s*\?|\b1\s*[!=]==?\s*[\w.]+\s*\?/;

/**
 * A view that puts a colon after a catalogue text (`{t.status}: …`) writes "Statut: " in French;
 * `withColon(lang, label)` from platform/i18n writes "Statut\u00a0:".
 */
const COLON_AFTER_TEXT = /(?<!\$)\{[a-z]+\.[A-Za-z.]+(\([^)]*\))?\}:|\$\{[a-z]+\.[A-Za-z.]+(\([^)]*\))?\}: /;

describe('message catalogues', () => {
  it('are followed by a colon only through withColon in views (French spacing)', () => {
    expect(COLON_AFTER_TEXT.test('{t.requestStatus}: <strong>')).toBe(true);
    const dollar = '$'; // a template placeholder as source text
    expect(COLON_AFTER_TEXT.test(`label={\`${dollar}{t.offers}: ${dollar}{name}\`}`)).toBe(true);
    expect(COLON_AFTER_TEXT.test('{withColon(lang, t.requestStatus)} <strong>')).toBe(false);
    expect(COLON_AFTER_TEXT.test(`value={\`${dollar}{c.key}:up\`}`)).toBe(false);
    const found = sourceFiles(ROOT)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            COLON_AFTER_TEXT.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
          ),
      );
    expect(found).toEqual([]);
  });

  it('choose plural forms by the language’s rules, never by comparing with 1', () => {
    expect(HAND_MADE_PLURAL.test("(n) => (n === 1 ? '1 plaats' : 'meer plaatsen')")).toBe(true);
    expect(HAND_MADE_PLURAL.test("count !== 1\n        ? 'x' : 'y'")).toBe(true);
    expect(HAND_MADE_PLURAL.test("plural('fr', n, { one: '# place', other: '# places' })")).toBe(false);
    const files = sourceFiles(ROOT).filter((f) => /\.(messages[\w.]*|mails|texts|labels)\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i, lines) => ({
          where: `${relative(ROOT, file)}:${i + 1}`,
          text: `${line}\n${lines[i + 1] ?? ''}`,
        }))
        .filter(({ text }) => HAND_MADE_PLURAL.test(text))
        .map(({ where, text }) => `${where}: ${text.trim()}`),
    );
    expect(found).toEqual([]);
  });

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
        for (const lang of LANGUAGES) texts += walk(catalogue[lang], `${name} ${lang}`, lang, allowed, found);
      }
    }
    expect(catalogues).toBeGreaterThanOrEqual(files.length);
    expect(texts).toBeGreaterThan(3000);
    expect(found.map((f) => `${f.where}: ${f.problem} in “${f.text}”`)).toEqual([]);
  });
});
