import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser, Role } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { maskNationalNumber } from '../../shared/national-number.ts';
import * as q from './my-data.queries.ts';

/**
 * Everything the desk keeps about a parent's family, for the parent (the right of access): the
 * account, the family file, parents, children, requests with their preferences, offers and
 * history, the mails sent, and who read or changed the file. National numbers are decrypted only
 * to be shown masked, and that reveal is audited like any other.
 */
export async function buildMyDataExport(deps: AppDeps, user: CurrentUser, format: 'json' | 'html') {
  const { db, clock, vault } = deps;
  const account = await q.getUser(db, user.id);
  const found = await q.getFamilyOfUser(db, user.id);
  const familyId = found?.family.id;
  const [parentRows, childRows, requestRows, mails, trail] = familyId
    ? await Promise.all([
        q.getParents(db, familyId),
        q.getChildren(db, familyId),
        q.getRequests(db, familyId),
        q.getFamilyMails(db, familyId),
        q.getAuditTrail(db, familyId),
      ])
    : [[], [], [], [], []];
  const requestIds = requestRows.map((r) => r.request.id);
  const [preferenceRows, eventRows] = await Promise.all([
    q.getPreferences(db, requestIds),
    q.getStatusEvents(db, requestIds),
  ]);
  const offerRows = await q.getOffers(
    db,
    preferenceRows.map((p) => p.preference.id),
  );
  const otherActors = [
    ...new Set(trail.map((a) => a.actorUserId).filter((id): id is string => Boolean(id) && id !== user.id)),
  ];
  const places = await q.getActorPlaces(db, otherActors);

  let revealed = 0;
  const masked = (cipher: string | null): string | null => {
    if (!cipher) return null;
    revealed++;
    try {
      return maskNationalNumber(vault.reveal(cipher));
    } catch {
      // A number that can no longer be decrypted (e.g. after losing a key) is still shown as present.
      return '**.**.**-***.**';
    }
  };
  const childNames = new Map(
    childRows.map((c) => [c.id, [c.firstName, c.lastName].filter(Boolean).join(' ')] as const),
  );

  const data = {
    format: 'childcare-desk/my-data' as const,
    version: 1 as const,
    exportedAt: clock.now(),
    account: {
      email: account?.email ?? user.email,
      displayName: account?.displayName ?? user.displayName,
      language: account?.language ?? user.language,
      createdAt: account?.createdAt ?? null,
      emailVerifiedAt: account?.emailVerifiedAt ?? null,
    },
    family: found
      ? {
          fileNumber: found.family.fileNumber,
          municipality: found.municipalityName,
          subMunicipality: found.subMunicipalityName,
          address: {
            street: found.family.street,
            houseNumber: found.family.houseNumber,
            postcode: found.family.postcode,
            city: found.family.city,
          },
          household: {
            singleParent: found.family.singleParent,
            /** Whole euros a year, as the family gave it; null when not given. */
            yearlyIncome: found.family.yearlyIncome,
            fosterChild: found.family.fosterChild,
            disabilityOrSocialReason: found.family.disabilityOrSocialReason,
            noSecondaryDiploma: found.family.noSecondaryDiploma,
            needsCareForWork: found.family.needsCareForWork,
            siblingsInCare: found.family.siblingsInCare,
            homeLanguage: found.family.homeLanguage,
            priorityFactsGivenAt: found.family.priorityFactsGivenAt,
          },
          consentAt: found.family.consentAt,
          intermediaryOrganisation: found.intermediaryName,
          createdAt: found.family.createdAt,
        }
      : null,
    parents: parentRows.map((p) => ({
      firstName: p.firstName,
      lastName: p.lastName,
      nationalNumber: masked(p.nationalNumberCipher),
      email: p.email,
      phone: p.phone,
      language: p.language,
      situation: p.situation,
      daysPerWeek: p.daysPerWeek === null ? null : Number(p.daysPerWeek),
      isYou: p.userId === user.id,
    })),
    children: childRows.map((c) => ({
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: c.birthDate,
      expectedBirthDate: c.expectedBirthDate,
      nationalNumber: masked(c.nationalNumberCipher),
    })),
    requests: requestRows.map(({ request: r, municipalityName }) => ({
      id: r.id,
      child: childNames.get(r.childId) ?? '',
      municipality: municipalityName,
      kind: r.kind,
      occasionalReason: r.occasionalReason,
      desiredStart: r.desiredStart,
      desiredEnd: r.desiredEnd,
      carePlan: r.carePlan,
      careNeeds: r.careNeeds,
      careNeedsText: r.careNeedsText,
      status: r.status,
      channel: r.channel,
      socialReason: r.socialReason,
      submittedAt: r.submittedAt,
      lastConfirmedAt: r.lastConfirmedAt,
      preferences: preferenceRows
        .filter((p) => p.preference.requestId === r.id)
        .map(({ preference: p, locationName }) => ({
          rank: p.rank,
          provider: locationName,
          status: p.status,
          statusChangedAt: p.statusChangedAt,
          noPlaceReason: p.noPlaceReason,
          noPlaceText: p.noPlaceText,
          addedFromEmergencyList: p.addedFromEmergencyList,
          offers: offerRows
            .filter((o) => o.preferenceId === p.id)
            .map((o) => ({
              startDate: o.startDate,
              carePlan: o.carePlan,
              answerDeadline: o.answerDeadline,
              message: o.message,
              status: o.status,
              createdAt: o.createdAt,
              answeredAt: o.answeredAt,
            })),
        })),
      history: eventRows
        .filter((e) => e.event.requestId === r.id)
        .map(({ event: e, locationName }) => ({
          occurredAt: e.occurredAt,
          eventType: e.eventType,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          provider: locationName,
          byRole: e.actorRole,
        })),
    })),
    mails: mails.map((m) => ({
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      to: m.toAddress,
      subject: m.subject,
      template: m.template,
      text: m.textBody,
    })),
    accessLog: trail.map((a) => ({
      occurredAt: a.occurredAt,
      action: a.action,
      subjectType: a.subjectType,
      byYou: a.actorUserId === user.id,
      byRole: a.actorRole as Role | null,
      byOrganisation: actorPlaces(places, a.actorUserId, a.actorRole),
    })),
  };

  // The reveal of the family's national numbers (only to show them masked) is on the record.
  await recordAudit(db, clock, {
    actorUserId: user.id,
    actorRole: 'parent',
    action: 'parent.data.export',
    subjectType: familyId ? 'family' : 'user',
    subjectId: familyId ?? user.id,
    familyId,
    details: { format, nationalNumbersRevealed: revealed },
  });
  return data;
}

export type MyDataExport = Awaited<ReturnType<typeof buildMyDataExport>>;

function actorPlaces(
  places: Awaited<ReturnType<typeof q.getActorPlaces>>,
  userId: string | null,
  role: string | null,
): string[] {
  if (!userId) return [];
  const names = places
    .filter((p) => p.userId === userId && (role === null || p.role === role))
    .map((p) => p.locationName ?? p.intermediaryName ?? p.municipalityName)
    .filter((n): n is string => Boolean(n));
  return [...new Set(names)];
}
