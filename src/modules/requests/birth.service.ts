import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { isUniqueViolation } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { compareDates, localDate } from '../../shared/dates.ts';
import { parseNationalNumber } from '../../shared/national-number.ts';
import {
  childName,
  findChildByNationalNumberHash,
  getChildOfFamily,
  getFamilyOfUser,
  notifyFamily,
  parentActor,
  updateChild,
} from '../families/index.ts';
import { birthDataCompletedMail } from './parent.mails.ts';
import * as q from './requests.queries.ts';
import type { BirthInput } from './requests.schemas.ts';
import { type Acting, followUpUrl } from './requests.service.ts';

/**
 * A child of the parent's own family (or, with `acting`, of the family staff act for) that has no
 * birth data yet; 404 otherwise.
 */
export async function getUnbornChild(deps: AppDeps, user: CurrentUser, childId: string, acting?: Acting) {
  const familyId = acting ? acting.familyId : (await getFamilyOfUser(deps.db, user.id))?.family.id;
  const child = familyId ? await getChildOfFamily(deps.db, familyId, childId) : undefined;
  if (!familyId || !child) throw new NotFoundError('child');
  return { family: { id: familyId }, child };
}

/**
 * "My child is born": completes the birth data of a child filed as unborn. Its open request keeps
 * its original submission date (its place on the waiting lists); the providers see the change.
 */
export async function completeBirthData(
  deps: AppDeps,
  user: CurrentUser,
  childId: string,
  input: BirthInput,
  acting?: Acting,
): Promise<Result<string | undefined>> {
  const { db, clock } = deps;
  const { family, child } = await getUnbornChild(deps, user, childId, acting);
  if (child.birthDate) return { ok: false, errors: { form: 'notAllowedNow' } };
  const errors: Errors = {};
  const birthDate = localDate(input.birthDate);
  if (compareDates(birthDate, clock.today()) > 0) errors.birthDate = 'birthDateInFuture';
  let protectedNumber: { cipher: string; hash: string } | undefined;
  if (input.nationalNumber) {
    const parsed = parseNationalNumber(input.nationalNumber, { birthDate });
    if (!parsed.ok)
      errors.nationalNumber =
        parsed.error === 'birthDateMismatch' ? 'nationalNumberBirthDate' : 'invalidNationalNumber';
    else {
      protectedNumber = deps.vault.protect(parsed.value);
      const known = await findChildByNationalNumberHash(db, protectedNumber.hash);
      if (known && known.childId !== childId)
        errors.nationalNumber = known.familyId === family.id ? 'childHasOpenRequest' : 'childKnownElsewhere';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const now = clock.now();
  const actor = acting ? { actorUserId: user.id, actorRole: acting.role } : parentActor(user);
  try {
    const requestId = await db.transaction(async (tx) => {
      await updateChild(tx, childId, {
        firstName: input.childFirstName,
        lastName: input.childLastName,
        birthDate,
        ...(protectedNumber
          ? { nationalNumberCipher: protectedNumber.cipher, nationalNumberHash: protectedNumber.hash }
          : {}),
      });
      const open = await q.getOpenRequestsOfChild(tx, childId);
      await q.insertStatusEvents(
        tx,
        open.map((r) => ({
          requestId: r.id,
          eventType: 'child.born',
          occurredAt: now,
          details: { birthDate },
          ...actor,
        })),
      );
      const name = childName({ firstName: input.childFirstName, lastName: input.childLastName });
      for (const r of open) {
        await notifyFamily(
          tx,
          clock,
          family.id,
          (to) =>
            birthDataCompletedMail(to, {
              child: name,
              submittedAt: r.submittedAt,
              url: followUpUrl(deps, r.id),
            }),
          { requestId: r.id, byIntermediary: acting?.role === 'intermediary' },
        );
      }
      await recordAudit(tx, clock, {
        ...actor,
        action: acting?.action ?? 'parent.family.update',
        subjectType: 'family',
        subjectId: family.id,
        familyId: family.id,
        details: { child: childId, birthData: true },
      });
      return open[0]?.id;
    });
    deps.jobs.mailQueued();
    return { ok: true, value: requestId };
  } catch (error) {
    if (isUniqueViolation(error, 'children_national_number_hash_uq'))
      return { ok: false, errors: { nationalNumber: 'childKnownElsewhere' } };
    throw error;
  }
}
