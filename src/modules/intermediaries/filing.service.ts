import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { compareDates, localDate } from '../../shared/dates.ts';
import {
  checkCarePlan,
  checkNewChild,
  checkPreferences,
  checkWhen,
  type Errors,
  FAMILY_FACTS,
  fileWithGuarantees,
  getMunicipality,
  getRequestWithChild,
  insertChild,
  insertFamilyFile,
  insertParent,
  insertRequest,
  MAX_PREFERENCE_FIELDS,
  type Result,
} from '../requests/index.ts';
import * as q from './intermediaries.queries.ts';
import type { OnBehalfInput } from './intermediaries.schemas.ts';
import { organisationOf, staffActor } from './scope.ts';

const days = (v: string | undefined) => (v ? String(Number(v.replace(',', '.'))) : null);

/**
 * Staff file a family and its first request on the family's behalf, in one transaction: the family
 * file (followed by the staff member's organisation, with the family's consent and its date), one
 * parent reachable by phone or e-mail, the child and the request with channel 'intermediary'.
 * The rules are the parent journey's own (request-rules, submit): one open request per child found
 * through the national number's keyed hash, dates against the birth, the municipality's maximum.
 */
export async function fileOnBehalf(
  deps: AppDeps,
  user: CurrentUser,
  input: OnBehalfInput,
): Promise<Result<{ familyId: string; requestId: string }>> {
  const { db, clock } = deps;
  const organisationId = organisationOf(user);
  const errors: Errors = {};
  const municipality = await getMunicipality(db, input.municipalityId);
  if (!municipality?.active) errors.municipalityId = 'invalidChoice';
  if (!input.parent1Phone && !input.parent1Email) errors.parent1Phone = 'phoneOrEmailRequired';
  const consentDay = localDate(input.consentDate);
  if (compareDates(consentDay, clock.today()) > 0) errors.consentDate = 'invalidDate';

  const child = await checkNewChild(deps, undefined, input, errors);
  const when = checkWhen(input, child, clock.today(), errors);
  const plan = checkCarePlan(input, errors);
  const chosen = [
    input.preference1,
    input.preference2,
    input.preference3,
    input.preference4,
    input.preference5,
  ]
    .slice(0, MAX_PREFERENCE_FIELDS)
    .filter((id): id is string => Boolean(id));
  const preferences = await checkPreferences(
    db,
    chosen,
    municipality?.maxPreferences ?? MAX_PREFERENCE_FIELDS,
    undefined,
    errors,
    'preference1',
  );
  if (Object.keys(errors).length > 0 || !municipality || !when || !plan || !preferences)
    return { ok: false, errors };

  // Noon in Belgium's day of consent: the date stays the same in every time zone shown.
  const consentAt = new Date(`${consentDay}T11:00:00Z`);
  const facts = Object.fromEntries(FAMILY_FACTS.map((f) => [f, input.facts.includes(f)]));
  let familyId = '';
  const filed = await fileWithGuarantees(deps, input.submissionKey, () =>
    db.transaction(async (tx) => {
      const family = await insertFamilyFile(tx, {
        municipalityId: municipality.id,
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
        firstName: input.parent1FirstName,
        lastName: input.parent1LastName,
        phone: input.parent1Phone || null,
        email: input.parent1Email || null,
        language: input.parent1Language,
        situation: input.parent1Situation ?? null,
        daysPerWeek: days(input.parent1DaysPerWeek),
        position: 1,
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
  return { ok: true, value: { familyId, requestId: filed.value } };
}
