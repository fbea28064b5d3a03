/** The demo module's public API: the demo region generator and its accounts. */
import type { Clock } from '../../platform/clock.ts';
import type { NationalNumberVault } from '../../platform/crypto/national-number-vault.ts';
import { type Database, schema } from '../../platform/db/index.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './demo.accounts.ts';
import { type DemoSummary, generateDemoRegion } from './demo.generator.ts';
import type { DemoScale } from './demo.scale.ts';

export {
  DEFAULT_DEMO_SEED,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_SCALES,
  DEMO_TOTP_SECRET,
  type DemoLogin,
  type DemoScale,
  type DemoScaleName,
  type DemoScaleParams,
  type DemoSummary,
  generateDemoRegion,
} from './demo.generator.ts';
export { isDemoScaleName } from './demo.scale.ts';

export type DemoSeedResult = {
  /** False when the demo region was already there (a restart). */
  generated: boolean;
  summary: DemoSummary | undefined;
  logins: readonly DemoLogin[];
  password: string;
};

/**
 * For start-up: generates the demo region into an empty database. Returns the log-ins when the
 * database holds the demo region (new or from an earlier start), undefined when it holds real data.
 */
export async function seedDemoIfEmpty(
  db: Database,
  deps: {
    clock: Clock;
    vault: NationalNumberVault;
    seed?: number;
    scale?: DemoScale;
    /** Seals the demo staff's second factor (ADR 0020). */
    sessionSecret?: string;
  },
): Promise<DemoSeedResult | undefined> {
  const regions = await db.select({ code: schema.regions.code }).from(schema.regions);
  if (regions.length === 0) {
    const summary = await generateDemoRegion(db, deps);
    return { generated: true, summary, logins: DEMO_LOGINS, password: DEMO_PASSWORD };
  }
  if (regions.some((region) => region.code === 'demo')) {
    return { generated: false, summary: undefined, logins: DEMO_LOGINS, password: DEMO_PASSWORD };
  }
  return undefined;
}
