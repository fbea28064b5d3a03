/**
 * The desk registers a family that phones or comes by (an e-mail address is optional). Requests
 * for it are filed through the parent's own wizard (request-journey), mounted for the desk.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { checkStaffFamily, deskActor, deskMunicipalityOf, insertStaffFamily } from '../families/index.ts';
import type { PhoneFamilyInput } from './filing.schemas.ts';

/** A new family file of the desk's municipality, reachable by phone (an e-mail address is optional). */
export async function registerPhoneFamily(
  deps: AppDeps,
  user: CurrentUser,
  input: PhoneFamilyInput,
): Promise<Result<string>> {
  const { db, clock } = deps;
  const municipalityId = deskMunicipalityOf(user);
  const errors: Errors = {};
  const checked = await checkStaffFamily(deps, municipalityId, input, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const familyId = await db.transaction(async (tx) => {
    const family = await insertStaffFamily(tx, input, checked, { municipalityId, createdByUserId: user.id });
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
