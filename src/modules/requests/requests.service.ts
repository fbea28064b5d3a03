import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import { enqueueMail, type OutgoingMail } from '../../platform/mail/outbox.ts';
import { compareDates, type LocalDate, localDate, parseLocalDate, WEEKDAYS } from '../../shared/dates.ts';
import { parseNationalNumber } from '../../shared/national-number.ts';
import { carePlanFromDays } from './care-plan.ts';
import {
  offerAcceptedMail,
  offerDeclinedMail,
  type Recipient,
  requestSubmittedMail,
} from './requests.mails.ts';
import * as q from './requests.queries.ts';
import { MAX_PREFERENCE_FIELDS, type NewRequestInput } from './requests.schemas.ts';

export type Errors = Record<string, FieldError>;
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Errors };

const OPEN_PREFERENCE = new Set(['new', 'seen', 'waiting_list', 'offer_made']);

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const name = e.constraint ?? e.cause?.constraint;
  return code === '23505' && name === constraint;
}

export function childName(child: { firstName: string | null; lastName: string }): string {
  return [child.firstName, child.lastName].filter(Boolean).join(' ');
}

/** Queues one mail per parent of the family with an e-mail address, each in that parent's language. */
async function mailFamily(
  tx: Database,
  clock: Clock,
  familyId: string,
  build: (to: Recipient) => OutgoingMail,
) {
  for (const to of await recipients(tx, familyId)) await enqueueMail(tx, clock, build(to));
}

async function recipients(db: Database, familyId: string): Promise<Recipient[]> {
  const rows = await q.getFamilyMailRecipients(db, familyId);
  return rows.map((r) => ({
    email: r.email as string,
    name: r.firstName,
    language: r.language,
    familyId,
  }));
}

const followUpUrl = (deps: AppDeps, requestId: string) =>
  `${deps.config.publicUrl}/parent/requests/${requestId}`;

/**
 * Files a request for a child: creates the family file on a parent's first request, checks the
 * child against existing files by national number, and records preferences, history, mail and
 * audit in one transaction. The form's submission key makes a double submit create one request.
 */
