import { defineMessages, formatDate, type Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';
import type { Recipient } from '../families/index.ts';
import { mail } from './requests.mails.ts';

/** Mails about the parent's own changes, reminders and expiries, in the parent's language. */
const texts = defineMessages({
  nl: {
    follow: 'Uw aanvraag opvolgen',
    changedSubject: (child: string) => `Uw aanvraag voor ${child} is gewijzigd`,
    startChanged: (date: string) => `De gewenste startdatum is nu ${date}.`,
    endChanged: (date: string) => `De gewenste einddatum is nu ${date}.`,
    endCleared: 'U gaf geen einddatum meer op.',
    carePlanChanged: 'Uw opvangplan is gewijzigd. De opvanglocaties zien het nieuwe plan.',
    preferencesChanged: 'Uw voorkeuren zijn gewijzigd. Dit is nu uw volgorde:',
    preferencesWithdrawn: (names: string) => `U trok deze voorkeuren in: ${names}.`,
    withdrawnSubject: (child: string) => `U trok uw aanvraag voor ${child} in`,
    withdrawn:
      'Uw aanvraag is ingetrokken. De opvanglocaties zien dat u geen plaats meer zoekt. U kunt altijd een nieuwe aanvraag indienen.',
    confirmedSubject: (child: string) => `Uw aanvraag voor ${child} blijft lopen`,
    confirmed: (due: string) =>
      `Bedankt: u bevestigde dat u nog opvang zoekt. We vragen het u opnieuw vóór ${due}.`,
    confirmReminderSubject: (child: string) => `Zoekt u nog opvang voor ${child}? Bevestig uw aanvraag`,
    confirmReminder: (deadline: string) =>
      `Bevestig vóór ${deadline} dat u nog opvang zoekt. Zonder bevestiging vervalt uw aanvraag en verdwijnt ze van de wachtlijsten.`,
    expiredSubject: (child: string) => `Uw aanvraag voor ${child} is vervallen`,
    expired:
      'U bevestigde niet op tijd dat u nog opvang zoekt. Uw aanvraag is vervallen en staat niet meer op de wachtlijsten. Zoekt u toch nog opvang? Dien dan een nieuwe aanvraag in.',
    bornSubject: (child: string) => `De geboortegegevens van ${child} zijn aangevuld`,
    born: (submitted: string) =>
      `Bedankt. De opvanglocaties zien nu de geboortegegevens. Uw aanvraag behoudt haar oorspronkelijke datum (${submitted}).`,
    birthReminderSubject: 'Is uw kind geboren? Vul de geboortegegevens aan',
    birthReminder: (expected: string) =>
      `Uw kind werd verwacht op ${expected}. Proficiat als het al geboren is! Vul de naam en geboortedatum aan, zodat de opvanglocaties uw aanvraag verder kunnen behandelen. Uw aanvraag behoudt haar datum.`,
    birthReminderAction: 'Geboortegegevens aanvullen',
    offerReminderSubject: (child: string) => `Herinnering: antwoord op het voorstel voor ${child}`,
    offerReminder: (provider: string, deadline: string) =>
      `${provider} wacht op uw antwoord op het voorstel. Antwoord vóór ${deadline}, anders vervalt het voorstel.`,
    offerExpiredSubject: (child: string) => `Het voorstel voor ${child} is vervallen`,
    offerExpired: (provider: string) =>
      `U antwoordde niet op tijd op het voorstel van ${provider}. Het voorstel is vervallen. Uw andere voorkeuren lopen verder.`,
  },
  fr: {
    follow: 'Suivre votre demande',
    changedSubject: (child: string) => `Votre demande pour ${child} a été modifiée`,
    startChanged: (date: string) => `La date de début souhaitée est maintenant le ${date}.`,
    endChanged: (date: string) => `La date de fin souhaitée est maintenant le ${date}.`,
    endCleared: 'Vous n’indiquez plus de date de fin.',
    carePlanChanged: 'Votre plan d’accueil a été modifié. Les lieux d’accueil voient le nouveau plan.',
    preferencesChanged: 'Vos préférences ont été modifiées. Voici votre ordre actuel\u00a0:',
    preferencesWithdrawn: (names: string) => `Vous avez retiré ces préférences\u00a0: ${names}.`,
    withdrawnSubject: (child: string) => `Vous avez retiré votre demande pour ${child}`,
    withdrawn:
      'Votre demande est retirée. Les lieux d’accueil voient que vous ne cherchez plus de place. Vous pouvez toujours introduire une nouvelle demande.',
    confirmedSubject: (child: string) => `Votre demande pour ${child} reste ouverte`,
    confirmed: (due: string) =>
      `Merci\u00a0: vous avez confirmé que vous cherchez toujours un accueil. Nous vous le redemanderons avant le ${due}.`,
    confirmReminderSubject: (child: string) =>
      `Cherchez-vous toujours un accueil pour ${child}\u202f? Confirmez votre demande`,
    confirmReminder: (deadline: string) =>
      `Confirmez avant le ${deadline} que vous cherchez toujours un accueil. Sans confirmation, votre demande expire et disparaît des listes d’attente.`,
    expiredSubject: (child: string) => `Votre demande pour ${child} a expiré`,
    expired:
      'Vous n’avez pas confirmé à temps que vous cherchez toujours un accueil. Votre demande a expiré et ne figure plus sur les listes d’attente. Vous cherchez encore une place\u202f? Introduisez une nouvelle demande.',
    bornSubject: (child: string) => `Les données de naissance de ${child} ont été complétées`,
    born: (submitted: string) =>
      `Merci. Les lieux d’accueil voient maintenant les données de naissance. Votre demande garde sa date d’origine (${submitted}).`,
    birthReminderSubject: 'Votre enfant est-il né\u202f? Complétez les données de naissance',
    birthReminder: (expected: string) =>
      `Votre enfant était attendu le ${expected}. Félicitations s’il est déjà né\u202f! Complétez le prénom et la date de naissance pour que les lieux d’accueil puissent continuer à traiter votre demande. Votre demande garde sa date.`,
    birthReminderAction: 'Compléter les données de naissance',
    offerReminderSubject: (child: string) => `Rappel\u00a0: répondez à la proposition pour ${child}`,
    offerReminder: (provider: string, deadline: string) =>
      `${provider} attend votre réponse à sa proposition. Répondez avant le ${deadline}, sinon la proposition expire.`,
    offerExpiredSubject: (child: string) => `La proposition pour ${child} a expiré`,
    offerExpired: (provider: string) =>
      `Vous n’avez pas répondu à temps à la proposition de ${provider}. La proposition a expiré. Vos autres préférences restent ouvertes.`,
  },
  en: {
    follow: 'Follow your request',
    changedSubject: (child: string) => `Your request for ${child} has been changed`,
    startChanged: (date: string) => `The preferred start date is now ${date}.`,
    endChanged: (date: string) => `The preferred end date is now ${date}.`,
    endCleared: 'You no longer give an end date.',
    carePlanChanged: 'Your care plan has been changed. The childcare locations see the new plan.',
    preferencesChanged: 'Your preferences have been changed. This is your order now:',
    preferencesWithdrawn: (names: string) => `You withdrew these preferences: ${names}.`,
    withdrawnSubject: (child: string) => `You withdrew your request for ${child}`,
    withdrawn:
      'Your request has been withdrawn. The childcare locations see that you no longer look for a place. You can always file a new request.',
    confirmedSubject: (child: string) => `Your request for ${child} stays open`,
    confirmed: (due: string) =>
      `Thank you: you confirmed that you still need childcare. We will ask you again before ${due}.`,
    confirmReminderSubject: (child: string) =>
      `Do you still need childcare for ${child}? Confirm your request`,
    confirmReminder: (deadline: string) =>
      `Confirm before ${deadline} that you still need childcare. Without confirmation your request expires and leaves the waiting lists.`,
    expiredSubject: (child: string) => `Your request for ${child} has expired`,
    expired:
      'You did not confirm in time that you still need childcare. Your request has expired and is no longer on the waiting lists. Still looking for a place? File a new request.',
    bornSubject: (child: string) => `The birth details of ${child} have been completed`,
    born: (submitted: string) =>
      `Thank you. The childcare locations now see the birth details. Your request keeps its original date (${submitted}).`,
    birthReminderSubject: 'Has your child been born? Complete the birth details',
    birthReminder: (expected: string) =>
      `Your child was expected on ${expected}. Congratulations if it has been born! Complete the first name and date of birth, so that the childcare locations can go on handling your request. Your request keeps its date.`,
    birthReminderAction: 'Complete the birth details',
    offerReminderSubject: (child: string) => `Reminder: answer the offer for ${child}`,
    offerReminder: (provider: string, deadline: string) =>
      `${provider} is waiting for your answer to its offer. Answer before ${deadline}, or the offer expires.`,
    offerExpiredSubject: (child: string) => `The offer for ${child} has expired`,
    offerExpired: (provider: string) =>
      `You did not answer the offer from ${provider} in time. The offer has expired. Your other preferences stay open.`,
  },
});

type Link = { url: string };

export function requestChangedMail(
  to: Recipient,
  p: Link & {
    child: string;
    start?: string;
    end?: string | null;
    carePlan?: boolean;
    preferences?: string[];
    withdrawn?: string[];
  },
) {
  const t = texts[to.language];
  const l = to.language;
  return mail(to, 'request.changed', {
    subject: t.changedSubject(p.child),
    paragraphs: [
      ...(p.start ? [t.startChanged(formatDate(l, p.start))] : []),
      ...(p.end === null ? [t.endCleared] : p.end ? [t.endChanged(formatDate(l, p.end))] : []),
      ...(p.carePlan ? [t.carePlanChanged] : []),
      ...(p.withdrawn && p.withdrawn.length > 0 ? [t.preferencesWithdrawn(p.withdrawn.join(', '))] : []),
      ...(p.preferences
        ? [t.preferencesChanged, p.preferences.map((name, i) => `${i + 1}. ${name}`).join('\n')]
        : []),
    ],
    action: { label: t.follow, url: p.url },
  });
}

export function requestWithdrawnMail(to: Recipient, p: Link & { child: string }) {
  const t = texts[to.language];
  return mail(to, 'request.withdrawn', {
    subject: t.withdrawnSubject(p.child),
    paragraphs: [t.withdrawn],
    action: { label: t.follow, url: p.url },
  });
}

export function requestConfirmedMail(to: Recipient, p: Link & { child: string; due: string }) {
  const t = texts[to.language];
  return mail(to, 'request.confirmed', {
    subject: t.confirmedSubject(p.child),
    paragraphs: [t.confirmed(formatDate(to.language, p.due))],
    action: { label: t.follow, url: p.url },
  });
}

export function confirmationReminderMail(to: Recipient, p: Link & { child: string; deadline: string }) {
  const t = texts[to.language];
  return mail(to, 'request.confirmation_reminder', {
    subject: t.confirmReminderSubject(p.child),
    paragraphs: [t.confirmReminder(formatDate(to.language, p.deadline))],
    action: { label: t.follow, url: p.url },
  });
}

export function requestExpiredMail(to: Recipient, p: Link & { child: string }) {
  const t = texts[to.language];
  return mail(to, 'request.expired', {
    subject: t.expiredSubject(p.child),
    paragraphs: [t.expired],
    action: { label: t.follow, url: p.url },
  });
}

export function birthDataCompletedMail(to: Recipient, p: Link & { child: string; submittedAt: Date }) {
  const t = texts[to.language];
  return mail(to, 'child.born', {
    subject: t.bornSubject(p.child),
    paragraphs: [t.born(formatDate(to.language, p.submittedAt))],
    action: { label: t.follow, url: p.url },
  });
}

export function birthDataReminderMail(to: Recipient, p: Link & { expected: string }) {
  const t = texts[to.language];
  return mail(to, 'child.birth_reminder', {
    subject: t.birthReminderSubject,
    paragraphs: [t.birthReminder(formatDate(to.language, p.expected))],
    action: { label: t.birthReminderAction, url: p.url },
  });
}

export function offerReminderMail(
  to: Recipient,
  p: Link & { child: string; provider: string; deadline: string },
) {
  const t = texts[to.language];
  return mail(to, 'offer.reminder', {
    subject: t.offerReminderSubject(p.child),
    paragraphs: [t.offerReminder(p.provider, formatDate(to.language, p.deadline))],
    action: { label: t.follow, url: p.url },
  });
}

export function offerExpiredMail(to: Recipient, p: Link & { child: string; provider: string }) {
  const t = texts[to.language];
  return mail(to, 'offer.expired', {
    subject: t.offerExpiredSubject(p.child),
    paragraphs: [t.offerExpired(p.provider)],
    action: { label: t.follow, url: p.url },
  });
}

const providerTexts = defineMessages({
  nl: {
    subject: (child: string, file: string) => `Voorstel vervallen: ${child} (${file})`,
    greeting: (location: string) => `Beste medewerker van ${location},`,
    body: (child: string, file: string, deadline: string) =>
      `De ouders van ${child} (dossier ${file}) antwoordden niet vóór ${deadline} op uw voorstel. Het voorstel is vervallen; de plaats is weer vrij voor een andere aanvraag.`,
    action: 'Aanvraag bekijken',
    signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
  },
  fr: {
    subject: (child: string, file: string) => `Proposition expirée\u00a0: ${child} (${file})`,
    greeting: (location: string) => `Bonjour à l’équipe de ${location},`,
    body: (child: string, file: string, deadline: string) =>
      `Les parents de ${child} (dossier ${file}) n’ont pas répondu à votre proposition avant le ${deadline}. La proposition a expiré\u202f; la place est de nouveau libre pour une autre demande.`,
    action: 'Voir la demande',
    signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
  },
  en: {
    subject: (child: string, file: string) => `Offer expired: ${child} (${file})`,
    greeting: (location: string) => `Dear ${location} team,`,
    body: (child: string, file: string, deadline: string) =>
      `The parents of ${child} (file ${file}) did not answer your offer before ${deadline}. The offer has expired; the place is free again for another request.`,
    action: 'View the request',
    signature: 'Kind regards,\nThe Childcare Desk',
  },
});

/** To the location's own address, in the language of its staff (see expireOffers). */
export function offerExpiredProviderMail(p: {
  to: string;
  language: Language;
  location: string;
  child: string;
  fileNumber: string;
  deadline: string;
  url: string;
  familyId: string;
}): OutgoingMail {
  const t = providerTexts[p.language];
  const rendered = renderMail(p.language, {
    subject: t.subject(p.child, p.fileNumber),
    greeting: t.greeting(p.location),
    paragraphs: [t.body(p.child, p.fileNumber, formatDate(p.language, p.deadline))],
    action: { label: t.action, url: p.url },
    signature: t.signature,
  });
  return {
    to: p.to,
    language: p.language,
    template: 'offer.expired.provider',
    familyId: p.familyId,
    ...rendered,
  };
}
