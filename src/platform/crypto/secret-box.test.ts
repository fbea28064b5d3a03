import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

const ROOT = 'a-root-secret-of-at-least-thirty-two-characters';

describe('secret box', () => {
  it('opens what it sealed, with a fresh cipher each time', () => {
    const box = createSecretBox(ROOT, 'totp-secret');
    const a = box.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(a);
    expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a cipher of another purpose, another key or tampered with', () => {
    const box = createSecretBox(ROOT, 'totp-secret');
    const cipher = box.seal('secret');
    expect(() => createSecretBox(ROOT, 'other').open(cipher)).toThrow(/another key/);
    expect(() => createSecretBox(`${ROOT}x`, 'totp-secret').open(cipher)).toThrow(/another key/);
    const parts = cipher.split('.');
    const flipped = Buffer.from(parts[2] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    parts[2] = flipped.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow(/tampered/);
    expect(() => box.open('v2.a.b.c')).toThrow(/malformed/);
  });

  it('hashes with a key: the same under one key, different under another', () => {
    const box = createSecretBox(ROOT, 'recovery-code');
    expect(box.hashOf('abcd-efgh')).toBe(box.hashOf('abcd-efgh'));
    expect(box.hashOf('abcd-efgh')).not.toBe(createSecretBox(ROOT, 'x').hashOf('abcd-efgh'));
    expect(String(box)).toBe('[SecretBox]');
    expect(JSON.stringify({ box })).toBe('{"box":"[SecretBox]"}');
  });
});
