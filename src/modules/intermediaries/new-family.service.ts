/**
 * Staff register a family their organisation follows: the family file only. Its requests are
 * filed afterwards through the parent's own wizard, mounted for intermediaries.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { compareDates, localDate } from '../../shared/dates.ts';
import {
  checkStaffFamily,
  getMunicipality,
  insertStaffFamily,
  priorityFactColumns,
} from '../families/index.ts';
import * as q from './intermediaries.queries.ts';
import type { NewFamilyInput } from './intermediaries.schemas.ts';
import { organisationOf, staffActor } from './scope.ts';

/**
 * A new family file followed by the staff member's organisation, in one transaction: the file
 * with the family's consent and its date (not in the future), one or two parents (the first
 * reachable by phone or e-mail), with the desk's checks (`checkStaffFamily`) and the audit row
 * `intermediary.family.create`. The same form posted again (a double click, a repeated post, in
 * parallel too) finds the family its submission key created and writes nothing more.
 */
export async function registerFamily(
  deps: AppDeps,
  user: CurrentUser,
  input: NewFamilyInput,
): Promise<Result<string>> {
  const { db, clock } = deps;
  const organisationId = organisationOf(user);
  const errors: Errors = {};
  const municipality = await getMunicipality(db, input.municipalityId);
  if (!municipality?.active) errors.municipalityId = 'invalidChoice';
  const checked = await checkStaffFamily(deps, input.municipalityId, input, errors);
  const consentDay = localDate(input.consentDate);
  if (compareDates(consentDay, clock.today()) > 0) errors.consentDate = 'consentDateInFuture';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // Noon in Belgium's day of consent: the date stays the same in every time zone shown.
  const consentAt = new Date(`${consentDay}T11:00:00Z`);
  // The facts are given now, whatever day the family consented.
  const facts = priorityFactColumns(input, clock.now());
  const familyId = await db.transaction(async (tx) => {
    const already = await q.claimFamilySubmissionKey(tx, user.id, input.submissionKey);
    if (already) return already;
    const family = await insertStaffFamily(tx, input, checked, {
      municipalityId: input.municipalityId,
      homeLanguage: input.homeLanguage || null,
      ...facts,
      consentAt,
      createdByUserId: user.id,
    });
    await q.setIntermediary(tx, family.id, organisationId);
    await recordAudit(tx, clock, {
      ...staffActor(user),
      action: q.FAMILY_CREATE_ACTION,
      subjectType: 'family',
      subjectId: family.id,
      familyId: family.id,
      details: { consentAt: consentDay, submissionKey: input.submissionKey },
    });
    return family.id;
  });
  return { ok: true, value: familyId };
}
