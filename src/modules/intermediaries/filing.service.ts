import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { compareDates, localDate } from '../../shared/dates.ts';
import {
  checkParents,
  checkSubMunicipality,
  FAMILY_FACTS,
  findChildByNationalNumberHash,
  getMunicipality,
  insertChild,
  insertFamilyFile,
  insertParent,
} from '../families/index.ts';
import {
  checkCarePlan,
  checkNewChild,
  checkPreferenceFields,
  checkWhen,
  claimSubmissionKey,
  fileWithGuarantees,
  getRequestIdBySubmissionKey,
  getRequestWithChild,
  insertRequest,
  isFarAhead,
  oldestAcceptedAgeMonths,
} from '../requests/index.ts';
import * as q from './intermediaries.queries.ts';
import type { OnBehalfInput } from './intermediaries.schemas.ts';
import { organisationOf, staffActor } from './scope.ts';

/** A request of a family this organisation follows, to link to. */
export type ExistingRequest = { familyId: string; requestId: string };

export type Filing =
  | {
      ok: true;
      value: { familyId: string; requestId: string };
      /** The municipality's maximum when the start lies further ahead: a warning, not an error. */
      farAheadMonths?: number;
    }
  | { ok: false; errors: Errors; farAheadMonths?: number; existing?: ExistingRequest };

/**
 * The same child already has an open request: staff are pointed to it when its family is one
 * their organisation follows; any other family stays unknown to them ("contact the desk").
 */
async function ownExistingRequest(
  deps: AppDeps,
  organisationId: string,
  hash: string | undefined,
): Promise<ExistingRequest | undefined> {
  const known = hash ? await findChildByNationalNumberHash(deps.db, hash) : undefined;
  if (!known?.openRequestId) return undefined;
  const own = await q.getClientFamily(deps.db, organisationId, known.familyId);
  return own ? { familyId: known.familyId, requestId: known.openRequestId } : undefined;
}

/**
 * Staff file a family and its first request on the family's behalf, in one transaction: the family
 * file (followed by the staff member's organisation, with the family's consent and its date), one
 * or two parents (the first reachable by phone or e-mail), the child and the request with channel
 * 'intermediary'. The rules are the parent journey's own (family.service, request-rules, submit):
 * national numbers only as cipher and keyed hash, the sub-municipality, one open request per child
 * found through the keyed hash, dates against the birth, the municipality's maximum preferences,
 * and the warning when the start lies further ahead than the municipality's maximum months.
 */
export async function fileOnBehalf(deps: AppDeps, user: CurrentUser, input: OnBehalfInput): Promise<Filing> {
  const { db, clock } = deps;
  const organisationId = organisationOf(user);
  const errors: Errors = {};
  const municipality = await getMunicipality(db, input.municipalityId);
  if (!municipality?.active) errors.municipalityId = 'invalidChoice';
  const sub = await checkSubMunicipality(db, input.municipalityId, input.subMunicipalityId, errors, {
    required: true,
  });
  const parents = checkParents(deps, input, errors);
  if (!input.parent1Phone && !input.parent1Email) errors.parent1Phone = 'phoneOrEmailRequired';
  const consentDay = localDate(input.consentDate);
  if (compareDates(consentDay, clock.today()) > 0) errors.consentDate = 'invalidDate';

  const child = await checkNewChild(deps, undefined, input, errors);
  const existing =
    errors.nationalNumber === 'childKnownElsewhere'
      ? await ownExistingRequest(deps, organisationId, child.nationalNumber?.hash)
      : undefined;
  if (existing) errors.nationalNumber = 'childFollowedByYou';
  const when = checkWhen(input, child, clock.today(), errors, await oldestAcceptedAgeMonths(deps.db));
  const start = localDate(input.desiredStart);
  const farAheadMonths =
    municipality && isFarAhead(start, clock.today(), municipality.maxMonthsAhead)
      ? municipality.maxMonthsAhead
      : undefined;
  const plan = checkCarePlan(input, errors);
  const preferences = await checkPreferenceFields(db, input, municipality?.maxPreferences, errors);
  if (Object.keys(errors).length > 0 || !municipality || !when || !plan || !preferences) {
    // The same submission filed a moment ago (a double click, a repeated post): its answer again,
    // not the "already has a request" its own request now causes.
    const filedBefore = await getRequestIdBySubmissionKey(db, input.submissionKey);
    const family = filedBefore ? await getRequestWithChild(db, filedBefore) : undefined;
    if (filedBefore && family)
      return { ok: true, value: { familyId: family.family.id, requestId: filedBefore } };
    return {
      ok: false,
      errors,
      ...(farAheadMonths && !errors.desiredStart ? { farAheadMonths } : {}),
      ...(existing ? { existing } : {}),
    };
  }

  // Noon in Belgium's day of consent: the date stays the same in every time zone shown.
  const consentAt = new Date(`${consentDay}T11:00:00Z`);
  const facts = Object.fromEntries(FAMILY_FACTS.map((f) => [f, input.facts.includes(f)]));
  let familyId = '';
  const filed = await fileWithGuarantees(deps, input.submissionKey, () =>
    db.transaction(async (tx) => {
      const already = await claimSubmissionKey(tx, input.submissionKey);
      if (already) return already;
      const family = await insertFamilyFile(tx, {
        municipalityId: municipality.id,
        subMunicipalityId: sub?.id ?? null,
        street: input.street || null,
        houseNumber: input.houseNumber || null,
        postcode: input.postcode || null,
        city: input.city || null,
        homeLanguage: input.homeLanguage || null,
        ...facts,
        consentAt,
        createdByUserId: user.id,
      });
      familyId = family.id;
      await q.setIntermediary(tx, family.id, organisationId);
      await insertParent(tx, {
        familyId: family.id,
        ...parents.parent(1),
        email: input.parent1Email || null,
        position: 1,
      });
      if (parents.hasSecond)
        await insertParent(tx, {
          familyId: family.id,
          ...parents.parent(2),
          email: input.parent2Email || null,
          position: 2,
        });
      const { id: childId } = await insertChild(tx, {
        familyId: family.id,
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate,
        expectedBirthDate: child.expectedBirthDate,
        nationalNumberCipher: child.nationalNumber?.cipher ?? null,
        nationalNumberHash: child.nationalNumber?.hash ?? null,
      });
      await recordAudit(tx, clock, {
        ...staffActor(user),
        action: 'intermediary.family.create',
        subjectType: 'family',
        subjectId: family.id,
        familyId: family.id,
        details: { consentAt: consentDay },
      });
      return insertRequest(tx, deps, user, {
        family: { id: family.id, fileNumber: family.fileNumber, municipalityId: municipality.id },
        child,
        values: { ...when, ...plan, childId, preferences },
        submissionKey: input.submissionKey,
        onBehalf: { channel: 'intermediary', role: 'intermediary', action: 'intermediary.family.create' },
      });
    }),
  );
  if (!filed.ok) return filed;
  // A double submit finds the first request; its family is the one to show.
  if (!familyId) familyId = (await getRequestWithChild(db, filed.value))?.family.id ?? '';
  return {
    ok: true,
    value: { familyId, requestId: filed.value },
    ...(farAheadMonths ? { farAheadMonths } : {}),
  };
}
