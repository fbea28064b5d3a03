import { defineMessages, type Language, plural } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { renderMail } from '../../platform/mail/render.tsx';

const texts = defineMessages({
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
    subject: 'Uw account is verwijderd',
    deleted: 'Uw account bij het Loket Kinderopvang is verwijderd, zoals u vroeg.',
    withdrawn: (n: number) =>
      n === 0
        ? 'U had geen lopende aanvragen.'
        : plural('nl', n, {
            one: 'Uw lopende aanvraag is ingetrokken; de opvanglocaties zien dat.',
            other: 'Uw # lopende aanvragen zijn ingetrokken; de opvanglocaties zien dat.',
          }),
    anonymised:
      'De namen, rijksregisternummers, adres- en contactgegevens van uw gezin zijn gewist. Wat overblijft, zijn cijfers zonder naam voor de statistieken van de gemeente.',
    again: 'Wilt u later opnieuw opvang aanvragen? Dan maakt u gewoon een nieuw account aan.',
  },
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
    subject: 'Votre compte a été supprimé',
    deleted: 'Votre compte au Guichet Accueil d’enfants a été supprimé, comme vous l’avez demandé.',
    withdrawn: (n: number) =>
      n === 0
        ? 'Vous n’aviez pas de demande en cours.'
        : plural('fr', n, {
            one: 'Votre demande en cours a été retirée\u202f; les lieux d’accueil le voient.',
            other: 'Vos # demandes en cours ont été retirées\u202f; les lieux d’accueil le voient.',
          }),
    anonymised:
      'Les noms, numéros de registre national, adresse et coordonnées de votre famille ont été effacés. Il ne reste que des chiffres sans nom pour les statistiques de la commune.',
    again: 'Vous souhaitez redemander une place plus tard\u202f? Créez simplement un nouveau compte.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    signature: 'Kind regards,\nThe Childcare Desk',
    subject: 'Your account has been deleted',
    deleted: 'Your account at the Childcare Desk has been deleted, as you asked.',
    withdrawn: (n: number) =>
      n === 0
        ? 'You had no open requests.'
        : plural('en', n, {
            one: 'Your open request has been withdrawn; the childcare providers see that.',
            other: 'Your # open requests have been withdrawn; the childcare providers see that.',
          }),
    anonymised:
      'The names, national register numbers, address and contact details of your family have been erased. What remains are figures without names for the municipality’s statistics.',
    again: 'Want to request childcare again later? Simply create a new account.',
  },
});

/** The confirmation to the address of the deleted account; not linked to the (erased) family. */
export function accountDeletedMail(
  to: { email: string; name: string; language: Language },
  p: { withdrawnRequests: number; hadFamily: boolean },
): OutgoingMail {
  const t = texts[to.language];
  const rendered = renderMail(to.language, {
    subject: t.subject,
    greeting: t.greeting(to.name),
    paragraphs: [
      t.deleted,
      t.withdrawn(p.withdrawnRequests),
      ...(p.hadFamily ? [t.anonymised] : []),
      t.again,
    ],
    signature: t.signature,
  });
  return { to: to.email, language: to.language, template: 'account.deleted', ...rendered };
}
