import { defineMessages } from '../../platform/i18n/index.ts';

/** The navigation between the pages of one childcare location. */
export const locationMessages = defineMessages({
  nl: {
    locationNav: 'Opvanglocatie',
    navWaitingList: 'Wachtlijst',
    navEmergencyList: 'Noodlijst',
    navMailTemplates: 'E-mailteksten',
    navReports: 'Rapporten',
    navProfile: 'Profiel en foto’s',
    navLastMinute: 'Last-minuteplaatsen',
  },
  fr: {
    locationNav: 'Lieu d’accueil',
    navWaitingList: 'Liste d’attente',
    navEmergencyList: 'Liste d’urgence',
    navMailTemplates: 'Textes des e-mails',
    navReports: 'Rapports',
    navProfile: 'Profil et photos',
    navLastMinute: 'Places de dernière minute',
  },
  en: {
    locationNav: 'Childcare location',
    navWaitingList: 'Waiting list',
    navEmergencyList: 'Emergency list',
    navMailTemplates: 'E-mail texts',
    navReports: 'Reports',
    navProfile: 'Profile and photos',
    navLastMinute: 'Last-minute places',
  },
});
