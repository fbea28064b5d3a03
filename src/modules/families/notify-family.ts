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
 * The one way to tell a family about an event, inside the transaction of the change. Every parent
 * with an e-mail address gets the mail in their own language. A family without any address that a
 * social organisation follows gets a follow-up task for that organisation instead ("phone the
 * family …"); the task keeps the mail's subject in every language, so each staff member reads it
 * in theirs, plus the facts the caller passes.
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
  const organisationId = contacts[0]?.intermediaryOrganisationId;
  if (!organisationId || task.byIntermediary) return 'none';
  const name = contacts[0]?.firstName ?? '';
  const asMail = (language: Language) => build({ email: '', name, language, familyId });
  const subjects = Object.fromEntries(LANGUAGES.map((l) => [`subject_${l}`, asMail(l).subject]));
  const facts = Object.fromEntries(
    Object.entries(task.details ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  await insertFollowUpTask(tx, {
    intermediaryOrganisationId: organisationId,
    familyId,
    requestId: task.requestId ?? null,
    kind: asMail('nl').template,
    details: { ...subjects, ...facts },
    dueDate: task.dueDate ?? null,
    createdAt: clock.now(),
  });
  return 'task';
}
