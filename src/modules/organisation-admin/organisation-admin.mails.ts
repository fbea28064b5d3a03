import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { messages } from './organisation-admin.messages.ts';
import type { StaffRole } from './organisation-admin.queries.ts';

type Recipient = { email: string; name: string; language: Language };
export type InvitationAbout = {
  inviter: string;
  organisation: string;
  locations: string[];
  role: StaffRole;
};

/**
 * The invitation to work at some of an organisation's locations, for a new or an existing account:
 * the link leads to a page to accept or decline; the access exists only once accepted. For a new
 * account, accepting also sets its password, so the link acts as one (erased once delivered).
 */
export function invitationMail(
  to: Recipient,
  about: InvitationAbout,
  url: string,
  newAccount: boolean,
): OutgoingMail {
  const t = messages[to.language];
  const rendered = renderMail(to.language, {
    subject: t.inviteSubject(about.organisation),
    greeting: t.greeting(to.name),
    paragraphs: [
      t.inviteBody(about.inviter, about.organisation, about.locations.join(', '), t.roles[about.role]),
      newAccount ? t.inviteNewAccount : t.inviteExisting,
      t.inviteIgnore,
    ],
    action: { label: t.inviteAction, url },
    signature: t.signature,
  });
  return { to: to.email, language: to.language, template: 'staff.invited', oneTimeLink: true, ...rendered };
}
