import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { messages } from './region-admin.messages.ts';
import type { MunicipalityRole } from './region-admin.schemas.ts';

type Recipient = { email: string; name: string; language: Language };

/**
 * The platform admin's invitation to work at a municipality's desk or in its policy team, or in a
 * region's policy team ('regionPolicy', `place` is then the region): the link leads to the
 * invitation page (accept or decline); the access exists only once accepted. For a new account,
 * accepting also sets its password, so the link acts as one (erased once delivered).
 */
export function staffInvitationMail(
  to: Recipient,
  about: { inviter: string; place: string; role: MunicipalityRole | 'regionPolicy' },
  url: string,
  newAccount: boolean,
): OutgoingMail {
  const t = messages[to.language];
  const region = about.role === 'regionPolicy';
  const rendered = renderMail(to.language, {
    subject: region ? t.mailSubjectRegion(about.place) : t.mailSubject(about.place),
    greeting: t.mailGreeting(to.name),
    paragraphs: [
      t.mailBody(about.inviter, about.place, t.mailRoles[about.role]),
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
    template: region ? 'region.staff.invited' : 'municipality.staff.invited',
    oneTimeLink: true,
    ...rendered,
  };
}
