/**
 * The search of a test app's log for personal values ("canaries"): every test app writes its log
 * (test/app.ts) and, when it closes, looks in it for the personal values its database holds and
 * the national numbers its vault saw, and for what never belongs in a log whatever the data
 * (e-mail addresses, argon2 hashes, national number ciphers, written national numbers). One hit
 * fails the test file.
 */

/** A personal value and where it came from, e.g. `parents.first_name`. */
export type Canary = { value: string; source: string };

export type LogHit = { source: string; value: string; line: number; excerpt: string };

/** Shapes that name a personal or secret value whatever the test data. */
const PATTERNS: { source: string; pattern: RegExp }[] = [
  { source: 'an argon2 hash', pattern: /\$argon2(?:id|i|d)\$[^\s"]*/g },
  // v1.<12-byte IV>.<ciphertext>.<16-byte tag>, base64url (platform/crypto/national-number-vault.ts).
  {
    source: 'a national number cipher',
    pattern: /(?<![\w-])v1\.[\w-]{16}\.[\w-]{8,}\.[\w-]{22}(?![\w-])/g,
  },
  { source: 'a national number (written form)', pattern: /(?<!\d)\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}(?!\d)/g },
];

/**
 * Shorter values are left out: a four-letter word may be a name and a word of a log line alike.
 * A value counts only as a whole word: "Anna" is not found in "Annabel", nor "0478123" in a
 * longer number.
 */
const MIN_LETTERS = 4;
const MIN_DIGITS = 6;
const KEY = 3;

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;
/** Runs of letters or of digits: each run's start is where a value may begin. */
const WORD_RUNS = /[\p{L}\p{M}]+|\p{N}+/gu;

type Kind = 'letter' | 'digit' | 'other';
const kindOf = (char: string | undefined): Kind =>
  char === undefined ? 'other' : LETTER.test(char) ? 'letter' : DIGIT.test(char) ? 'digit' : 'other';

/** The value as it is searched: without the punctuation around it ("+32 478…" → "32 478…"). */
function searchable(value: string): string | undefined {
  const trimmed = value.trim().replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
  const letters = (trimmed.match(/[\p{L}\p{M}]/gu) ?? []).length;
  const digits = (trimmed.match(/\p{N}/gu) ?? []).length;
  if (letters === 0 && digits < MIN_DIGITS) return undefined;
  if (trimmed.length < MIN_LETTERS) return undefined;
  return trimmed;
}

/**
 * The lines holding %xx sequences decoded, the others empty (so line numbers stay), so that a
 * value sent in a path (`Jos%C3%A9`) is found as well; undefined when no line has one.
 */
function percentDecoded(text: string): string | undefined {
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return undefined;
  return text
    .split('\n')
    .map((line) =>
      /%[0-9A-Fa-f]{2}/.test(line)
        ? line.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
            try {
              return decodeURIComponent(m);
            } catch {
              return m;
            }
          })
        : '',
    )
    .join('\n');
}

/** Every place in `log` where a canary or a forbidden shape occurs. */
export function findCanaries(log: string, canaries: Iterable<Canary>): LogHit[] {
  const byKey = new Map<string, { value: string; source: string }[]>();
  const values = new Set<string>();
  for (const canary of canaries) {
    const value = searchable(canary.value);
    if (!value || values.has(value)) continue;
    values.add(value);
    const key = value.slice(0, KEY);
    const list = byKey.get(key) ?? [];
    list.push({ value, source: canary.source });
    byKey.set(key, list);
  }
  const hits: LogHit[] = [];
  const seen = new Set<string>();
  const texts = [log];
  const decoded = percentDecoded(log);
  if (decoded) texts.push(decoded);
  for (const text of texts) {
    let lineStarts: number[] | undefined;
    const report = (source: string, value: string, index: number) => {
      lineStarts ??= startsOfLines(text);
      const line = lineOf(lineStarts, index);
      const id = `${line}\u0000${source}\u0000${value}`;
      if (seen.has(id)) return;
      seen.add(id);
      hits.push({ source, value, line, excerpt: excerptAt(text, index, value.length) });
    };
    if (byKey.size > 0) {
      for (const run of text.matchAll(WORD_RUNS)) {
        const start = run.index;
        const candidates = byKey.get(text.slice(start, start + KEY));
        if (!candidates) continue;
        for (const { value, source } of candidates) {
          if (!text.startsWith(value, start)) continue;
          const last = kindOf(value.at(-1));
          if (last !== 'other' && kindOf(text[start + value.length]) === last) continue;
          report(source, value, start);
        }
      }
    }
    for (const { source, pattern } of PATTERNS) {
      for (const m of text.matchAll(pattern)) report(source, m[0], m.index);
    }
    for (const { value, index } of emailAddresses(text)) report('an e-mail address', value, index);
  }
  return hits.sort((a, b) => a.line - b.line);
}

const LOCAL_PART = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_PART = /[\p{L}\p{N}.-]/u;

/**
 * The e-mail addresses in `text`: found from each "@" outwards (a regular expression that tries
 * every position takes seconds on a fuzz run's log, whose overlong values are long runs of letters).
 */
function* emailAddresses(text: string): Generator<{ value: string; index: number }> {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_PART.test(text[start - 1] as string)) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && DOMAIN_PART.test(text[end] as string)) end++;
    const domain = text.slice(at + 1, end).replace(/\.+$/, '');
    if (start === at || !/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(domain)) continue;
    yield { value: text.slice(start, at + 1 + domain.length), index: start };
  }
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based number of the line holding `index`. */
function lineOf(starts: number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function excerptAt(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 60);
  const to = Math.min(text.length, index + length + 60);
  return text.slice(from, to).replace(/\s+/g, ' ');
}

/** The failure message: which values, where; at most `limit` hits listed. */
export function describeHits(hits: LogHit[], where: string, limit = 10): string {
  const listed = hits
    .slice(0, limit)
    .map((h) => `  line ${h.line}: ${h.source} "${h.value}" in …${h.excerpt}…`)
    .join('\n');
  const more = hits.length > limit ? `\n  … and ${hits.length - limit} more` : '';
  return `The log of ${where} holds ${hits.length} personal value(s); logs carry ids, never values:\n${listed}${more}`;
}
