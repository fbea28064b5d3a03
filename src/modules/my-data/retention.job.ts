import { recordAudit } from '../../platform/audit/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { ScheduledJob } from '../../platform/jobs/index.ts';
import * as a from './anonymise.queries.ts';
import * as q from './my-data.queries.ts';

const BATCH = 200;

/**
 * Pseudonymises the family files whose requests all closed more than the retention term ago
 * (`RETENTION_YEARS`, 5 by default: the childcare decree's term): the same anonymisation as an
 * account deletion, so requests, preferences, offers and their history stay and every statistic
 * over them keeps its value, while names, national numbers, addresses, contacts, free texts, notes
 * and mails go. One transaction per file, re-checked under its lock; idempotent.
 */
export async function pseudonymiseFilesPastRetention(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
): Promise<{ files: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - deps.config.retentionYears);
  let files = 0;
  for (;;) {
    const due = await a.getFilesPastRetention(db, cutoff, BATCH);
    if (due.length === 0) return { files };
    for (const familyId of due) {
      await db.transaction(async (tx) => {
        await q.lockFamily(tx, familyId);
        if (!(await a.getFilesPastRetention(tx, cutoff, BATCH)).includes(familyId)) return;
        const requests = await a.getRequestIdsOfFamily(tx, familyId);
        await a.anonymiseFamily(
          tx,
          familyId,
          requests.map((r) => r.id),
          now,
        );
        await recordAudit(tx, clock, {
          actorUserId: undefined,
          actorRole: undefined,
          action: 'system.retention.pseudonymise',
          subjectType: 'family',
          subjectId: familyId,
          familyId,
          details: { retentionYears: deps.config.retentionYears, requests: requests.length },
        });
      });
      files++;
    }
  }
}

export function retentionJob(deps: AppDeps): ScheduledJob {
  return {
    name: 'file-retention',
    cron: '45 3 * * *',
    handler: () => pseudonymiseFilesPastRetention(deps),
  };
}
