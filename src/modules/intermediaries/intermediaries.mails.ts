import type { Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import { messages } from './intermediaries.messages.ts';

/** The invitation to take over a file an intermediary filed, in the language the staff chose. */
export function takeOverInvitationMail(p: {
  to: string;
  language: Language;
  organisation: string;
  fileNumber: string;
  url: string;
  familyId: string;
}): OutgoingMail {
  const t = messages[p.language];
  const rendered = renderMail(p.language, {
    subject: t.inviteSubject,
    greeting: t.inviteGreeting,
    paragraphs: [t.invite(p.organisation, p.fileNumber), t.inviteValid],
    action: { label: t.inviteAction, url: p.url },
    signature: t.signature,
  });
  return { to: p.to, language: p.language, template: 'family.take_over', familyId: p.familyId, ...rendered };
}
