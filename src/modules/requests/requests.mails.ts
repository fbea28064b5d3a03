import { defineMessages, formatDate, plural } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { type MailContent, renderMail } from '../../platform/mail/render.tsx';
import type { Recipient } from '../families/index.ts';

/** The e-mails a parent receives about a request, in the parent's language. */
const texts = defineMessages({
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
    follow: 'Uw aanvraag opvolgen',
    submittedSubject: (child: string) => `Uw aanvraag voor ${child} is ontvangen`,
    submitted: (child: string, file: string, n: number) =>
      `We ontvingen uw aanvraag voor kinderopvang voor ${child} (dossier ${file}). ${plural('nl', n, { one: 'De opvanglocatie die u koos, ziet', other: 'De # opvanglocaties die u koos, zien' })} uw aanvraag nu op hun wachtlijst.`,
    submittedNext: 'U krijgt een e-mail bij elke stap. U kunt de aanvraag altijd online opvolgen.',
    offerSubject: (child: string) => `Een plaats voor ${child}: antwoord gevraagd`,
    offer: (provider: string, child: string, start: string) =>
      `${provider} stelt een plaats voor ${child} voor, vanaf ${start}.`,
    offerDeadline: (deadline: string) =>
      `Laat ons vóór ${deadline} weten of u het voorstel aanvaardt. Zonder antwoord vervalt het voorstel.`,
    acceptedSubject: (child: string) => `U aanvaardde een plaats voor ${child}`,
    accepted: (provider: string, start: string) =>
      `U aanvaardde de plaats bij ${provider} vanaf ${start}. De opvang neemt contact met u op om de inschrijving af te ronden.`,
    acceptedLower: 'Uw voorkeuren die u lager rangschikte, zijn afgesloten.',
    acceptedKeepHigher: 'U blijft op de wachtlijst van de opvanglocaties die u hoger rangschikte.',
    declinedSubject: (child: string) => `U weigerde een voorstel voor ${child}`,
    declined: (provider: string) =>
      `U weigerde het voorstel van ${provider}. Uw andere voorkeuren lopen verder.`,
  },
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
    follow: 'Suivre votre demande',
    submittedSubject: (child: string) => `Votre demande pour ${child} a été reçue`,
    submitted: (child: string, file: string, n: number) =>
      `Nous avons reçu votre demande d’accueil pour ${child} (dossier ${file}). ${plural('fr', n, { one: 'Le lieu d’accueil que vous avez choisi voit', other: 'Les # lieux d’accueil que vous avez choisis voient' })} maintenant votre demande sur leur liste d’attente.`,
    submittedNext:
      'Vous recevrez un e-mail à chaque étape. Vous pouvez suivre la demande en ligne à tout moment.',
    offerSubject: (child: string) => `Une place pour ${child}\u00a0: réponse demandée`,
    offer: (provider: string, child: string, start: string) =>
      `${provider} vous propose une place pour ${child}, à partir du ${start}.`,
    offerDeadline: (deadline: string) =>
      `Faites-nous savoir avant le ${deadline} si vous acceptez la proposition. Sans réponse, la proposition expire.`,
    acceptedSubject: (child: string) => `Vous avez accepté une place pour ${child}`,
    accepted: (provider: string, start: string) =>
      `Vous avez accepté la place chez ${provider} à partir du ${start}. Le lieu d’accueil vous contactera pour finaliser l’inscription.`,
    acceptedLower: 'Vos préférences moins bien classées ont été clôturées.',
    acceptedKeepHigher: 'Vous restez sur la liste d’attente des lieux d’accueil mieux classés.',
    declinedSubject: (child: string) => `Vous avez refusé une proposition pour ${child}`,
    declined: (provider: string) =>
      `Vous avez refusé la proposition de ${provider}. Vos autres préférences restent ouvertes.`,
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    signature: 'Kind regards,\nThe Childcare Desk',
    follow: 'Follow your request',
    submittedSubject: (child: string) => `Your request for ${child} has been received`,
    submitted: (child: string, file: string, n: number) =>
      `We received your childcare request for ${child} (file ${file}). ${plural('en', n, { one: 'The location you chose now sees', other: 'The # locations you chose now see' })} your request on their waiting list.`,
    submittedNext: 'You will get an e-mail at every step. You can follow the request online at any time.',
    offerSubject: (child: string) => `A place for ${child}: please answer`,
    offer: (provider: string, child: string, start: string) =>
      `${provider} offers a place for ${child}, starting ${start}.`,
    offerDeadline: (deadline: string) =>
      `Let us know before ${deadline} whether you accept the offer. Without an answer the offer expires.`,
    acceptedSubject: (child: string) => `You accepted a place for ${child}`,
    accepted: (provider: string, start: string) =>
      `You accepted the place at ${provider} starting ${start}. The provider will contact you to complete the enrolment.`,
    acceptedLower: 'Your lower-ranked preferences have been closed.',
    acceptedKeepHigher: 'You stay on the waiting lists of the locations you ranked higher.',
    declinedSubject: (child: string) => `You declined an offer for ${child}`,
    declined: (provider: string) =>
      `You declined the offer from ${provider}. Your other preferences stay open.`,
  },
});

/** Builds a mail to one parent with the greeting and signature of the parent's language. */
export function mail(
  to: Recipient,
  template: string,
  content: Omit<MailContent, 'greeting' | 'signature'>,
): OutgoingMail {
  const t = texts[to.language];
  const rendered = renderMail(to.language, {
    ...content,
    greeting: t.greeting(to.name),
    signature: t.signature,
  });
  return { to: to.email, language: to.language, template, familyId: to.familyId, ...rendered };
}

export function requestSubmittedMail(
  to: Recipient,
  p: { child: string; fileNumber: string; preferences: number; url: string },
) {
  const t = texts[to.language];
  return mail(to, 'request.submitted', {
    subject: t.submittedSubject(p.child),
    paragraphs: [t.submitted(p.child, p.fileNumber, p.preferences), t.submittedNext],
    action: { label: t.follow, url: p.url },
  });
}

export function offerMadeMail(
  to: Recipient,
  p: {
    child: string;
    provider: string;
    start: string;
    deadline: string;
    message: string | null;
    url: string;
  },
) {
  const t = texts[to.language];
  const l = to.language;
  return mail(to, 'offer.made', {
    subject: t.offerSubject(p.child),
    paragraphs: [
      t.offer(p.provider, p.child, formatDate(l, p.start)),
      ...(p.message ? [p.message] : []),
      t.offerDeadline(formatDate(l, p.deadline)),
    ],
    action: { label: t.follow, url: p.url },
  });
}

export function offerAcceptedMail(
  to: Recipient,
  p: {
    child: string;
    provider: string;
    start: string;
    keptHigher: boolean;
    closedLower: boolean;
    url: string;
  },
) {
  const t = texts[to.language];
  return mail(to, 'offer.accepted', {
    subject: t.acceptedSubject(p.child),
    paragraphs: [
      t.accepted(p.provider, formatDate(to.language, p.start)),
      ...(p.closedLower ? [t.acceptedLower] : []),
      ...(p.keptHigher ? [t.acceptedKeepHigher] : []),
    ],
    action: { label: t.follow, url: p.url },
  });
}

export function offerDeclinedMail(to: Recipient, p: { child: string; provider: string; url: string }) {
  const t = texts[to.language];
  return mail(to, 'offer.declined', {
    subject: t.declinedSubject(p.child),
    paragraphs: [t.declined(p.provider)],
    action: { label: t.follow, url: p.url },
  });
}
