import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * The shared child and care-plan fields as staff see them when they fill in a form for a family
 * (the wizard for the desk and intermediaries): about the family and its child, never to "you".
 */
export const familyVoiceMessages = defineMessages({
  nl: {
    childFirstNameHint: 'Laat leeg als het kind nog niet geboren is en nog geen naam heeft.',
    childBorn: 'Is het kind al geboren?',
    ifBorn: 'Als het kind al geboren is',
    ifUnborn: 'Als het kind nog niet geboren is',
    carePlan: 'Opvangplan: op welke dagen heeft het gezin opvang nodig?',
    hours: 'Heeft het gezin opvang nodig buiten de gewone uren?',
    careNeeds: 'Heeft het kind specifieke zorgnoden?',
    careNeedsText: 'Wat heeft het kind nodig?',
    careNeedsHint: 'Alleen de opvanglocaties die het gezin kiest, zien deze tekst.',
  },
  fr: {
    childFirstNameHint: 'Laissez vide si l’enfant n’est pas encore né et n’a pas encore de prénom.',
    childBorn: 'L’enfant est-il déjà né\u202f?',
    ifBorn: 'Si l’enfant est déjà né',
    ifUnborn: 'Si l’enfant n’est pas encore né',
    carePlan: 'Plan d’accueil\u00a0: quels jours la famille a-t-elle besoin d’accueil\u202f?',
    hours: 'La famille a-t-elle besoin d’accueil en dehors des heures habituelles\u202f?',
    careNeeds: 'L’enfant a-t-il des besoins de soins spécifiques\u202f?',
    careNeedsText: 'De quoi l’enfant a-t-il besoin\u202f?',
    careNeedsHint: 'Seuls les lieux d’accueil choisis par la famille voient ce texte.',
  },
  en: {
    childFirstNameHint: 'Leave empty if the child has not been born yet and has no name yet.',
    childBorn: 'Has the child been born?',
    ifBorn: 'If the child has been born',
    ifUnborn: 'If the child has not been born yet',
    carePlan: 'Care plan: on which days does the family need care?',
    hours: 'Does the family need care outside the usual hours?',
    careNeeds: 'Does the child have specific care needs?',
    careNeedsText: 'What does the child need?',
    careNeedsHint: 'Only the childcare locations the family chooses see this text.',
  },
});

/** Who a shared form speaks to: the parent ("your child") or staff about a family ("the child"). */
export type Voice = 'parent' | 'family';

/**
 * The wizard's own texts when staff file a request for a family (the desk, an intermediary): the
 * same steps, about the family and its child. What filing sends the family is stated after
 * filing, once it is known whether the parents have an e-mail address.
 */
