import { recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Result } from '../../platform/i18n/common.ts';
import { DEFAULT_LANGUAGE, formatDate, isLanguage, type Language } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import {
  ageInMonths,
  deskActor,
  getMunicipality,
  getParentsOfFamily,
  requireDeskRequest,
} from '../families/index.ts';
import { handlingMessages } from '../request-handling/index.ts';
import { insertStatusEvents, lockRequest } from '../requests/index.ts';
import { deskEmergencyMessages } from './desk-emergency.messages.ts';
import * as q from './desk-emergency.queries.ts';
import type { ContactInput, FlagInput } from './desk-emergency.schemas.ts';

/**
 * The desk's emergency follow-up of one request: the social emergency flag with its confidential
 * note, the contact log, and putting the request forward to chosen locations of the municipality.
 * Every request is reached through requireDeskRequest: another municipality's answers 404. Each
 * change is one transaction with its status event (not for a contact) and its audit row; the
 * notes' text never goes into an event or the audit log.
 */
const ACTION = 'desk.emergency.manage';

/** New event types on status_events (the parent's data export needs words for them). */
export const EMERGENCY_EVENTS = {
  marked: 'request.social_emergency_marked',
  changed: 'request.social_emergency_changed',
  lifted: 'request.social_emergency_lifted',
  forwarded: 'request.forwarded',
} as const;

export async function getEmergencyPage(deps: AppDeps, user: CurrentUser, requestId: string) {
  const { request } = await requireDeskRequest(deps.db, user, requestId);
  const today = deps.clock.today();
  const [file, parents, notes, forwards, locations] = await Promise.all([
    q.getEmergencyFile(deps.db, requestId),
    getParentsOfFamily(deps.db, request.familyId),
    q.getDeskNotesOfRequest(deps.db, requestId),
    q.getForwardsOfRequest(deps.db, requestId),
    q.getForwardableLocations(deps.db, request.municipalityId, today),
  ]);
  if (!file) throw new Error('request vanished');
  await recordAudit(deps.db, deps.clock, {
    ...audit(user),
    action: ACTION,
    subjectType: 'request',
    subjectId: requestId,
    familyId: request.familyId,
    details: { read: 'emergency' },
  });
  return { file, parents, notes, forwards, locations, today, forwardable: forwardable(file) };
}

export type EmergencyPageData = Awaited<ReturnType<typeof getEmergencyPage>>;

const audit = (user: CurrentUser) => ({ actorUserId: user.id, actorRole: 'desk' as const });

/** Only an open request without a place can be flagged or put forward. */
function forwardable(file: { status: string; placed: boolean }): boolean {
  return file.status === 'active' && !file.placed;
}

export type FlagOutcome = 'flagged' | 'changed' | 'unchanged';

/**
 * Marks the request as a social emergency (a category and a confidential note, required), or
 * changes the category of a marked one (the note then optional). Nothing happens when the
 * category is the same and no note is given.
 */
export async function markSocialEmergency(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  input: FlagInput,
): Promise<Result<FlagOutcome>> {
  const { family } = await requireDeskRequest(deps.db, user, requestId);
  const note = input.note ?? '';
  return deps.db.transaction(async (tx): Promise<Result<FlagOutcome>> => {
    await lockRequest(tx, requestId);
    const file = await q.getEmergencyFile(tx, requestId);
    if (!file || !forwardable(file)) return { ok: false, errors: { form: 'notAllowedNow' } };
    const before = file.socialReason;
    if (!before && !note) return { ok: false, errors: { note: 'required' } };
    if (before === input.category && !note) return { ok: true, value: 'unchanged' };
    const now = deps.clock.now();
    if (note)
      await q.insertDeskNote(tx, {
        familyId: family.id,
        requestId,
        kind: 'social_emergency',
        body: note,
        authorUserId: user.id,
        createdAt: now,
      });
    const outcome: FlagOutcome = !before ? 'flagged' : before !== input.category ? 'changed' : 'unchanged';
    if (outcome !== 'unchanged') {
      await q.updateSocialFlag(tx, requestId, { reason: input.category, at: now, byUserId: user.id });
      await insertStatusEvents(tx, [
        {
          requestId,
          eventType: outcome === 'flagged' ? EMERGENCY_EVENTS.marked : EMERGENCY_EVENTS.changed,
          ...deskActor(user),
          occurredAt: now,
          details: before ? { category: input.category, previous: before } : { category: input.category },
        },
      ]);
    }
    await recordAudit(tx, deps.clock, {
      ...audit(user),
      action: ACTION,
      subjectType: 'request',
      subjectId: requestId,
      familyId: family.id,
      details: {
        change: 'social_emergency',
        category: input.category,
        previous: before,
        note: Boolean(note),
      },
    });
    // A note added to an unchanged category is still a change of the file.
    return { ok: true, value: outcome === 'unchanged' ? 'changed' : outcome };
  });
}

