/**
 * Fills an empty database with the demo region.
 *
 *   node --import tsx src/cli/demo.ts [--scale demo|leuven|region|flanders] [--seed N]
 *
 * Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR/pglite (./data/pglite).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import {
  DEFAULT_DEMO_SEED,
  DEMO_SCALES,
  type DemoScaleName,
  type DemoSummary,
  generateDemoRegion,
  isDemoScaleName,
} from '../modules/demo/index.ts';
import { systemClock } from '../platform/clock.ts';
import { createNationalNumberVault } from '../platform/crypto/national-number-vault.ts';
import { type DatabaseHandle, migrate, openPglite, openPostgres } from '../platform/db/index.ts';

const USAGE = `Usage: node --import tsx src/cli/demo.ts [--scale ${Object.keys(DEMO_SCALES).join('|')}] [--seed N]`;

function parseOptions(argv: string[]): { scale: DemoScaleName; seed: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.info(USAGE);
    process.exit(0);
  }
  if (!isDemoScaleName(values.scale)) throw new UsageError(`Unknown scale '${values.scale}'.`);
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0.`);
  return { scale: values.scale, seed };
}

class UsageError extends Error {}

function report(summary: DemoSummary, seconds: number): void {
  const line = (label: string, value: string | number) => console.info(`  ${label.padEnd(22)} ${value}`);
  const statuses = (counts: Partial<Record<string, number>>) =>
    Object.entries(counts)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
  console.info(
    `\nDemo region '${summary.region.name}' generated in ${seconds.toFixed(1)} s ` +
      `(seed ${summary.seed}, today ${summary.today}).`,
  );
  line('municipalities', `${summary.municipalities} (${summary.subMunicipalities} sub-municipalities)`);
  line(
    'provider locations',
    `${summary.locations} (${summary.groupLocations} group, ${summary.familyLocations} family care; ` +
      `${summary.providerOrganisations} organisations)`,
  );
  line('intermediary orgs', summary.intermediaryOrganisations);
  line('users', summary.users);
  line(
    'families',
    `${summary.families} (${summary.parents} parents, ${summary.children} children of whom ` +
      `${summary.unbornChildren} unborn)`,
  );
  line(
    'priority',
    summary.ruleSet
      ? `${summary.priorityFamilies} families with priority, ${summary.vulnerableFamilies} vulnerable, under ` +
          `"${summary.ruleSet.name}" (${summary.ruleSet.code} v${summary.ruleSet.version}; /priority-rules)`
      : 'no priority rule set valid today: nobody has priority',
  );
  line('requests', `${summary.requests} (${statuses(summary.requestsByStatus)})`);
  line('preferences', `${summary.preferences} (${statuses(summary.preferencesByStatus)})`);
  line('offers', summary.offers);
  line('status events', summary.statusEvents);
  line('emergency list', `${summary.emergencyList} (${summary.socialEmergencies} with a social reason)`);
  line('follow-up tasks', summary.followUpTasks);
  console.info(`\nDemo log-ins (password: ${summary.password}):`);
  for (const login of summary.logins) {
    console.info(`  ${login.role.padEnd(15)} ${login.email.padEnd(28)} ${login.description}`);
  }
}

async function main(): Promise<void> {
  const { scale, seed } = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const database: DatabaseHandle = config.databaseUrl
    ? openPostgres(config.databaseUrl, { max: 1 })
    : await openPglite(path.join(config.dataDir, 'pglite'));
  try {
    console.info(
      `Database: ${database.kind === 'pglite' ? `embedded (${path.join(config.dataDir, 'pglite')})` : 'PostgreSQL server'}; ` +
        `scale ${scale} (${JSON.stringify(DEMO_SCALES[scale])}).`,
    );
    await migrate(database);
    const vault = createNationalNumberVault({
      encryptionKey: config.secrets.nationalNumberEncryptionKey,
      hashKey: config.secrets.nationalNumberHashKey,
    });
    const started = performance.now();
    const summary = await generateDemoRegion(database.db, {
      clock: systemClock,
      vault,
      seed,
      scale,
      sessionSecret: config.secrets.sessionSecret,
    });
    report(summary, (performance.now() - started) / 1000);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
