import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * Texts of the confirmation pages before a step that cannot be taken back (declining an offer,
 * withdrawing a request). Each sentence is shown only when it is true for this request; the
 * "staff" variants speak of "the family" for an intermediary recording the family's answer.
 */
export const confirmMessages = defineMessages({
  nl: {
    declineTitle: (provider: string) => `Het voorstel van ${provider} weigeren?`,
    declinePlace: (provider: string, start: string) =>
      `U weigert de plaats bij ${provider} vanaf ${start}. ${provider} kan die plaats dan aan een ander kind geven.`,
    declinePlaceStaff: (provider: string, start: string) =>
      `Het gezin weigert de plaats bij ${provider} vanaf ${start}. ${provider} kan die plaats dan aan een ander kind geven.`,
    staysOn: 'Uw aanvraag blijft op de wachtlijst van:',
    staysOnStaff: 'De aanvraag blijft op de wachtlijst van:',
    noOtherOpen: 'Uw aanvraag staat dan bij geen enkele andere opvanglocatie meer open.',
    canAddLocations: 'U kunt opvanglocaties toevoegen aan uw aanvraag.',
    noOtherOpenStaff: 'De aanvraag staat dan bij geen enkele andere opvanglocatie meer open.',
    keepsAccepted: (provider: string) => `U behoudt de plaats die u aanvaardde bij ${provider}.`,
    keepsAcceptedStaff: (provider: string) =>
      `Het gezin behoudt de plaats die het aanvaardde bij ${provider}.`,
    cannotUndo: 'Dit kunt u niet ongedaan maken.',
    declineConfirm: 'Ja, weiger het voorstel',
    declineConfirmStaff: 'Ja, het gezin weigert het voorstel',
    keepOffer: 'Nee, terug naar de aanvraag',
    withdrawLeaves: 'Uw aanvraag verdwijnt van de wachtlijst van:',
    withdrawOfferLapses: (provider: string) =>
      `Het voorstel van ${provider}, dat u nog niet beantwoordde, vervalt.`,
    withdrawGivesUpPlace: (provider: string) =>
      `U ziet ook af van de plaats die u aanvaardde bij ${provider}.`,
    withdrawNewRequest: 'Zoekt u later toch nog opvang? Dan dient u een nieuwe aanvraag in.',
    keepRequest: 'Nee, terug naar de aanvraag',
  },
  fr: {
    declineTitle: (provider: string) => `Refuser la proposition de ${provider}\u202f?`,
    declinePlace: (provider: string, start: string) =>
      `Vous refusez la place chez ${provider} à partir du ${start}. ${provider} pourra alors donner cette place à un autre enfant.`,
    declinePlaceStaff: (provider: string, start: string) =>
      `La famille refuse la place chez ${provider} à partir du ${start}. ${provider} pourra alors donner cette place à un autre enfant.`,
    staysOn: 'Votre demande reste sur la liste d’attente de\u00a0:',
    staysOnStaff: 'La demande reste sur la liste d’attente de\u00a0:',
    noOtherOpen: 'Votre demande ne sera alors plus ouverte auprès d’aucun autre lieu d’accueil.',
    canAddLocations: 'Vous pouvez ajouter des lieux d’accueil à votre demande.',
    noOtherOpenStaff: 'La demande ne sera alors plus ouverte auprès d’aucun autre lieu d’accueil.',
    keepsAccepted: (provider: string) => `Vous gardez la place que vous avez acceptée chez ${provider}.`,
    keepsAcceptedStaff: (provider: string) =>
      `La famille garde la place qu’elle a acceptée chez ${provider}.`,
    cannotUndo: 'Vous ne pourrez pas revenir en arrière.',
    declineConfirm: 'Oui, refuser la proposition',
    declineConfirmStaff: 'Oui, la famille refuse la proposition',
    keepOffer: 'Non, retour à la demande',
    withdrawLeaves: 'Votre demande disparaît de la liste d’attente de\u00a0:',
    withdrawOfferLapses: (provider: string) =>
      `La proposition de ${provider}, à laquelle vous n’avez pas encore répondu, expire.`,
    withdrawGivesUpPlace: (provider: string) =>
      `Vous renoncez aussi à la place que vous avez acceptée chez ${provider}.`,
    withdrawNewRequest:
      'Vous cherchez à nouveau un accueil plus tard\u202f? Introduisez alors une nouvelle demande.',
    keepRequest: 'Non, retour à la demande',
  },
  en: {
    declineTitle: (provider: string) => `Decline the offer from ${provider}?`,
    declinePlace: (provider: string, start: string) =>
      `You decline the place at ${provider} starting ${start}. ${provider} can then give this place to another child.`,
    declinePlaceStaff: (provider: string, start: string) =>
      `The family declines the place at ${provider} starting ${start}. ${provider} can then give this place to another child.`,
    staysOn: 'Your request stays on the waiting list of:',
    staysOnStaff: 'The request stays on the waiting list of:',
    noOtherOpen: 'Your request will then be open at no other childcare location.',
    canAddLocations: 'You can add childcare locations to your request.',
    noOtherOpenStaff: 'The request will then be open at no other childcare location.',
    keepsAccepted: (provider: string) => `You keep the place you accepted at ${provider}.`,
    keepsAcceptedStaff: (provider: string) => `The family keeps the place it accepted at ${provider}.`,
    cannotUndo: 'You cannot undo this.',
    declineConfirm: 'Yes, decline the offer',
    declineConfirmStaff: 'Yes, the family declines the offer',
    keepOffer: 'No, back to the request',
    withdrawLeaves: 'Your request leaves the waiting list of:',
    withdrawOfferLapses: (provider: string) =>
      `The offer from ${provider}, which you have not answered yet, lapses.`,
    withdrawGivesUpPlace: (provider: string) => `You also give up the place you accepted at ${provider}.`,
    withdrawNewRequest: 'Looking for childcare again later? Then file a new request.',
    keepRequest: 'No, back to the request',
  },
});
