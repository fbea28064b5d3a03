/**
 * The desk registers a family that phones or comes by, and files a request for a family of its
 * municipality with the parent's own rules (request-rules, submit): channel `desk`, the event's
 * actor the desk officer, an audit row naming the family.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import {
  checkParents,
  checkSubMunicipality,
  deskActor,
  deskMunicipalityOf,
  getMunicipality,
  insertChild,
  insertFamilyFile,
  insertParent,
  requireDeskFamily,
} from '../families/index.ts';
import {
  checkCarePlan,
  checkNewChild,
  checkPreferenceFields,
  checkWhen,
  claimSubmissionKey,
  fileWithGuarantees,
  getRequestIdBySubmissionKey,
  insertRequest,
  oldestAcceptedAgeMonths,
} from '../requests/index.ts';
import type { PhoneFamilyInput, PhoneRequestInput } from './filing.schemas.ts';

/** A new family file of the desk's municipality, reachable by phone (an e-mail address is optional). */
export async function registerPhoneFamily(
  deps: AppDeps,
  user: CurrentUser,
  input: PhoneFamilyInput,
): Promise<Result<string>> {
  const { db, clock } = deps;
  const municipalityId = deskMunicipalityOf(user);
  const errors: Errors = {};
  const sub = await checkSubMunicipality(db, municipalityId, input.subMunicipalityId, errors, {
    required: true,
  });
  const parents = checkParents(deps, input, errors);
  if (!input.parent1Phone && !input.parent1Email) errors.parent1Phone = 'phoneOrEmailRequired';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const familyId = await db.transaction(async (tx) => {
    const family = await insertFamilyFile(tx, {
      municipalityId,
      subMunicipalityId: sub?.id ?? null,
      street: input.street || null,
      houseNumber: input.houseNumber || null,
      postcode: input.postcode || null,
      city: input.city || null,
      createdByUserId: user.id,
    });
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
    await recordAudit(tx, clock, {
      ...deskActor(user),
      action: 'desk.family.register',
      subjectType: 'family',
      subjectId: family.id,
      familyId: family.id,
      details: { registered: true },
    });
    return family.id;
  });
  return { ok: true, value: familyId };
}

/** A request for a child of a family of the desk's municipality (a new child), channel `desk`. */
export async function filePhoneRequest(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  input: PhoneRequestInput,
): Promise<Result<string>> {
  const { db, clock } = deps;
  const family = await requireDeskFamily(db, user, familyId);
  const municipality = await getMunicipality(db, family.municipalityId);
  if (!municipality) throw new NotFoundError('municipality');
  const errors: Errors = {};
  const child = await checkNewChild(deps, familyId, input, errors);
  const when = checkWhen(input, child, clock.today(), errors, await oldestAcceptedAgeMonths(db));
  const plan = checkCarePlan(input, errors);
  const preferences = await checkPreferenceFields(db, input, municipality.maxPreferences, errors);
  if (Object.keys(errors).length > 0 || !when || !plan || !preferences) {
    const filedBefore = await getRequestIdBySubmissionKey(db, input.submissionKey);
    if (filedBefore) return { ok: true, value: filedBefore };
    return { ok: false, errors };
  }
  return fileWithGuarantees(deps, input.submissionKey, () =>
    db.transaction(async (tx) => {
      const already = await claimSubmissionKey(tx, input.submissionKey);
      if (already) return already;
      const { id: childId } = await insertChild(tx, {
        familyId,
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate,
        expectedBirthDate: child.expectedBirthDate,
        nationalNumberCipher: child.nationalNumber?.cipher ?? null,
        nationalNumberHash: child.nationalNumber?.hash ?? null,
      });
      return insertRequest(tx, deps, user, {
        family: { id: familyId, fileNumber: family.fileNumber, municipalityId: family.municipalityId },
        child,
        values: { ...when, ...plan, childId, preferences },
        submissionKey: input.submissionKey,
        onBehalf: { channel: 'desk', role: 'desk', action: 'desk.request.file' },
      });
    }),
  );
}
