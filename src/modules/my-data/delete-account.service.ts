import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import { verifyPasswordInConstantTime } from '../../platform/auth/passwords.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/i18n/common.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import * as a from './anonymise.queries.ts';
import { accountDeletedMail } from './my-data.mails.ts';
import * as q from './my-data.queries.ts';

const OPEN_REQUEST = new Set(['active', 'answered']);

/**
 * Deletes a parent's account, in one transaction: the open requests are withdrawn (with their
 * history, so providers see it), the family file is anonymised (its counts stay for the
 * statistics), the account is closed and every session ends, and a confirmation goes to the
 * account's address. The current password is the proof that the owner asks for it.
 */
export async function deleteAccount(
  deps: AppDeps,
  user: CurrentUser,
  password: string,
): Promise<{ ok: true } | { ok: false; errors: Record<string, FieldError> }> {
  const { db, clock } = deps;
  const account = await q.getUser(db, user.id);
  const ok = await verifyPasswordInConstantTime(account?.passwordHash, password);
  if (!account || !ok) return { ok: false, errors: { password: 'wrongPassword' } };
  const now = clock.now();
  const actor = { actorUserId: user.id, actorRole: 'parent' as const };

  await db.transaction(async (tx) => {
    const found = await q.getFamilyOfUser(tx, user.id);
    const familyId = found?.family.id;
    let withdrawnRequests = 0;
    if (familyId) {
      await q.lockFamily(tx, familyId);
      const requests = await a.getRequestIdsOfFamily(tx, familyId);
      // A child already enrolled keeps its place: that request stays answered, its other
      // preferences are withdrawn.
      const enrolled = new Set(await a.getRequestIdsWithEnrolment(tx, familyId));
      const open = requests.filter((r) => OPEN_REQUEST.has(r.status) && !enrolled.has(r.id));
      const prefs = await a.getWithdrawablePreferences(
        tx,
        requests.filter((r) => OPEN_REQUEST.has(r.status)).map((r) => r.id),
      );
      await a.withdraw(tx, { requestIds: open.map((r) => r.id), preferenceIds: prefs.map((p) => p.id) }, now);
      const details = { reason: 'account_deleted' };
      await a.insertStatusEvents(tx, [
        ...prefs.map((p) => ({
          requestId: p.requestId,
          preferenceId: p.id,
          eventType: 'preference.withdrawn',
          fromStatus: p.status,
          toStatus: 'withdrawn',
          occurredAt: now,
          details,
          ...actor,
        })),
        ...open.map((r) => ({
          requestId: r.id,
          eventType: 'request.withdrawn',
          fromStatus: r.status,
          toStatus: 'withdrawn',
          occurredAt: now,
          details,
          ...actor,
        })),
      ]);
      withdrawnRequests = open.length;
      await a.anonymiseFamily(
        tx,
        familyId,
        requests.map((r) => r.id),
        now,
      );
    }
    await a.scrubUser(tx, user.id, now);
    await enqueueMail(
      tx,
      clock,
      accountDeletedMail(
        { email: account.email, name: account.displayName, language: account.language },
        { withdrawnRequests, hadFamily: Boolean(familyId) },
      ),
    );
    await recordAudit(tx, clock, {
      ...actor,
      action: 'parent.account.delete',
      subjectType: familyId ? 'family' : 'user',
      subjectId: familyId ?? user.id,
      familyId,
      details: { withdrawnRequests },
    });
  });
  deps.jobs.mailQueued();
  return { ok: true };
}
