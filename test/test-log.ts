import { createWriteStream, mkdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { expect, inject } from 'vitest';
import type { NationalNumberVault } from '../src/platform/crypto/national-number-vault.ts';
import { type Database, schema } from '../src/platform/db/index.ts';
import { formatNationalNumber, type NationalNumber } from '../src/shared/national-number.ts';
import type { Canary } from './log-canaries.ts';

/**
 * A test app's log: kept in memory for the search when the app closes, and written to
 * `<run folder>/<test file>.<process>.<n>.log`, the run folder being made by test/global-setup.ts
 * under test-results/logs/ (CI keeps test-results/).
 */
export type TestLog = {
  /** The file the log is written to. */
  readonly path: string;
  write(line: string): void;
  /** A line of the test harness itself (not the app's), e.g. why a canary source was missing. */
  note(message: string): void;
  text(): string;
  close(): Promise<void>;
};

/** Where logs go when no vitest run provides a folder (a script importing the test helpers). */
const FALLBACK_FOLDER = join('test-results', 'logs', 'outside-a-run');

let opened = 0;

export function openTestLog(): TestLog {
  const folder = runFolder();
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${testFileName()}.${process.pid}.${++opened}.log`);
  const file = createWriteStream(path);
  const lines: string[] = [];
  let closed = false;
  const write = (line: string) => {
    lines.push(line);
    // A request still running when its test timed out may log after the app was closed.
    if (!closed) file.write(line);
  };
  return {
    path,
    write,
    note: (message) => write(`${JSON.stringify({ test: message })}\n`),
    text: () => lines.join(''),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closed = true;
        file.end((error?: Error | null) => (error ? reject(error) : resolve()));
      }),
  };
}

function runFolder(): string {
  try {
    return inject('logFolder') ?? FALLBACK_FOLDER;
  } catch {
    return FALLBACK_FOLDER;
  }
}

/** The running test file, as a file name: `e2e__parent.test.ts`. */
function testFileName(): string {
  const testPath = expect.getState().testPath;
  if (!testPath) return 'unknown';
  const name = relative(process.cwd(), testPath);
  return (name.startsWith('..') ? basename(testPath) : name).replace(/[\\/]/g, '__');
}

/**
 * The vault, noting every national number it protects, hashes or reveals, with its cipher and
 * keyed hash: the log must hold none of them, also when the row holding them is gone by then.
 */
export function recordingVault(
  vault: NationalNumberVault,
  record: (canary: Canary) => void,
): NationalNumberVault {
  const number = (n: NationalNumber) => {
    record({ value: n, source: 'a national number the vault saw' });
    record({ value: formatNationalNumber(n), source: 'a national number the vault saw' });
  };
  return {
    protect(n) {
      const protectedNumber = vault.protect(n);
      number(n);
      record({ value: protectedNumber.cipher, source: 'a national number cipher the vault made' });
      record({ value: protectedNumber.hash, source: 'a national number hash the vault made' });
      return protectedNumber;
    },
    reveal(cipher) {
      const n = vault.reveal(cipher);
      number(n);
      return n;
    },
    hashOf(n) {
      const hash = vault.hashOf(n);
      number(n);
      record({ value: hash, source: 'a national number hash the vault made' });
      return hash;
    },
  };
}

/**
 * The personal values the database holds: names, e-mail addresses, phone numbers, streets, display
 * names, password hashes and the national numbers' ciphers and keyed hashes — of the fixtures, of
 * the demo data, and of whatever a test typed into a form.
 */
export async function storedPersonalValues(db: Database): Promise<Canary[]> {
  const canaries: Canary[] = [];
  const add = (source: string, ...values: (string | null | undefined)[]) => {
    for (const value of values) if (value) canaries.push({ value, source });
  };
  const [users, pending, tokens, families, parents, children] = await Promise.all([
    db
      .select({
        email: schema.users.email,
        displayName: schema.users.displayName,
        passwordHash: schema.users.passwordHash,
      })
      .from(schema.users),
    db
      .select({
        email: schema.pendingRegistrations.email,
        displayName: schema.pendingRegistrations.displayName,
        passwordHash: schema.pendingRegistrations.passwordHash,
      })
      .from(schema.pendingRegistrations),
    db.select({ email: schema.userTokens.email }).from(schema.userTokens),
    db.select({ street: schema.families.street }).from(schema.families),
    db
      .select({
        firstName: schema.parents.firstName,
        lastName: schema.parents.lastName,
        email: schema.parents.email,
        phone: schema.parents.phone,
        cipher: schema.parents.nationalNumberCipher,
        hash: schema.parents.nationalNumberHash,
      })
      .from(schema.parents),
    db
      .select({
        firstName: schema.children.firstName,
        lastName: schema.children.lastName,
        cipher: schema.children.nationalNumberCipher,
        hash: schema.children.nationalNumberHash,
      })
      .from(schema.children),
  ]);
  for (const u of [...users, ...pending]) {
    add('an account e-mail address', u.email);
    add("an account's name", u.displayName);
    add('a password hash', u.passwordHash);
  }
  for (const t of tokens) add('an e-mail address of a mailed link', t.email);
  for (const f of families) add("a family's street", f.street);
  for (const p of parents) {
    add("a parent's name", p.firstName, p.lastName);
    add("a parent's e-mail address", p.email);
    add("a parent's phone number", p.phone, p.phone?.replace(/\D/g, ''));
    add("a parent's national number cipher", p.cipher);
    add("a parent's national number hash", p.hash);
  }
  for (const c of children) {
    add("a child's name", c.firstName, c.lastName);
    add("a child's national number cipher", c.cipher);
    add("a child's national number hash", c.hash);
  }
  return canaries;
}
