import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Errors } from '../../platform/i18n/common.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { newToken } from '../accounts/index.ts';
import { getParentsOfFamily } from '../families/index.ts';
import {
  acceptOffer,
  declineOffer,
  getEventsOfRequest,
  getFamilyRequests,
  getPreferencesOfRequest,
  getRequestWithChild,
  requireOfferOfRequest,
} from '../requests/index.ts';
import { takeOverInvitationMail } from './intermediaries.mails.ts';
import * as q from './intermediaries.queries.ts';
import type { HandOverInput, OfferAnswerInput } from './intermediaries.schemas.ts';
import { organisationOf, staffActor } from './scope.ts';

/** How long a hand-over invitation works. */
export const TAKE_OVER_DAYS = 14;

async function requireOrganisation(deps: AppDeps, user: CurrentUser) {
  const organisation = await q.getOrganisation(deps.db, organisationOf(user));
  if (!organisation) throw new NotFoundError('organisation');
  return organisation;
}

/** A family of the user's organisation, or 404 (also for another organisation's family). */
export async function requireClient(deps: AppDeps, user: CurrentUser, familyId: string) {
  const client = await q.getClientFamily(deps.db, organisationOf(user), familyId);
  if (!client) throw new NotFoundError('family');
  return client;
}

/** A request of a family this organisation follows; 404 otherwise (no read is recorded). */
export async function requireClientRequest(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
): Promise<void> {
  await requireClient(deps, user, familyId);
  const detail = await getRequestWithChild(deps.db, requestId);
  if (!detail || detail.family.id !== familyId) throw new NotFoundError('request');
}

/** An offer made on a request of a family this organisation follows; 404 otherwise. */
export async function requireClientOffer(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
  offerId: string,
): Promise<void> {
  await requireClientRequest(deps, user, familyId, requestId);
  await requireOfferOfRequest(deps.db, requestId, offerId);
}

export type ClientFamily = {
  familyId: string;
  fileNumber: string;
  parent: string;
  phone: string | null;
  hasEmail: boolean;
  requests: { id: string; status: string; child: string; desiredStart: string }[];
};

/** The home: the organisation's families with their requests, and how many tasks are open. */
export async function getHome(deps: AppDeps, user: CurrentUser) {
  const organisation = await requireOrganisation(deps, user);
  const [rows, openTasks] = await Promise.all([
    q.getClientFamilyRows(deps.db, organisation.id),
    q.getTasks(deps.db, organisation.id, false),
  ]);
  const families = new Map<string, ClientFamily>();
  for (const r of rows) {
    let f = families.get(r.familyId);
    if (!f) {
      f = {
        familyId: r.familyId,
        fileNumber: r.fileNumber,
        parent: [r.parentFirstName, r.parentLastName].filter(Boolean).join(' '),
        phone: r.parentPhone,
        hasEmail: Boolean(r.parentEmail),
        requests: [],
      };
      families.set(r.familyId, f);
    }
    if (r.requestId && r.requestStatus) {
      f.requests.push({
        id: r.requestId,
        status: r.requestStatus,
        child: [r.childFirstName, r.childLastName].filter(Boolean).join(' '),
        desiredStart: r.desiredStart ?? '',
      });
    }
  }
  await recordAudit(deps.db, deps.clock, {
    ...staffActor(user),
    action: 'intermediary.home',
    subjectType: 'family',
    // Whose data the list showed: every family on it.
    details: { organisation: organisation.id, rows: families.size, families: [...families.keys()] },
  });
  return { organisation, families: [...families.values()], openTasks: openTasks.length };
}

/** One client family: its file, parents and requests. */
export async function getFamilyFile(deps: AppDeps, user: CurrentUser, familyId: string) {
  const client = await requireClient(deps, user, familyId);
  const [parents, requests] = await Promise.all([
    getParentsOfFamily(deps.db, familyId),
    getFamilyRequests(deps.db, familyId),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...staffActor(user),
    action: 'intermediary.family.read',
    subjectType: 'family',
    subjectId: familyId,
    familyId,
  });
  return { ...client, parents, requests };
}

