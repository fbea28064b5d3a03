import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of the parents' page on the priority rules valid today (the rules' words: priority-rules). */
export const priorityPageMessages = defineMessages({
  nl: {
    title: 'Voorrangsregels',
    intro:
      'Opvanglocaties met inkomenstarief geven bepaalde gezinnen voorrang. De regels veranderen soms; hier staan de regels die vandaag gelden. Andere opvanglocaties kiezen hun eigen opnamebeleid.',
    rules: 'Regels',
    valid: 'Geldig',
    validSince: (from: string) => `sinds ${from}`,
    validBetween: (from: string, until: string) => `van ${from} tot en met ${until}`,
    source: 'Bron',
    absoluteTitle: 'Absolute voorrang',
    absoluteIntro: 'Deze gezinnen komen eerst:',
    priorityTitle: 'Voorrang',
    priorityIntro: 'Daarna krijgen deze gezinnen voorrang:',
    vulnerableTitle: 'Kwetsbare gezinnen',
    vulnerableIntro: (share: number, minimum: number) =>
      `Minstens ${share}% van de plaatsen gaat bij voorrang naar kinderen van kwetsbare gezinnen. Een gezin is kwetsbaar als minstens ${minimum} van deze kenmerken kloppen:`,
    vulnerableRequired: 'Minstens één ervan moet een van deze kenmerken zijn:',
    deviation: (share: number) =>
      `Een opvanglocatie mag voor ten hoogste ${share}% van de plaatsen van deze regels afwijken.`,
    noRules: 'Vandaag gelden er geen voorrangsregels: geen enkel gezin krijgt voorrang.',
    yoursTitle: 'Wat betekent dit voor u?',
    yours:
      'U vult in uw gezinsdossier in wat voor uw gezin klopt. Het loket en de opvang gebruiken die gegevens alleen om de voorrang te bepalen. Twijfelt u? Het loket helpt u graag.',
    link: 'Welke gezinnen krijgen voorrang?',
  },
  fr: {
    title: 'Règles de priorité',
    intro:
      'Les lieux d’accueil au tarif selon les revenus donnent la priorité à certaines familles. Les règles changent parfois\u202f; voici les règles en vigueur aujourd’hui. Les autres lieux d’accueil choisissent leur propre politique d’admission.',
    rules: 'Règles',
    valid: 'En vigueur',
    validSince: (from: string) => `depuis le ${from}`,
    validBetween: (from: string, until: string) => `du ${from} au ${until} inclus`,
    source: 'Source',
    absoluteTitle: 'Priorité absolue',
    absoluteIntro: 'Ces familles passent en premier\u00a0:',
    priorityTitle: 'Priorité',
    priorityIntro: 'Ensuite, ces familles sont prioritaires\u00a0:',
    vulnerableTitle: 'Familles vulnérables',
    vulnerableIntro: (share: number, minimum: number) =>
      `Au moins ${share}\u00a0% des places vont en priorité aux enfants de familles vulnérables. Une famille est vulnérable si au moins ${minimum} de ces caractéristiques s’appliquent\u00a0:`,
    vulnerableRequired: 'Au moins l’une d’elles doit être l’une de ces caractéristiques\u00a0:',
    deviation: (share: number) =>
      `Un lieu d’accueil peut s’écarter de ces règles pour ${share}\u00a0% des places au maximum.`,
    noRules: 'Aucune règle de priorité n’est en vigueur aujourd’hui\u00a0: aucune famille n’est prioritaire.',
    yoursTitle: 'Qu’est-ce que cela signifie pour vous\u202f?',
    yours:
      'Vous indiquez dans votre dossier familial ce qui s’applique à votre famille. Le guichet et le lieu d’accueil n’utilisent ces données que pour déterminer la priorité. Un doute\u202f? Le guichet vous aide volontiers.',
    link: 'Quelles familles sont prioritaires\u202f?',
  },
  en: {
    title: 'Priority rules',
    intro:
      'Locations with an income-related tariff give priority to certain families. The rules change from time to time; these are the rules that apply today. Other locations choose their own admission policy.',
    rules: 'Rules',
    valid: 'Valid',
    validSince: (from: string) => `since ${from}`,
    validBetween: (from: string, until: string) => `from ${from} to ${until} inclusive`,
    source: 'Source',
    absoluteTitle: 'Absolute priority',
    absoluteIntro: 'These families come first:',
    priorityTitle: 'Priority',
    priorityIntro: 'Next, these families get priority:',
    vulnerableTitle: 'Vulnerable families',
    vulnerableIntro: (share: number, minimum: number) =>
      `At least ${share}% of the places go with priority to children of vulnerable families. A family is vulnerable when at least ${minimum} of these characteristics apply:`,
    vulnerableRequired: 'At least one of them must be one of these:',
    deviation: (share: number) =>
      `A location may depart from these rules for at most ${share}% of its places.`,
    noRules: 'No priority rules apply today: no family gets priority.',
    yoursTitle: 'What does this mean for you?',
    yours:
      'In your family file you tick what applies to your family. The desk and the location use these facts only to decide on priority. Not sure? The desk will gladly help you.',
    link: 'Which families get priority?',
  },
});
