import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { messages } from './organisation-admin.messages.ts';

type Recipient = { email: string; name: string; language: Language };
type Access = { organisation: string; locations: string[] };

/** The invitation of a new staff account: its set-password link acts as a password. */
export function invitationMail(to: Recipient, access: Access, url: string): OutgoingMail {
  const t = messages[to.language];
  const rendered = renderMail(to.language, {
    subject: t.inviteSubject(access.organisation),
    greeting: t.greeting(to.name),
    paragraphs: [t.inviteBody(access.organisation, access.locations.join(', '))],
    action: { label: t.inviteAction, url },
    signature: t.signature,
  });
  return { to: to.email, language: to.language, template: 'staff.invited', oneTimeLink: true, ...rendered };
}

/** An existing account was given access: no link that acts as a password, only the log-in page. */
export function accessGrantedMail(to: Recipient, access: Access, url: string): OutgoingMail {
  const t = messages[to.language];
  const rendered = renderMail(to.language, {
    subject: t.grantedSubject(access.organisation),
    greeting: t.greeting(to.name),
    paragraphs: [t.grantedBody(access.organisation, access.locations.join(', '))],
    action: { label: t.loginAction, url },
    signature: t.signature,
  });
  return { to: to.email, language: to.language, template: 'staff.access_granted', ...rendered };
}
