/**
 * A family registered by staff (the desk for a family that phones or comes by, an intermediary
 * for a family it follows): the same checks and the same writes for both, so the two forms keep
 * the same rules. Requests are filed afterwards through the parent's own wizard mounted for staff.
 */
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import * as q from './families.queries.ts';
import type { StaffFamilyInput } from './families.schemas.ts';
import { checkParents, checkSubMunicipality } from './families.service.ts';

export type CheckedStaffFamily = Awaited<ReturnType<typeof checkStaffFamily>>;

/**
 * The parents (one or two, national numbers only through the vault, phone numbers checked), the
 * first reachable by phone or e-mail, and the sub-municipality, required where the municipality
 * has any. Adds the messages to `errors`.
 */
export async function checkStaffFamily(
  deps: AppDeps,
  municipalityId: string,
  input: StaffFamilyInput,
  errors: Errors,
) {
  const sub = await checkSubMunicipality(deps.db, municipalityId, input.subMunicipalityId, errors, {
    required: true,
  });
  const parents = checkParents(deps, input, errors);
  if (!input.parent1Phone && !input.parent1Email) errors.parent1Phone = 'phoneOrEmailRequired';
  return { sub, parents };
}

/**
 * Within the caller's transaction: the family file with its address and its parents, from a
 * checked form. `file` adds what only one kind of staff records (facts, consent…).
 */
export async function insertStaffFamily(
  tx: Database,
  input: StaffFamilyInput,
  checked: CheckedStaffFamily,
  file: { municipalityId: string; createdByUserId: string } & Partial<
    Omit<Parameters<typeof q.insertFamilyFile>[1], 'municipalityId' | 'createdByUserId'>
  >,
) {
  const family = await q.insertFamilyFile(tx, {
    subMunicipalityId: checked.sub?.id ?? null,
    street: input.street || null,
    houseNumber: input.houseNumber || null,
    postcode: input.postcode || null,
    city: input.city || null,
    ...file,
  });
  await q.insertParent(tx, {
    familyId: family.id,
    ...checked.parents.parent(1),
    email: input.parent1Email || null,
    position: 1,
  });
  if (checked.parents.hasSecond)
    await q.insertParent(tx, {
      familyId: family.id,
      ...checked.parents.parent(2),
      email: input.parent2Email || null,
      position: 2,
    });
  return family;
}