/** A request of a client family with its preferences (and pending offers) and its history. */
export async function getRequestFollowUp(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
) {
  await requireClient(deps, user, familyId);
  const detail = await getRequestWithChild(deps.db, requestId);
  if (!detail || detail.family.id !== familyId) throw new NotFoundError('request');
  const [preferences, events] = await Promise.all([
    getPreferencesOfRequest(deps.db, requestId),
    getEventsOfRequest(deps.db, requestId),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...staffActor(user),
    action: 'intermediary.family.read',
    subjectType: 'request',
    subjectId: requestId,
    familyId,
  });
  return { ...detail, preferences, events };
}

/** The organisation's open tasks (most urgent first) and the last ones done. */
export async function getTaskList(deps: AppDeps, user: CurrentUser) {
  const organisationId = organisationOf(user);
  const [open, done] = await Promise.all([
    q.getTasks(deps.db, organisationId, false),
    q.getTasks(deps.db, organisationId, true, 20),
  ]);
  await recordAudit(deps.db, deps.clock, {
    ...staffActor(user),
    action: 'intermediary.tasks.read',
    subjectType: 'family',
    details: {
      organisation: organisationId,
      open: open.length,
      families: [...new Set([...open, ...done].map((task) => task.familyId))],
    },
  });
  return { open, done };
}

/** Marks a task done by this staff member, now; 404 for another organisation's (or a done) task. */
export async function completeTask(deps: AppDeps, user: CurrentUser, taskId: string): Promise<void> {
  const organisationId = organisationOf(user);
  await deps.db.transaction(async (tx) => {
    const familyId = await q.markTaskDone(tx, organisationId, taskId, user.id, deps.clock.now());
    if (!familyId) throw new NotFoundError('task');
    await recordAudit(tx, deps.clock, {
      ...staffActor(user),
      action: 'intermediary.tasks.done',
      subjectType: 'family',
      subjectId: familyId,
      familyId,
      details: { task: taskId },
    });
  });
}

/**
 * Invites the parent to take the file over with their own account: a one-time link (only its hash
 * is stored) mailed to the address the staff member enters, in the language chosen.
 */
export async function handOver(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  input: HandOverInput,
): Promise<void> {
  const organisation = await requireOrganisation(deps, user);
  const client = await requireClient(deps, user, familyId);
  const now = deps.clock.now();
  const { token, tokenHash } = newToken();
  await deps.db.transaction(async (tx) => {
    await q.insertTakeOverToken(tx, {
      tokenHash,
      email: input.email,
      familyId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TAKE_OVER_DAYS * 86_400_000),
    });
    await enqueueMail(
      tx,
      deps.clock,
      takeOverInvitationMail({
        to: input.email,
        language: input.language,
        organisation: organisation.name,
        fileNumber: client.family.fileNumber,
        url: `${deps.config.publicUrl}/take-over?token=${token}`,
        familyId,
      }),
    );
    await recordAudit(tx, deps.clock, {
      ...staffActor(user),
      action: 'intermediary.family.handOver',
      subjectType: 'family',
      subjectId: familyId,
      familyId,
    });
  });
  deps.jobs.mailQueued();
}

/**
 * Records the family's answer to an offer when it asked by phone: the parent journey's own accept
 * or decline (same locks, rules, history and notification), recorded as done by the intermediary.
 */
export async function answerOfferForFamily(
  deps: AppDeps,
  user: CurrentUser,
  familyId: string,
  requestId: string,
  offerId: string,
  input: OfferAnswerInput,
): Promise<{ ok: true } | { ok: false; errors: Errors }> {
  await requireClient(deps, user, familyId);
  const detail = await getRequestWithChild(deps.db, requestId);
  if (!detail || detail.family.id !== familyId) throw new NotFoundError('request');
  const onBehalf = { role: 'intermediary' as const, action: 'intermediary.offer.answer' as const };
  const result =
    input.answer === 'accept'
      ? await acceptOffer(
          deps,
          user,
          familyId,
          requestId,
          offerId,
          input.keepHigher ? input.keepHigher === 'yes' : undefined,
          onBehalf,
        )
      : await declineOffer(deps, user, familyId, requestId, offerId, onBehalf);
  return result.ok ? { ok: true } : { ok: false, errors: result.errors };
}
