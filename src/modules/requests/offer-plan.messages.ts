import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * Words for an offer set next to its request: the table's headings and the differences in a
 * sentence each. Day names inside a sentence are written as that language writes them there.
 */
export const offerPlanMessages = defineMessages({
  nl: {
    caption: 'Uw aanvraag en het voorstel',
    captionStaff: 'Aanvraag en voorstel',
    dayColumn: 'Dag',
    requested: 'Gevraagd',
    offered: 'Voorgesteld',
    start: 'Startdatum',
    dayNames: { mon: 'Maandag', tue: 'Dinsdag', wed: 'Woensdag', thu: 'Donderdag', fri: 'Vrijdag' },
    dayInSentence: { mon: 'maandag', tue: 'dinsdag', wed: 'woensdag', thu: 'donderdag', fri: 'vrijdag' },
    parts: { none: 'geen opvang', half: 'halve dag', full: 'volle dag' },
    matches: 'Het voorstel komt overeen met uw aanvraag.',
    matchesStaff: 'Het voorstel komt overeen met de aanvraag.',
    differsIntro: 'Het voorstel verschilt van uw aanvraag:',
    differsIntroStaff: 'Het voorstel verschilt van de aanvraag:',
    startDiffers: (offered: string, requested: string) => `Start op ${offered} in plaats van ${requested}`,
    dayDiffers: (day: string, offered: string, requested: string) =>
      `${day}: ${offered} in plaats van ${requested}`,
    dayDropped: (day: string) => `Geen opvang op ${day}`,
    dayAdded: (day: string, offered: string) => `Ook opvang op ${day} (${offered})`,
  },
  fr: {
    caption: 'Votre demande et la proposition',
    captionStaff: 'Demande et proposition',
    dayColumn: 'Jour',
    requested: 'Demandé',
    offered: 'Proposé',
    start: 'Date de début',
    dayNames: { mon: 'Lundi', tue: 'Mardi', wed: 'Mercredi', thu: 'Jeudi', fri: 'Vendredi' },
    dayInSentence: { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi' },
    parts: { none: 'pas d’accueil', half: 'demi-journée', full: 'journée complète' },
    matches: 'La proposition correspond à votre demande.',
    matchesStaff: 'La proposition correspond à la demande.',
    differsIntro: 'La proposition diffère de votre demande\u00a0:',
    differsIntroStaff: 'La proposition diffère de la demande\u00a0:',
    startDiffers: (offered: string, requested: string) => `Début le ${offered} au lieu du ${requested}`,
    dayDiffers: (day: string, offered: string, requested: string) =>
      `${day}\u00a0: ${offered} au lieu d’une ${requested}`,
    dayDropped: (day: string) => `Pas d’accueil le ${day}`,
    dayAdded: (day: string, offered: string) => `Accueil aussi le ${day} (${offered})`,
  },
  en: {
    caption: 'Your request and the offer',
    captionStaff: 'Request and offer',
    dayColumn: 'Day',
    requested: 'Requested',
    offered: 'Offered',
    start: 'Start date',
    dayNames: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' },
    dayInSentence: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' },
    parts: { none: 'no care', half: 'half day', full: 'full day' },
    matches: 'The offer matches your request.',
    matchesStaff: 'The offer matches the request.',
    differsIntro: 'The offer differs from your request:',
    differsIntroStaff: 'The offer differs from the request:',
    startDiffers: (offered: string, requested: string) => `Starts on ${offered} instead of ${requested}`,
    dayDiffers: (day: string, offered: string, requested: string) =>
      `${day}: ${offered} instead of ${requested}`,
    dayDropped: (day: string) => `No care on ${day}`,
    dayAdded: (day: string, offered: string) => `Care on ${day} too (${offered})`,
  },
});
