import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import { LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import { enqueueMail, type OutgoingMail } from '../../platform/mail/outbox.ts';
import { getFamilyContacts, insertFollowUpTask } from './families.queries.ts';

export type Recipient = { email: string; name: string; language: Language; familyId: string };

/** What an intermediary needs to phone the family instead: the request and the facts of the event. */
export type FamilyTask = {
  requestId?: string | null;
  /** Plain facts for the task text (child, provider, startDate, deadline as YYYY-MM-DD…). */
  details?: Record<string, string | undefined>;
  /** The day by which the family must act, e.g. an offer's answer deadline. */
  dueDate?: string | null;
  /**
   * The family's own intermediary caused the event (filed, answered an offer for the family): its
   * staff already know, so no task "phone the family" is made for it.
   */
  byIntermediary?: boolean;
};

export type Notified = 'mailed' | 'task' | 'none';

/**
 * The mails that ask the family to act (confirm, answer an offer, give the birth data). A family
 * without e-mail that no organisation follows gets a phone task for its municipality's desk for
 * these instead; the other messages only inform and need no phone call.
 */
export const TEMPLATES_ASKING_TO_ACT: ReadonlySet<string> = new Set([
  'request.confirmation_reminder',
  'offer.made',
  'offer.reminder',
  'child.birth_reminder',
]);

/** The template of the phone task made instead of a confirmation reminder. */
export const CONFIRMATION_TASK_KIND = 'request.confirmation_reminder';

/**
 * The one way to tell a family about an event, inside the transaction of the change. Every parent
 * with an e-mail address gets the mail in their own language. A family without any address that a
 * social organisation follows gets a follow-up task for that organisation instead ("phone the
 * family …"); the task keeps the mail's subject in every language, so each staff member reads it
 * in theirs, plus the facts the caller passes. A family without any address that nobody follows
 * gets such a task for the desk of its municipality, but only for the mails that ask it to act.
 */
export async function notifyFamily(
  tx: Database,
  clock: Clock,
  familyId: string,
  build: (to: Recipient) => OutgoingMail,
  task: FamilyTask = {},
): Promise<Notified> {
  const contacts = await getFamilyContacts(tx, familyId);
  const withEmail = contacts.filter((c) => c.email);
  for (const c of withEmail) {
    await enqueueMail(
      tx,
      clock,
      build({ email: c.email as string, name: c.firstName, language: c.language, familyId }),
    );
  }
  if (withEmail.length > 0) return 'mailed';
  const first = contacts[0];
  if (!first || task.byIntermediary) return 'none';
  const organisationId = first.intermediaryOrganisationId;
  const name = first.firstName;
  const asMail = (language: Language) => build({ email: '', name, language, familyId });
  const kind = asMail('nl').template;
  if (!organisationId && !TEMPLATES_ASKING_TO_ACT.has(kind)) return 'none';
  const owner = organisationId
    ? { intermediaryOrganisationId: organisationId }
    : { municipalityId: first.municipalityId };
  const subjects = Object.fromEntries(LANGUAGES.map((l) => [`subject_${l}`, asMail(l).subject]));
  const facts = Object.fromEntries(
    Object.entries(task.details ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  await insertFollowUpTask(tx, {
    ...owner,
    familyId,
    requestId: task.requestId ?? null,
    kind,
    details: { ...subjects, ...facts },
    dueDate: task.dueDate ?? null,
    createdAt: clock.now(),
  });
  return 'task';
}
