import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of the mail-template pages (a location's and the municipality's): the overview, editing with preview, and the reset. */
export const templateMessages = defineMessages({
  nl: {
    templatesTitle: 'E-mailteksten',
    templateEvent: 'Stap',
    templateLanguage: 'Taal',
    templateSource: 'Tekst',
    templateSources: {
      location: 'Eigen tekst',
      municipality: 'Tekst van de gemeente',
      builtin: 'Standaardtekst',
    },
    editTemplate: 'Aanpassen',
    editTemplateLabel: (event: string, language: string) => `${event} (${language}) aanpassen`,
    templateEvents: {
      'offer.made': 'Voorstel',
      'preference.waiting_list': 'Op de wachtlijst',
      'preference.no_place': 'Geen plaats',
      'preference.no_place_undone': '“Geen plaats” ingetrokken',
      'offer.withdrawn': 'Voorstel ingetrokken',
      'preference.enrolled': 'Ingeschreven',
    },
    editTemplateTitle: (event: string, language: string) => `E-mail “${event}” (${language})`,
    languageNames: { nl: 'Nederlands', fr: 'Frans', en: 'Engels' },
    subjectLabel: 'Onderwerp',
    bodyLabel: 'Tekst',
    bodyHint:
      'Een lege regel begint een nieuwe alinea. De aanhef, de link naar de aanvraag en de groet voegen we zelf toe.',
    placeholdersHint: 'U kunt deze velden tussen accolades gebruiken:',
    placeholders: {
      child: 'naam van het kind',
      provider: 'naam van uw opvanglocatie',
      startDate: 'startdatum',
      deadline: 'antwoordtermijn',
      reason: 'reden',
    },
    preview: 'Voorbeeld bekijken',
    saveTemplate: 'Tekst bewaren',
    previewHeading: 'Voorbeeld',
    previewIntro: 'Zo ziet de e-mail eruit, met voorbeeldgegevens:',
    previewSubject: 'Onderwerp',
    resetTemplate: 'Terug naar de standaardtekst',
    backToTemplates: 'Terug naar de e-mailteksten',
    sampleChild: 'Emma Peeters',
    levels: {
      location: {
        intro:
          'Bij elke stap krijgen de ouders een e-mail in hun eigen taal. U kunt de tekst per stap en per taal aanpassen; zonder eigen tekst gebruiken we die van de gemeente of de standaardtekst.',
        saved: 'De tekst is bewaard. Vanaf nu krijgen de ouders deze e-mail.',
        reset:
          'Uw eigen tekst is verwijderd; de ouders krijgen weer de tekst van de gemeente of de standaardtekst.',
        providerPlaceholder: 'naam van uw opvanglocatie',
      },
      municipality: {
        intro:
          'Bij elke stap krijgen de ouders een e-mail in hun eigen taal. Hier schrijft u de tekst die alle opvanglocaties van de gemeente gebruiken, per stap en per taal. Een locatie met een eigen tekst houdt die; zonder tekst van de gemeente gebruiken we de standaardtekst.',
        saved:
          'De tekst van de gemeente is bewaard. Vanaf nu krijgen de ouders deze e-mail van elke locatie zonder eigen tekst.',
        reset: 'De tekst van de gemeente is verwijderd; de ouders krijgen weer de standaardtekst.',
        providerPlaceholder: 'naam van de opvanglocatie',
      },
    },
    sampleProvider: 'Kinderdagverblijf Zonnestraal',
  },
  fr: {
    templatesTitle: 'Textes des e-mails',
    templateEvent: 'Étape',
    templateLanguage: 'Langue',
    templateSource: 'Texte',
    templateSources: {
      location: 'Texte propre',
      municipality: 'Texte de la commune',
      builtin: 'Texte standard',
    },
    editTemplate: 'Adapter',
    editTemplateLabel: (event: string, language: string) => `Adapter ${event} (${language})`,
    templateEvents: {
      'offer.made': 'Proposition',
      'preference.waiting_list': 'Sur la liste d’attente',
      'preference.no_place': 'Pas de place',
      'preference.no_place_undone': '«\u00a0Pas de place\u00a0» annulé',
      'offer.withdrawn': 'Proposition retirée',
      'preference.enrolled': 'Inscription',
    },
    editTemplateTitle: (event: string, language: string) => `E-mail «\u00a0${event}\u00a0» (${language})`,
    languageNames: { nl: 'néerlandais', fr: 'français', en: 'anglais' },
    subjectLabel: 'Objet',
    bodyLabel: 'Texte',
    bodyHint:
      'Une ligne vide commence un nouveau paragraphe. Nous ajoutons nous-mêmes la salutation, le lien vers la demande et la formule de politesse.',
    placeholdersHint: 'Vous pouvez utiliser ces champs entre accolades\u00a0:',
    placeholders: {
      child: 'nom de l’enfant',
      provider: 'nom de votre lieu d’accueil',
      startDate: 'date de début',
      deadline: 'délai de réponse',
      reason: 'raison',
    },
    preview: 'Voir un aperçu',
    saveTemplate: 'Enregistrer le texte',
    previewHeading: 'Aperçu',
    previewIntro: 'Voici l’e-mail avec des données d’exemple\u00a0:',
    previewSubject: 'Objet',
    resetTemplate: 'Revenir au texte standard',
    backToTemplates: 'Retour aux textes des e-mails',
    sampleChild: 'Emma Peeters',
    levels: {
      location: {
        intro:
          'À chaque étape, les parents reçoivent un e-mail dans leur langue. Vous pouvez adapter le texte par étape et par langue\u202f; sans texte propre, nous utilisons celui de la commune ou le texte standard.',
        saved: 'Le texte a été enregistré. Les parents recevront désormais cet e-mail.',
        reset:
          'Votre texte a été supprimé\u202f; les parents reçoivent à nouveau le texte de la commune ou le texte standard.',
        providerPlaceholder: 'nom de votre lieu d’accueil',
      },
      municipality: {
        intro:
          'À chaque étape, les parents reçoivent un e-mail dans leur langue. Vous écrivez ici le texte que tous les lieux d’accueil de la commune utilisent, par étape et par langue. Un lieu qui a son propre texte le garde\u202f; sans texte de la commune, nous utilisons le texte standard.',
        saved:
          'Le texte de la commune a été enregistré. Les parents recevront désormais cet e-mail de chaque lieu sans texte propre.',
        reset:
          'Le texte de la commune a été supprimé\u202f; les parents reçoivent à nouveau le texte standard.',
        providerPlaceholder: 'nom du lieu d’accueil',
      },
    },
    sampleProvider: 'Crèche Zonnestraal',
  },
  en: {
    templatesTitle: 'E-mail texts',
    templateEvent: 'Step',
    templateLanguage: 'Language',
    templateSource: 'Text',
    templateSources: { location: 'Own text', municipality: 'Municipality’s text', builtin: 'Standard text' },
    editTemplate: 'Edit',
    editTemplateLabel: (event: string, language: string) => `Edit ${event} (${language})`,
    templateEvents: {
      'offer.made': 'Offer',
      'preference.waiting_list': 'On the waiting list',
      'preference.no_place': 'No place',
      'preference.no_place_undone': '“No place” taken back',
      'offer.withdrawn': 'Offer withdrawn',
      'preference.enrolled': 'Enrolled',
    },
    editTemplateTitle: (event: string, language: string) => `E-mail “${event}” (${language})`,
    languageNames: { nl: 'Dutch', fr: 'French', en: 'English' },
    subjectLabel: 'Subject',
    bodyLabel: 'Text',
    bodyHint:
      'An empty line starts a new paragraph. We add the greeting, the link to the request and the sign-off ourselves.',
    placeholdersHint: 'You can use these fields in braces:',
    placeholders: {
      child: 'name of the child',
      provider: 'name of your location',
      startDate: 'start date',
      deadline: 'answer deadline',
      reason: 'reason',
    },
    preview: 'Preview',
    saveTemplate: 'Save text',
    previewHeading: 'Preview',
    previewIntro: 'This is the e-mail with example data:',
    previewSubject: 'Subject',
    resetTemplate: 'Back to the standard text',
    backToTemplates: 'Back to the e-mail texts',
    sampleChild: 'Emma Peeters',
    levels: {
      location: {
        intro:
          'At every step the parents get an e-mail in their own language. You can change the text per step and per language; without your own text we use the municipality’s or the standard text.',
        saved: 'The text has been saved. From now on the parents get this e-mail.',
        reset:
          'Your own text has been removed; the parents get the municipality’s or the standard text again.',
        providerPlaceholder: 'name of your location',
      },
      municipality: {
        intro:
          'At every step the parents get an e-mail in their own language. Here you write the text that all the municipality’s locations use, per step and per language. A location with its own text keeps it; without a municipality’s text we use the standard text.',
        saved:
          'The municipality’s text has been saved. From now on the parents get this e-mail from every location without its own text.',
        reset: 'The municipality’s text has been removed; the parents get the standard text again.',
        providerPlaceholder: 'name of the location',
      },
    },
    sampleProvider: 'Zonnestraal day-care centre',
  },
});
