import { eq } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';

export async function getUserByEmail(db: Database, email: string) {
  const rows = await db.select().from(schema.users).where(eq(schema.users.email, email));
  return rows[0];
}

export async function insertParentUser(
  db: Database,
  user: { email: string; passwordHash: string; displayName: string; language: 'nl' | 'fr' | 'en' },
) {
  const [row] = await db
    .insert(schema.users)
    .values(user)
    .onConflictDoNothing()
    .returning({ id: schema.users.id });
  if (!row) return undefined;
  await db.insert(schema.roleGrants).values({ userId: row.id, role: 'parent' });
  return row;
}

export async function updateUserLanguage(db: Database, userId: string, language: 'nl' | 'fr' | 'en') {
  await db.update(schema.users).set({ language }).where(eq(schema.users.id, userId));
}