export async function submitRequest(
  deps: AppDeps,
  user: CurrentUser,
  input: NewRequestInput,
): Promise<Result<string>> {
  const { db, clock, vault } = deps;
  const today = clock.today();
  const existingFamily = await q.getFamilyOfUser(db, user.id);
  const errors: Errors = {};

  const already = await q.getRequestIdBySubmissionKey(db, input.submissionKey);
  if (already) return { ok: true, value: already };

  // Family: only asked on the first request.
  let municipality = existingFamily
    ? await q.getMunicipality(db, existingFamily.family.municipalityId)
    : undefined;
  if (!existingFamily) {
    if (!input.parentFirstName) errors.parentFirstName = 'required';
    if (!input.parentLastName) errors.parentLastName = 'required';
    municipality = input.municipalityId ? await q.getMunicipality(db, input.municipalityId) : undefined;
    if (!municipality) errors.municipalityId = input.municipalityId ? 'invalidChoice' : 'required';
  }

  // Child: born (birth date) or unborn (expected birth date).
  const born = input.childBorn === 'yes';
  const birthDate = born ? parseLocalDate(input.birthDate) : undefined;
  const expectedBirthDate = born ? undefined : parseLocalDate(input.expectedBirthDate);
  if (born && !input.birthDate) errors.birthDate = 'required';
  if (born && birthDate && compareDates(birthDate, today) > 0) errors.birthDate = 'birthDateInFuture';
  if (!born && !input.expectedBirthDate) errors.expectedBirthDate = 'required';
  if (!born && expectedBirthDate && compareDates(expectedBirthDate, today) < 0)
    errors.expectedBirthDate = 'expectedDateInPast';

  let nationalNumberHash: string | undefined;
  let nationalNumberCipher: string | undefined;
  if (born && input.nationalNumber) {
    const parsed = parseNationalNumber(input.nationalNumber, birthDate ? { birthDate } : {});
    if (!parsed.ok) {
      errors.nationalNumber =
        parsed.error === 'birthDateMismatch' ? 'nationalNumberBirthDate' : 'invalidNationalNumber';
    } else {
      const protectedNumber = vault.protect(parsed.value);
      nationalNumberHash = protectedNumber.hash;
      nationalNumberCipher = protectedNumber.cipher;
    }
  }

  // Dates of care.
  const start = localDate(input.desiredStart);
  const end = parseLocalDate(input.desiredEnd);
  const birthOrExpected = birthDate ?? expectedBirthDate;
  if (compareDates(start, today) < 0) errors.desiredStart = 'startInPast';
  else if (birthOrExpected && compareDates(start, birthOrExpected) < 0)
    errors.desiredStart = 'startBeforeBirth';
  if (end && compareDates(end, start) <= 0) errors.desiredEnd = 'endBeforeStart';

  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, input[`day_${d}`]])) as Record<
    (typeof WEEKDAYS)[number],
    'none' | 'half' | 'full'
  >;
  if (WEEKDAYS.every((d) => days[d] === 'none')) errors.carePlan = 'noCareDays';

  // Ordered preferences: the filled-in choices, in order, without gaps.
  const chosen = [
    input.preference1,
    input.preference2,
    input.preference3,
    input.preference4,
    input.preference5,
  ]
    .slice(0, MAX_PREFERENCE_FIELDS)
    .filter((id): id is string => Boolean(id));
  const maxPreferences = municipality?.maxPreferences ?? MAX_PREFERENCE_FIELDS;
  if (chosen.length === 0) errors.preference1 = 'noPreferences';
  else if (new Set(chosen).size !== chosen.length) errors.preference1 = 'duplicatePreference';
  else if (chosen.length > maxPreferences)
    errors.preference1 = { key: 'tooManyPreferences', max: maxPreferences };
  else {
    const valid = new Set(await q.getActiveLocationIds(db, chosen));
    chosen.forEach((id, i) => {
      if (!valid.has(id)) errors[`preference${i + 1}`] = 'invalidChoice';
    });
  }

  // The same child (by national number) never gets a second open request.
  let existingChildId: string | undefined;
  if (nationalNumberHash) {
    const known = await q.findChildByNationalNumberHash(db, nationalNumberHash);
    if (known?.openRequestId || (known && known.familyId !== existingFamily?.family.id)) {
      errors.nationalNumber = 'childHasOpenRequest';
    } else if (known) existingChildId = known.childId;
  }

  if (Object.keys(errors).length > 0 || !municipality) return { ok: false, errors };
  const municipalityId = municipality.id;

  const now = clock.now();
  const actor = { actorUserId: user.id, actorRole: 'parent' as const };
  try {
    const result = await db.transaction(async (tx) => {
      let familyId = existingFamily?.family.id;
      let fileNumber = existingFamily?.family.fileNumber;
      if (!familyId) {
        const family = await q.insertFamily(tx, { municipalityId, createdByUserId: user.id, consentAt: now });
        familyId = family.id;
        fileNumber = family.fileNumber;
        await q.insertParent(tx, {
          familyId,
          userId: user.id,
          firstName: input.parentFirstName ?? '',
          lastName: input.parentLastName ?? '',
          email: user.email,
          phone: input.phone || null,
          language: user.language,
        });
      }
      const childId =
        existingChildId ??
        (
          await q.insertChild(tx, {
            familyId,
            firstName: input.childFirstName || null,
            lastName: input.childLastName,
            birthDate: birthDate ?? null,
            expectedBirthDate: expectedBirthDate ?? null,
            nationalNumberCipher: nationalNumberCipher ?? null,
            nationalNumberHash: nationalNumberHash ?? null,
          })
        ).id;
      const request = await q.insertRequest(tx, {
        childId,
        familyId,
        municipalityId,
        desiredStart: start,
        desiredEnd: end ?? null,
        carePlan: carePlanFromDays(days),
        channel: 'parent',
        submittedAt: now,
        lastConfirmedAt: now,
        statusChangedAt: now,
        submissionKey: input.submissionKey,
        createdByUserId: user.id,
      });
      if (!request) return { duplicate: true as const };
      const prefs = await q.insertPreferences(
        tx,
        chosen.map((providerLocationId, i) => ({
          requestId: request.id,
          providerLocationId,
          rank: i + 1,
          statusChangedAt: now,
        })),
      );
      await q.insertStatusEvents(tx, [
        {
          requestId: request.id,
          eventType: 'request.submitted',
          toStatus: 'active',
          occurredAt: now,
          ...actor,
        },
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
      const child = childName({ firstName: input.childFirstName || null, lastName: input.childLastName });
      await mailFamily(tx, clock, familyId, (to) =>
        requestSubmittedMail(to, {
          child,
          fileNumber: fileNumber ?? '',
          preferences: chosen.length,
          url: followUpUrl(deps, request.id),
        }),
      );
      await recordAudit(tx, clock, {
        ...actor,
        action: 'parent.request.create',
        subjectType: 'request',
        subjectId: request.id,
        familyId,
      });
      return { duplicate: false as const, requestId: request.id };
    });
    if (result.duplicate) {
      const id = await q.getRequestIdBySubmissionKey(db, input.submissionKey);
      return id ? { ok: true, value: id } : { ok: false, errors: { form: 'notAllowedNow' } };
    }
    deps.jobs.mailQueued();
    return { ok: true, value: result.requestId };
  } catch (error) {
    if (
      isUniqueViolation(error, 'requests_one_open_per_child_uq') ||
      isUniqueViolation(error, 'children_national_number_hash_uq')
    ) {
      return { ok: false, errors: { nationalNumber: 'childHasOpenRequest' } };
    }
    if (isUniqueViolation(error, 'requests_submission_key_uq')) {
      const id = await q.getRequestIdBySubmissionKey(db, input.submissionKey);
      if (id) return { ok: true, value: id };
    }
    throw error;
  }
}

/**
 * The parent accepts an offer. The request counts as answered; lower-ranked preferences close as
 * "placed elsewhere"; higher-ranked ones stay open only if the parent chooses so.
 */
export async function acceptOffer(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
  offerId: string,
  keepHigher: boolean | undefined,
): Promise<Result<void>> {
  const { db, clock } = deps;
  const now = clock.now();
  const actor = { actorUserId: user.id, actorRole: 'parent' as const };
  const outcome = await db.transaction(async (tx): Promise<Result<void>> => {
    // Answers on one request are serialised: two accepts at once cannot both win.
    await q.lockRequest(tx, requestId);
    const locked = await q.lockPendingOffer(tx, requestId, offerId);
    if (!locked || compareDates(locked.offer.answerDeadline as LocalDate, clock.today()) < 0) {
      return { ok: false, errors: { form: 'offerNoLongerOpen' } };
    }
    const acceptedRank = locked.preference.rank ?? Number.MAX_SAFE_INTEGER;
    const all = await q.getPreferencesOfRequest(tx, requestId);
    const higherOpen = all.filter(
      (p) =>
        p.id !== locked.preference.id &&
        p.rank !== null &&
        p.rank < acceptedRank &&
        OPEN_PREFERENCE.has(p.status),
    );
    if (higherOpen.length > 0 && keepHigher === undefined) {
      return { ok: false, errors: { keepHigher: 'invalidChoice' } };
    }
    await q.updateOfferStatus(tx, offerId, 'accepted', now);
    const request = await q.getRequestWithChild(tx, requestId);
    if (!request) throw new Error('request vanished');
    const events: q.StatusEventInsert[] = [
      {
        requestId,
        preferenceId: locked.preference.id,
        offerId,
        eventType: 'preference.offer_accepted',
        fromStatus: locked.preference.status,
        toStatus: 'offer_accepted',
        occurredAt: now,
        ...actor,
      },
    ];
    if (request.request.status !== 'answered') {
      await q.updateRequestStatus(tx, requestId, 'answered', now);
      events.push({
        requestId,
        eventType: 'request.answered',
        fromStatus: request.request.status,
        toStatus: 'answered',
        occurredAt: now,
        ...actor,
      });
    }
    const closeLower = all.filter(
      (p) =>
        p.id !== locked.preference.id &&
        (p.rank === null || p.rank > acceptedRank) &&
        (OPEN_PREFERENCE.has(p.status) || p.status === 'offer_accepted'),
    );
    const closeHigher = keepHigher ? [] : higherOpen;
    for (const [list, status] of [
      [closeLower, 'placed_elsewhere'],
      [closeHigher, 'withdrawn'],
    ] as const) {
      for (const p of list) {
        await q.updatePreferenceStatus(tx, p.id, status, now);
        events.push({
          requestId,
          preferenceId: p.id,
          eventType: `preference.${status}`,
          fromStatus: p.status,
          toStatus: status,
          occurredAt: now,
          ...actor,
        });
      }
    }
    await q.withdrawPendingOffers(
      tx,
      [...closeLower, ...closeHigher].map((p) => p.id),
      now,
    );
    // Only now: an earlier accepted preference must be closed first (one accepted per request).
    await q.updatePreferenceStatus(tx, locked.preference.id, 'offer_accepted', now);
    await q.insertStatusEvents(tx, events);
    await mailFamily(tx, clock, familyId, (to) =>
      offerAcceptedMail(to, {
        child: childName(request.child),
        provider: locked.locationName,
        start: locked.offer.startDate,
        keptHigher: higherOpen.length > 0 && Boolean(keepHigher),
        closedLower: closeLower.length > 0,
        url: followUpUrl(deps, requestId),
      }),
    );
    await recordAudit(tx, clock, {
      ...actor,
      action: 'parent.offer.answer',
      subjectType: 'offer',
      subjectId: offerId,
      familyId,
    });
    return { ok: true, value: undefined };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

export async function declineOffer(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
  offerId: string,
): Promise<Result<void>> {
  const { db, clock } = deps;
  const now = clock.now();
  const actor = { actorUserId: user.id, actorRole: 'parent' as const };
  const outcome = await db.transaction(async (tx): Promise<Result<void>> => {
    const locked = await q.lockPendingOffer(tx, requestId, offerId);
    if (!locked) return { ok: false, errors: { form: 'offerNoLongerOpen' } };
    await q.updateOfferStatus(tx, offerId, 'declined', now);
    await q.updatePreferenceStatus(tx, locked.preference.id, 'offer_declined', now);
    await q.insertStatusEvents(tx, [
      {
        requestId,
        preferenceId: locked.preference.id,
        offerId,
        eventType: 'preference.offer_declined',
        fromStatus: locked.preference.status,
        toStatus: 'offer_declined',
        occurredAt: now,
        ...actor,
      },
    ]);
    const request = await q.getRequestWithChild(tx, requestId);
    await mailFamily(tx, clock, familyId, (to) =>
      offerDeclinedMail(to, {
        child: request ? childName(request.child) : '',
        provider: locked.locationName,
        url: followUpUrl(deps, requestId),
      }),
    );
    await recordAudit(tx, clock, {
      ...actor,
      action: 'parent.offer.answer',
      subjectType: 'offer',
      subjectId: offerId,
      familyId,
    });
    return { ok: true, value: undefined };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

export { followUpUrl, mailFamily };

/** The parent's own family file and requests (null when the parent has not filed one yet). */
export async function getParentOverview(deps: AppDeps, user: CurrentUser) {
  const family = await q.getFamilyOfUser(deps.db, user.id);
  if (!family) return { family: undefined, requests: [] };
  const requests = await q.getFamilyRequests(deps.db, family.family.id);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: 'parent',
    action: 'parent.home',
    subjectType: 'family',
    subjectId: family.family.id,
    familyId: family.family.id,
  });
  return { family, requests };
}

/** One request of the parent's own family, with preferences, pending offers and history; 404 otherwise. */
export async function getRequestForParent(deps: AppDeps, user: CurrentUser, requestId: string) {
  const family = await q.getFamilyOfUser(deps.db, user.id);
  const detail = family ? await q.getRequestWithChild(deps.db, requestId) : undefined;
  if (!family || !detail || detail.family.id !== family.family.id) throw new NotFoundError('request');
  const [preferences, events] = await Promise.all([
    q.getPreferencesOfRequest(deps.db, requestId),
    q.getEventsOfRequest(deps.db, requestId),
  ]);
  await recordAudit(deps.db, deps.clock, {
    actorUserId: user.id,
    actorRole: 'parent',
    action: 'parent.request.read',
    subjectType: 'request',
    subjectId: requestId,
    familyId: family.family.id,
  });
  return { ...detail, preferences, events, today: deps.clock.today() };
}

/** Data for the request form: municipalities, selectable locations, and whether a family file exists. */
export async function getRequestFormData(deps: AppDeps, user: CurrentUser) {
  const [family, municipalities, locations] = await Promise.all([
    q.getFamilyOfUser(deps.db, user.id),
    q.getMunicipalities(deps.db),
    q.getSelectableLocations(deps.db),
  ]);
  const own = family ? municipalities.find((m) => m.id === family.family.municipalityId) : undefined;
  return {
    hasFamily: Boolean(family),
    municipalities,
    locations,
    maxPreferences: own?.maxPreferences ?? MAX_PREFERENCE_FIELDS,
  };
}
