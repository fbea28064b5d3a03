import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { enqueueMail, type OutgoingMail } from '../../platform/mail/outbox.ts';
import { newToken } from '../accounts/index.ts';
import * as q from './invitations.queries.ts';

/**
 * The steps every staff invitation shares, whoever invites (an organisation admin, the desk for an
 * intermediary organisation, or the platform admin for a municipality's desk and policy staff): the checks on an address that already has an account, the
 * account without a password for a new address (it chooses one when accepting), the invitation
 * (7 days), its mail and the invitation's audit row, all in one transaction. Nothing is granted
 * yet: that happens when the person accepts.
 */
const INVITATION_DAYS = 7;

export type { InvitingOrganisation } from './invitations.queries.ts';

type Tx = AppDeps['db'];
type ExistingUser = NonNullable<Awaited<ReturnType<typeof q.getUserByEmail>>>;
export type Invitee = { id: string; email: string; name: string; language: Language };

export async function inviteToOrganisation(
  deps: AppDeps,
  inviter: CurrentUser,
  input: { email: string; displayName: string; language: Language },
  invitation: {
    organisation: q.InvitingOrganisation;
    role: 'provider_staff' | 'provider_admin' | 'intermediary' | 'desk' | 'policy';
    locationIds: string[];
    /** Why an existing account may not be invited (checked before an open invitation is). */
    refuse: (tx: Tx, existing: ExistingUser) => Promise<Errors | undefined>;
    mail: (invitee: Invitee, url: string, newAccount: boolean) => OutgoingMail;
    audit: (
      tx: Tx,
      invitee: Invitee,
      details: { invitationId: string; newAccount: boolean },
    ) => Promise<void>;
  },
): Promise<Result<string>> {
  const now = deps.clock.now();
  const { organisation } = invitation;
  const outcome = await deps.db.transaction(async (tx): Promise<Result<string>> => {
    const existing = await q.getUserByEmail(tx, input.email);
    if (existing) {
      const errors = await invitation.refuse(tx, existing);
      if (errors) return { ok: false, errors };
      if (await q.hasOpenInvitation(tx, existing.id, organisation, now))
        return { ok: false, errors: { email: 'staffInvitationPending' } };
    }
    const invitee: Invitee = existing
      ? { id: existing.id, email: existing.email, name: existing.displayName, language: existing.language }
      : {
          id: await q.insertInvitedUser(tx, {
            email: input.email,
            displayName: input.displayName,
            language: input.language,
            createdAt: now,
          }),
          email: input.email,
          name: input.displayName,
          language: input.language,
        };
    const { token, tokenHash } = newToken();
    const invitationId = await q.insertInvitation(tx, {
      tokenHash,
      userId: invitee.id,
      ...q.organisationColumns(organisation),
      role: invitation.role,
      locationIds: invitation.locationIds,
      invitedBy: inviter.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    const url = `${deps.config.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
    await enqueueMail(tx, deps.clock, invitation.mail(invitee, url, !existing?.passwordHash));
    await invitation.audit(tx, invitee, { invitationId, newAccount: !existing });
    return { ok: true, value: invitationId };
  });
  if (outcome.ok) deps.jobs.mailQueued();
  return outcome;
}

/**
 * Withdraws an open invitation of the organisation, with its audit row: its link no longer works.
 * 404 when it is not (any more) open, or another organisation's.
 */
export async function withdrawFromOrganisation(
  deps: AppDeps,
  organisation: q.InvitingOrganisation,
  invitationId: string,
  audit: (tx: Tx, invitedUserId: string) => Promise<void>,
): Promise<void> {
  const now = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const withdrawn = await q.closeInvitation(
      tx,
      { id: invitationId, organisation },
      { withdrawnAt: now },
      now,
    );
    if (withdrawn) await audit(tx, withdrawn.userId);
    return withdrawn !== undefined;
  });
  if (!done) throw new NotFoundError('invitation');
}

/** The organisation's open invitations (nobody answered yet, still working). */
export function openInvitations(deps: AppDeps, organisation: q.InvitingOrganisation) {
  return q.getOpenInvitations(deps.db, organisation, deps.clock.now());
}
