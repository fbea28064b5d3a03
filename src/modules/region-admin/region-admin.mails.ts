import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { messages } from './region-admin.messages.ts';
import type { MunicipalityRole } from './region-admin.schemas.ts';

type Recipient = { email: string; name: string; language: Language };

/**
 * The platform admin's invitation to work at a municipality's desk or in its policy team: the link
 * leads to the invitation page (accept or decline); the access exists only once accepted. For a new
 * account, accepting also sets its password, so the link acts as one (erased once delivered).
 */
export function municipalityInvitationMail(
  to: Recipient,
  about: { inviter: string; municipality: string; role: MunicipalityRole },
  url: string,
  newAccount: boolean,
): OutgoingMail {
  const t = messages[to.language];
  const rendered = renderMail(to.language, {
    subject: t.mailSubject(about.municipality),
    greeting: t.mailGreeting(to.name),
    paragraphs: [
      t.mailBody(about.inviter, about.municipality, t.mailRoles[about.role]),
      newAccount ? t.mailNewAccount : t.mailExisting,
      t.mailSecondFactor,
      t.mailIgnore,
    ],
    action: { label: t.mailAction, url },
    signature: t.mailSignature,
  });
  return {
    to: to.email,
    language: to.language,
    template: 'municipality.staff.invited',
    oneTimeLink: true,
    ...rendered,
  };
}
