import { recordAudit } from '../../platform/audit/index.ts';
import type { Action, CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import { isUniqueViolation } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { childName, notifyFamily, parentActor } from '../families/index.ts';
import type { CarePlanValues, WhenValues } from './request-rules.ts';
import { requestSubmittedMail } from './requests.mails.ts';
import * as q from './requests.queries.ts';
import { followUpUrl } from './requests.service.ts';

export type RequestValues = WhenValues & CarePlanValues & { childId: string; preferences: string[] };

export type Filing = {
  family: { id: string; fileNumber: string; municipalityId: string };
  child: { firstName: string | null; lastName: string };
  values: RequestValues;
  /** The one-time key of the form (the wizard's draft id): a second submit finds the first request. */
  submissionKey: string;
  /** Filed by staff for the family (an intermediary, later the desk): the channel and who acted. */
  onBehalf?: { channel: 'intermediary' | 'desk'; role: 'intermediary' | 'desk'; action: Action };
};

/**
 * Writes a new request with its ordered preferences, history, mail and audit, inside the caller's
 * transaction. Returns undefined when the submission key was used already (a double submit).
 */
export async function insertRequest(
  tx: Database,
  deps: AppDeps,
  user: CurrentUser,
  filing: Filing,
): Promise<string | undefined> {
  const now = deps.clock.now();
  const { family, values } = filing;
  const actor = filing.onBehalf
    ? { actorUserId: user.id, actorRole: filing.onBehalf.role }
    : parentActor(user);
  const request = await q.insertRequest(tx, {
    childId: values.childId,
    familyId: family.id,
    municipalityId: family.municipalityId,
    kind: values.kind,
    occasionalReason: values.occasionalReason,
    desiredStart: values.desiredStart,
    desiredEnd: values.desiredEnd,
    carePlan: values.carePlan,
    careNeeds: values.careNeeds,
    careNeedsText: values.careNeedsText,
    channel: filing.onBehalf?.channel ?? 'parent',
    submittedAt: now,
    lastConfirmedAt: now,
    statusChangedAt: now,
    submissionKey: filing.submissionKey,
    createdByUserId: user.id,
  });
  if (!request) return undefined;
  const prefs = await q.insertPreferences(
    tx,
    values.preferences.map((providerLocationId, i) => ({
      requestId: request.id,
      providerLocationId,
      rank: i + 1,
      statusChangedAt: now,
      createdAt: now,
    })),
  );
  await q.insertStatusEvents(tx, [
    { requestId: request.id, eventType: 'request.submitted', toStatus: 'active', occurredAt: now, ...actor },
    ...prefs.map((p) => ({
      requestId: request.id,
      preferenceId: p.id,
      eventType: 'preference.added',
      toStatus: 'new',
      occurredAt: now,
      details: { rank: p.rank },
      ...actor,
    })),
  ]);
  await notifyFamily(
    tx,
    deps.clock,
    family.id,
    (to) =>
      requestSubmittedMail(to, {
        child: childName(filing.child),
        fileNumber: family.fileNumber,
        preferences: values.preferences.length,
        url: followUpUrl(deps, request.id),
      }),
    {
      requestId: request.id,
      details: { child: childName(filing.child), fileNumber: family.fileNumber },
      byIntermediary: filing.onBehalf?.role === 'intermediary',
    },
  );
  await recordAudit(tx, deps.clock, {
    ...actor,
    action: filing.onBehalf?.action ?? 'parent.request.create',
    subjectType: 'request',
    subjectId: request.id,
    familyId: family.id,
  });
  return request.id;
}

/** Maps the database's guarantees (one open request per child, one file per child) to messages. */
export async function fileWithGuarantees(
  deps: AppDeps,
  submissionKey: string,
  write: () => Promise<string | undefined>,
): Promise<Result<string>> {
  try {
    const id = (await write()) ?? (await q.getRequestIdBySubmissionKey(deps.db, submissionKey));
    if (!id) return { ok: false, errors: { form: 'notAllowedNow' } };
    deps.jobs.mailQueued();
    return { ok: true, value: id };
  } catch (error) {
    if (
      isUniqueViolation(error, 'requests_one_open_per_child_uq') ||
      isUniqueViolation(error, 'children_national_number_hash_uq')
    ) {
      return { ok: false, errors: { nationalNumber: 'childHasOpenRequest' } };
    }
    if (isUniqueViolation(error, 'requests_submission_key_uq')) {
      const id = await q.getRequestIdBySubmissionKey(deps.db, submissionKey);
      if (id) return { ok: true, value: id };
    }
    throw error;
  }
}
