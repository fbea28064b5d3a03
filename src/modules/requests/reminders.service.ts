/**
 * The daily jobs of the parent journey. Each is a plain function of (deps, now), so tests call it
 * with a moved clock; each is idempotent: what it sends is marked in the same transaction
 * (birthDataRemindedAt, reminderSentAt, confirmationRemindedAt, statuses), so a second run the
 * same day, or two processes at once, send nothing twice.
 */
import type { Clock } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { ScheduledJob } from '../../platform/jobs/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { addDays, compareDates, dayInBrussels, type LocalDate } from '../../shared/dates.ts';
import { CONFIRMATION_TASK_KIND, childName, notifyFamily } from '../families/index.ts';
import * as cq from './changes.queries.ts';
import {
  birthDataReminderMail,
  confirmationReminderMail,
  offerExpiredMail,
  offerExpiredProviderMail,
  offerReminderMail,
  requestExpiredMail,
} from './parent.mails.ts';
import * as rq from './reminders.queries.ts';
import { confirmationState, OFFER_REMINDER_DAYS } from './request-dates.ts';
import * as q from './requests.queries.ts';
import { followUpUrl, isOpenPreference } from './requests.service.ts';

/** The job's "now" as a clock, so outbox rows carry the time the job ran for. */
const clockAt = (now: Date): Clock => ({ now: () => now, today: () => dayInBrussels(now) });

function done(deps: AppDeps, mailed: number): number {
  if (mailed > 0) deps.jobs.mailQueued();
  return mailed;
}

/** After the expected birth date: ask the parent (once) to complete the birth data. */
export async function sendBirthDataReminders(deps: AppDeps, now: Date): Promise<number> {
  const clock = clockAt(now);
  const due = await rq.getChildrenDueBirthReminder(deps.db, clock.today());
  let sent = 0;
  for (const child of due) {
    const mailed = await deps.db.transaction(async (tx) => {
      if (!(await rq.markBirthDataReminded(tx, child.childId, now))) return false;
      await notifyFamily(
        tx,
        clock,
        child.familyId,
        (to) =>
          birthDataReminderMail(to, {
            expected: child.expectedBirthDate ?? '',
            url: `${deps.config.publicUrl}/parent/children/${child.childId}/birth`,
          }),
        { details: { child: childName(child), expected: child.expectedBirthDate ?? undefined } },
      );
      return true;
    });
    if (mailed) sent++;
  }
  return done(deps, sent);
}

/** Two days before an offer's answer deadline: remind the parent (once per offer). */
export async function sendOfferReminders(deps: AppDeps, now: Date): Promise<number> {
  const clock = clockAt(now);
  const today = clock.today();
  const due = await rq.getOffersDueReminder(deps.db, today, addDays(today, OFFER_REMINDER_DAYS));
  let sent = 0;
  for (const offer of due) {
    const mailed = await deps.db.transaction(async (tx) => {
      if (!(await rq.markOfferReminded(tx, offer.offerId, now))) return false;
      await notifyFamily(
        tx,
        clock,
        offer.familyId,
        (to) =>
          offerReminderMail(to, {
            child: childName({ firstName: offer.childFirstName, lastName: offer.childLastName }),
            provider: offer.locationName,
            deadline: offer.answerDeadline,
            url: followUpUrl(deps, offer.requestId),
          }),
        {
          requestId: offer.requestId,
          details: { provider: offer.locationName, deadline: offer.answerDeadline },
          dueDate: offer.answerDeadline,
        },
      );
      return true;
    });
    if (mailed) sent++;
  }
  return done(deps, sent);
}

/**
 * Offers not answered by their deadline expire: the offer, the preference (offer_expired, an event
 * the provider sees in the request's history), a mail to the parent, and one to the location's
 * own address when it has one. Takes the same locks as accepting, so an answer and the expiry
 * cannot both happen.
 */
export async function expireOffers(deps: AppDeps, now: Date): Promise<number> {
  const clock = clockAt(now);
  const today = clock.today();
  const due = await rq.getOffersPastDeadline(deps.db, today);
  let expired = 0;
  for (const offer of due) {
    const changed = await deps.db.transaction(async (tx) => {
      await q.lockRequest(tx, offer.requestId);
      const locked = await q.lockPendingOffer(tx, offer.requestId, offer.offerId);
      if (!locked || compareDates(locked.offer.answerDeadline as LocalDate, today) >= 0) return false;
      await q.updateOfferStatus(tx, offer.offerId, 'expired', now);
      await q.updatePreferenceStatus(tx, locked.preference.id, 'offer_expired', now);
      await q.insertStatusEvents(tx, [
        {
          requestId: offer.requestId,
          preferenceId: locked.preference.id,
          offerId: offer.offerId,
          eventType: 'preference.offer_expired',
          fromStatus: locked.preference.status,
          toStatus: 'offer_expired',
          occurredAt: now,
          actorUserId: null,
          actorRole: null,
          details: { answerDeadline: offer.answerDeadline },
        },
      ]);
      const child = childName({ firstName: offer.childFirstName, lastName: offer.childLastName });
      await notifyFamily(
        tx,
        clock,
        offer.familyId,
        (to) =>
          offerExpiredMail(to, {
            child,
            provider: offer.locationName,
            url: followUpUrl(deps, offer.requestId),
          }),
        { requestId: offer.requestId, details: { provider: offer.locationName } },
      );
      if (offer.locationEmail) {
        await enqueueMail(
          tx,
          clock,
          offerExpiredProviderMail({
            to: offer.locationEmail,
            language: offer.locationLanguage,
            location: offer.locationName,
            child,
            fileNumber: offer.fileNumber,
            deadline: offer.answerDeadline,
            url: `${deps.config.publicUrl}/provider/locations/${locked.preference.providerLocationId}/requests/${offer.requestId}`,
            familyId: offer.familyId,
          }),
        );
      }
      return true;
    });
    if (changed) expired++;
  }
  return done(deps, expired);
}

