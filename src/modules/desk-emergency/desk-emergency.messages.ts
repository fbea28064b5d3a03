import { defineMessages, type Language, locale } from '../../platform/i18n/index.ts';

/** Whether a count takes the singular in a language (Intl plural rules: French 0 is singular too). */
function one(lang: Language, n: number): boolean {
  return new Intl.PluralRules(locale(lang)).select(n) === 'one';
}

/**
 * Texts of the desk's emergency follow-up of one request, and of the mail to the staff of the
 * locations the desk puts a request forward to. The mail never names the child nor the note.
 */
export const deskEmergencyMessages = defineMessages({
  nl: {
    title: (child: string) => `Noodopvolging – ${child}`,
    backToFile: 'Terug naar het dossier',
    facts: 'De aanvraag',
    fileNumber: 'Dossiernummer',
    child: 'Kind',
    born: (date: string) => `geboren op ${date}`,
    expected: (date: string) => `verwacht op ${date}`,
    parents: 'Ouders',
    noContact: 'geen e-mail of telefoon',
    start: 'Gewenste start',
    end: 'Gewenste einde',
    noEnd: 'niet opgegeven',
    submitted: 'Ontvangen op',
    status: 'Status van de aanvraag',
    placed: 'Het kind heeft een plaats.',
    flag: 'Sociale noodsituatie',
    notFlagged: 'Niet gemarkeerd',
    flaggedBy: (category: string, who: string, when: string) => `${category} – door ${who} op ${when}`,
    flaggedWithoutWho: (category: string) => `${category} (bij het indienen)`,
    flagHeading: 'Sociale noodsituatie markeren',
    changeHeading: 'Categorie wijzigen of een nota toevoegen',
    flagIntro:
      'Opvanglocaties van de gemeente zien de markering en de categorie op de noodlijst. De nota ziet alleen het loket.',
    category: 'Categorie',
    chooseCategory: 'Kies een categorie',
    note: 'Vertrouwelijke nota',
    noteHint: 'Alleen het loket leest deze nota; opvanglocaties nooit.',
    noteOptionalHint: 'Niet verplicht bij een wijziging. Alleen het loket leest deze nota.',
    flagSubmit: 'Markeren als sociale noodsituatie',
    changeSubmit: 'Opslaan',
    liftLink: 'De markering opheffen',
    notesHeading: 'Vertrouwelijke nota’s',
    noNotes: 'Nog geen nota’s.',
    contactsHeading: 'Contactlog',
    noContacts: 'Nog geen contacten genoteerd.',
    contactChannel: 'Hoe',
    channels: { phone: 'Telefoon', visit: 'Bezoek', mail: 'E-mail of brief', other: 'Anders' },
    contactText: 'Wat werd besproken',
    contactSubmit: 'Contact noteren',
    addContactHeading: 'Een contact noteren',
    noteBy: (who: string, when: string) => `${who}, ${when}`,
    someone: 'onbekend',
    forwardsHeading: 'Doorgestuurd naar opvanglocaties',
    noForwards: 'Nog naar geen enkele opvanglocatie doorgestuurd.',
    location: 'Opvanglocatie',
    forwardedOn: 'Doorgestuurd op',
    forwardedBy: 'Door',
    didSince: 'Wat de opvang deed',
    nothingYet: 'Nog niets',
    forwardHeading: 'Doorsturen naar opvanglocaties',
    forwardIntro:
      'De gekozen opvanglocaties krijgen een e-mail en zien de aanvraag bovenaan hun noodlijst, zonder naam en zonder nota.',
    forwardLegend: 'Opvanglocaties van de gemeente',
    alreadyForwarded: 'al doorgestuurd',
    ageRange: (min: number, max: number) => `${min}–${max} maanden`,
    lastMinute: (n: number) => (one('nl', n) ? '1 last-minuteplaats' : `${n} last-minuteplaatsen`),
    careTypes: { group: 'groepsopvang', family: 'gezinsopvang', out_of_school: 'buitenschoolse opvang' },
    forwardSubmit: 'Doorsturen',
    notForwardable: 'Deze aanvraag loopt niet meer of het kind heeft een plaats: doorsturen kan niet.',
    liftTitle: 'De markering als sociale noodsituatie opheffen',
    liftGone: (category: string) =>
      `De markering “${category}” verdwijnt van de aanvraag en van de noodlijst van de opvanglocaties.`,
    liftKept: 'De vertrouwelijke nota’s en de contactlog blijven bewaard.',
    liftAgain: 'U kunt de aanvraag later opnieuw markeren.',
    liftSubmit: 'Markering opheffen',
    cancel: 'Niet opheffen, terug naar de noodopvolging',
    warning: 'Let op',
    done: {
      flagged: 'De aanvraag is gemarkeerd als sociale noodsituatie.',
      changed: 'De markering is bijgewerkt.',
      unchanged: 'Er is niets gewijzigd: de categorie was al dezelfde en u gaf geen nota.',
      lifted: 'De markering als sociale noodsituatie is opgeheven.',
      contact: 'Het contact is genoteerd.',
    },
    forwardedAdded: (added: number) =>
      one('nl', added)
        ? 'De aanvraag is doorgestuurd naar 1 opvanglocatie.'
        : `De aanvraag is doorgestuurd naar ${added} opvanglocaties.`,
    forwardedMailed: 'We stuurden hun medewerkers een e-mail.',
    forwardedUnmailed: (n: number) =>
      one('nl', n)
        ? '1 van die opvanglocaties heeft geen medewerkers en geen e-mailadres: bel ze.'
        : `${n} van die opvanglocaties hebben geen medewerkers en geen e-mailadres: bel ze.`,
    forwardedAlready: (already: number) =>
      one('nl', already)
        ? '1 gekozen opvanglocatie had de aanvraag al: daar is niets gewijzigd.'
        : `${already} gekozen opvanglocaties hadden de aanvraag al: daar is niets gewijzigd.`,
    mail: {
      subject: (location: string) => `Het loket vraagt een plaats voor een kind in nood – ${location}`,
      greeting: (name: string) => `Beste ${name},`,
      intro: (municipality: string, location: string) =>
        `Het loket kinderopvang van ${municipality} stuurde een dringende aanvraag door naar ${location}. Ze staat bovenaan uw noodlijst.`,
      facts: (age: string, start: string) => `Kind: ${age}. Gewenste start: ${start}.`,
      social: (category: string) => `Noodsituatie met sociale reden: ${category}.`,
      ageMonths: (n: number) => (one('nl', n) ? '1 maand' : `${n} maanden`),
      unborn: (date: string) => `nog niet geboren, verwacht op ${date}`,
      action: 'Open de noodlijst',
      signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
    },
  },
  fr: {
    title: (child: string) => `Suivi d’urgence – ${child}`,
    backToFile: 'Retour au dossier',
    facts: 'La demande',
    fileNumber: 'Numéro de dossier',
    child: 'Enfant',
    born: (date: string) => `né·e le ${date}`,
    expected: (date: string) => `naissance prévue le ${date}`,
    parents: 'Parents',
    noContact: 'ni e-mail ni téléphone',
    start: 'Début souhaité',
    end: 'Fin souhaitée',
    noEnd: 'non précisée',
    submitted: 'Reçue le',
    status: 'Statut de la demande',
    placed: 'L’enfant a une place.',
    flag: 'Urgence sociale',
    notFlagged: 'Non signalée',
    flaggedBy: (category: string, who: string, when: string) => `${category} – par ${who} le ${when}`,
    flaggedWithoutWho: (category: string) => `${category} (à l’introduction)`,
    flagHeading: 'Signaler une urgence sociale',
    changeHeading: 'Changer la catégorie ou ajouter une note',
    flagIntro:
      'Les lieux d’accueil de la commune voient le signalement et la catégorie sur la liste d’urgence. Seul le guichet voit la note.',
    category: 'Catégorie',
    chooseCategory: 'Choisissez une catégorie',
    note: 'Note confidentielle',
    noteHint: 'Seul le guichet lit cette note, jamais les lieux d’accueil.',
    noteOptionalHint: 'Facultative lors d’un changement. Seul le guichet lit cette note.',
    flagSubmit: 'Signaler comme urgence sociale',
    changeSubmit: 'Enregistrer',
    liftLink: 'Lever le signalement',
    notesHeading: 'Notes confidentielles',
    noNotes: 'Pas encore de notes.',
    contactsHeading: 'Journal des contacts',
    noContacts: 'Aucun contact noté pour l’instant.',
    contactChannel: 'Comment',
    channels: { phone: 'Téléphone', visit: 'Visite', mail: 'E-mail ou lettre', other: 'Autre' },
    contactText: 'Ce qui a été dit',
    contactSubmit: 'Noter le contact',
    addContactHeading: 'Noter un contact',
    noteBy: (who: string, when: string) => `${who}, ${when}`,
    someone: 'inconnu',
    forwardsHeading: 'Transmise à des lieux d’accueil',
    noForwards: 'Transmise à aucun lieu d’accueil pour l’instant.',
    location: 'Lieu d’accueil',
    forwardedOn: 'Transmise le',
    forwardedBy: 'Par',
    didSince: 'Ce que le lieu a fait',
    nothingYet: 'Rien encore',
    forwardHeading: 'Transmettre à des lieux d’accueil',
    forwardIntro:
      'Les lieux choisis reçoivent un e-mail et voient la demande en tête de leur liste d’urgence, sans nom ni note.',
    forwardLegend: 'Lieux d’accueil de la commune',
    alreadyForwarded: 'déjà transmise',
    ageRange: (min: number, max: number) => `${min}–${max} mois`,
    lastMinute: (n: number) =>
      one('fr', n) ? `${n} place de dernière minute` : `${n} places de dernière minute`,
    careTypes: {
      group: 'accueil en groupe',
      family: 'accueil familial',
      out_of_school: 'accueil extrascolaire',
    },
    forwardSubmit: 'Transmettre',
    notForwardable:
      'Cette demande n’est plus en cours ou l’enfant a une place\u00a0: elle ne peut plus être transmise.',
    liftTitle: 'Lever le signalement d’urgence sociale',
    liftGone: (category: string) =>
      `Le signalement «\u00a0${category}\u00a0» disparaît de la demande et de la liste d’urgence des lieux d’accueil.`,
    liftKept: 'Les notes confidentielles et le journal des contacts sont conservés.',
    liftAgain: 'Vous pourrez signaler la demande à nouveau plus tard.',
    liftSubmit: 'Lever le signalement',
    cancel: 'Ne pas lever, retour au suivi d’urgence',
    warning: 'Attention',
    done: {
      flagged: 'La demande est signalée comme urgence sociale.',
      changed: 'Le signalement est mis à jour.',
      unchanged: 'Rien n’a changé\u00a0: la catégorie était déjà la même et vous n’avez pas ajouté de note.',
      lifted: 'Le signalement d’urgence sociale est levé.',
      contact: 'Le contact est noté.',
    },
    forwardedAdded: (added: number) =>
      one('fr', added)
        ? 'La demande est transmise à 1 lieu d’accueil.'
        : `La demande est transmise à ${added} lieux d’accueil.`,
    forwardedMailed: 'Leur personnel a reçu un e-mail.',
    forwardedUnmailed: (n: number) =>
      one('fr', n)
        ? `${n} de ces lieux n’a ni personnel ni adresse e-mail\u00a0: appelez-le.`
        : `${n} de ces lieux n’ont ni personnel ni adresse e-mail\u00a0: appelez-les.`,
    forwardedAlready: (already: number) =>
      one('fr', already)
        ? '1 lieu choisi avait déjà la demande\u00a0: rien n’y a changé.'
        : `${already} lieux choisis avaient déjà la demande\u00a0: rien n’y a changé.`,
    mail: {
      subject: (location: string) => `Le guichet demande une place pour un enfant en urgence – ${location}`,
      greeting: (name: string) => `Bonjour ${name},`,
      intro: (municipality: string, location: string) =>
        `Le guichet accueil d’enfants de ${municipality} a transmis une demande urgente à ${location}. Elle figure en tête de votre liste d’urgence.`,
      facts: (age: string, start: string) => `Enfant\u00a0: ${age}. Début souhaité\u00a0: ${start}.`,
      social: (category: string) => `Urgence pour raison sociale\u00a0: ${category}.`,
      ageMonths: (n: number) => `${n} mois`,
      unborn: (date: string) => `pas encore né·e, naissance prévue le ${date}`,
      action: 'Ouvrir la liste d’urgence',
      signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
    },
  },
  en: {
    title: (child: string) => `Emergency follow-up – ${child}`,
    backToFile: 'Back to the file',
    facts: 'The request',
    fileNumber: 'File number',
    child: 'Child',
    born: (date: string) => `born on ${date}`,
    expected: (date: string) => `expected on ${date}`,
    parents: 'Parents',
    noContact: 'no e-mail or phone',
    start: 'Desired start',
    end: 'Desired end',
    noEnd: 'not given',
    submitted: 'Received on',
    status: 'Request status',
    placed: 'The child has a place.',
    flag: 'Social emergency',
    notFlagged: 'Not marked',
    flaggedBy: (category: string, who: string, when: string) => `${category} – by ${who} on ${when}`,
    flaggedWithoutWho: (category: string) => `${category} (when filed)`,
    flagHeading: 'Mark as a social emergency',
    changeHeading: 'Change the category or add a note',
    flagIntro:
      'Providers of the municipality see the mark and the category on the emergency list. Only the desk sees the note.',
    category: 'Category',
    chooseCategory: 'Choose a category',
    note: 'Confidential note',
    noteHint: 'Only the desk reads this note; providers never do.',
    noteOptionalHint: 'Optional when changing. Only the desk reads this note.',
    flagSubmit: 'Mark as a social emergency',
    changeSubmit: 'Save',
    liftLink: 'Lift the mark',
    notesHeading: 'Confidential notes',
    noNotes: 'No notes yet.',
    contactsHeading: 'Contact log',
    noContacts: 'No contacts recorded yet.',
    contactChannel: 'How',
    channels: { phone: 'Phone', visit: 'Visit', mail: 'E-mail or letter', other: 'Other' },
    contactText: 'What was said',
    contactSubmit: 'Record contact',
    addContactHeading: 'Record a contact',
    noteBy: (who: string, when: string) => `${who}, ${when}`,
    someone: 'unknown',
    forwardsHeading: 'Put forward to providers',
    noForwards: 'Not put forward to any provider yet.',
    location: 'Provider',
    forwardedOn: 'Put forward on',
    forwardedBy: 'By',
    didSince: 'What the provider did',
    nothingYet: 'Nothing yet',
    forwardHeading: 'Put forward to providers',
    forwardIntro:
      'The chosen providers get an e-mail and see the request on top of their emergency list, without a name and without the note.',
    forwardLegend: 'Providers of the municipality',
    alreadyForwarded: 'already put forward',
    ageRange: (min: number, max: number) => `${min}–${max} months`,
    lastMinute: (n: number) => (one('en', n) ? '1 last-minute place' : `${n} last-minute places`),
    careTypes: { group: 'group care', family: 'family care', out_of_school: 'out-of-school care' },
    forwardSubmit: 'Put forward',
    notForwardable: 'This request is no longer open or the child has a place: it cannot be put forward.',
    liftTitle: 'Lift the social emergency mark',
    liftGone: (category: string) =>
      `The mark “${category}” disappears from the request and from the providers’ emergency list.`,
    liftKept: 'The confidential notes and the contact log are kept.',
    liftAgain: 'You can mark the request again later.',
    liftSubmit: 'Lift the mark',
    cancel: 'Do not lift, back to the emergency follow-up',
    warning: 'Note',
    done: {
      flagged: 'The request is marked as a social emergency.',
      changed: 'The mark is updated.',
      unchanged: 'Nothing changed: the category was the same and you gave no note.',
      lifted: 'The social emergency mark is lifted.',
      contact: 'The contact is recorded.',
    },
    forwardedAdded: (added: number) =>
      one('en', added)
        ? 'The request was put forward to 1 provider.'
        : `The request was put forward to ${added} providers.`,
    forwardedMailed: 'Their staff got an e-mail.',
    forwardedUnmailed: (n: number) =>
      one('en', n)
        ? '1 of those providers has no staff and no e-mail address: call them.'
        : `${n} of those providers have no staff and no e-mail address: call them.`,
    forwardedAlready: (already: number) =>
      one('en', already)
        ? '1 chosen provider had the request already: nothing changed there.'
        : `${already} chosen providers had the request already: nothing changed there.`,
    mail: {
      subject: (location: string) => `The desk asks for a place for a child in need – ${location}`,
      greeting: (name: string) => `Dear ${name},`,
      intro: (municipality: string, location: string) =>
        `The childcare desk of ${municipality} put an urgent request forward to ${location}. It is on top of your emergency list.`,
      facts: (age: string, start: string) => `Child: ${age}. Desired start: ${start}.`,
      social: (category: string) => `Emergency with a social reason: ${category}.`,
      ageMonths: (n: number) => (one('en', n) ? '1 month' : `${n} months`),
      unborn: (date: string) => `not born yet, expected on ${date}`,
      action: 'Open the emergency list',
      signature: 'Kind regards,\nThe Childcare Desk',
    },
  },
});
