import { defineMessages, type Language, plural } from '../../platform/i18n/index.ts';

/**
 * Texts of a file's merge history: which file went into which, and what moved. A count is put in
 * words by the language's plural rules, the number formatted in the page's language.
 */
type Counted = (n: number) => string;
const counted =
  (lang: Language) =>
  (one: string, other: string): Counted =>
  (n) =>
    plural(lang, n, { one: `# ${one}`, other: `# ${other}` });
const nlCount = counted('nl');
const frCount = counted('fr');
const enCount = counted('en');

export const historyMessages = defineMessages({
  nl: {
    heading: 'Samengevoegde dossiers',
    merged: (merged: string, kept: string) => `Dossier ${merged} samengevoegd met dossier ${kept}`,
    by: (name: string) => `door ${name}`,
    movedList: (list: string) => `Overgezet: ${list}.`,
    nothingMoved: 'Er werd niets overgezet.',
    moved: {
      children: nlCount('kind', 'kinderen'),
      parents: nlCount('ouder', 'ouders'),
      requests: nlCount('aanvraag', 'aanvragen'),
      preferences: nlCount('voorkeur', 'voorkeuren'),
      offers: nlCount('voorstel', 'voorstellen'),
      statusEvents: nlCount('gebeurtenis in de geschiedenis', 'gebeurtenissen in de geschiedenis'),
      deskNotes: nlCount('notitie', 'notities'),
      followUpTasks: nlCount('opvolgtaak', 'opvolgtaken'),
      outbox: nlCount('e-mail', 'e-mails'),
      requestForwards: nlCount('doorverwijzing naar een opvang', 'doorverwijzingen naar een opvang'),
      providerNotes: nlCount('notitie van een opvang', 'notities van opvangen'),
      requestDrafts: nlCount('onafgewerkte aanvraag', 'onafgewerkte aanvragen'),
    },
    childrenJoined: nlCount(
      'kind samengevoegd met hetzelfde kind in het behouden dossier',
      'kinderen samengevoegd met hetzelfde kind in het behouden dossier',
    ),
    parentsJoined: nlCount(
      'ouder samengevoegd met dezelfde ouder in het behouden dossier',
      'ouders samengevoegd met dezelfde ouder in het behouden dossier',
    ),
    requestsClosed: nlCount('dubbele aanvraag ingetrokken', 'dubbele aanvragen ingetrokken'),
  },
  fr: {
    heading: 'Dossiers fusionnés',
    merged: (merged: string, kept: string) => `Dossier ${merged} fusionné avec le dossier ${kept}`,
    by: (name: string) => `par ${name}`,
    movedList: (list: string) => `Transféré : ${list}.`,
    nothingMoved: 'Rien n’a été transféré.',
    moved: {
      children: frCount('enfant', 'enfants'),
      parents: frCount('parent', 'parents'),
      requests: frCount('demande', 'demandes'),
      preferences: frCount('préférence', 'préférences'),
      offers: frCount('proposition', 'propositions'),
      statusEvents: frCount('événement de l’historique', 'événements de l’historique'),
      deskNotes: frCount('note', 'notes'),
      followUpTasks: frCount('tâche de suivi', 'tâches de suivi'),
      outbox: frCount('e-mail', 'e-mails'),
      requestForwards: frCount('transmission à un lieu d’accueil', 'transmissions à des lieux d’accueil'),
      providerNotes: frCount('note d’un lieu d’accueil', 'notes de lieux d’accueil'),
      requestDrafts: frCount('demande inachevée', 'demandes inachevées'),
    },
    childrenJoined: frCount(
      'enfant réuni avec le même enfant du dossier conservé',
      'enfants réunis avec le même enfant du dossier conservé',
    ),
    parentsJoined: frCount(
      'parent réuni avec le même parent du dossier conservé',
      'parents réunis avec le même parent du dossier conservé',
    ),
    requestsClosed: frCount('demande en double retirée', 'demandes en double retirées'),
  },
  en: {
    heading: 'Merged files',
    merged: (merged: string, kept: string) => `File ${merged} merged with file ${kept}`,
    by: (name: string) => `by ${name}`,
    movedList: (list: string) => `Moved: ${list}.`,
    nothingMoved: 'Nothing was moved.',
    moved: {
      children: enCount('child', 'children'),
      parents: enCount('parent', 'parents'),
      requests: enCount('request', 'requests'),
      preferences: enCount('preference', 'preferences'),
      offers: enCount('offer', 'offers'),
      statusEvents: enCount('history event', 'history events'),
      deskNotes: enCount('desk note', 'desk notes'),
      followUpTasks: enCount('follow-up task', 'follow-up tasks'),
      outbox: enCount('e-mail', 'e-mails'),
      requestForwards: enCount('forward to a provider', 'forwards to providers'),
      providerNotes: enCount('provider note', 'provider notes'),
      requestDrafts: enCount('unfinished request', 'unfinished requests'),
    },
    childrenJoined: enCount(
      'child joined with the same child on the kept file',
      'children joined with the same child on the kept file',
    ),
    parentsJoined: enCount(
      'parent joined with the same parent on the kept file',
      'parents joined with the same parent on the kept file',
    ),
    requestsClosed: enCount('duplicate request withdrawn', 'duplicate requests withdrawn'),
  },
});
