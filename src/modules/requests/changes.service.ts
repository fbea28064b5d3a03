/**
 * The parent changes a filed request: dates, care plan, preferences (working copy, then saved at
 * once), confirms it is still current, or withdraws it. Each change is one transaction with its
 * history events (which the providers see), one mail to the parent and an audit row.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { WEEKDAYS } from '../../shared/dates.ts';
import type { Recipient } from '../families/index.ts';
import {
  CONFIRMATION_TASK_KIND,
  childName,
  getMunicipality,
  notifyFamily,
  parentActor,
  requireFamily,
} from '../families/index.ts';
import * as cq from './changes.queries.ts';
import { deleteEditDrafts } from './drafts.queries.ts';
import { requestChangedMail, requestConfirmedMail, requestWithdrawnMail } from './parent.mails.ts';
import { confirmationDueDate } from './request-dates.ts';
import { checkCarePlan, checkWhen, oldestAcceptedAgeMonths } from './request-rules.ts';
import * as q from './requests.queries.ts';
import type { CarePlanInput } from './requests.schemas.ts';
import { type Acting, followUpUrl, isOpenPreference, requireOwnRequest } from './requests.service.ts';

type Detail = Awaited<ReturnType<typeof requireOwnRequest>>;
type Actor = { actorUserId: string; actorRole: 'parent' | 'desk' | 'intermediary' };
type Change = {
  action: 'parent.request.update' | 'parent.request.withdraw' | 'parent.request.confirm';
  /** Only for requests in these statuses; otherwise the change is refused. */
  statuses: readonly string[];
  apply: (tx: Database, detail: Detail, now: Date, actor: Actor) => Promise<Result<Mailer | undefined>>;
};

/** Who acts: the parent, or staff for the family (the event's actor names them). */
function actorOf(user: CurrentUser, acting: Acting | undefined): Actor {
  return acting ? { actorUserId: user.id, actorRole: acting.role } : parentActor(user);
}
type Mailer = (to: Recipient, child: string, url: string) => OutgoingMail;

/**
 * Runs one change of a request of the parent's own family (or, with `acting`, of the family staff
 * act for; the route checked their scope): locks the request (so an accept, a provider's answer or
 * a job cannot interleave), re-reads it, applies, mails and audits.
 */
async function changeRequest(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  change: Change,
  acting?: Acting,
): Promise<Result<void>> {
  const familyId = acting ? acting.familyId : (await requireFamily(deps, user)).family.id;
  await requireOwnRequest(deps.db, familyId, requestId);
  const actor = actorOf(user, acting);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx): Promise<Result<boolean>> => {
    await q.lockRequest(tx, requestId);
    const detail = await requireOwnRequest(tx, familyId, requestId);
    if (!change.statuses.includes(detail.request.status))
      return { ok: false, errors: { form: 'notAllowedNow' } };
    const applied = await change.apply(tx, detail, now, actor);
    if (!applied.ok) return applied;
    const mailer = applied.value;
    if (mailer) {
      await notifyFamily(
        tx,
        deps.clock,
        familyId,
        (to) => mailer(to, childName(detail.child), followUpUrl(deps, requestId)),
        { requestId, byIntermediary: acting?.role === 'intermediary' },
      );
    }
    await recordAudit(tx, deps.clock, {
      ...actor,
      action: acting?.action ?? change.action,
      subjectType: 'request',
      subjectId: requestId,
      familyId,
      ...(acting ? { details: { forFamily: familyId, change: change.action } } : {}),
    });
    return { ok: true, value: Boolean(mailer) };
  });
  if (!outcome.ok) return outcome;
  if (outcome.value) deps.jobs.mailQueued();
  return { ok: true, value: undefined };
}

const OPEN = ['active', 'answered'] as const;

/** New start and end dates (the type of request stays; its rules still apply). */
export function changeDates(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  input: { desiredStart: string; desiredEnd?: string | undefined },
  acting?: Acting,
): Promise<Result<void>> {
  return changeRequest(
    deps,
    user,
    requestId,
    {
      action: 'parent.request.update',
      statuses: OPEN,
      apply: async (tx, { request, child }, now, actor) => {
        const errors: Errors = {};
        const values = checkWhen(
          {
            kind: request.kind,
            occasionalReason: request.occasionalReason ?? undefined,
            desiredStart: input.desiredStart,
            desiredEnd: input.desiredEnd,
          },
          child,
          deps.clock.today(),
          errors,
          await oldestAcceptedAgeMonths(tx),
        );
        if (!values) return { ok: false, errors };
        const startChanged = values.desiredStart !== request.desiredStart;
        const endChanged = values.desiredEnd !== request.desiredEnd;
        if (!startChanged && !endChanged) return { ok: true, value: undefined };
        await cq.updateRequest(tx, request.id, {
          desiredStart: values.desiredStart,
          desiredEnd: values.desiredEnd,
        });
        await q.insertStatusEvents(tx, [
          {
            requestId: request.id,
            eventType: 'request.dates_changed',
            occurredAt: now,
            details: {
              ...(startChanged
                ? { desiredStart: { from: request.desiredStart, to: values.desiredStart } }
                : {}),
              ...(endChanged ? { desiredEnd: { from: request.desiredEnd, to: values.desiredEnd } } : {}),
            },
            ...actor,
          },
        ]);
        return {
          ok: true,
          value: (to, name, url) =>
            requestChangedMail(to, {
              child: name,
              url,
              ...(startChanged ? { start: values.desiredStart } : {}),
              ...(endChanged ? { end: values.desiredEnd } : {}),
            }),
        };
      },
    },
    acting,
  );
}

