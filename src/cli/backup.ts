/**
 * Backs up or restores the whole database.
 *
 *   node --import tsx src/cli/backup.ts backup  [--file F]   (npm run backup -- --file F)
 *   node --import tsx src/cli/backup.ts restore --file F      (npm run restore -- --file F)
 *
 * Uses DATABASE_URL when set (pg_dump / pg_restore), otherwise the embedded database in
 * DATA_DIR/pglite (its data directory as a .tar.gz; stop the application first). A restore goes
 * only into an empty database. The vault's keys are not in the backup: keep them apart.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { BackupError, type BackupTarget, backupDatabase, restoreDatabase } from '../platform/db/backup.ts';

const USAGE = 'Usage: node --import tsx src/cli/backup.ts backup [--file F] | restore --file F';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { file: { type: 'string' } },
    allowPositionals: true,
  });
  const command = positionals[0];
  const config = loadConfig();
  const target: BackupTarget = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
  const where =
    target.kind === 'postgres' ? 'the PostgreSQL server' : `the embedded database (${target.dataDir})`;
  if (command === 'backup') {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const file = values.file ?? `backup-${stamp}.${target.kind === 'postgres' ? 'dump' : 'tar.gz'}`;
    await backupDatabase(target, file);
    console.info(`Backed up ${where} to ${file}.`);
    return;
  }
  if (command === 'restore' && values.file) {
    await restoreDatabase(target, values.file);
    console.info(`Restored ${values.file} into ${where}.`);
    return;
  }
  throw new BackupError(USAGE);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof BackupError ? 2 : 1);
});
