import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const secrets = {
  SESSION_SECRET: 'x'.repeat(40),
  NATIONAL_NUMBER_ENCRYPTION_KEY: 'ab'.repeat(32),
  NATIONAL_NUMBER_HASH_KEY: 'cd'.repeat(32),
};

describe('configuration', () => {
  it('refuses to start in production without explicitly configured secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ko' })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/ko',
        ...secrets,
        NATIONAL_NUMBER_HASH_KEY: undefined,
      }),
    ).toThrow(/NATIONAL_NUMBER_HASH_KEY/);
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ko', ...secrets });
    expect(config.demoData).toBe(false);
  });

  it('rejects malformed values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...secrets, NATIONAL_NUMBER_ENCRYPTION_KEY: 'short' })).toThrow(
      /NATIONAL_NUMBER_ENCRYPTION_KEY/,
    );
  });

  it('creates local secrets on first start outside production, and reuses them afterwards', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ko-config-'));
    const first = loadConfig({ DATA_DIR: dir });
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secrets.nationalNumberEncryptionKey).toHaveLength(32);
    expect(first.secrets.nationalNumberHashKey.equals(first.secrets.nationalNumberEncryptionKey)).toBe(false);
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.secrets.nationalNumberHashKey.equals(first.secrets.nationalNumberHashKey)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).sessionSecret).toBe(first.secrets.sessionSecret);
    expect(first.demoData).toBe(true);
  });

  it('uses Secure cookies behind https', () => {
    expect(loadConfig({ ...secrets, PUBLIC_URL: 'https://kinderopvang.example' }).secureCookies).toBe(true);
    expect(loadConfig({ ...secrets }).secureCookies).toBe(false);
  });
});
