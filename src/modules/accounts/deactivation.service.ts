import { recordAudit } from '../../platform/audit/index.ts';
import { type CurrentUser, isStaff, type Role } from '../../platform/auth/actions.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import * as q from './deactivation.queries.ts';

/** A staff account as the platform admin sees it on the accounts page: no family's data. */
export type StaffAccount = {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  deactivatedAt: Date | null;
};

type Row = NonNullable<Awaited<ReturnType<typeof q.getAccountById>>>;

/** Staff only (any role but parent); an account deleted by its owner has no role left. */
function asStaffAccount(row: Row | undefined): StaffAccount | undefined {
  if (!row) return undefined;
  const roles: Role[] = row.roles;
  if (!isStaff(roles.map((role) => ({ role })))) return undefined;
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles,
    deactivatedAt: row.disabledAt,
  };
}

export async function findStaffAccountByEmail(deps: AppDeps, email: string) {
  return asStaffAccount(await q.getAccountByEmail(deps.db, email));
}

export async function getStaffAccount(deps: AppDeps, userId: string) {
  return asStaffAccount(await q.getAccountById(deps.db, userId));
}

export type ChangeOutcome = 'done' | 'unchanged' | 'ownAccount' | 'missing';

/**
 * Deactivates (or reactivates) a staff account: one transaction sets or clears `disabled_at`,
 * ends every session of the account (on deactivation) and records the audit row. Log-in is refused
 * from then on; the roles stay, so a reactivated account works as before. The admin's own account
 * is refused: nobody would be left to undo it.
 */
export async function setStaffAccountActive(
  deps: AppDeps,
  admin: CurrentUser,
  userId: string,
  active: boolean,
): Promise<ChangeOutcome> {
  const { db, clock } = deps;
  const account = await getStaffAccount(deps, userId);
  if (!account) return 'missing';
  if (account.id === admin.id) return 'ownAccount';
  if ((account.deactivatedAt === null) === active) return 'unchanged';
  await db.transaction(async (tx) => {
    await q.setAccountDisabled(tx, userId, active ? null : clock.now());
    if (!active) await destroyUserSessions(tx, userId);
    await recordAudit(tx, clock, {
      actorUserId: admin.id,
      actorRole: 'platform_admin',
      action: active ? 'admin.accounts.reactivate' : 'admin.accounts.deactivate',
      subjectType: 'user',
      subjectId: userId,
    });
  });
  return 'done';
}
