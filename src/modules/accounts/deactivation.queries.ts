import { eq, type SQL } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

const { users, roleGrants } = schema;

/** SQL of deactivating and reactivating a staff account (the platform admin's accounts page). */

async function accountWhere(db: Database, where: SQL) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(where);
  const row = rows[0];
  if (!row) return undefined;
  const grants = await db
    .selectDistinct({ role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, row.id))
    .orderBy(roleGrants.role);
  return { ...row, roles: grants.map((g) => g.role) };
}

export async function getAccountByEmail(db: Database, email: string) {
  return accountWhere(db, eq(users.email, email));
}

export async function getAccountById(db: Database, userId: string) {
  return accountWhere(db, eq(users.id, userId));
}

/** Sets or clears the account's deactivation (`disabled_at`); the caller ends its sessions. */
export async function setAccountDisabled(db: Database, userId: string, at: Date | null) {
  await db.update(users).set({ disabledAt: at }).where(eq(users.id, userId));
}
