import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createNationalNumberVault } from '../src/platform/crypto/national-number-vault.ts';
import { tableChecksums } from '../src/platform/db/backup.ts';
import { type DatabaseHandle, migrate, openPglite, openPostgres, schema } from '../src/platform/db/index.ts';
import type { LocalDate } from '../src/shared/dates.ts';
import { formatNationalNumber, makeNationalNumber } from '../src/shared/national-number.ts';
import { aFamilyRequest, aScenario } from './builders.ts';
import { pgliteTemplateDump } from './db.ts';
import { withDatabase } from './global-setup.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

/** `npm run backup` / `npm run restore` as an operator runs them, on the given environment. */
async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/backup.ts', ...args],
      {
        cwd: ROOT,
        env: { ...withoutDatabaseUrl(process.env), NODE_ENV: 'development', ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}

const canaries = [
  makeNationalNumber('2025-03-14' as LocalDate, 517),
  makeNationalNumber('1991-07-02' as LocalDate, 88),
];

/** A scenario with requests, preferences, events, and canary national numbers stored the only allowed way. */
async function seed(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') await migrate(handle);
  const vault = createNationalNumberVault({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) });
  const s = await aScenario(handle.db);
  for (const [i, n] of canaries.entries()) {
    const { cipher, hash } = vault.protect(n);
    const { child } = await aFamilyRequest(handle.db, {
      municipalityId: s.municipality.id,
      locations: [s.first.id, s.second.id],
      childFirstName: `Canary${i}`,
    });
    await handle.db
      .update(schema.children)
      .set({ nationalNumberCipher: cipher, nationalNumberHash: hash })
      .where(eq(schema.children.id, child.id));
  }
}

/** Every way a national number could be written in clear. */
function clearForms(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  return canaries.flatMap((n) => [n, formatNationalNumber(n)]).filter((form) => text.includes(form));
}

describe('backup and restore of the embedded database', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ko-backup-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row of every table, and the backup holds no national number in clear', {
    timeout: 400_000,
  }, async () => {
    const source = tempDir();
    // Created from the migrated template (an initdb on disk takes a minute on a busy machine).
    const original = await openPglite(path.join(source, 'pglite'), await pgliteTemplateDump());
    await seed(original);
    const before = await tableChecksums(original);
    await original.close();
    expect(before.children).toMatch(/^2 /);

    const file = path.join(tempDir(), 'demo.tar.gz');
    const backup = await cli(['backup', '--file', file], { DATA_DIR: source });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(clearForms(gunzipSync(readFileSync(file)))).toEqual([]);

    const target = tempDir();
    const restore = await cli(['restore', '--file', file], { DATA_DIR: target });
    expect(restore.code).toBe(0);
    const restored = await openPglite(path.join(target, 'pglite'));
    expect(await tableChecksums(restored)).toEqual(before);
    await restored.close();

    // A second restore over the restored data is refused and leaves it as it was.
    const again = await cli(['restore', '--file', file], { DATA_DIR: target });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
    const untouched = await openPglite(path.join(target, 'pglite'));
    expect(await tableChecksums(untouched)).toEqual(before);
    await untouched.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('backup and restore of a PostgreSQL server', () => {
  const url = process.env.TEST_DATABASE_URL as string;
  const names = [
    `ko_backup_${randomBytes(4).toString('hex')}`,
    `ko_restore_${randomBytes(4).toString('hex')}`,
  ];
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'ko-backup-'));
  afterAll(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row of every table into an empty database, and pg_dump finds no national number in clear', {
    timeout: 400_000,
  }, async () => {
    for (const name of names) await admin(`create database ${name}`);
    const [sourceUrl, targetUrl] = names.map((name) => withDatabase(url, name)) as [string, string];
    const original = openPostgres(sourceUrl, { max: 1 });
    await seed(original);
    const before = await tableChecksums(original);
    await original.close();

    const plain = await run('pg_dump', ['--format=plain', '--dbname', sourceUrl], {
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(plain.stdout).toContain('Canary0');
    expect(clearForms(Buffer.from(plain.stdout))).toEqual([]);

    const file = path.join(dir, 'server.dump');
    expect((await cli(['backup', '--file', file], { DATABASE_URL: sourceUrl })).code).toBe(0);
    const restore = await cli(['restore', '--file', file], { DATABASE_URL: targetUrl });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const restored = openPostgres(targetUrl, { max: 1 });
    expect(await tableChecksums(restored)).toEqual(before);
    await restored.close();

    const again = await cli(['restore', '--file', file], { DATABASE_URL: targetUrl });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
  });
});
