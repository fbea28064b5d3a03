/**
 * The weekly digest: on Monday morning every staff member of a location gets, in their own
 * language, the requests waiting longer than the municipality's first-answer days. "Overdue" is
 * the waiting list's own filter (its query is reused, not copied). Once a week per location: the
 * audit row that records the disclosure is written in the transaction that queues the mails, under
 * a lock on the location, so a second run in the same week finds it and sends nothing.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import type { ScheduledJob } from '../../platform/jobs/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { addDays, dayInBrussels, type LocalDate } from '../../shared/dates.ts';
import { childName } from '../families/index.ts';
import { getRuleSetValidOn } from '../priority-rules/index.ts';
import { DEFAULT_VIEW, getWaitingListPage } from '../waiting-list/index.ts';
import { digestMessages } from './overdue-digest.messages.ts';
import * as q from './provider-reports.queries.ts';

/** At most this many requests are listed in the mail; the link opens the full filtered list. */
export const DIGEST_LISTED = 50;
const FETCHED = 1000;

/** The Monday of the week (Monday to Sunday) a day falls in. */
export function weekOf(day: LocalDate): LocalDate {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

type Location = { id: string; name: string; firstAnswerDays: number };

async function overdueOf(tx: Database, location: Location, today: LocalDate) {
  return getWaitingListPage(
    tx,
    {
      locationId: location.id,
      today,
      firstAnswerDays: location.firstAnswerDays,
      rules: await getRuleSetValidOn(tx, today),
    },
    { filters: { ...DEFAULT_VIEW.filters, overdue: true }, sort: { column: 'waitingDays', dir: 'desc' } },
    { limit: FETCHED, offset: 0 },
  );
}

/** One location's digest, in its own transaction; the number of mails queued. */
async function digestForLocation(deps: AppDeps, clock: Clock, location: Location): Promise<number> {
  const today = clock.today();
  const week = weekOf(today);
  return deps.db.transaction(async (tx) => {
    await q.lockLocation(tx, location.id);
    if (await q.digestSent(tx, location.id, week)) return 0;
    const overdue = await overdueOf(tx, location, today);
    if (overdue.length === 0) return 0;
    const staff = await q.getStaffOfLocation(tx, location.id);
    const url = `${deps.config.publicUrl}/provider/locations/${location.id}/waiting-list?status=all&overdue=1&sort=waitingDays&dir=desc`;
    for (const user of staff) {
      const t = digestMessages[user.language];
      const listed = overdue
        .slice(0, DIGEST_LISTED)
        .map((r) =>
          t.line(
            r.fileNumber,
            childName({ firstName: r.childFirstName, lastName: r.childLastName }),
            r.waitingDays ?? 0,
            formatDate(user.language, r.desiredStart),
          ),
        );
      const rest = overdue.length - listed.length;
      const rendered = renderMail(user.language, {
        subject: t.subject(overdue.length, location.name),
        greeting: t.greeting(user.name),
        paragraphs: [
          t.intro(location.name, location.firstAnswerDays, formatDate(user.language, today)),
          ...listed,
          ...(rest > 0 ? [t.more(rest)] : []),
        ],
        action: { label: t.action, url },
        signature: t.signature,
      });
      await enqueueMail(tx, clock, {
        to: user.email,
        language: user.language,
        template: 'provider.overdue_digest',
        ...rendered,
      });
    }
    await recordAudit(tx, clock, {
      actorUserId: undefined,
      actorRole: undefined,
      action: q.DIGEST_ACTION,
      subjectType: 'waiting_list',
      subjectId: location.id,
      details: { week, requests: overdue.length, recipients: staff.length },
    });
    return staff.length;
  });
}

/** Every location's digest for the week of `now`; the number of mails queued. Idempotent per week. */
export async function sendOverdueDigests(deps: AppDeps, now: Date): Promise<number> {
  const clock: Clock = { now: () => now, today: () => dayInBrussels(now) };
  let mailed = 0;
  for (const location of await q.getLocationsWithStaff(deps.db)) {
    mailed += await digestForLocation(deps, clock, location);
  }
  if (mailed > 0) deps.jobs.mailQueued();
  return mailed;
}

/** Monday 07:00, Belgian time (the job system reads cron in Europe/Brussels). */
export function providerReportJobs(deps: AppDeps): ScheduledJob[] {
  return [
    {
      name: 'provider-overdue-digest',
      cron: '0 7 * * 1',
      handler: () => sendOverdueDigests(deps, deps.clock.now()),
    },
  ];
}
