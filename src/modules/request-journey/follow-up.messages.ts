import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of the follow-up page, the change pages and the history words for changes. */
export const followUpMessages = defineMessages({
  nl: {
    statusExplained: {
      active: 'Uw aanvraag staat op de wachtlijst van de opvanglocaties die u koos.',
      answered: 'U aanvaardde een plaats.',
      expired:
        'U bevestigde niet op tijd dat u nog opvang zoekt. Zoekt u toch nog opvang? Dien een nieuwe aanvraag in.',
      withdrawn: 'U trok deze aanvraag in. Zoekt u toch nog opvang? Dien een nieuwe aanvraag in.',
      closed: 'Deze aanvraag is afgesloten.',
    },
    higherStillOpen: (n: number) =>
      n === 1
        ? 'De voorkeur die u hoger rangschikte en openhield, loopt verder.'
        : `De ${n} voorkeuren die u hoger rangschikte en openhield, lopen verder.`,
    requestHeading: 'Uw aanvraag',
    kind: 'Soort opvang',
    kinds: { regular: 'Gewone opvang', occasional: 'Occasionele opvang' },
    endDate: 'Einddatum',
    noEnd: 'geen',
    carePlan: 'Opvangplan',
    careNeeds: 'Specifieke zorgnoden',
    unborn: (date: string) => `Uw kind is nog niet geboren (verwacht op ${date}).`,
    childIsBorn: 'Mijn kind is geboren',
    answerBy: (date: string) => `Antwoord verwacht uiterlijk ${date}.`,
    offerDeadline: (date: string) => `Antwoord vóór ${date}.`,
    changeHeading: 'Iets wijzigen',
    changeDates: 'Start- of einddatum wijzigen',
    changeCarePlan: 'Opvangplan wijzigen',
    changePreferences: 'Voorkeuren wijzigen',
    withdraw: 'Aanvraag intrekken',
    confirmHeading: 'Zoekt u nog opvang?',
    confirmText: (date: string) =>
      `Bevestig vóór ${date} dat uw aanvraag nog actueel is. Zonder bevestiging vervalt ze. U krijgt vooraf een herinnering.`,
    confirmButton: 'Ja, ik zoek nog opvang',
    datesTitle: 'Start- of einddatum wijzigen',
    carePlanTitle: 'Opvangplan wijzigen',
    preferencesTitle: 'Voorkeuren wijzigen',
    preferencesIntro:
      'Voeg opvanglocaties toe, verander de volgorde of verwijder er. Niets verandert voor de opvanglocaties tot u bewaart.',
    onlyRemove:
      'U aanvaardde al een plaats. U kunt voorkeuren nog intrekken, maar niet toevoegen of verschuiven.',
    unsaved: 'U hebt wijzigingen die nog niet bewaard zijn.',
    save: 'Wijzigingen bewaren',
    cancel: 'Annuleren',
    backToRequest: 'Terug naar de aanvraag',
    withdrawTitle: 'Aanvraag intrekken',
    withdrawIntro:
      'Als u uw aanvraag intrekt, verdwijnt ze van alle wachtlijsten. Een voorstel dat u nog niet beantwoordde, vervalt. Dit kunt u niet ongedaan maken.',
    withdrawConfirm: 'Ja, trek mijn aanvraag in',
    newStatus: 'nieuw',
    events: {
      datesChanged: 'Start- of einddatum gewijzigd',
      carePlanChanged: 'Opvangplan gewijzigd',
      confirmed: 'Bevestigd: nog op zoek naar opvang',
      added: 'Voorkeur toegevoegd',
      reordered: 'Volgorde van de voorkeuren gewijzigd',
      removed: 'Van de lijst van voorkeuren gehaald',
      born: 'Geboortegegevens aangevuld',
    },
  },
  fr: {
    statusExplained: {
      active: 'Votre demande figure sur la liste d’attente des lieux d’accueil que vous avez choisis.',
      answered: 'Vous avez accepté une place.',
      expired:
        'Vous n’avez pas confirmé à temps que vous cherchez toujours un accueil. Vous cherchez encore ? Introduisez une nouvelle demande.',
      withdrawn: 'Vous avez retiré cette demande. Vous cherchez encore ? Introduisez une nouvelle demande.',
      closed: 'Cette demande est clôturée.',
    },
    higherStillOpen: (n: number) =>
      n === 1
        ? 'La préférence mieux classée que vous avez gardée reste ouverte.'
        : `Les ${n} préférences mieux classées que vous avez gardées restent ouvertes.`,
    requestHeading: 'Votre demande',
    kind: 'Type d’accueil',
    kinds: { regular: 'Accueil régulier', occasional: 'Accueil occasionnel' },
    endDate: 'Date de fin',
    noEnd: 'aucune',
    carePlan: 'Plan d’accueil',
    careNeeds: 'Besoins de soins spécifiques',
    unborn: (date: string) => `Votre enfant n’est pas encore né (attendu le ${date}).`,
    childIsBorn: 'Mon enfant est né',
    answerBy: (date: string) => `Réponse attendue au plus tard le ${date}.`,
    offerDeadline: (date: string) => `Répondez avant le ${date}.`,
    changeHeading: 'Modifier quelque chose',
    changeDates: 'Modifier la date de début ou de fin',
    changeCarePlan: 'Modifier le plan d’accueil',
    changePreferences: 'Modifier les préférences',
    withdraw: 'Retirer la demande',
    confirmHeading: 'Cherchez-vous toujours un accueil ?',
    confirmText: (date: string) =>
      `Confirmez avant le ${date} que votre demande est toujours d’actualité. Sans confirmation, elle expire. Vous recevrez un rappel.`,
    confirmButton: 'Oui, je cherche toujours',
    datesTitle: 'Modifier la date de début ou de fin',
    carePlanTitle: 'Modifier le plan d’accueil',
    preferencesTitle: 'Modifier les préférences',
    preferencesIntro:
      'Ajoutez des lieux d’accueil, changez l’ordre ou retirez-en. Rien ne change pour les lieux d’accueil avant que vous enregistriez.',
    onlyRemove:
      'Vous avez déjà accepté une place. Vous pouvez encore retirer des préférences, mais pas en ajouter ni les déplacer.',
    unsaved: 'Vous avez des modifications qui ne sont pas encore enregistrées.',
    save: 'Enregistrer les modifications',
    cancel: 'Annuler',
    backToRequest: 'Retour à la demande',
    withdrawTitle: 'Retirer la demande',
    withdrawIntro:
      'Si vous retirez votre demande, elle disparaît de toutes les listes d’attente. Une proposition sans réponse expire. Vous ne pourrez pas l’annuler.',
    withdrawConfirm: 'Oui, retirer ma demande',
    newStatus: 'nouveau',
    events: {
      datesChanged: 'Date de début ou de fin modifiée',
      carePlanChanged: 'Plan d’accueil modifié',
      confirmed: 'Confirmé : toujours à la recherche d’un accueil',
      added: 'Préférence ajoutée',
      reordered: 'Ordre des préférences modifié',
      removed: 'Retiré de la liste des préférences',
      born: 'Données de naissance complétées',
    },
  },
  en: {
    statusExplained: {
      active: 'Your request is on the waiting list of the childcare locations you chose.',
      answered: 'You accepted a place.',
      expired:
        'You did not confirm in time that you still need childcare. Still looking? File a new request.',
      withdrawn: 'You withdrew this request. Still looking? File a new request.',
      closed: 'This request is closed.',
    },
    higherStillOpen: (n: number) =>
      n === 1
        ? 'The higher-ranked preference you kept open stays open.'
        : `The ${n} higher-ranked preferences you kept open stay open.`,
    requestHeading: 'Your request',
    kind: 'Type of care',
    kinds: { regular: 'Regular care', occasional: 'Occasional care' },
    endDate: 'End date',
    noEnd: 'none',
    carePlan: 'Care plan',
    careNeeds: 'Specific care needs',
    unborn: (date: string) => `Your child has not been born yet (expected on ${date}).`,
    childIsBorn: 'My child has been born',
    answerBy: (date: string) => `Answer expected by ${date}.`,
    offerDeadline: (date: string) => `Answer before ${date}.`,
    changeHeading: 'Change something',
    changeDates: 'Change the start or end date',
    changeCarePlan: 'Change the care plan',
    changePreferences: 'Change the preferences',
    withdraw: 'Withdraw the request',
    confirmHeading: 'Do you still need childcare?',
    confirmText: (date: string) =>
      `Confirm before ${date} that your request is still current. Without confirmation it expires. You will get a reminder.`,
    confirmButton: 'Yes, I still need childcare',
    datesTitle: 'Change the start or end date',
    carePlanTitle: 'Change the care plan',
    preferencesTitle: 'Change the preferences',
    preferencesIntro:
      'Add childcare locations, change the order or remove some. Nothing changes for the locations until you save.',
    onlyRemove: 'You already accepted a place. You can still withdraw preferences, but not add or move them.',
    unsaved: 'You have changes that are not saved yet.',
    save: 'Save changes',
    cancel: 'Cancel',
    backToRequest: 'Back to the request',
    withdrawTitle: 'Withdraw the request',
    withdrawIntro:
      'If you withdraw your request, it leaves every waiting list. An offer you have not answered expires. You cannot undo this.',
    withdrawConfirm: 'Yes, withdraw my request',
    newStatus: 'new',
    events: {
      datesChanged: 'Start or end date changed',
      carePlanChanged: 'Care plan changed',
      confirmed: 'Confirmed: still looking for childcare',
      added: 'Preference added',
      reordered: 'Order of the preferences changed',
      removed: 'Removed from the list of preferences',
      born: 'Birth details completed',
    },
  },
});
