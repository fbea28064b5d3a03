import { defineMessages, plural } from '../../platform/i18n/index.ts';

/**
 * Texts of the demand forecast (figure 10), the births the desk enters, the region view, the
 * grace period's definition and the yearly registration's PDF.
 */
export const forecastMessages = defineMessages({
  nl: {
    forecast: {
      title: 'Vooruitzicht van de vraag',
      caption: (year: number, next: number) =>
        `Geboorten en unieke aanvragen in ${year}, verwachte aanvragen in ${next}, en plaatsen`,
      municipality: 'Gemeente',
      births: (year: number) => `Geboorten ${year}`,
      requests: (year: number) => `Unieke aanvragen ${year}`,
      ratio: 'Aanvragen per 100 geboorten',
      expected: (year: number) => `Verwachte aanvragen ${year}`,
      places: 'Plaatsen (baby’s en peuters)',
      placesPerBirths: 'Plaatsen per 100 geboorten',
      total: 'Totaal',
      method: (year: number, next: number) =>
        `Hoe we rekenen: de verhouding is het aantal unieke aanvragen in ${year} gedeeld door het aantal geboorten in ${year}. De verwachte aanvragen in ${next} zijn die verhouding maal de geboorten van ${next}; heeft het loket die nog niet ingevuld, dan rekenen we met de geboorten van ${year}. De plaatsen zijn de capaciteit van de actieve opvanglocaties voor baby’s en peuters zoals die gold op 31 december ${year} (of vandaag, als het jaar nog loopt). Aantallen van 1 tot 4 staan er als “< 5”; waar een aantal niet exact getoond wordt, rekenen we niets uit (“–”).`,
      yearNotOver: (date: string) => `Het jaar is nog niet voorbij: de aanvragen zijn geteld tot ${date}.`,
      noBirths: 'Het loket heeft voor dit jaar nog geen geboorten ingevuld.',
      sameAsBase: (year: number) => `(geboorten van ${year})`,
      enterBirths: 'Geboorten invullen of importeren',
    },
    births: {
      title: 'Geboorten per jaar',
      intro: (municipality: string) =>
        `Het aantal geboorten in ${municipality} per kalenderjaar, bijvoorbeeld uit de cijfers van Statbel of de burgerlijke stand. Het vooruitzicht van de vraag rekent ermee.`,
      year: 'Jaar',
      births: 'Aantal geboorten',
      yearHint: (from: number, to: number) => `Van ${from} tot en met ${to}.`,
      save: 'Geboorten opslaan',
      importTitle: 'Importeren',
      importLabel: 'Regels in CSV-formaat: jaar;geboorten',
      importHint: 'Eén jaar per regel, bijvoorbeeld 2025;1234. Een kopregel “jaar;geboorten” mag.',
      import: 'Importeren',
      listTitle: 'Ingevulde jaren',
      none: 'Nog geen geboorten ingevuld.',
      saved: (n: number) =>
        plural('nl', n, { one: 'Eén jaar is opgeslagen.', other: '# jaren zijn opgeslagen.' }),
      lineErrors: 'De import is niet uitgevoerd. Verbeter deze regels:',
      lineFormat: (line: number) => `Regel ${line}: schrijf jaar;geboorten, bijvoorbeeld 2025;1234.`,
      lineYear: (line: number, from: number, to: number) =>
        `Regel ${line}: het jaar moet van ${from} tot en met ${to} zijn.`,
      lineBirths: (line: number, max: number) =>
        `Regel ${line}: het aantal geboorten moet een geheel getal van 0 tot en met ${max} zijn.`,
      lineTwice: (line: number) => `Regel ${line}: dit jaar staat al op een eerdere regel.`,
      empty: 'Plak minstens één regel jaar;geboorten.',
      back: 'Naar de cijfers',
    },
    region: {
      option: (name: string) => `Hele regio ${name}`,
      title: (name: string) => `Cijfers – regio ${name}`,
      residenceNote:
        'Voor de regio telt “van buiten de gemeente” een gezin dat buiten de gemeente van zijn aanvraag woont.',
    },
    grace: {
      perMunicipality: (list: string) =>
        `Onbeantwoorde aanvragen: kinderen van de periode van wie de gewenste startdatum minstens de termijn van hun gemeente voorbij is (${list}) en die geen aanvaard voorstel of inschrijving hebben.`,
      days: (name: string, days: number) => `${name}: ${days} dagen`,
    },
    pdf: {
      download: 'Download als PDF (om af te drukken)',
      subtitle: (scope: string, year: number) => `${scope} – kalenderjaar ${year}`,
      municipality: 'Gemeente',
      region: (name: string) => `Regio ${name}`,
      made: (date: string) => `Gemaakt op ${date}.`,
      page: (n: number, of: number) => `Blad ${n} van ${of}`,
      minimum:
        'De minimale registratie die de Vlaamse overheid (Opgroeien) per gemeente vraagt voor een kalenderjaar.',
      legend:
        '“< 5”: een aantal van 1 tot 4. “×”: verborgen, zodat een klein aantal niet uit het totaal af te leiden is.',
      definitions: 'Definities',
    },
  },
  fr: {
    forecast: {
      title: 'Prévision de la demande',
      caption: (year: number, next: number) =>
        `Naissances et demandes uniques en ${year}, demandes attendues en ${next}, et places`,
      municipality: 'Commune',
      births: (year: number) => `Naissances ${year}`,
      requests: (year: number) => `Demandes uniques ${year}`,
      ratio: 'Demandes pour 100 naissances',
      expected: (year: number) => `Demandes attendues ${year}`,
      places: 'Places (bébés et bambins)',
      placesPerBirths: 'Places pour 100 naissances',
      total: 'Total',
      method: (year: number, next: number) =>
        `Notre calcul\u00a0: le rapport est le nombre de demandes uniques en ${year} divisé par le nombre de naissances en ${year}. Les demandes attendues en ${next} sont ce rapport multiplié par les naissances de ${next}\u202f; si le guichet ne les a pas encore saisies, nous prenons les naissances de ${year}. Les places sont la capacité des lieux d’accueil actifs pour bébés et bambins telle qu’elle valait le 31\u00a0décembre ${year} (ou aujourd’hui, si l’année n’est pas finie). Les nombres de 1 à 4 sont notés «\u00a0< 5\u00a0»\u202f; là où un nombre n’est pas montré exactement, nous ne calculons rien («\u00a0–\u00a0»).`,
      yearNotOver: (date: string) =>
        `L’année n’est pas terminée\u00a0: les demandes sont comptées jusqu’au ${date}.`,
      noBirths: 'Le guichet n’a pas encore saisi les naissances de cette année.',
      sameAsBase: (year: number) => `(naissances de ${year})`,
      enterBirths: 'Saisir ou importer les naissances',
    },
    births: {
      title: 'Naissances par année',
      intro: (municipality: string) =>
        `Le nombre de naissances à ${municipality} par année civile, par exemple d’après Statbel ou l’état civil. La prévision de la demande s’en sert.`,
      year: 'Année',
      births: 'Nombre de naissances',
      yearHint: (from: number, to: number) => `De ${from} à ${to}.`,
      save: 'Enregistrer les naissances',
      importTitle: 'Importer',
      importLabel: 'Lignes au format CSV\u00a0: année;naissances',
      importHint:
        'Une année par ligne, par exemple 2025;1234. Une ligne d’en-tête «\u00a0année;naissances\u00a0» est permise.',
      import: 'Importer',
      listTitle: 'Années saisies',
      none: 'Aucune naissance saisie.',
      saved: (n: number) =>
        plural('fr', n, { one: 'Une année a été enregistrée.', other: '# années ont été enregistrées.' }),
      lineErrors: 'L’import n’a pas été fait. Corrigez ces lignes\u00a0:',
      lineFormat: (line: number) => `Ligne ${line}\u00a0: écrivez année;naissances, par exemple 2025;1234.`,
      lineYear: (line: number, from: number, to: number) =>
        `Ligne ${line}\u00a0: l’année doit aller de ${from} à ${to}.`,
      lineBirths: (line: number, max: number) =>
        `Ligne ${line}\u00a0: le nombre de naissances doit être un nombre entier de 0 à ${max}.`,
      lineTwice: (line: number) => `Ligne ${line}\u00a0: cette année figure déjà sur une ligne précédente.`,
      empty: 'Collez au moins une ligne année;naissances.',
      back: 'Vers les chiffres',
    },
    region: {
      option: (name: string) => `Toute la région ${name}`,
      title: (name: string) => `Chiffres – région ${name}`,
      residenceNote:
        'Pour la région, «\u00a0hors de la commune\u00a0» compte une famille qui habite hors de la commune de sa demande.',
    },
    grace: {
      perMunicipality: (list: string) =>
        `Demandes sans réponse\u00a0: enfants de la période dont la date de début souhaitée est dépassée d’au moins le délai de leur commune (${list}) et qui n’ont ni proposition acceptée ni inscription.`,
      days: (name: string, days: number) => `${name}\u00a0: ${days} jours`,
    },
    pdf: {
      download: 'Télécharger en PDF (à imprimer)',
      subtitle: (scope: string, year: number) => `${scope} – année civile ${year}`,
      municipality: 'Commune',
      region: (name: string) => `Région ${name}`,
      made: (date: string) => `Établi le ${date}.`,
      page: (n: number, of: number) => `Page ${n} sur ${of}`,
      minimum:
        'L’enregistrement minimal que l’autorité flamande (Opgroeien) demande par commune pour une année civile.',
      legend:
        '«\u00a0< 5\u00a0»\u00a0: un nombre de 1 à 4. «\u00a0×\u00a0»\u00a0: masqué, pour qu’un petit nombre ne puisse être déduit du total.',
      definitions: 'Définitions',
    },
  },
  en: {
    forecast: {
      title: 'Demand forecast',
      caption: (year: number, next: number) =>
        `Births and unique requests in ${year}, expected requests in ${next}, and places`,
      municipality: 'Municipality',
      births: (year: number) => `Births ${year}`,
      requests: (year: number) => `Unique requests ${year}`,
      ratio: 'Requests per 100 births',
      expected: (year: number) => `Expected requests ${year}`,
      places: 'Places (babies and toddlers)',
      placesPerBirths: 'Places per 100 births',
      total: 'Total',
      method: (year: number, next: number) =>
        `How we calculate: the ratio is the number of unique requests in ${year} divided by the number of births in ${year}. The expected requests in ${next} are that ratio times the births of ${next}; where the desk has not entered those yet, we use the births of ${year}. The places are the capacity of the active childcare locations for babies and toddlers as it stood on 31 December ${year} (or today, if the year is not over). Counts from 1 to 4 are shown as “< 5”; where a count is not shown exactly, nothing is calculated from it (“–”).`,
      yearNotOver: (date: string) => `The year is not over: requests are counted up to ${date}.`,
      noBirths: 'The desk has not entered the births of this year yet.',
      sameAsBase: (year: number) => `(births of ${year})`,
      enterBirths: 'Enter or import births',
    },
    births: {
      title: 'Births per year',
      intro: (municipality: string) =>
        `The number of births in ${municipality} per calendar year, for instance from Statbel or the civil registry. The demand forecast uses them.`,
      year: 'Year',
      births: 'Number of births',
      yearHint: (from: number, to: number) => `From ${from} to ${to}.`,
      save: 'Save births',
      importTitle: 'Import',
      importLabel: 'Lines in CSV format: year;births',
      importHint: 'One year per line, for instance 2025;1234. A header line “year;births” is allowed.',
      import: 'Import',
      listTitle: 'Years entered',
      none: 'No births entered yet.',
      saved: (n: number) => plural('en', n, { one: 'One year was saved.', other: '# years were saved.' }),
      lineErrors: 'Nothing was imported. Correct these lines:',
      lineFormat: (line: number) => `Line ${line}: write year;births, for instance 2025;1234.`,
      lineYear: (line: number, from: number, to: number) =>
        `Line ${line}: the year must be from ${from} to ${to}.`,
      lineBirths: (line: number, max: number) =>
        `Line ${line}: the number of births must be a whole number from 0 to ${max}.`,
      lineTwice: (line: number) => `Line ${line}: this year is already on an earlier line.`,
      empty: 'Paste at least one line year;births.',
      back: 'To the figures',
    },
    region: {
      option: (name: string) => `Whole region ${name}`,
      title: (name: string) => `Figures – region ${name}`,
      residenceNote:
        'For the region, “from outside the municipality” counts a family living outside the municipality of its request.',
    },
    grace: {
      perMunicipality: (list: string) =>
        `Unanswered requests: children of the period whose desired start passed by at least their municipality’s grace period (${list}) and who have no accepted offer or enrolment.`,
      days: (name: string, days: number) => `${name}: ${days} days`,
    },
    pdf: {
      download: 'Download as PDF (to print)',
      subtitle: (scope: string, year: number) => `${scope} – calendar year ${year}`,
      municipality: 'Municipality',
      region: (name: string) => `Region ${name}`,
      made: (date: string) => `Made on ${date}.`,
      page: (n: number, of: number) => `Page ${n} of ${of}`,
      minimum:
        'The minimum registration the Flemish government (Opgroeien) asks per municipality for a calendar year.',
      legend:
        '“< 5”: a count from 1 to 4. “×”: hidden, so that a small count cannot be worked out from the total.',
      definitions: 'Definitions',
    },
  },
});