/** Lifts the flag; the notes and contact log stay. Refused when the request is not marked. */
/** Whether the desk user may manage this request (its municipality); a NotFoundError otherwise. */
export async function assertDeskRequest(deps: AppDeps, user: CurrentUser, requestId: string): Promise<void> {
  await requireDeskRequest(deps.db, user, requestId);
}

export async function liftSocialEmergency(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
): Promise<Result<'lifted'>> {
  const { family } = await requireDeskRequest(deps.db, user, requestId);
  return deps.db.transaction(async (tx): Promise<Result<'lifted'>> => {
    await lockRequest(tx, requestId);
    const file = await q.getEmergencyFile(tx, requestId);
    if (!file?.socialReason) return { ok: false, errors: { form: 'notAllowedNow' } };
    const now = deps.clock.now();
    await q.updateSocialFlag(tx, requestId, { reason: null, at: null, byUserId: null });
    await insertStatusEvents(tx, [
      {
        requestId,
        eventType: EMERGENCY_EVENTS.lifted,
        ...deskActor(user),
        occurredAt: now,
        details: { category: file.socialReason },
      },
    ]);
    await recordAudit(tx, deps.clock, {
      ...audit(user),
      action: ACTION,
      subjectType: 'request',
      subjectId: requestId,
      familyId: family.id,
      details: { change: 'social_emergency_lifted', category: file.socialReason },
    });
    return { ok: true, value: 'lifted' };
  });
}

/** A line in the contact log: how the desk and the family were in touch, and what was said. */
export async function addContact(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  input: ContactInput,
): Promise<void> {
  const { family } = await requireDeskRequest(deps.db, user, requestId);
  await deps.db.transaction(async (tx) => {
    await q.insertDeskNote(tx, {
      familyId: family.id,
      requestId,
      kind: 'contact',
      contactChannel: input.channel,
      body: input.contactText,
      authorUserId: user.id,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      ...audit(user),
      action: ACTION,
      subjectType: 'request',
      subjectId: requestId,
      familyId: family.id,
      details: { change: 'contact', channel: input.channel },
    });
  });
}

/** Locations newly forwarded to, those that had it already, and new ones no mail could reach. */
export type Forwarded = { added: number; already: number; unmailed: number };

/**
 * Puts the request forward to locations of the municipality: one row per location (a location
 * that has it already is left alone and counted), a mail to each new location's staff in their
 * language, one event and one audit row — all in one transaction. A location that is not an
 * active one of the request's municipality refuses the whole form.
 */
