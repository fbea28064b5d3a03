import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { providerMessages } from './desk-providers.messages.ts';

type Recipient = { email: string; name: string; language: Language };

/**
 * The desk's invitation to work at a provider's locations: the link leads to the invitation page
 * (accept or decline); the access exists only once accepted. For a new account, accepting also
 * sets its password, so the link acts as one (erased once delivered).
 */
export function providerInvitationMail(
  to: Recipient,
  about: { inviter: string; municipality: string; organisation: string; locations: string[]; admin: boolean },
  url: string,
  newAccount: boolean,
): OutgoingMail {
  const t = providerMessages[to.language];
  const rendered = renderMail(to.language, {
    subject: t.mailSubject(about.organisation),
    greeting: t.mailGreeting(to.name),
    paragraphs: [
      t.mailBody(about.inviter, about.municipality, about.organisation, about.locations.join(', ')),
      ...(about.admin ? [t.mailAdmin] : []),
      newAccount ? t.mailNewAccount : t.mailExisting,
      t.mailIgnore,
    ],
    action: { label: t.mailAction, url },
    signature: t.mailSignature(about.municipality),
  });
  return { to: to.email, language: to.language, template: 'staff.invited', oneTimeLink: true, ...rendered };
}
