import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * Texts of a file's merge history: which file went into which, and what moved. Counts come as the
 * number (for the plural) and as the number formatted in the page's language.
 */
type Counted = (n: number, formatted: string) => string;
const plural =
  (one: string, other: string): Counted =>
  (n, f) =>
    `${f} ${n === 1 ? one : other}`;

export const historyMessages = defineMessages({
  nl: {
    heading: 'Samengevoegde dossiers',
    merged: (merged: string, kept: string) => `Dossier ${merged} samengevoegd met dossier ${kept}`,
    by: (name: string) => `door ${name}`,
    movedList: (list: string) => `Overgezet: ${list}.`,
    nothingMoved: 'Er werd niets overgezet.',
    moved: {
      children: plural('kind', 'kinderen'),
      parents: plural('ouder', 'ouders'),
      requests: plural('aanvraag', 'aanvragen'),
      preferences: plural('voorkeur', 'voorkeuren'),
      offers: plural('voorstel', 'voorstellen'),
      statusEvents: plural('gebeurtenis in de geschiedenis', 'gebeurtenissen in de geschiedenis'),
      deskNotes: plural('notitie', 'notities'),
      followUpTasks: plural('opvolgtaak', 'opvolgtaken'),
      outbox: plural('e-mail', 'e-mails'),
      requestForwards: plural('doorverwijzing naar een opvang', 'doorverwijzingen naar een opvang'),
      providerNotes: plural('notitie van een opvang', 'notities van opvangen'),
      requestDrafts: plural('onafgewerkte aanvraag', 'onafgewerkte aanvragen'),
    },
    childrenJoined: plural(
      'kind samengevoegd met hetzelfde kind in het behouden dossier',
      'kinderen samengevoegd met hetzelfde kind in het behouden dossier',
    ),
    parentsJoined: plural(
      'ouder samengevoegd met dezelfde ouder in het behouden dossier',
      'ouders samengevoegd met dezelfde ouder in het behouden dossier',
    ),
    requestsClosed: plural('dubbele aanvraag ingetrokken', 'dubbele aanvragen ingetrokken'),
  },
  fr: {
    heading: 'Dossiers fusionnés',
    merged: (merged: string, kept: string) => `Dossier ${merged} fusionné avec le dossier ${kept}`,
    by: (name: string) => `par ${name}`,
    movedList: (list: string) => `Transféré : ${list}.`,
    nothingMoved: 'Rien n’a été transféré.',
    moved: {
      children: plural('enfant', 'enfants'),
      parents: plural('parent', 'parents'),
      requests: plural('demande', 'demandes'),
      preferences: plural('préférence', 'préférences'),
      offers: plural('proposition', 'propositions'),
      statusEvents: plural('événement de l’historique', 'événements de l’historique'),
      deskNotes: plural('note', 'notes'),
      followUpTasks: plural('tâche de suivi', 'tâches de suivi'),
      outbox: plural('e-mail', 'e-mails'),
      requestForwards: plural('transmission à un lieu d’accueil', 'transmissions à des lieux d’accueil'),
      providerNotes: plural('note d’un lieu d’accueil', 'notes de lieux d’accueil'),
      requestDrafts: plural('demande inachevée', 'demandes inachevées'),
    },
    childrenJoined: plural(
      'enfant réuni avec le même enfant du dossier conservé',
      'enfants réunis avec le même enfant du dossier conservé',
    ),
    parentsJoined: plural(
      'parent réuni avec le même parent du dossier conservé',
      'parents réunis avec le même parent du dossier conservé',
    ),
    requestsClosed: plural('demande en double retirée', 'demandes en double retirées'),
  },
  en: {
    heading: 'Merged files',
    merged: (merged: string, kept: string) => `File ${merged} merged with file ${kept}`,
    by: (name: string) => `by ${name}`,
    movedList: (list: string) => `Moved: ${list}.`,
    nothingMoved: 'Nothing was moved.',
    moved: {
      children: plural('child', 'children'),
      parents: plural('parent', 'parents'),
      requests: plural('request', 'requests'),
      preferences: plural('preference', 'preferences'),
      offers: plural('offer', 'offers'),
      statusEvents: plural('history event', 'history events'),
      deskNotes: plural('desk note', 'desk notes'),
      followUpTasks: plural('follow-up task', 'follow-up tasks'),
      outbox: plural('e-mail', 'e-mails'),
      requestForwards: plural('forward to a provider', 'forwards to providers'),
      providerNotes: plural('provider note', 'provider notes'),
      requestDrafts: plural('unfinished request', 'unfinished requests'),
    },
    childrenJoined: plural(
      'child joined with the same child on the kept file',
      'children joined with the same child on the kept file',
    ),
    parentsJoined: plural(
      'parent joined with the same parent on the kept file',
      'parents joined with the same parent on the kept file',
    ),
    requestsClosed: plural('duplicate request withdrawn', 'duplicate requests withdrawn'),
  },
});