export const familyWizardVoiceMessages = defineMessages({
  nl: {
    title: 'Aanvraag indienen voor het gezin',
    progress: 'Stappen van de aanvraag',
    steps: {
      child: 'Het kind',
      when: 'Soort opvang en data',
      plan: 'Opvangplan',
      preferences: 'Voorkeuren',
      summary: 'Controleren en indienen',
    },
    whichChild: 'Voor welk kind vraagt het gezin opvang?',
    newChildHint: 'Vul dit in als u hierboven “Een ander kind” kiest.',
    existingRequest:
      'Voor dit kind loopt al een aanvraag. Wijzig die aanvraag voor het gezin in plaats van een nieuwe in te dienen.',
    kinds: {
      regular: 'Gewone opvang: elke week, meestal tot het kind naar school gaat',
      occasional: 'Occasionele opvang: voor een beperkte tijd, bijvoorbeeld tijdens een opleiding',
    },
    occasionalReason: 'Waarvoor heeft het gezin occasionele opvang nodig?',
    desiredEndHint: (date: string) =>
      `Voorgesteld: ${date}, de 1e van de maand nadat het kind 2,5 jaar wordt (dan mag het naar de kleuterschool). Pas aan of laat leeg.`,
    farAhead: (months: number) =>
      `De startdatum ligt meer dan ${months} maanden ver. De opvanglocaties plannen zo ver vooruit meestal nog niet. De aanvraag wordt wel geregistreerd.`,
    summaryIntro: 'Controleer de aanvraag met het gezin. Klopt alles? Dien ze dan in.',
    consentNote:
      'Na het indienen zien de gekozen opvanglocaties de aanvraag en het gezinsdossier. De aanvraag staat op naam van het gezin; u staat in de geschiedenis als wie ze indiende.',
    discard: 'Aanvraag in opmaak verwijderen',
    backToFamily: 'Terug naar het gezin',
    registered: 'Het gezin is geregistreerd. Dien nu zijn aanvraag in.',
  },
  fr: {
    title: 'Introduire une demande pour la famille',
    progress: 'Étapes de la demande',
    steps: {
      child: 'L’enfant',
      when: 'Type d’accueil et dates',
      plan: 'Plan d’accueil',
      preferences: 'Préférences',
      summary: 'Vérifier et introduire',
    },
    whichChild: 'Pour quel enfant la famille demande-t-elle une place\u202f?',
    newChildHint: 'Remplissez ceci si vous choisissez « Un autre enfant » ci-dessus.',
    existingRequest:
      'Une demande est déjà en cours pour cet enfant. Modifiez cette demande pour la famille au lieu d’en introduire une nouvelle.',
    kinds: {
      regular: 'Accueil régulier\u202f: chaque semaine, en général jusqu’à l’entrée à l’école',
      occasional: 'Accueil occasionnel\u202f: pour une durée limitée, par exemple pendant une formation',
    },
    occasionalReason: 'Pourquoi la famille a-t-elle besoin d’un accueil occasionnel\u202f?',
    desiredEndHint: (date: string) =>
      `Proposé\u202f: ${date}, le 1er du mois qui suit les 2 ans et demi de l’enfant (l’âge d’entrée à l’école maternelle). Modifiez ou laissez vide.`,
    farAhead: (months: number) =>
      `La date de début est à plus de ${months} mois. Les lieux d’accueil ne planifient en général pas aussi loin. La demande est toutefois enregistrée.`,
    summaryIntro: 'Vérifiez la demande avec la famille. Tout est correct\u202f? Introduisez-la.',
    consentNote:
      'Une fois la demande introduite, les lieux d’accueil choisis voient la demande et le dossier familial. La demande est au nom de la famille\u202f; l’historique indique que vous l’avez introduite.',
    discard: 'Supprimer la demande en cours de rédaction',
    backToFamily: 'Retour à la famille',
    registered: 'La famille est enregistrée. Introduisez maintenant sa demande.',
  },
  en: {
    title: 'File a request for the family',
    progress: 'Steps of the request',
    steps: {
      child: 'The child',
      when: 'Type of care and dates',
      plan: 'Care plan',
      preferences: 'Preferences',
      summary: 'Check and submit',
    },
    whichChild: 'For which child does the family request childcare?',
    newChildHint: 'Fill this in if you choose “Another child” above.',
    existingRequest:
      'There is already a request for this child. Change that request for the family instead of filing a new one.',
    kinds: {
      regular: 'Regular care: every week, usually until the child starts school',
      occasional: 'Occasional care: for a limited time, for example during a training course',
    },
    occasionalReason: 'What does the family need occasional care for?',
    desiredEndHint: (date: string) =>
      `Suggested: ${date}, the 1st of the month after the child turns 2.5 (when it may start nursery school). Change it or leave it empty.`,
    farAhead: (months: number) =>
      `The start date is more than ${months} months away. Childcare locations usually do not plan that far ahead. The request is registered all the same.`,
    summaryIntro: 'Check the request with the family. Is everything right? Then submit it.',
    consentNote:
      'Once submitted, the chosen childcare locations see the request and the family file. The request is in the family’s name; its history shows that you filed it.',
    discard: 'Delete the request in progress',
    backToFamily: 'Back to the family',
    registered: 'The family is registered. Now file its request.',
  },
});
