import { defineMessages, plural } from '../../platform/i18n/index.ts';

/** Texts of the shared emergency list of a municipality. */
export const messages = defineMessages({
  nl: {
    title: (municipality: string) => `Noodlijst – ${municipality}`,
    intro: (days: number, municipality: string) =>
      `Aanvragen zonder plaats waarvan de gewenste start binnen ${days} dagen valt (of al voorbij is). Alle opvanglocaties van ${municipality} zien deze lijst, ook als de ouders hen niet kozen. Aanvragen die het loket naar u doorstuurde, staan bovenaan, ook met een latere start. Namen ziet u pas wanneer u een plaats voorstelt.`,
    caption: (count: number) =>
      `${plural('nl', count, { one: '# aanvraag', other: '# aanvragen' })} op de noodlijst`,
    empty: 'Er staan nu geen aanvragen op de noodlijst.',
    emergency: 'Noodsituatie',
    socialFlag: 'Sociale reden',
    forwarded: (date: string) => `Door het loket doorgestuurd op ${date}`,
    age: 'Leeftijd',
    start: 'Gewenste start',
    carePlan: 'Opvangplan',
    subMunicipality: 'Deelgemeente',
    priorityGroup: 'Voorrang',
    pendingOffers: 'Lopende voorstellen',
    action: 'Actie',
    inDays: (n: number) => (n === 0 ? 'vandaag' : n > 0 ? `over ${n} d` : `${-n} d geleden`),
    unborn: (date: string) => `verwacht ${date}`,
    offerPlace: 'Plaats voorstellen',
    offerPlaceFor: (age: string, start: string) => `Plaats voorstellen voor kind van ${age}, start ${start}`,
    onYourList: 'Op uw wachtlijst – openen',
    offerTitle: 'Een plaats voorstellen vanuit de noodlijst',
    offerIntro:
      'Wanneer u een plaats voorstelt, komt uw opvanglocatie bij de voorkeuren van deze aanvraag en ziet u het volledige dossier, ook hoe de ouders uw voorstel te horen krijgen. Zij beslissen zelf.',
    offerIntroAfterNoPlace:
      'Uw opvanglocatie meldde eerder “geen plaats” voor deze aanvraag. Met dit voorstel vervangt u dat antwoord. Daarna ziet u op de aanvraag hoe de ouders uw voorstel te horen krijgen. Zij beslissen zelf.',
    backToList: 'Terug naar de noodlijst',
    pagination: 'Paginering',
    previous: 'Vorige',
    next: 'Volgende',
    occasional: 'occasioneel',
    careNeeds: 'zorgnoden',
  },
  fr: {
    title: (municipality: string) => `Liste d’urgence – ${municipality}`,
    intro: (days: number, municipality: string) =>
      `Demandes sans place dont le début souhaité tombe dans les ${days} jours (ou est déjà passé). Tous les lieux d’accueil de ${municipality} voient cette liste, même si les parents ne les ont pas choisis. Les demandes que le guichet vous a transmises figurent en tête, même avec un début plus lointain. Vous ne voyez les noms qu’après avoir proposé une place.`,
    caption: (count: number) =>
      `${plural('fr', count, { one: '# demande', other: '# demandes' })} sur la liste d’urgence`,
    empty: 'Il n’y a pas de demandes sur la liste d’urgence pour l’instant.',
    emergency: 'Urgence',
    socialFlag: 'Raison sociale',
    forwarded: (date: string) => `Transmise par le guichet le ${date}`,
    age: 'Âge',
    start: 'Début souhaité',
    carePlan: 'Plan d’accueil',
    subMunicipality: 'Section',
    priorityGroup: 'Priorité',
    pendingOffers: 'Propositions en cours',
    action: 'Action',
    inDays: (n: number) => (n === 0 ? 'aujourd’hui' : n > 0 ? `dans ${n} j` : `il y a ${-n} j`),
    unborn: (date: string) => `prévue le ${date}`,
    offerPlace: 'Proposer une place',
    offerPlaceFor: (age: string, start: string) =>
      `Proposer une place pour un enfant de ${age}, début ${start}`,
    onYourList: 'Sur votre liste d’attente – ouvrir',
    offerTitle: 'Proposer une place depuis la liste d’urgence',
    offerIntro:
      'En proposant une place, votre lieu d’accueil rejoint les préférences de cette demande et vous voyez le dossier complet, y compris la façon dont les parents apprennent votre proposition. Ils décident eux-mêmes.',
    offerIntroAfterNoPlace:
      'Votre lieu d’accueil a signalé plus tôt «\u00a0pas de place\u00a0» pour cette demande. Cette proposition remplace cette réponse. Vous verrez ensuite sur la demande comment les parents l’apprennent. Ils décident eux-mêmes.',
    backToList: 'Retour à la liste d’urgence',
    pagination: 'Pagination',
    previous: 'Précédente',
    next: 'Suivante',
    occasional: 'occasionnel',
    careNeeds: 'besoins de soins',
  },
  en: {
    title: (municipality: string) => `Emergency list – ${municipality}`,
    intro: (days: number, municipality: string) =>
      `Requests without a place whose desired start is within ${days} days (or already passed). Every provider of ${municipality} sees this list, also those the parents did not choose. Requests the desk put forward to you are on top, also with a later start. You see names only once you offer a place.`,
    caption: (count: number) =>
      `${plural('en', count, { one: '# request', other: '# requests' })} on the emergency list`,
    empty: 'There are no requests on the emergency list now.',
    emergency: 'Emergency',
    socialFlag: 'Social reason',
    forwarded: (date: string) => `Put forward by the desk on ${date}`,
    age: 'Age',
    start: 'Desired start',
    carePlan: 'Care plan',
    subMunicipality: 'Sub-municipality',
    priorityGroup: 'Priority',
    pendingOffers: 'Pending offers',
    action: 'Action',
    inDays: (n: number) => (n === 0 ? 'today' : n > 0 ? `in ${n} d` : `${-n} d ago`),
    unborn: (date: string) => `expected ${date}`,
    offerPlace: 'Offer a place',
    offerPlaceFor: (age: string, start: string) => `Offer a place for a child of ${age}, start ${start}`,
    onYourList: 'On your waiting list – open',
    offerTitle: 'Offer a place from the emergency list',
    offerIntro:
      'When you offer a place, your location joins the preferences of this request and you see the full file, including how the parents hear of your offer. They decide for themselves.',
    offerIntroAfterNoPlace:
      'Your location reported “no place” for this request earlier. This offer replaces that answer. Afterwards the request shows how the parents hear of your offer. They decide for themselves.',
    backToList: 'Back to the emergency list',
    pagination: 'Pagination',
    previous: 'Previous',
    next: 'Next',
    occasional: 'occasional',
    careNeeds: 'care needs',
  },
});
