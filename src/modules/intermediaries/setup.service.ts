import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import * as q from './intermediaries.queries.ts';

export type NewStaff = {
  /** The municipality's slug, NIS code or name. */
  municipality: string;
  organisation: string;
  kind: string;
  email: string;
  displayName: string;
  password: string;
  language: 'nl' | 'fr' | 'en';
};

/**
 * Creates (or finds) an intermediary organisation in a municipality and a staff account for it,
 * in one transaction. Refuses an e-mail address that already has an account.
 */
export async function createIntermediaryStaff(
  db: Database,
  clock: Clock,
  input: NewStaff,
): Promise<
  | { ok: true; organisationId: string; userId: string; createdOrganisation: boolean }
  | { ok: false; error: string }
> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    return { ok: false, error: `Not an e-mail address: ${input.email}` };
  if (input.password.length < 10) return { ok: false, error: 'The password needs at least 10 characters.' };
  const municipality = await q.findMunicipality(db, input.municipality);
  if (!municipality)
    return { ok: false, error: `No municipality '${input.municipality}' (use its slug, NIS code or name).` };
  if (await q.findUserByEmail(db, email))
    return { ok: false, error: `An account for ${email} exists already.` };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const organisation = await q.findOrInsertOrganisation(tx, {
      municipalityId: municipality.id,
      name: input.organisation,
      kind: input.kind,
    });
    const user = await q.insertStaffUser(tx, {
      email,
      displayName: input.displayName,
      passwordHash,
      language: input.language,
      at: clock.now(),
    });
    await q.insertIntermediaryGrant(tx, user.id, organisation.id);
    return {
      ok: true as const,
      organisationId: organisation.id,
      userId: user.id,
      createdOrganisation: organisation.created,
    };
  });
}
