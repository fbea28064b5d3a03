import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { organisationMessages } from './desk-organisations.messages.ts';

type Recipient = { email: string; name: string; language: Language };

/**
 * The desk's invitation to work for an intermediary organisation: the link leads to the invitation
 * page (accept or decline); the access exists only once accepted. For a new account, accepting also
 * sets its password, so the link acts as one (erased once delivered).
 */
export function intermediaryInvitationMail(
  to: Recipient,
  about: { inviter: string; municipality: string; organisation: string },
  url: string,
  newAccount: boolean,
): OutgoingMail {
  const t = organisationMessages[to.language];
  const rendered = renderMail(to.language, {
    subject: t.mailSubject(about.organisation),
    greeting: t.mailGreeting(to.name),
    paragraphs: [
      t.mailBody(about.inviter, about.municipality, about.organisation),
      newAccount ? t.mailNewAccount : t.mailExisting,
      t.mailIgnore,
    ],
    action: { label: t.mailAction, url },
    signature: t.mailSignature(about.municipality),
  });
  return {
    to: to.email,
    language: to.language,
    template: 'intermediary.invited',
    oneTimeLink: true,
    ...rendered,
  };
}
