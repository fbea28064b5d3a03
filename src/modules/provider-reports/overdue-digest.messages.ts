import { defineMessages, plural } from '../../platform/i18n/index.ts';

/** The weekly mail to a location's staff about requests overdue for a first answer. */
export const digestMessages = defineMessages({
  nl: {
    subject: (n: number, location: string) =>
      `${plural('nl', n, { one: '# aanvraag wacht', other: '# aanvragen wachten' })} te lang op een antwoord – ${location}`,
    greeting: (name: string) => `Beste ${name},`,
    intro: (location: string, days: number, today: string) =>
      `Deze aanvragen voor ${location} wachten langer dan ${days} dagen op een eerste antwoord (toestand op ${today}):`,
    line: (file: string, child: string, waited: number, start: string) =>
      `${file} · ${child} · ${waited} dagen zonder antwoord · gewenste start ${start}`,
    more: (n: number) => `En nog ${n} andere.`,
    action: 'Open de wachtlijst met deze aanvragen',
    signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
  },
  fr: {
    subject: (n: number, location: string) =>
      `${plural('fr', n, { one: '# demande attend', other: '# demandes attendent' })} trop longtemps une réponse – ${location}`,
    greeting: (name: string) => `Bonjour ${name},`,
    intro: (location: string, days: number, today: string) =>
      `Ces demandes pour ${location} attendent depuis plus de ${days} jours une première réponse (situation au ${today})\u00a0:`,
    line: (file: string, child: string, waited: number, start: string) =>
      `${file} · ${child} · ${waited} jours sans réponse · début souhaité le ${start}`,
    more: (n: number) => plural('fr', n, { one: 'Et # autre.', other: 'Et # autres.' }),
    action: 'Ouvrir la liste d’attente avec ces demandes',
    signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
  },
  en: {
    subject: (n: number, location: string) =>
      `${plural('en', n, { one: '# request is', other: '# requests are' })} waiting too long for an answer – ${location}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (location: string, days: number, today: string) =>
      `These requests for ${location} have waited more than ${days} days for a first answer (as of ${today}):`,
    line: (file: string, child: string, waited: number, start: string) =>
      `${file} · ${child} · ${waited} days without an answer · desired start ${start}`,
    more: (n: number) => `And ${n} more.`,
    action: 'Open the waiting list with these requests',
    signature: 'Kind regards,\nThe Childcare Desk',
  },
});
