import { defineMessages } from '../../platform/i18n/index.ts';

export const messages = defineMessages({
  nl: {
    homeTitle: 'Kinderopvang voor baby’s en peuters',
    intro:
      'Zoekt u opvang voor uw baby of peuter? Via het Loket Kinderopvang vraagt u één keer opvang aan bij de opvanglocaties van uw keuze in de hele regio, en volgt u uw aanvraag online op.',
    stepsTitle: 'Zo werkt het',
    steps: {
      step1: 'Maak een account aan.',
      step2: 'Vul één aanvraag in voor uw kind en kies tot vijf opvanglocaties, in volgorde van voorkeur.',
      step3:
        'Volg uw aanvraag online op. U krijgt een e-mail bij elk voorstel en kunt het aanvaarden of weigeren.',
    },
    start: 'Opvang aanvragen',
    haveAccount: 'Al een account? Meld u aan.',
  },
  fr: {
    homeTitle: 'Accueil des bébés et des jeunes enfants',
    intro:
      'Vous cherchez un accueil pour votre bébé ou votre jeune enfant ? Via le Guichet Accueil d’enfants, vous introduisez une seule demande auprès des lieux d’accueil de votre choix dans toute la région et vous la suivez en ligne.',
    stepsTitle: 'Comment ça marche',
    steps: {
      step1: 'Créez un compte.',
      step2:
        'Remplissez une seule demande pour votre enfant et choisissez jusqu’à cinq lieux d’accueil, par ordre de préférence.',
      step3:
        'Suivez votre demande en ligne. Vous recevez un e-mail à chaque proposition et pouvez l’accepter ou la refuser.',
    },
    start: 'Demander une place',
    haveAccount: 'Déjà un compte ? Connectez-vous.',
  },
  en: {
    homeTitle: 'Childcare for babies and toddlers',
    intro:
      'Looking for childcare for your baby or toddler? Through the Childcare Desk you file one request with the childcare locations of your choice across the region, and follow it online.',
    stepsTitle: 'How it works',
    steps: {
      step1: 'Create an account.',
      step2:
        'Fill in one request for your child and choose up to five childcare locations, in order of preference.',
      step3: 'Follow your request online. You get an e-mail for every offer and can accept or decline it.',
    },
    start: 'Request childcare',
    haveAccount: 'Already have an account? Log in.',
  },
});