export async function forwardRequest(
  deps: AppDeps,
  user: CurrentUser,
  requestId: string,
  locationIds: string[],
): Promise<Result<Forwarded>> {
  const { request, family } = await requireDeskRequest(deps.db, user, requestId);
  const today = deps.clock.today();
  const locations = await q.getForwardableLocations(deps.db, request.municipalityId, today);
  const byId = new Map(locations.map((l) => [l.id, l]));
  if (locationIds.some((id) => !byId.has(id))) return { ok: false, errors: { locations: 'invalidChoice' } };
  const outcome = await deps.db.transaction(async (tx): Promise<Result<Forwarded>> => {
    await lockRequest(tx, requestId);
    const file = await q.getEmergencyFile(tx, requestId);
    if (!file || !forwardable(file)) return { ok: false, errors: { form: 'notAllowedNow' } };
    const now = deps.clock.now();
    const added = await q.insertForwards(
      tx,
      locationIds.map((id) => ({
        requestId,
        providerLocationId: id,
        forwardedByUserId: user.id,
        forwardedAt: now,
      })),
    );
    let unmailed = 0;
    if (added.length > 0) {
      const municipality = await getMunicipality(tx, request.municipalityId);
      unmailed = await mailStaff(tx, deps, deps.clock, {
        file,
        municipality: municipality?.name ?? '',
        locations: added.flatMap((id) => {
          const location = byId.get(id);
          return location ? [location] : [];
        }),
      });
      await insertStatusEvents(tx, [
        {
          requestId,
          eventType: EMERGENCY_EVENTS.forwarded,
          ...deskActor(user),
          occurredAt: now,
          details: { locations: added },
        },
      ]);
      await recordAudit(tx, deps.clock, {
        ...audit(user),
        action: ACTION,
        subjectType: 'request',
        subjectId: requestId,
        familyId: family.id,
        details: { change: 'forwarded', locations: added },
      });
    }
    return {
      ok: true,
      value: { added: added.length, already: locationIds.length - added.length, unmailed },
    };
  });
  if (outcome.ok && outcome.value.added > 0) deps.jobs.mailQueued();
  return outcome;
}

type MailTarget = { id: string; name: string; email: string | null; languages: string[] };

/**
 * The mail to every staff member of the new locations in their language; a location without staff
 * accounts gets it at its own address, in the first language it speaks. No name, no note: the
 * age, the start and the category. Returns how many locations no mail could reach.
 */
async function mailStaff(
  tx: Database,
  deps: AppDeps,
  clock: Clock,
  what: { file: q.EmergencyFile; municipality: string; locations: MailTarget[] },
): Promise<number> {
  const staff = await q.getStaffOfLocations(
    tx,
    what.locations.map((l) => l.id),
  );
  let unmailed = 0;
  for (const location of what.locations) {
    const own = staff.filter((m) => m.locationId === location.id);
    const fallbackLanguage = location.languages.find(isLanguage) ?? DEFAULT_LANGUAGE;
    const recipients =
      own.length > 0
        ? own
        : location.email
          ? [{ email: location.email, name: location.name, language: fallbackLanguage }]
          : [];
    if (recipients.length === 0) unmailed++;
    for (const member of recipients)
      await enqueueMail(tx, clock, {
        to: member.email,
        language: member.language,
        template: 'desk.request_forwarded',
        ...forwardMail(deps, clock, what, location, member),
      });
  }
  return unmailed;
}

function forwardMail(
  deps: AppDeps,
  clock: Clock,
  what: { file: q.EmergencyFile; municipality: string },
  location: MailTarget,
  member: { name: string; language: Language },
) {
  const { file } = what;
  const lang = member.language;
  const t = deskEmergencyMessages[lang].mail;
  const age = file.birthDate
    ? t.ageMonths(Math.max(0, ageInMonths(file.birthDate, clock.today())))
    : t.unborn(file.expectedBirthDate ? formatDate(lang, file.expectedBirthDate) : '?');
  return renderMail(lang, {
    subject: t.subject(location.name),
    greeting: t.greeting(member.name),
    paragraphs: [
      t.intro(what.municipality, location.name),
      t.facts(age, formatDate(lang, file.desiredStart)),
      ...(file.socialReason ? [t.social(handlingMessages[lang].socialReasons[file.socialReason])] : []),
    ],
    action: {
      label: t.action,
      url: `${deps.config.publicUrl}/provider/locations/${location.id}/emergency-list`,
    },
    signature: t.signature,
  });
}
