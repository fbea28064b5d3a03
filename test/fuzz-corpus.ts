import fc from 'fast-check';

/**
 * Hostile and odd values for the fuzz suite: known attack strings, broken text, values of the
 * wrong kind, and random strings from fast-check (any code point, lone surrogates included).
 */

/** Text that the page must show escaped if it shows it at all. */
export const XSS_MARKERS = ['<fz-xss>', '"fz-q="'];

export const CORPUS: string[] = [
  // Markup and script
  '<fz-xss>',
  '<script>alert(1)</script><fz-xss>',
  'a" fz-q="1',
  "a' onmouseover='alert(1)",
  'javascript:alert(1)',
  '{{7*7}}$' + '{7*7}<%= 7*7 %>',
  '{parentName}{{child}}{',
  // SQL
  "' OR '1'='1",
  "'; drop table requests; --",
  '1; select pg_sleep(0)',
  '\\',
  "%' and 1=1 --",
  // Control characters, line breaks, NUL
  'a\u0000b',
  '\u0000',
  'line\r\nSet-Cookie: x=1',
  '/%0d%0a/evil',
  'tab\there',
  '\u001b[31mred',
  '\u007f',
  '\u0008',
  // Broken and unusual unicode
  '\ud800',
  'x\udc00y',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  'é'.normalize('NFD'),
  'Zoë Ça Ñandú Łódź ß',
  '👶🏽👨‍👩‍👧',
  '\uffff\ufffe',
  '𝕏'.repeat(300),
  // Overlong
  'a'.repeat(1_000),
  'a'.repeat(70_000),
  '9'.repeat(400),
  // Numbers, dates, ids of the wrong kind
  '',
  ' ',
  '-1',
  '0',
  '1e309',
  'NaN',
  '2147483648',
  '-9223372036854775809',
  '0.5',
  '4,5',
  '2024-02-30',
  '0000-00-00',
  '9999-12-31',
  '10000-01-01',
  '2026-13-01',
  '31/12/2026',
  '25:61',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  'm:not-a-uuid',
  'p:',
  'add:x',
  'remove:',
  'up:00000000-0000-0000-0000-000000000000',
  // Paths and redirects
  '//evil.example/',
  '/\\evil.example',
  'https://evil.example/',
  '/%2f%2fevil.example',
  '../../etc/passwd',
  // Types
  'true',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
  'constructor',
  // National numbers and e-mail addresses
  '00.00.00-000.00',
  '12345678901',
  'a@b',
  'user@example.com\r\nBcc: x@evil.example',
  '"quoted"@example.com',
];

/** `count` values from the corpus and from fast-check's random strings, repeatable by `seed`. */
export function fuzzValues(count: number, seed: number): string[] {
  const random = fc.sample(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
      fc.integer().map(String),
      fc.double().map(String),
      fc.uuid(),
    ),
    { numRuns: count, seed },
  );
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    values.push(i % 2 === 0 ? (CORPUS[(i / 2) % CORPUS.length] as string) : (random[i] as string));
  }
  return values;
}
