import { defineMessages } from '../../platform/i18n/index.ts';

/** Texts of the desk's settings page for its municipality. */
export const settingsMessages = defineMessages({
  nl: {
    title: 'Instellingen van het loket',
    errorTitle: (title: string) => `Fout: ${title}`,
    intro: (municipality: string) =>
      `De regels, contactgegevens en huisstijl van het loket kinderopvang van ${municipality}. Een wijziging geldt meteen, voor elke pagina.`,
    rulesHeading: 'Regels',
    rules: {
      emergencyWindowDays: {
        label: 'Noodlijst: startdatum binnen (dagen)',
        hint: 'Een aanvraag zonder plaats waarvan de gewenste start binnen zoveel dagen valt, staat op de noodlijst van alle opvanglocaties. Standaard 30; van 1 tot 90.',
      },
      maxPreferences: {
        label: 'Aantal opvanglocaties per aanvraag (hoogstens)',
        hint: (max: number) =>
          `Hoeveel opvanglocaties ouders in volgorde kunnen kiezen. Van 1 tot ${max}. Lopende aanvragen houden hun keuzes.`,
      },
      offerDeadlineDays: {
        label: 'Antwoordtermijn voor een aanbod (dagen)',
        hint: 'De termijn die het aanbodformulier van een opvanglocatie voorstelt; de opvanglocatie kan hem aanpassen. Standaard 7; van 1 tot 60.',
      },
      firstAnswerDays: {
        label: 'Termijn voor een eerste antwoord van de opvanglocatie (dagen)',
        hint: 'Daarna telt een aanvraag als te laat beantwoord, op de wachtlijst en op uw pagina Vandaag. Standaard 21; van 1 tot 90.',
      },
      confirmationIntervalMonths: {
        label: 'Ouders bevestigen hun aanvraag om de (maanden)',
        hint: 'Hoe vaak ouders moeten bevestigen dat ze nog opvang zoeken. Standaard 3; van 1 tot 12.',
      },
      maxMonthsAhead: {
        label: 'Een aanvraag indienen tot zoveel maanden vooruit',
        hint: 'Een gewenste start verder vooruit krijgt een waarschuwing. Standaard 24; van 1 tot 36.',
      },
      unansweredGraceDays: {
        label: 'Onbeantwoord na de gewenste start plus (dagen)',
        hint: 'Voor de cijfers: een aanvraag zonder aanvaard voorstel telt als onbeantwoord zoveel dagen na de gewenste startdatum. Standaard 30; van 0 tot 180.',
      },
    },
    outOfSchoolLegend: 'Aanvragen voor buitenschoolse opvang via het loket',
    outOfSchoolHint:
      'Uit: ouders vragen een plaats in de buitenschoolse opvang aan bij de organisator zelf; die locaties staan wel in de zoekmodule. Aan: ouders kunnen de buitenschoolse opvang van uw gemeente ook kiezen in hun aanvraag.',
    outOfSchoolOff: 'Uit: bij de organisator zelf',
    outOfSchoolOn: 'Aan: ook via het loket',
    contactHeading: 'Contactgegevens van het loket',
    contactIntro: 'Ouders zien deze gegevens op de publieke site.',
    deskEmail: 'E-mailadres',
    deskPhone: 'Telefoonnummer',
    deskAddress: 'Adres',
    deskAddressHint: 'Straat, nummer, postcode en gemeente, bijvoorbeeld Grote Markt 1, 3000 Leuven.',
    openingHours: {
      nl: 'Openingsuren in het Nederlands',
      fr: 'Openingsuren in het Frans',
      en: 'Openingsuren in het Engels',
    },
    openingHoursHint: 'Bijvoorbeeld: maandag tot vrijdag van 9 tot 12 uur.',
    translationMissing: 'Vertaling ontbreekt: de site toont hier de Nederlandse tekst.',
    brandingHeading: 'Huisstijl',
    brandingIntro:
      'Het logo en de kleur van de kop van de publieke site. De kop zet witte tekst op de kleur.',
    logoUrl: 'Adres van het logo',
    logoUrlHint: 'Een volledig adres dat begint met https://. Leeg: geen logo.',
    logoNotShown:
      'De publieke site toont alleen een logo dat op deze site zelf staat: een logo op een ander adres wordt bewaard maar niet getoond.',
    brandColour: 'Kleur',
    brandColourHint:
      'Als #rrggbb, bijvoorbeeld #af162a. Witte tekst erop moet een contrast van minstens 4,5:1 halen (WCAG). Leeg: de standaardkleur.',
    currentContrast: (ratio: string) => `Witte tekst op de huidige kleur: contrast ${ratio}:1.`,
    figuresHeading: 'Kinderen van 0 tot 3 jaar per deelgemeente',
    figuresIntro:
      'Voor de cijfers over het aanbod. Vul het aantal in met de datum van dat cijfer; laat beide leeg als u het niet weet.',
    noSubMunicipalities: 'Deze gemeente heeft geen deelgemeenten.',
    colSubMunicipality: 'Deelgemeente',
    colPostcode: 'Postcode',
    colChildren: 'Kinderen 0–3',
    colDate: 'Datum van het cijfer',
    childrenOf: (name: string) => `Kinderen van 0 tot 3 jaar in ${name}`,
    dateOf: (name: string) => `Datum van het cijfer voor ${name}`,
    save: 'Instellingen opslaan',
    done: {
      saved: 'De instellingen zijn opgeslagen. Ze gelden meteen.',
      unchanged: 'Er is niets gewijzigd: alle waarden waren al dezelfde.',
    },
  },
  fr: {
    title: 'Paramètres du guichet',
    errorTitle: (title: string) => `Erreur\u00a0: ${title}`,
    intro: (municipality: string) =>
      `Les règles, les coordonnées et l’identité visuelle du guichet Accueil d’enfants de ${municipality}. Une modification s’applique tout de suite, sur chaque page.`,
    rulesHeading: 'Règles',
    rules: {
      emergencyWindowDays: {
        label: 'Liste d’urgence\u00a0: début dans les (jours)',
        hint: 'Une demande sans place dont le début souhaité tombe dans ce nombre de jours figure sur la liste d’urgence de tous les lieux d’accueil. Par défaut 30\u202f; de 1 à 90.',
      },
      maxPreferences: {
        label: 'Nombre de lieux d’accueil par demande (maximum)',
        hint: (max: number) =>
          `Combien de lieux d’accueil les parents peuvent choisir, par ordre de préférence. De 1 à ${max}. Les demandes en cours gardent leurs choix.`,
      },
      offerDeadlineDays: {
        label: 'Délai de réponse à une proposition (jours)',
        hint: 'Le délai que propose le formulaire de proposition d’un lieu d’accueil\u202f; le lieu peut le modifier. Par défaut 7\u202f; de 1 à 60.',
      },
      firstAnswerDays: {
        label: 'Délai de première réponse du lieu d’accueil (jours)',
        hint: 'Au-delà, une demande compte comme en retard, sur la liste d’attente et sur votre page Aujourd’hui. Par défaut 21\u202f; de 1 à 90.',
      },
      confirmationIntervalMonths: {
        label: 'Les parents confirment leur demande tous les (mois)',
        hint: 'À quelle fréquence les parents doivent confirmer qu’ils cherchent toujours un accueil. Par défaut 3\u202f; de 1 à 12.',
      },
      maxMonthsAhead: {
        label: 'Introduire une demande jusqu’à ce nombre de mois à l’avance',
        hint: 'Un début souhaité plus lointain reçoit un avertissement. Par défaut 24\u202f; de 1 à 36.',
      },
      unansweredGraceDays: {
        label: 'Sans réponse après le début souhaité plus (jours)',
        hint: 'Pour les chiffres\u00a0: une demande sans proposition acceptée compte comme sans réponse ce nombre de jours après la date de début souhaitée. Par défaut 30\u202f; de 0 à 180.',
      },
    },
    outOfSchoolLegend: 'Demandes d’accueil extrascolaire via le guichet',
    outOfSchoolHint:
      'Désactivé : les parents demandent une place en accueil extrascolaire à l’organisateur lui-même ; ces lieux restent dans la recherche. Activé : les parents peuvent aussi choisir l’accueil extrascolaire de votre commune dans leur demande.',
    outOfSchoolOff: 'Désactivé : chez l’organisateur lui-même',
    outOfSchoolOn: 'Activé : aussi via le guichet',
    contactHeading: 'Coordonnées du guichet',
    contactIntro: 'Les parents voient ces coordonnées sur le site public.',
    deskEmail: 'Adresse e-mail',
    deskPhone: 'Numéro de téléphone',
    deskAddress: 'Adresse',
    deskAddressHint: 'Rue, numéro, code postal et commune, par exemple Grote Markt 1, 3000 Leuven.',
    openingHours: {
      nl: 'Heures d’ouverture en néerlandais',
      fr: 'Heures d’ouverture en français',
      en: 'Heures d’ouverture en anglais',
    },
    openingHoursHint: 'Par exemple\u00a0: du lundi au vendredi de 9 h à 12 h.',
    translationMissing: 'Traduction manquante\u00a0: le site affiche ici le texte néerlandais.',
    brandingHeading: 'Identité visuelle',
    brandingIntro:
      'Le logo et la couleur de l’en-tête du site public. L’en-tête met du texte blanc sur la couleur.',
    logoUrl: 'Adresse du logo',
    logoUrlHint: 'Une adresse complète commençant par https://. Vide\u00a0: pas de logo.',
    logoNotShown:
      'Le site public n’affiche qu’un logo hébergé sur ce site même\u00a0: un logo à une autre adresse est enregistré mais pas affiché.',
    brandColour: 'Couleur',
    brandColourHint:
      'Sous la forme #rrggbb, par exemple #af162a. Un texte blanc dessus doit atteindre un contraste d’au moins 4,5:1 (WCAG). Vide\u00a0: la couleur par défaut.',
    currentContrast: (ratio: string) => `Texte blanc sur la couleur actuelle\u00a0: contraste ${ratio}:1.`,
    figuresHeading: 'Enfants de 0 à 3 ans par section',
    figuresIntro:
      'Pour les chiffres de l’offre. Indiquez le nombre avec la date de ce chiffre\u202f; laissez les deux vides si vous ne le savez pas.',
    noSubMunicipalities: 'Cette commune n’a pas de sections.',
    colSubMunicipality: 'Section',
    colPostcode: 'Code postal',
    colChildren: 'Enfants 0–3',
    colDate: 'Date du chiffre',
    childrenOf: (name: string) => `Enfants de 0 à 3 ans à ${name}`,
    dateOf: (name: string) => `Date du chiffre pour ${name}`,
    save: 'Enregistrer les paramètres',
    done: {
      saved: 'Les paramètres sont enregistrés. Ils s’appliquent tout de suite.',
      unchanged: 'Rien n’a changé\u00a0: toutes les valeurs étaient déjà les mêmes.',
    },
  },
  en: {
    title: 'Desk settings',
    errorTitle: (title: string) => `Error: ${title}`,
    intro: (municipality: string) =>
      `The rules, contact details and look of the childcare desk of ${municipality}. A change applies at once, on every page.`,
    rulesHeading: 'Rules',
    rules: {
      emergencyWindowDays: {
        label: 'Emergency list: start within (days)',
        hint: 'A request without a place whose desired start falls within this many days is on the emergency list of every childcare location. Default 30; from 1 to 90.',
      },
      maxPreferences: {
        label: 'Childcare locations per request (at most)',
        hint: (max: number) =>
          `How many childcare locations parents can choose, in order. From 1 to ${max}. Open requests keep their choices.`,
      },
      offerDeadlineDays: {
        label: 'Deadline to answer an offer (days)',
        hint: 'The deadline a childcare location’s offer form proposes; the location can change it. Default 7; from 1 to 60.',
      },
      firstAnswerDays: {
        label: 'Deadline for a childcare location’s first answer (days)',
        hint: 'After that a request counts as overdue, on the waiting list and on your Today page. Default 21; from 1 to 90.',
      },
      confirmationIntervalMonths: {
        label: 'Parents confirm their request every (months)',
        hint: 'How often parents must confirm that they still look for care. Default 3; from 1 to 12.',
      },
      maxMonthsAhead: {
        label: 'A request may be filed this many months ahead',
        hint: 'A desired start further ahead gets a warning. Default 24; from 1 to 36.',
      },
      unansweredGraceDays: {
        label: 'Unanswered after the desired start plus (days)',
        hint: 'For the figures: a request without an accepted offer counts as unanswered this many days after its desired start. Default 30; from 0 to 180.',
      },
    },
    outOfSchoolLegend: 'Requests for out-of-school care through the desk',
    outOfSchoolHint:
      'Off: parents ask the organiser itself for a place in out-of-school care; those locations stay in the search. On: parents can also choose your municipality’s out-of-school care in their request.',
    outOfSchoolOff: 'Off: with the organiser itself',
    outOfSchoolOn: 'On: also through the desk',
    contactHeading: 'The desk’s contact details',
    contactIntro: 'Parents see these details on the public site.',
    deskEmail: 'E-mail address',
    deskPhone: 'Phone number',
    deskAddress: 'Address',
    deskAddressHint: 'Street, number, postcode and town, for example Grote Markt 1, 3000 Leuven.',
    openingHours: {
      nl: 'Opening hours in Dutch',
      fr: 'Opening hours in French',
      en: 'Opening hours in English',
    },
    openingHoursHint: 'For example: Monday to Friday from 9 am to 12 noon.',
    translationMissing: 'Translation missing: the site shows the Dutch text here.',
    brandingHeading: 'Look',
    brandingIntro:
      'The logo and colour of the public site’s header. The header puts white text on the colour.',
    logoUrl: 'Address of the logo',
    logoUrlHint: 'A full address starting with https://. Empty: no logo.',
    logoNotShown:
      'The public site shows only a logo stored on this site itself: a logo at another address is saved but not shown.',
    brandColour: 'Colour',
    brandColourHint:
      'As #rrggbb, for example #af162a. White text on it must reach a contrast of at least 4.5:1 (WCAG). Empty: the default colour.',
    currentContrast: (ratio: string) => `White text on the current colour: contrast ${ratio}:1.`,
    figuresHeading: 'Children aged 0 to 3 per sub-municipality',
    figuresIntro:
      'For the figures on supply. Enter the number with the date of that figure; leave both empty if you do not know it.',
    noSubMunicipalities: 'This municipality has no sub-municipalities.',
    colSubMunicipality: 'Sub-municipality',
    colPostcode: 'Postcode',
    colChildren: 'Children 0–3',
    colDate: 'Date of the figure',
    childrenOf: (name: string) => `Children aged 0 to 3 in ${name}`,
    dateOf: (name: string) => `Date of the figure for ${name}`,
    save: 'Save settings',
    done: {
      saved: 'Settings saved. They apply at once.',
      unchanged: 'Nothing changed: all values were already the same.',
    },
  },
});
