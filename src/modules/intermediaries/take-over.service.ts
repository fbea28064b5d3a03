import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import { hashToken } from '../accounts/index.ts';
import { getParentsOfFamily } from '../families/index.ts';
import * as q from './intermediaries.queries.ts';

type Invitation = { familyId: string; fileNumber: string };

/** The family file a take-over link offers, while the link is unused and not expired. */
export async function getInvitation(
  deps: AppDeps,
  token: string | undefined,
): Promise<Invitation | undefined> {
  if (!token) return undefined;
  const row = await q.getTakeOverToken(deps.db, hashToken(token));
  if (!row?.familyId || row.usedAt || row.expiresAt.getTime() <= deps.clock.now().getTime()) return undefined;
  const family = await q.getFamilyForTakeOver(deps.db, row.familyId);
  return family ? { familyId: family.id, fileNumber: family.fileNumber } : undefined;
}

/**
 * The logged-in user takes the file over: the family's first parent without an account becomes
 * this user (their address now gets the mails, so no more follow-up tasks), the user is a parent.
 * The link works once; an account that already has a family file cannot take a second one.
 */
export async function acceptTakeOver(
  deps: AppDeps,
  user: CurrentUser,
  token: string,
): Promise<{ ok: true } | { ok: false; error: FieldError | 'invalid' }> {
  const invitation = await getInvitation(deps, token);
  if (!invitation) return { ok: false, error: 'invalid' };
  if (await q.userHasFamily(deps.db, user.id)) return { ok: false, error: 'alreadyHasFamily' };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await q.useToken(tx, hashToken(token), now)))
      return { ok: false as const, error: 'invalid' as const };
    const parent = (await getParentsOfFamily(tx, invitation.familyId)).find((p) => !p.userId);
    if (!parent) return { ok: false as const, error: 'invalid' as const };
    await q.linkParentToUser(tx, parent.id, user);
    await q.ensureParentGrant(tx, user.id);
    await recordAudit(tx, deps.clock, {
      actorUserId: user.id,
      actorRole: 'parent',
      action: 'family.takeOver',
      subjectType: 'family',
      subjectId: invitation.familyId,
      familyId: invitation.familyId,
    });
    return { ok: true as const };
  });
}
