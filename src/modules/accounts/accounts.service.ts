import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Database } from '../../platform/db/index.ts';
import { getUserByEmail, insertParentUser } from './accounts.queries.ts';

// Verifying against a dummy hash when the e-mail is unknown keeps the answer time the same, so
// the log-in form does not reveal which addresses have an account.
let dummyHash: Promise<string> | undefined;

export async function authenticate(db: Database, email: string, password: string) {
  const user = await getUserByEmail(db, email);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok || user.disabledAt) return undefined;
  return user;
}

export async function registerParent(
  db: Database,
  input: { email: string; password: string; displayName: string; language: 'nl' | 'fr' | 'en' },
): Promise<{ ok: true; userId: string } | { ok: false; error: 'emailTaken' }> {
  const passwordHash = await hashPassword(input.password);
  const row = await db.transaction((tx) =>
    insertParentUser(tx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      language: input.language,
    }),
  );
  return row ? { ok: true, userId: row.id } : { ok: false, error: 'emailTaken' };
}