export function changeCarePlan(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  input: CarePlanInput,
  acting?: Acting,
): Promise<Result<void>> {
  return changeRequest(
    deps,
    user,
    requestId,
    {
      action: 'parent.request.update',
      statuses: OPEN,
      apply: async (tx, { request }, now, actor) => {
        const errors: Errors = {};
        const values = checkCarePlan(input, errors);
        if (!values) return { ok: false, errors };
        const before = request.carePlan;
        const same =
          WEEKDAYS.every((d) => before.days[d] === values.carePlan.days[d]) &&
          before.fixed === values.carePlan.fixed &&
          before.early === values.carePlan.early &&
          before.late === values.carePlan.late &&
          request.careNeeds === values.careNeeds &&
          (request.careNeedsText ?? null) === values.careNeedsText;
        if (same) return { ok: true, value: undefined };
        await cq.updateRequest(tx, request.id, values);
        await q.insertStatusEvents(tx, [
          {
            requestId: request.id,
            eventType: 'request.care_plan_changed',
            occurredAt: now,
            // The care-needs text is shown to the chosen providers only, never copied into history.
            details: { from: before, to: values.carePlan, careNeeds: values.careNeeds },
            ...actor,
          },
        ]);
        return {
          ok: true,
          value: (to, name, url) => requestChangedMail(to, { child: name, url, carePlan: true }),
        };
      },
    },
    acting,
  );
}

/**
 * "My request is still current": resets the confirmation cycle, and closes the tasks to phone the
 * family about it (they are answered).
 */
export function confirmRequest(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  acting?: Acting,
): Promise<Result<void>> {
  return changeRequest(
    deps,
    user,
    requestId,
    {
      action: 'parent.request.confirm',
      statuses: ['active'],
      apply: async (tx, { request }, now, actor) => {
        await cq.updateRequest(tx, request.id, { lastConfirmedAt: now });
        await cq.closeOpenTasks(tx, request.id, CONFIRMATION_TASK_KIND, now, user.id);
        await q.insertStatusEvents(tx, [
          { requestId: request.id, eventType: 'request.confirmed', occurredAt: now, ...actor },
        ]);
        const municipality = await getMunicipality(tx, request.municipalityId);
        const due = confirmationDueDate(now, municipality?.confirmationIntervalMonths ?? 3);
        return { ok: true, value: (to, name, url) => requestConfirmedMail(to, { child: name, url, due }) };
      },
    },
    acting,
  );
}

/**
 * Withdraws the whole request: every preference still open (or accepted) becomes withdrawn, its
 * pending offer too, and the request is withdrawn; the providers see it in their lists' statuses.
 */
export function withdrawRequest(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  acting?: Acting,
): Promise<Result<void>> {
  return changeRequest(
    deps,
    user,
    requestId,
    {
      action: 'parent.request.withdraw',
      statuses: OPEN,
      apply: async (tx, { request }, now, actor) => {
        const rows = await cq.getPreferenceRows(tx, request.id);
        const closing = rows.filter((p) => isOpenPreference(p.status) || p.status === 'offer_accepted');
        await q.withdrawPendingOffers(
          tx,
          closing.map((p) => p.id),
          now,
        );
        for (const p of closing) await q.updatePreferenceStatus(tx, p.id, 'withdrawn', now);
        await q.updateRequestStatus(tx, request.id, 'withdrawn', now);
        await q.insertStatusEvents(tx, [
          ...closing.map((p) => ({
            requestId: request.id,
            preferenceId: p.id,
            eventType: 'preference.withdrawn',
            fromStatus: p.status,
            toStatus: 'withdrawn',
            occurredAt: now,
            ...actor,
          })),
          {
            requestId: request.id,
            eventType: 'request.withdrawn',
            fromStatus: request.status,
            toStatus: 'withdrawn',
            occurredAt: now,
            ...actor,
          },
        ]);
        await deleteEditDrafts(tx, request.id);
        return { ok: true, value: (to, name, url) => requestWithdrawnMail(to, { child: name, url }) };
      },
    },
    acting,
  );
}

export { changeRequest };
