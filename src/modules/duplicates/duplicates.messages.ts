import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of the desk's duplicate files: the list of possible pairs, the comparison and the merge. */
export const messages = defineMessages({
  nl: {
    listTitle: 'Mogelijke dubbele dossiers',
    listIntro:
      'Dossiers van uw gemeente die over hetzelfde gezin kunnen gaan. Vergelijk ze en voeg ze samen, of leg vast dat het twee verschillende gezinnen zijn.',
    caption: 'Mogelijke dubbele dossiers',
    empty: 'Er zijn nu geen mogelijke dubbele dossiers.',
    dismissedNotice:
      'U legde vast dat het twee verschillende gezinnen zijn. Het paar staat niet meer op de lijst.',
    fileA: 'Dossier 1',
    fileB: 'Dossier 2',
    why: 'Waarom',
    action: 'Actie',
    compare: 'Vergelijken',
    compareLabel: (a: string, b: string) => `Dossiers ${a} en ${b} vergelijken`,
    reasons: {
      childNationalNumber: 'Zelfde rijksregisternummer van een kind',
      parentNationalNumber: 'Zelfde rijksregisternummer van een ouder',
      nameDateContact:
        'Zelfde naam en (verwachte) geboortedatum van een kind, en een gedeeld e-mailadres of telefoonnummer',
    },
    noReason: 'Niet (meer) als mogelijk dubbel gevonden.',
    compareTitle: (a: string, b: string) => `Dossiers ${a} en ${b} vergelijken`,
    backToList: 'Terug naar de mogelijke dubbele dossiers',
    fileHeading: (fileNumber: string) => `Dossier ${fileNumber}`,
    created: 'Aangemaakt op',
    address: 'Adres',
    parents: 'Ouders',
    children: 'Kinderen',
    requests: 'Aanvragen',
    history: 'Geschiedenis',
    none: 'Geen',
    email: 'E-mail',
    phone: 'Telefoon',
    nationalNumberKnown: 'rijksregisternummer gekend',
    account: 'heeft een account',
    born: (date: string) => `geboren ${date}`,
    expected: (date: string) => `verwacht ${date}`,
    requestLine: (child: string, start: string) => `${child}, start ${start}`,
    requestStatuses: {
      active: 'Lopend',
      answered: 'Beantwoord – plaats aanvaard',
      expired: 'Verlopen',
      withdrawn: 'Ingetrokken',
      closed: 'Afgesloten',
    },
    events: 'Gebeurtenissen bij aanvragen',
    offers: 'Voorstellen',
    notes: 'Notities van het loket',
    tasks: 'Opvolgtaken',
    mergeHeading: 'Samenvoegen',
    mergeWarningLabel: 'Let op',
    mergeWarning:
      'Alles van het andere dossier gaat naar het dossier dat u houdt: ouders, kinderen, aanvragen met hun voorkeuren en voorstellen, geschiedenis, notities en taken. Een samenvoeging kan in de toepassing niet ongedaan gemaakt worden.',
    keepLegend: 'Welk dossier houdt u?',
    keepOption: (fileNumber: string) => `Dossier ${fileNumber} houden`,
    joinedChildren: (n: number) =>
      n === 1
        ? 'Eén kind staat in beide dossiers: het wordt één kind met alle aanvragen.'
        : `${n} kinderen staan in beide dossiers: elk wordt één kind met alle aanvragen.`,
    conflictLegend: (child: string) =>
      `${child} heeft in beide dossiers een lopende aanvraag. Welke aanvraag blijft lopen? De andere wordt ingetrokken.`,
    conflictOption: (fileNumber: string, start: string, status: string) =>
      `Aanvraag uit dossier ${fileNumber}, start ${start} (${status})`,
    mergeButton: 'Dossiers samenvoegen',
    dismissHeading: 'Geen dubbel dossier',
    dismissIntro: 'Gaat het om twee verschillende gezinnen? Dan verdwijnt dit paar van de lijst.',
    dismissButton: 'Dit zijn twee verschillende gezinnen',
    conflictTitle: 'Deze dossiers zijn al samengevoegd',
    conflictBody:
      'Een van deze dossiers werd intussen samengevoegd, door u of een collega. Er is niets gewijzigd. Bekijk de lijst opnieuw.',
    conflictBodyKept: (merged: string, kept: string) =>
      `Dossier ${merged} werd intussen samengevoegd met dossier ${kept}, door u of een collega. Uw samenvoeging is niet uitgevoerd: er is niets gewijzigd. Alles staat nu in dossier ${kept}.`,
    openKeptFile: (kept: string) => `Naar dossier ${kept}`,
  },
  fr: {
    listTitle: 'Dossiers en double possibles',
    listIntro:
      'Dossiers de votre commune qui peuvent concerner la même famille. Comparez-les et fusionnez-les, ou indiquez qu’il s’agit de deux familles différentes.',
    caption: 'Dossiers en double possibles',
    empty: 'Il n’y a pas de dossiers en double possibles pour l’instant.',
    dismissedNotice:
      'Vous avez indiqué qu’il s’agit de deux familles différentes. La paire ne figure plus sur la liste.',
    fileA: 'Dossier 1',
    fileB: 'Dossier 2',
    why: 'Pourquoi',
    action: 'Action',
    compare: 'Comparer',
    compareLabel: (a: string, b: string) => `Comparer les dossiers ${a} et ${b}`,
    reasons: {
      childNationalNumber: 'Même numéro de registre national d’un enfant',
      parentNationalNumber: 'Même numéro de registre national d’un parent',
      nameDateContact:
        'Même nom et même date de naissance (prévue) d’un enfant, et une adresse e-mail ou un numéro de téléphone en commun',
    },
    noReason: 'Plus (ou pas) trouvés comme doubles possibles.',
    compareTitle: (a: string, b: string) => `Comparer les dossiers ${a} et ${b}`,
    backToList: 'Retour aux dossiers en double possibles',
    fileHeading: (fileNumber: string) => `Dossier ${fileNumber}`,
    created: 'Créé le',
    address: 'Adresse',
    parents: 'Parents',
    children: 'Enfants',
    requests: 'Demandes',
    history: 'Historique',
    none: 'Aucun',
    email: 'E-mail',
    phone: 'Téléphone',
    nationalNumberKnown: 'numéro de registre national connu',
    account: 'a un compte',
    born: (date: string) => `naissance le ${date}`,
    expected: (date: string) => `naissance prévue le ${date}`,
    requestLine: (child: string, start: string) => `${child}, début ${start}`,
    requestStatuses: {
      active: 'En cours',
      answered: 'Répondue – place acceptée',
      expired: 'Expirée',
      withdrawn: 'Retirée',
      closed: 'Clôturée',
    },
    events: 'Événements des demandes',
    offers: 'Propositions',
    notes: 'Notes du guichet',
    tasks: 'Tâches de suivi',
    mergeHeading: 'Fusionner',
    mergeWarningLabel: 'Attention',
    mergeWarning:
      'Tout le contenu de l’autre dossier passe dans le dossier que vous gardez : parents, enfants, demandes avec leurs préférences et propositions, historique, notes et tâches. Une fusion ne peut pas être annulée dans l’application.',
    keepLegend: 'Quel dossier gardez-vous ?',
    keepOption: (fileNumber: string) => `Garder le dossier ${fileNumber}`,
    joinedChildren: (n: number) =>
      n === 1
        ? 'Un enfant figure dans les deux dossiers : il devient un seul enfant avec toutes les demandes.'
        : `${n} enfants figurent dans les deux dossiers : chacun devient un seul enfant avec toutes les demandes.`,
    conflictLegend: (child: string) =>
      `${child} a une demande en cours dans les deux dossiers. Quelle demande reste en cours ? L’autre est retirée.`,
    conflictOption: (fileNumber: string, start: string, status: string) =>
      `Demande du dossier ${fileNumber}, début ${start} (${status})`,
    mergeButton: 'Fusionner les dossiers',
    dismissHeading: 'Pas un dossier en double',
    dismissIntro: 'S’agit-il de deux familles différentes ? Cette paire disparaît alors de la liste.',
    dismissButton: 'Ce sont deux familles différentes',
    conflictTitle: 'Ces dossiers ont déjà été fusionnés',
    conflictBody:
      'Un de ces dossiers a été fusionné entre-temps, par vous ou par un collègue. Rien n’a été modifié. Consultez à nouveau la liste.',
    conflictBodyKept: (merged: string, kept: string) =>
      `Le dossier ${merged} a été fusionné entre-temps avec le dossier ${kept}, par vous ou par un collègue. Votre fusion n’a pas été effectuée : rien n’a été modifié. Tout se trouve maintenant dans le dossier ${kept}.`,
    openKeptFile: (kept: string) => `Ouvrir le dossier ${kept}`,
  },
  en: {
    listTitle: 'Possible duplicate files',
    listIntro:
      'Files of your municipality that may be about the same family. Compare and merge them, or record that they are two different families.',
    caption: 'Possible duplicate files',
    empty: 'There are no possible duplicate files at the moment.',
    dismissedNotice: 'You recorded that these are two different families. The pair is no longer on the list.',
    fileA: 'File 1',
    fileB: 'File 2',
    why: 'Why',
    action: 'Action',
    compare: 'Compare',
    compareLabel: (a: string, b: string) => `Compare files ${a} and ${b}`,
    reasons: {
      childNationalNumber: 'Same national number of a child',
      parentNationalNumber: 'Same national number of a parent',
      nameDateContact:
        'Same name and (expected) birth date of a child, and a shared e-mail address or phone number',
    },
    noReason: 'Not (or no longer) found as a possible duplicate.',
    compareTitle: (a: string, b: string) => `Compare files ${a} and ${b}`,
    backToList: 'Back to the possible duplicate files',
    fileHeading: (fileNumber: string) => `File ${fileNumber}`,
    created: 'Created on',
    address: 'Address',
    parents: 'Parents',
    children: 'Children',
    requests: 'Requests',
    history: 'History',
    none: 'None',
    email: 'E-mail',
    phone: 'Phone',
    nationalNumberKnown: 'national number known',
    account: 'has an account',
    born: (date: string) => `born ${date}`,
    expected: (date: string) => `expected ${date}`,
    requestLine: (child: string, start: string) => `${child}, start ${start}`,
    requestStatuses: {
      active: 'Active',
      answered: 'Answered – place accepted',
      expired: 'Expired',
      withdrawn: 'Withdrawn',
      closed: 'Closed',
    },
    events: 'Request events',
    offers: 'Offers',
    notes: 'Desk notes',
    tasks: 'Follow-up tasks',
    mergeHeading: 'Merge',
    mergeWarningLabel: 'Warning',
    mergeWarning:
      'Everything on the other file moves to the file you keep: parents, children, requests with their preferences and offers, history, notes and tasks. A merge cannot be undone in the application.',
    keepLegend: 'Which file do you keep?',
    keepOption: (fileNumber: string) => `Keep file ${fileNumber}`,
    joinedChildren: (n: number) =>
      n === 1
        ? 'One child is on both files: it becomes one child with all the requests.'
        : `${n} children are on both files: each becomes one child with all the requests.`,
    conflictLegend: (child: string) =>
      `${child} has an active request on both files. Which request stays active? The other is withdrawn.`,
    conflictOption: (fileNumber: string, start: string, status: string) =>
      `Request from file ${fileNumber}, start ${start} (${status})`,
    mergeButton: 'Merge the files',
    dismissHeading: 'Not a duplicate',
    dismissIntro: 'Are these two different families? Then this pair leaves the list.',
    dismissButton: 'These are two different families',
    conflictTitle: 'These files were already merged',
    conflictBody:
      'One of these files was merged in the meantime, by you or a colleague. Nothing was changed. Look at the list again.',
    conflictBodyKept: (merged: string, kept: string) =>
      `File ${merged} was merged with file ${kept} in the meantime, by you or a colleague. Your merge was not carried out: nothing was changed. Everything is now on file ${kept}.`,
    openKeptFile: (kept: string) => `Open file ${kept}`,
  },
});
