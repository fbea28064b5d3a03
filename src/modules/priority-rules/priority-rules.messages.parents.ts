import { defineMessages } from '../../platform/i18n/index.ts';

/**
 * The criteria in plain words for parents, for the information page generated from the valid set:
 * `group` names who gets priority ("Single parents"), `trait` a characteristic of a vulnerable
 * family ("single parent"). The staff's short words are in priority-rules.messages.ts.
 */
export const priorityParentMessages = defineMessages({
  nl: {
    group: {
      needsCareForWork:
        'Gezinnen die opvang nodig hebben om te werken, werk te zoeken of een opleiding te volgen',
      worksFourFifths:
        'Gezinnen waarin de ouders gemiddeld minstens 4/5 werken of een opleiding naar werk volgen',
      singleParent: 'Alleenstaande ouders',
      lowIncome: 'Gezinnen met een inkomen onder de inkomensgrens',
      fosterChild: 'Pleegkinderen',
      siblingsInCare: 'Broers en zussen van een kind dat op hetzelfde moment in dezelfde opvang is',
      disabilityOrSocialReason:
        'Gezinnen met een gezinslid met een handicap of verminderde zelfredzaamheid, of die opvang nodig hebben om sociale of pedagogische redenen',
      noSecondaryDiploma: 'Gezinnen waarin geen van de ouders een diploma secundair onderwijs heeft',
    },
    trait: {
      needsCareForWork: 'opvang nodig hebben om te werken, werk te zoeken of een opleiding te volgen',
      worksFourFifths: 'gemiddeld minstens 4/5 werken of een opleiding naar werk volgen',
      singleParent: 'alleenstaande ouder',
      lowIncome: 'een inkomen onder de inkomensgrens',
      fosterChild: 'het kind is een pleegkind',
      siblingsInCare: 'een broer of zus in dezelfde opvang',
      disabilityOrSocialReason:
        'een gezinslid met een handicap of verminderde zelfredzaamheid, of sociale of pedagogische redenen',
      noSecondaryDiploma: 'geen diploma secundair onderwijs',
    },
  },
  fr: {
    group: {
      needsCareForWork:
        'Les familles qui ont besoin d’accueil pour travailler, chercher un emploi ou suivre une formation',
      worksFourFifths:
        'Les familles dont les parents travaillent en moyenne au moins à 4/5 ou suivent une formation vers l’emploi',
      singleParent: 'Les parents seuls',
      lowIncome: 'Les familles dont le revenu est inférieur au plafond de revenus',
      fosterChild: 'Les enfants placés en famille d’accueil',
      siblingsInCare: 'Les frères et sœurs d’un enfant accueilli au même moment dans le même lieu d’accueil',
      disabilityOrSocialReason:
        'Les familles dont un membre est en situation de handicap ou d’autonomie réduite, ou qui ont besoin d’accueil pour des raisons sociales ou pédagogiques',
      noSecondaryDiploma: 'Les familles dont aucun parent n’a de diplôme de l’enseignement secondaire',
    },
    trait: {
      needsCareForWork: 'avoir besoin d’accueil pour travailler, chercher un emploi ou suivre une formation',
      worksFourFifths: 'travailler en moyenne au moins à 4/5 ou suivre une formation vers l’emploi',
      singleParent: 'parent seul',
      lowIncome: 'un revenu inférieur au plafond de revenus',
      fosterChild: 'l’enfant est placé en famille d’accueil',
      siblingsInCare: 'un frère ou une sœur dans le même lieu d’accueil',
      disabilityOrSocialReason:
        'un membre de la famille en situation de handicap ou d’autonomie réduite, ou des raisons sociales ou pédagogiques',
      noSecondaryDiploma: 'pas de diplôme de l’enseignement secondaire',
    },
  },
  en: {
    group: {
      needsCareForWork: 'Families who need childcare to work, look for work or follow training',
      worksFourFifths:
        'Families in which the parents on average work at least 4/5 or follow job-oriented training',
      singleParent: 'Single parents',
      lowIncome: 'Families with an income below the income threshold',
      fosterChild: 'Foster children',
      siblingsInCare: 'Brothers and sisters of a child in the same childcare at the same time',
      disabilityOrSocialReason:
        'Families with a member who has a disability or reduced self-reliance, or who need childcare for social or educational reasons',
      noSecondaryDiploma: 'Families in which neither parent has a secondary-school diploma',
    },
    trait: {
      needsCareForWork: 'needing childcare to work, look for work or follow training',
      worksFourFifths: 'working or in job-oriented training at least 4/5 on average',
      singleParent: 'single parent',
      lowIncome: 'an income below the income threshold',
      fosterChild: 'the child is a foster child',
      siblingsInCare: 'a brother or sister in the same childcare',
      disabilityOrSocialReason:
        'a family member with a disability or reduced self-reliance, or social or educational reasons',
      noSecondaryDiploma: 'no secondary-school diploma',
    },
  },
});
