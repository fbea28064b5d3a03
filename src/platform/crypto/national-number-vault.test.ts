import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../shared/dates.ts';
import { makeNationalNumber, type NationalNumber } from '../../shared/national-number.ts';
import { createNationalNumberVault } from './national-number-vault.ts';

const encryptionKey = Buffer.alloc(32, 0x11);
const hashKey = Buffer.alloc(32, 0x22);
const vault = createNationalNumberVault({ encryptionKey, hashKey });
const n = '85073003328' as NationalNumber;
const other = '90020100229' as NationalNumber;

const CIPHER = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/;

describe('national number vault', () => {
  it('reveals what it protected', () => {
    const { cipher, hash } = vault.protect(n);
    expect(cipher).toMatch(CIPHER);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.reveal(cipher)).toBe(n);
  });

  it('round-trips any number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 73_000 }), fc.integer({ min: 1, max: 998 }), (days, serial) => {
        const number = makeNationalNumber(addDays(localDate('1900-01-01'), days), serial);
        expect(vault.reveal(vault.protect(number).cipher)).toBe(number);
      }),
      { numRuns: 200 },
    );
  });

  it('encrypts the same number differently each time, with the same hash', () => {
    const a = vault.protect(n);
    const b = vault.protect(n);
    expect(a.cipher).not.toBe(b.cipher);
    expect(a.cipher.split('.')[1]).not.toBe(b.cipher.split('.')[1]); // a fresh IV
    expect(a.hash).toBe(b.hash);
    expect(vault.hashOf(n)).toBe(a.hash);
    expect(vault.hashOf(other)).not.toBe(a.hash);
  });

  it('hashes with its own key', () => {
    const otherHashKey = createNationalNumberVault({ encryptionKey, hashKey: Buffer.alloc(32, 0x33) });
    expect(otherHashKey.hashOf(n)).not.toBe(vault.hashOf(n));
    const otherEncryptionKey = createNationalNumberVault({ encryptionKey: Buffer.alloc(32, 0x44), hashKey });
    expect(otherEncryptionKey.hashOf(n)).toBe(vault.hashOf(n));
  });

  it('does not use a plain (unkeyed) SHA-256', () => {
    const plain = createHash('sha256').update(n).digest('hex');
    expect(vault.hashOf(n)).not.toBe(plain);
  });

  it('rejects any tampering with the cipher', () => {
    const { cipher } = vault.protect(n);
    let tampered = 0;
    for (let i = 0; i < cipher.length; i++) {
      for (const replacement of ['A', 'B', '_', '0', '.']) {
        if (cipher[i] === replacement) continue;
        const changed = `${cipher.slice(0, i)}${replacement}${cipher.slice(i + 1)}`;
        expect(() => vault.reveal(changed), changed).toThrow();
        tampered++;
      }
    }
    expect(tampered).toBeGreaterThan(200);

    const [version, iv, ciphertext, tag] = cipher.split('.') as [string, string, string, string];
    const second = vault.protect(other).cipher.split('.') as [string, string, string, string];
    const shortTag = Buffer.from(tag, 'base64url').subarray(0, 12).toString('base64url');
    for (const changed of [
      '',
      'v1...',
      `v2.${iv}.${ciphertext}.${tag}`,
      `${version}.${iv}.${ciphertext}`,
      `${version}.${iv}.${ciphertext}.${tag}.`,
      `${version}.${iv}.${ciphertext}.${shortTag}`, // a truncated tag must not be accepted
      `${version}.${second[1]}.${ciphertext}.${tag}`,
      `${version}.${iv}.${second[2]}.${tag}`,
      `${version}.${iv}.${ciphertext}.${second[3]}`,
      `${version}.${iv}.${ciphertext.slice(0, -2)}.${tag}`,
      `${version}.${iv}.${ciphertext}AA.${tag}`,
      `${version}.${iv}=.${ciphertext}.${tag}`,
      ` ${cipher}`,
    ]) {
      expect(() => vault.reveal(changed), changed).toThrow();
    }
  });

  it('cannot be revealed with another encryption key', () => {
    const { cipher } = vault.protect(n);
    const stranger = createNationalNumberVault({ encryptionKey: Buffer.alloc(32, 0x44), hashKey });
    expect(() => stranger.reveal(cipher)).toThrow(/tampered|another key/);
  });

  it('does not show the digits in the cipher', () => {
    const { cipher } = vault.protect(n);
    expect(cipher).not.toContain(n);
    expect(cipher).not.toContain(Buffer.from(n).toString('base64url'));
    expect(cipher).not.toContain(Buffer.from(n).toString('base64url').slice(0, 8));
    const ciphertext = Buffer.from(cipher.split('.')[2] ?? '', 'base64url');
    expect(ciphertext.length).toBe(11);
    expect(ciphertext.toString('latin1')).not.toContain(n);
    expect(ciphertext.equals(Buffer.from(n))).toBe(false);
  });

  it('refuses keys that are not 32 bytes, or two equal keys', () => {
    for (const bad of [Buffer.alloc(0), Buffer.alloc(16, 1), Buffer.alloc(31, 1), Buffer.alloc(33, 1)]) {
      expect(() => createNationalNumberVault({ encryptionKey: bad, hashKey })).toThrow(
        /encryptionKey.*32 bytes/,
      );
      expect(() => createNationalNumberVault({ encryptionKey, hashKey: bad })).toThrow(/hashKey.*32 bytes/);
    }
    expect(() =>
      createNationalNumberVault({ encryptionKey: 'x'.repeat(32) as unknown as Buffer, hashKey }),
    ).toThrow(/32 bytes/);
    const key = randomBytes(32);
    expect(() => createNationalNumberVault({ encryptionKey: key, hashKey: Buffer.from(key) })).toThrow(
      /different/,
    );
  });

  it('is not affected by later changes to the key buffers', () => {
    const ek = randomBytes(32);
    const hk = randomBytes(32);
    const v = createNationalNumberVault({ encryptionKey: ek, hashKey: hk });
    const { cipher, hash } = v.protect(n);
    ek.fill(0);
    hk.fill(0);
    expect(v.reveal(cipher)).toBe(n);
    expect(v.hashOf(n)).toBe(hash);
  });

  it('refuses to protect something that is not 11 digits, without echoing it', () => {
    for (const bad of ['85.07.30-033.28', '8507300332', '']) {
      expect(() => vault.protect(bad as NationalNumber)).toThrow(/11 digits/);
      try {
        vault.protect(bad as NationalNumber);
      } catch (error) {
        if (bad) expect(String(error)).not.toContain(bad);
      }
    }
  });

  it('does not reveal its keys when printed or serialised', () => {
    expect(String(vault)).toBe('[NationalNumberVault]');
    expect(`${vault}`).toBe('[NationalNumberVault]');
    expect(inspect(vault)).toBe('[NationalNumberVault]');
    expect(inspect({ vault }, { showHidden: true, depth: 10 })).toBe('{ vault: [NationalNumberVault] }');
    expect(JSON.stringify({ vault })).toBe('{"vault":"[NationalNumberVault]"}');
    expect(Object.isFrozen(vault)).toBe(true);
  });
});
