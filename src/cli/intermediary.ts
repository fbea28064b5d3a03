/**
 * Creates an intermediary organisation (or finds it by name in the municipality) and a staff
 * account for it, until the desk's back office does this.
 *
 *   npm run intermediary:add -- --municipality leuven --organisation "CAW Oost-Brabant" --kind caw \
 *     --email medewerker@caw.example --name "An Peeters" [--language nl|fr|en]
 *
 * The password is read from the INTERMEDIARY_PASSWORD environment variable, or generated and
 * printed once. Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR/pglite.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createIntermediaryStaff } from '../modules/intermediaries/index.ts';
import { systemClock } from '../platform/clock.ts';
import { type DatabaseHandle, migrate, openPglite, openPostgres } from '../platform/db/index.ts';
import { isLanguage } from '../platform/i18n/index.ts';

const USAGE =
  'Usage: npm run intermediary:add -- --municipality <slug|NIS code|name> --organisation <name> ' +
  '--kind <ocmw|caw|vdab|integration|huis_van_het_kind|…> --email <address> --name <display name> [--language nl|fr|en]';

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      municipality: { type: 'string' },
      organisation: { type: 'string' },
      kind: { type: 'string', default: 'ocmw' },
      email: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string', default: 'nl' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.info(USAGE);
    process.exit(0);
  }
  const { municipality, organisation, kind, email, name, language } = values;
  if (!municipality || !organisation || !email || !name || !isLanguage(language)) {
    console.error(USAGE);
    process.exit(2);
  }
  return { municipality, organisation, kind, email, displayName: name, language };
}

async function main(): Promise<void> {
  const input = options();
  const generated = !process.env.INTERMEDIARY_PASSWORD;
  const password = process.env.INTERMEDIARY_PASSWORD ?? randomBytes(12).toString('base64url');
  const config = loadConfig();
  const database: DatabaseHandle = config.databaseUrl
    ? openPostgres(config.databaseUrl, { max: 1 })
    : await openPglite(path.join(config.dataDir, 'pglite'));
  try {
    await migrate(database);
    const result = await createIntermediaryStaff(database.db, systemClock, { ...input, password });
    if (!result.ok) {
      console.error(result.error);
      process.exitCode = 1;
      return;
    }
    console.info(
      `${result.createdOrganisation ? 'Created' : 'Found'} organisation '${input.organisation}' (${result.organisationId}).`,
    );
    console.info(`Created staff account ${input.email.trim().toLowerCase()} (${result.userId}).`);
    if (generated) console.info(`Password (shown once): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