/**
 * The confirmation cycle of open requests: reminders 14 and 3 days before the due date, and
 * expiry of requests still unconfirmed after it (open preferences close as request_closed), but
 * not while a task to phone the family about the confirmation is open.
 */
export async function runConfirmationCycle(
  deps: AppDeps,
  now: Date,
): Promise<{ reminded: number; expired: number }> {
  const clock = clockAt(now);
  const today = clock.today();
  const candidates = await rq.getRequestsNearConfirmation(deps.db, today, 15);
  let reminded = 0;
  let expired = 0;
  for (const candidate of candidates) {
    const outcome = await deps.db.transaction(async (tx) => {
      await q.lockRequest(tx, candidate.requestId);
      const detail = await q.getRequestWithChild(tx, candidate.requestId);
      if (detail?.request.status !== 'active') return 'none' as const;
      const state = confirmationState(detail.request, candidate.intervalMonths, today);
      const child = childName(detail.child);
      const url = followUpUrl(deps, candidate.requestId);
      if (state.action === 'remind') {
        await cq.updateRequest(tx, candidate.requestId, { confirmationRemindedAt: now });
        await notifyFamily(
          tx,
          clock,
          detail.family.id,
          (to) => confirmationReminderMail(to, { child, deadline: state.deadline, url }),
          { requestId: candidate.requestId, details: { deadline: state.deadline }, dueDate: state.deadline },
        );
        return 'reminded' as const;
      }
      if (state.action !== 'expire') return 'none' as const;
      // Staff still have to phone a family without e-mail: it cannot confirm before they reach it.
      if (await cq.hasOpenTask(tx, candidate.requestId, CONFIRMATION_TASK_KIND)) return 'none' as const;
      const rows = await cq.getPreferenceRows(tx, candidate.requestId);
      const closing = rows.filter((p) => isOpenPreference(p.status));
      await q.withdrawPendingOffers(
        tx,
        closing.map((p) => p.id),
        now,
      );
      for (const p of closing) await q.updatePreferenceStatus(tx, p.id, 'request_closed', now);
      await q.updateRequestStatus(tx, candidate.requestId, 'expired', now);
      const system = { actorUserId: null, actorRole: null, occurredAt: now } as const;
      await q.insertStatusEvents(tx, [
        ...closing.map((p) => ({
          requestId: candidate.requestId,
          preferenceId: p.id,
          eventType: 'preference.request_closed',
          fromStatus: p.status,
          toStatus: 'request_closed',
          ...system,
        })),
        {
          requestId: candidate.requestId,
          eventType: 'request.expired',
          fromStatus: 'active',
          toStatus: 'expired',
          details: { unconfirmedSince: detail.request.lastConfirmedAt.toISOString() },
          ...system,
        },
      ]);
      await notifyFamily(tx, clock, detail.family.id, (to) => requestExpiredMail(to, { child, url }), {
        requestId: candidate.requestId,
      });
      return 'expired' as const;
    });
    if (outcome === 'reminded') reminded++;
    if (outcome === 'expired') expired++;
  }
  done(deps, reminded + expired);
  return { reminded, expired };
}

/**
 * The parent journey's scheduled jobs (times in Belgium), registered by the composition root.
 * Offers expire first thing in the morning; reminders go out at a decent hour.
 */
export function requestJobs(deps: AppDeps): ScheduledJob[] {
  const now = () => deps.clock.now();
  return [
    { name: 'requests-offer-expiry', cron: '5 0 * * *', handler: () => expireOffers(deps, now()) },
    { name: 'requests-confirmation', cron: '0 7 * * *', handler: () => runConfirmationCycle(deps, now()) },
    { name: 'requests-offer-reminders', cron: '0 8 * * *', handler: () => sendOfferReminders(deps, now()) },
    {
      name: 'requests-birth-reminders',
      cron: '30 8 * * *',
      handler: () => sendBirthDataReminders(deps, now()),
    },
  ];
}
