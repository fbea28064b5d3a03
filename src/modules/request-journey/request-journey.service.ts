import { recordReadAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { getChildrenOfFamily, getFamilyOfUser, getMunicipality, parentActor } from '../families/index.ts';
import {
  confirmationDueDate,
  getEventsOfRequest,
  getFamilyRequests,
  getPreferencesOfRequest,
  getWizardDraft,
  isOpenRequest,
  requireOwnRequest,
} from '../requests/index.ts';

/** The parent's home: family file, children, a draft in progress and the requests. */
export async function getParentOverview(deps: AppDeps, user: CurrentUser) {
  const family = await getFamilyOfUser(deps.db, user.id);
  if (!family) return { family: undefined, requests: [], children: [], draft: undefined };
  const [requests, children, draft] = await Promise.all([
    getFamilyRequests(deps.db, family.family.id),
    getChildrenOfFamily(deps.db, family.family.id),
    getWizardDraft(deps.db, user.id),
  ]);
  await recordReadAudit(deps.db, deps.clock, {
    ...parentActor(user),
    action: 'parent.home',
    subjectType: 'family',
    subjectId: family.family.id,
    familyId: family.family.id,
  });
  // An answer is due while a pending offer's deadline has not passed (the expiry job closes it after).
  const today = deps.clock.today();
  return {
    family,
    requests: requests.map((r) => ({
      ...r,
      answerDueBy: r.offerDeadline && r.offerDeadline >= today ? r.offerDeadline : undefined,
    })),
    children,
    draft: draft ? { step: draft.step } : undefined,
  };
}

/**
 * One request of the parent's own family for the follow-up page: preferences with the date an
 * answer can be expected, pending offers, the confirmation due date and the history; 404 otherwise.
 */
export async function getRequestForParent(deps: AppDeps, user: CurrentUser, requestId: string) {
  const family = await getFamilyOfUser(deps.db, user.id);
  if (!family) throw new NotFoundError('request');
  const detail = await requireOwnRequest(deps.db, family.family.id, requestId);
  const [preferences, events, municipality] = await Promise.all([
    getPreferencesOfRequest(deps.db, requestId),
    getEventsOfRequest(deps.db, requestId),
    getMunicipality(deps.db, detail.request.municipalityId),
  ]);
  await recordReadAudit(deps.db, deps.clock, {
    ...parentActor(user),
    action: 'parent.request.read',
    subjectType: 'request',
    subjectId: requestId,
    familyId: family.family.id,
  });
  const today = deps.clock.today();
  const firstAnswerDays = municipality?.firstAnswerDays ?? 21;
  const open = isOpenRequest(detail.request.status);
  return {
    ...detail,
    preferences: preferences.map((p) => {
      // A first answer is due within the municipality's term from when the location was chosen;
      // once that day has passed the date no longer helps the parent (the desk follows it up).
      const due = new Date(p.createdAt.getTime() + firstAnswerDays * 86_400_000);
      const waiting = p.status === 'new' || p.status === 'seen';
      return { ...p, answerExpectedBy: waiting && due >= deps.clock.now() ? due : undefined };
    }),
    events,
    today,
    confirmationDue:
      detail.request.status === 'active'
        ? confirmationDueDate(detail.request.lastConfirmedAt, municipality?.confirmationIntervalMonths ?? 3)
        : undefined,
    canChange: open,
    canChangePreferences: open,
    isUnborn: detail.child.birthDate === null,
  };
}
