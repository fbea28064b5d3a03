import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * The shared child and care-plan fields as staff see them when they fill in a form for a family
 * (an intermediary's on-behalf form): about the family and its child, never to "you".
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
