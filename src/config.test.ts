import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, loadConfig, startupWarnings } from './config.ts';

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

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(loadConfig({ ...secrets }).trustProxy).toEqual([]);
    expect(loadConfig({ ...secrets, TRUST_PROXY: 'false' }).trustProxy).toEqual([]);
    expect(loadConfig({ ...secrets, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ ...secrets, TRUST_PROXY: 'true' })).toThrow(/Name the proxies/);
    expect(() => loadConfig({ ...secrets, TRUST_PROXY: 'proxy.example' })).toThrow(/'proxy\.example'/);
    expect(() => loadConfig({ ...secrets, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('uses Secure cookies behind https', () => {
    expect(loadConfig({ ...secrets, PUBLIC_URL: 'https://kinderopvang.example' }).secureCookies).toBe(true);
    expect(loadConfig({ ...secrets }).secureCookies).toBe(false);
  });

  describe('the development mailbox and the demo data', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/ko', ...secrets };

    it('opens the mailbox by itself only for a local demo: no SMTP server, a loopback address', () => {
      expect(loadConfig({ ...secrets }).devMailbox).toBe(true);
      expect(loadConfig({ ...secrets, HOST: '127.0.0.1' }).devMailbox).toBe(true);
      expect(loadConfig({ ...secrets, HOST: '::1' }).devMailbox).toBe(true);
      expect(loadConfig({ ...secrets, SMTP_URL: 'smtp://mail.example:587' }).devMailbox).toBe(false);
      expect(loadConfig({ ...secrets, HOST: '0.0.0.0' }).devMailbox).toBe(false);
      expect(loadConfig({ ...secrets, HOST: '::' }).devMailbox).toBe(false);
      expect(loadConfig({ ...secrets, HOST: '192.168.1.20' }).devMailbox).toBe(false);
      // Signs that others reach the app through something in front of it.
      expect(loadConfig({ ...secrets, PUBLIC_URL: 'https://kinderopvang.example' }).devMailbox).toBe(false);
      expect(loadConfig({ ...secrets, TRUST_PROXY: '127.0.0.1' }).devMailbox).toBe(false);
      expect(loadConfig(production).devMailbox).toBe(false);
    });

    it('follows an explicit DEV_MAILBOX=on or off outside production, and refuses other values', () => {
      expect(
        loadConfig({ ...secrets, DEV_MAILBOX: 'on', HOST: '0.0.0.0', SMTP_URL: 'smtp://mail.example' })
          .devMailbox,
      ).toBe(true);
      expect(loadConfig({ ...secrets, DEV_MAILBOX: 'off' }).devMailbox).toBe(false);
      expect(() => loadConfig({ ...secrets, DEV_MAILBOX: 'yes' })).toThrow(/DEV_MAILBOX/);
    });

    it('refuses to start in production with the demo data or the mailbox switched on', () => {
      expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow(ConfigError);
      expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA=true/);
      expect(() => loadConfig({ ...production, DEV_MAILBOX: 'on' })).toThrow(/DEV_MAILBOX=on/);
      expect(() => loadConfig({ ...production, DEV_MAILBOX: 'on', DEMO_DATA: 'true' })).toThrow(
        /DEMO_DATA=true and DEV_MAILBOX=on/,
      );
      // The embedded database's default (demo data on) does not apply in production.
      expect(loadConfig({ ...production, DATABASE_URL: undefined }).demoData).toBe(false);
      expect(loadConfig({ ...production, DEV_MAILBOX: 'off', DEMO_DATA: 'false' }).devMailbox).toBe(false);
    });

    it('warns when a development set-up listens where other machines can reach it', () => {
      const [warning, ...more] = startupWarnings(loadConfig({ ...secrets, HOST: '0.0.0.0' }));
      expect(more).toEqual([]);
      expect(warning).toMatch(/0\.0\.0\.0.*NODE_ENV=production/);
      expect(startupWarnings(loadConfig({ ...secrets }))).toEqual([]);
      expect(startupWarnings(loadConfig({ ...production, HOST: '0.0.0.0' }))).toEqual([]);
    });

    it.each([
      ['localhost', true],
      ['LocalHost', true],
      ['127.0.0.1', true],
      ['127.8.9.10', true],
      ['::1', true],
      ['[::1]', true],
      ['0:0:0:0:0:0:0:1', true],
      ['::ffff:127.0.0.1', true],
      ['0.0.0.0', false],
      ['::', false],
      ['10.0.0.5', false],
      ['128.0.0.1', false],
      ['::ffff:10.0.0.1', false],
      ['localhost.example.org', false],
      ['127.0.0.1.nip.io', false],
      ['kinderopvang.example', false],
    ])('counts %s as loopback: %s', (host, loopback) => {
      expect(isLoopbackHost(host)).toBe(loopback);
    });
  });
});
