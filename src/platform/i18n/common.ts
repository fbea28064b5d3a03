import { defineMessages, locale } from './index.ts';

/** Texts every page needs: layout, navigation, generic errors and validation messages. */
export const common = defineMessages({
  nl: {
    siteName: 'Loket Kinderopvang',
    metaDescription:
      'Vraag met één aanvraag een plaats in de kinderopvang aan en volg ze online op; zoek opvang in uw gemeente.',
    skipToContent: 'Naar de inhoud',
    mainNavigation: 'Hoofdnavigatie',
    menu: 'Menu',
    languageSwitcher: 'Taal',
    languageNames: { nl: 'Nederlands', fr: 'Français', en: 'English' },
    home: 'Home',
    login: 'Aanmelden',
    logout: 'Afmelden',
    myAccount: 'Mijn account',
    loggedInAs: (name: string) => `Aangemeld als ${name}`,
    footer: 'Een dienst van uw gemeente voor kinderopvang van baby’s en peuters.',
    errorSummaryTitle: 'Er is een probleem',
    requiredMarker: '(verplicht)',
    notFoundTitle: 'Pagina niet gevonden',
    notFoundBody: 'Deze pagina bestaat niet, of u hebt er geen toegang toe.',
    forbiddenTitle: 'Geen toegang',
    forbiddenBody: 'U hebt geen toegang tot deze pagina met dit account.',
    unavailableTitle: 'De dienst is even niet bereikbaar',
    unavailableBody:
      'We kunnen uw gegevens nu niet ophalen of bewaren. Wat u net verstuurde, is misschien niet bewaard: kijk het na en probeer het over enkele minuten opnieuw.',
    errorTitle: 'Er ging iets mis',
    errorBody: 'Er ging iets mis aan onze kant. Uw gegevens zijn niet verloren. Probeer het later opnieuw.',
    tooManyRequests: 'Te veel pogingen. Wacht even en probeer opnieuw.',
    invalidInputTitle: 'Dit konden we niet verwerken',
    invalidInputBody:
      'Wat u invulde of aanklikte bevat tekens of waarden die we niet aanvaarden. Ga terug en pas het aan.',
    invalidFormTitle: 'Formulier verlopen',
    invalidFormBody: 'Dit formulier is verlopen. Laad de pagina opnieuw en probeer nog eens.',
    backToHome: 'Terug naar de startpagina',
    errors: {
      required: 'Vul dit veld in.',
      invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.be.',
      invalidDate: 'Vul een bestaande datum in (dag, maand en jaar).',
      tooLong: 'Deze tekst is te lang.',
      passwordTooShort: 'Kies een wachtwoord van minstens 10 tekens.',
      passwordsDiffer: 'De twee wachtwoorden zijn niet gelijk.',
      emailTaken: 'Er bestaat al een account met dit e-mailadres. Meld u aan.',
      loginFailed: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
      loginRefused:
        'Dit e-mailadres en wachtwoord horen niet bij elkaar, of het account is tijdelijk geblokkeerd na 5 mislukte pogingen. Probeer het dan na 15 minuten opnieuw, of vraag een nieuw wachtwoord aan.',
      secondFactorRefused:
        'Deze code is niet juist of al gebruikt, of het aanmelden is tijdelijk geblokkeerd na 5 foute codes. Probeer het dan na 15 minuten opnieuw.',
      secondFactorWrong: 'Deze code is niet juist. Vul de code in die de app nu toont.',
      staffAccountUnknown: 'Er is geen account van een medewerker met dit e-mailadres.',
      accountDeactivated:
        'Dit account is gedeactiveerd. U kunt zich niet meer aanmelden. Vraag de beheerder van het platform om het opnieuw te activeren.',
      wrongPassword: 'Dit is niet uw huidige wachtwoord.',
      sameEmail: 'Dit is al het e-mailadres van uw account.',
      invalidChoice: 'Kies een van de mogelijkheden.',
      invalidNationalNumber: 'Dit is geen geldig rijksregisternummer (11 cijfers, bv. 24.03.15-123.45).',
      nationalNumberBirthDate: 'Het rijksregisternummer past niet bij de geboortedatum.',
      birthDateInFuture: 'Een geboortedatum kan niet in de toekomst liggen.',
      consentDateInFuture: 'De datum van de toestemming kan niet in de toekomst liggen.',
      expectedDateInPast: 'De verwachte geboortedatum moet in de toekomst liggen.',
      startBeforeBirth: 'De startdatum kan niet vóór de (verwachte) geboortedatum liggen.',
      startInPast: 'De startdatum kan niet in het verleden liggen.',
      endBeforeStart: 'De einddatum moet na de startdatum liggen.',
      invalidFileNumber: 'Vul een dossiernummer in, zoals KO-10001 (nooit een rijksregisternummer).',
      noCareDays: 'Kies minstens één dag opvang.',
      noPreferences: 'Kies minstens één opvanglocatie.',
      tooManyPreferences: (max: number) => `U kunt hoogstens ${max} opvanglocaties kiezen.`,
      duplicatePreference: 'U hebt dezelfde opvanglocatie twee keer gekozen.',
      childHasOpenRequest: 'Voor dit kind loopt al een aanvraag. U vindt ze bij “Mijn aanvragen”.',
      deadlineInPast: 'De antwoordtermijn moet in de toekomst liggen.',
      offerNoLongerOpen: 'Dit voorstel kan niet meer beantwoord worden.',
      notAllowedNow: 'Deze stap is nu niet mogelijk.',
      consentRequired: 'Geef uw toestemming om uw aanvraag te kunnen indienen.',
      childKnownElsewhere:
        'Dit kind heeft al een dossier bij het loket, in een ander gezin. Neem contact op met het loket.',
      occasionalTooLong: 'Occasionele opvang eindigt binnen 12 maanden na de start.',
      invalidDaysPerWeek: 'Vul een aantal dagen in tussen 0,5 en 5, bijvoorbeeld 4 of 4,5.',
      invalidIncome: 'Vul het inkomen in hele euro in, alleen cijfers, bijvoorbeeld 28500.',
      incomeTooLarge:
        'Dit bedrag is te groot voor een jaarinkomen. Vul het inkomen per jaar in hele euro in.',
      lastPreference: 'Houd minstens één opvanglocatie, of trek de hele aanvraag in.',
      unknownPlace: 'Deze postcode of gemeente kennen we niet. Typ een Belgische postcode, bv. 3000.',
      unknownArea: 'Geen gemeente of deelgemeente heeft deze naam of postcode. Typ bv. Heverlee of 3001.',
      chooseArea: 'Meer dan één plaats past bij wat u typte. Kies er een hieronder.',
      invalidMonth: 'Vul een maand in, bijvoorbeeld 2027-03.',
      unknownPlaceholder:
        'De tekst bevat een onbekend veld tussen accolades. Gebruik alleen de velden die hieronder staan.',
      columnNameTaken: 'Er is al een kolom met deze naam.',
      notOnEmergencyList: 'Deze aanvraag staat niet (meer) op de noodlijst.',
      // Intermediaries (filing on behalf of a family, handing a file over)
      familyConsentRequired: 'Leg vast dat het gezin toestemming gaf.',
      phoneOrEmailRequired: 'Vul een telefoonnummer of een e-mailadres in.',
      alreadyHasFamily: 'Aan uw account hangt al een gezinsdossier. Neem contact op met het loket.',
      // Provider profile, photos, last-minute places and staff (provider-profile, organisation-admin)
      invalidTime: 'Vul een uur in als UU:MM, bijvoorbeeld 07:30.',
      closesBeforeOpens: 'Het sluitingsuur moet na het openingsuur liggen.',
      untilBeforeFrom: 'De einddatum mag niet vóór de begindatum liggen.',
      untilInPast: 'De einddatum kan niet in het verleden liggen.',
      invalidCapacity: 'Vul een aantal plaatsen in tussen 1 en 200.',
      invalidAgeMonths: 'Vul een leeftijd in maanden in tussen 0 en 72.',
      outOfSchoolAgeMonths:
        'Buitenschoolse opvang is voor schoolkinderen: vul een leeftijd in maanden in tussen 24 (2 jaar) en 156 (13 jaar).',
      noOutOfSchoolService:
        'Vul de uren in van minstens één aanbod: voor school, na school, woensdagnamiddag of schoolvakanties.',
      onlyOutOfSchool:
        'Dit veld is alleen voor buitenschoolse opvang. Laat het leeg of kies die soort opvang.',
      tooManySchools: 'Vul hoogstens 30 scholen in, één per regel.',
      ageRangeReversed: 'De maximumleeftijd moet groter zijn dan de minimumleeftijd.',
      invalidUrl: 'Vul een volledig webadres in, beginnend met https://.',
      invalidPhone: 'Vul een telefoonnummer in met cijfers, spaties en eventueel + / . -',
      photoType: 'Kies een foto in JPEG-, PNG- of WebP-formaat.',
      photoTooBig: 'Deze foto is te groot: hoogstens 2 MB.',
      tooManyPhotos: 'U toont al het maximum van 8 foto’s. Verwijder eerst een foto.',
      noLocationChosen: 'Kies minstens één opvanglocatie.',
      staffHasAccess: 'Deze persoon heeft al toegang. Pas de locaties aan in de lijst hieronder.',
      registrationPasswordWrong: 'Dit is niet het wachtwoord dat u bij de registratie koos.',
      staffInvitationPending:
        'Deze persoon heeft al een openstaande uitnodiging. Trek die eerst in als u ze wilt wijzigen.',
      cannotChangeSelf: 'U kunt uw eigen toegang niet wijzigen of weghalen.',
      invalidPoint: 'Vul een punt in als breedtegraad, lengtegraad, bijvoorbeeld 50.88, 4.70.',
      // Inputs that make sense (issue 12)
      phoneNotValid:
        'Dit is geen geldig telefoonnummer. Typ bijvoorbeeld 0470 12 34 56, of een buitenlands nummer met landcode, bijvoorbeeld +31 6 12345678.',
      childTooOld:
        'Dit kind is ouder dan de oudste leeftijd die een opvanglocatie hier aanvaardt. Kijk de geboortedatum na; voor schoolkinderen is er buitenschoolse opvang.',
      expectedDateTooFar:
        'Een verwachte geboortedatum ligt hoogstens 10 maanden na vandaag. Kijk de datum na.',
      subMunicipalityElsewhere:
        'Deze deelgemeente hoort niet bij de gekozen gemeente. Kies een deelgemeente van die gemeente.',
      startTooFarAhead:
        'Deze startdatum ligt te ver vooruit: dan is het kind ouder dan de oudste leeftijd die een opvanglocatie hier aanvaardt. Kijk de datum na.',
      deadlineAfterStart:
        'De antwoordtermijn kan niet na de startdatum van het voorstel liggen: de ouders antwoorden vóór de opvang begint.',
      lastMinuteTooLong: 'Een last-minuteplaats duurt hoogstens 3 maanden. Kies een vroegere einddatum.',
      lastMinuteClosedDay: 'Kies alleen dagen waarop de opvanglocatie open is (zie de openingsuren).',
      unbalancedBraces:
        'Elke openende accolade heeft een sluitende nodig, en omgekeerd. Zet alleen de velden van de lijst hieronder tussen accolades.',
      pointOutsideBelgium:
        'Dit punt ligt niet in België. Kies een punt op de kaart of typ bijvoorbeeld 50.88, 4.70.',
      // The desk's settings (desk-settings)
      numberBetween: (min: number, max: number) => `Vul een geheel getal in van ${min} tot en met ${max}.`,
      invalidColour: 'Vul een kleur in als # met zes tekens 0–9 of a–f, bijvoorbeeld #af162a.',
      contrastTooLow: (ratio: string, required: string) =>
        `Witte tekst op deze kleur heeft een contrast van ${ratio}:1; nodig is minstens ${required}:1. Kies een donkerdere kleur.`,
      dateInFuture: 'Deze datum ligt in de toekomst. Vul de datum van het cijfer in.',
      dutchTextRequired: 'Vul ook de Nederlandse tekst in: die verschijnt waar een vertaling ontbreekt.',
      // The desk's intermediary organisations (desk-organisations)
      organisationNameTaken: 'Er is al een organisatie met deze naam in uw gemeente. Kies een andere naam.',
      intermediaryHasAccess:
        'Deze persoon werkt al voor deze organisatie: ze staat in de lijst van medewerkers.',
      // Priority rule sets (priority-rule-admin)
      periodsOverlap:
        'Deze periode overlapt met een andere periode van dezelfde regelset. Kies dagen die elkaar niet raken.',
      noCriterion: 'Kies minstens één criterium dat voorrang geeft.',
      absoluteNotCriterion:
        'Een criterium met absolute voorrang moet ook aangevinkt zijn bij de criteria die voorrang geven.',
      vulnerableMinimumTooHigh:
        'Het aantal kenmerken is groter dan het aantal aangevinkte kenmerken. Kies een kleiner aantal of vink meer kenmerken aan.',
      requiredNotCharacteristic:
        'Een kenmerk waarvan er minstens één moet zijn, moet ook aangevinkt zijn bij de kenmerken van een kwetsbaar gezin.',
      yearlyAmountsInvalid:
        'Schrijf één regel per jaar: het jaar, een dubbelpunt en een bedrag in hele euro groter dan 0, bijvoorbeeld 2025: 32000. Elk jaar één keer.',
      ruleSetChangedMeanwhile:
        'Iemand anders heeft deze regelset intussen verbeterd. Open de regelset opnieuw en begin van de nieuwste versie.',
      // The desk's content (desk-content)
      slugInvalid:
        'Gebruik alleen kleine letters zonder accenten, cijfers en koppeltekens, bijvoorbeeld prijzen-en-tarieven.',
      slugTaken: 'Een andere informatiepagina van de regio heeft dit adres al. Kies een ander adres.',
      // The desk's provider organisations (desk-providers)
      providerNameTaken:
        'Er is al een organisator met deze naam in uw gemeente. Kies een andere naam of open die organisator.',
      invalidEnterpriseNumber:
        'Dit is geen geldig ondernemingsnummer. Typ de tien cijfers, bijvoorbeeld 0123.456.749.',
      postcodeElsewhere: 'Deze postcode hoort niet bij uw gemeente. Vul de postcode van de opvanglocatie in.',
      careTypeHasRequests:
        'Er zijn aanvragen voor deze locatie: ze blijft baby- en peuteropvang of buitenschoolse opvang. Groepsopvang en gezinsopvang kunt u wel wisselen.',
      unknownPostcode: 'Deze postcode kennen we niet. Kijk de postcode en de gemeente na.',
      providerStaffHasAccess:
        'Deze persoon werkt al op een locatie van deze organisator: ze staat in de lijst van medewerkers.',
      // Regions and municipalities (region-admin)
      nisCodeInvalid: 'Vul de NIS-code in: vijf cijfers, bijvoorbeeld 24062.',
      nisCodeTaken: 'Er is al een gemeente met deze NIS-code. Kijk de code na.',
      municipalityNameTaken: 'Er is al een gemeente met deze naam. Kies een andere naam.',
      regionCodeInvalid:
        'Vul een korte code in van kleine letters, cijfers en koppeltekens, bijvoorbeeld interleuven.',
      regionCodeTaken: 'Er is al een regio met deze code. Kies een andere code.',
      regionNameTaken: 'Er is al een regio met deze naam. Kies een andere naam.',
      subMunicipalityLines:
        'Schrijf één regel per deelgemeente: de postcode van vier cijfers en de naam, bijvoorbeeld 3010 Kessel-Lo. Elke naam één keer.',
      municipalityStaffHasAccess:
        'Deze persoon heeft deze rol al in deze gemeente: ze staat in de lijst van medewerkers.',
      regionStaffHasAccess: 'Deze persoon is al beleidsmedewerker van deze regio: ze staat in de lijst.',
      alreadyInRegion: 'De gemeente hoort al bij deze regio. Kies een andere regio.',
    },
  },
  fr: {
    siteName: 'Guichet Accueil d’enfants',
    metaDescription:
      'Demandez une place d’accueil pour votre enfant en une seule demande et suivez-la en ligne ; trouvez un accueil dans votre commune.',
    skipToContent: 'Aller au contenu',
    mainNavigation: 'Navigation principale',
    menu: 'Menu',
    languageSwitcher: 'Langue',
    languageNames: { nl: 'Nederlands', fr: 'Français', en: 'English' },
    home: 'Accueil',
    login: 'Se connecter',
    logout: 'Se déconnecter',
    myAccount: 'Mon compte',
    loggedInAs: (name: string) => `Connecté·e en tant que ${name}`,
    footer: 'Un service de votre commune pour l’accueil des bébés et des jeunes enfants.',
    errorSummaryTitle: 'Il y a un problème',
    requiredMarker: '(obligatoire)',
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Cette page n’existe pas, ou vous n’y avez pas accès.',
    forbiddenTitle: 'Accès refusé',
    forbiddenBody: 'Vous n’avez pas accès à cette page avec ce compte.',
    unavailableTitle: 'Le service est momentanément indisponible',
    unavailableBody:
      'Nous ne pouvons pas lire ni enregistrer vos données pour le moment. Ce que vous venez d’envoyer n’a peut-être pas été enregistré\u00a0: vérifiez-le et réessayez dans quelques minutes.',
    errorTitle: 'Une erreur s’est produite',
    errorBody:
      'Une erreur s’est produite de notre côté. Vos données ne sont pas perdues. Réessayez plus tard.',
    tooManyRequests: 'Trop de tentatives. Patientez un instant et réessayez.',
    invalidInputTitle: 'Nous n’avons pas pu traiter ceci',
    invalidInputBody:
      'Ce que vous avez saisi ou choisi contient des caractères ou des valeurs que nous n’acceptons pas. Revenez en arrière et corrigez-le.',
    invalidFormTitle: 'Formulaire expiré',
    invalidFormBody: 'Ce formulaire a expiré. Rechargez la page et réessayez.',
    backToHome: 'Retour à l’accueil',
    errors: {
      required: 'Remplissez ce champ.',
      invalidEmail: 'Indiquez une adresse e-mail valide, par exemple nom@exemple.be.',
      invalidDate: 'Indiquez une date existante (jour, mois et année).',
      tooLong: 'Ce texte est trop long.',
      passwordTooShort: 'Choisissez un mot de passe d’au moins 10 caractères.',
      passwordsDiffer: 'Les deux mots de passe ne sont pas identiques.',
      emailTaken: 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous.',
      loginFailed: 'Cette adresse e-mail et ce mot de passe ne correspondent pas.',
      loginRefused:
        'Cette adresse e-mail et ce mot de passe ne correspondent pas, ou le compte est temporairement bloqué après 5 tentatives échouées. Dans ce cas, réessayez dans 15 minutes ou demandez un nouveau mot de passe.',
      secondFactorRefused:
        'Ce code n’est pas correct ou a déjà servi, ou la connexion est bloquée temporairement après 5 codes erronés. Réessayez alors dans 15 minutes.',
      secondFactorWrong: 'Ce code n’est pas correct. Saisissez le code que l’application affiche maintenant.',
      staffAccountUnknown: 'Aucun compte du personnel n’a cette adresse e-mail.',
      accountDeactivated:
        'Ce compte a été désactivé. Vous ne pouvez plus vous connecter. Demandez à l’administrateur de la plateforme de le réactiver.',
      wrongPassword: 'Ce n’est pas votre mot de passe actuel.',
      sameEmail: 'C’est déjà l’adresse e-mail de votre compte.',
      invalidChoice: 'Choisissez une des possibilités.',
      invalidNationalNumber:
        'Ce n’est pas un numéro de registre national valide (11 chiffres, p. ex. 24.03.15-123.45).',
      nationalNumberBirthDate: 'Le numéro de registre national ne correspond pas à la date de naissance.',
      birthDateInFuture: 'Une date de naissance ne peut pas être dans le futur.',
      consentDateInFuture: 'La date de l’accord ne peut pas être dans le futur.',
      expectedDateInPast: 'La date de naissance prévue doit être dans le futur.',
      startBeforeBirth: 'La date de début ne peut pas précéder la date de naissance (prévue).',
      startInPast: 'La date de début ne peut pas être dans le passé.',
      endBeforeStart: 'La date de fin doit suivre la date de début.',
      invalidFileNumber:
        'Indiquez un numéro de dossier, par exemple KO-10001 (jamais un numéro de registre national).',
      noCareDays: 'Choisissez au moins un jour d’accueil.',
      noPreferences: 'Choisissez au moins un lieu d’accueil.',
      tooManyPreferences: (max: number) => `Vous pouvez choisir au maximum ${max} lieux d’accueil.`,
      duplicatePreference: 'Vous avez choisi deux fois le même lieu d’accueil.',
      childHasOpenRequest:
        'Une demande est déjà en cours pour cet enfant. Vous la trouverez sous «\u00a0Mes demandes\u00a0».',
      deadlineInPast: 'Le délai de réponse doit être dans le futur.',
      offerNoLongerOpen: 'Il n’est plus possible de répondre à cette proposition.',
      notAllowedNow: 'Cette étape n’est pas possible maintenant.',
      consentRequired: 'Donnez votre accord pour pouvoir introduire votre demande.',
      childKnownElsewhere:
        'Cet enfant a déjà un dossier au guichet, dans une autre famille. Contactez le guichet.',
      occasionalTooLong: 'L’accueil occasionnel se termine dans les 12 mois qui suivent le début.',
      invalidDaysPerWeek: 'Indiquez un nombre de jours entre 0,5 et 5, par exemple 4 ou 4,5.',
      invalidIncome: 'Indiquez le revenu en euros entiers, uniquement des chiffres, par exemple 28500.',
      incomeTooLarge:
        'Ce montant est trop élevé pour un revenu annuel. Indiquez le revenu par an en euros entiers.',
      lastPreference: 'Gardez au moins un lieu d’accueil, ou retirez toute la demande.',
      unknownPlace:
        'Nous ne connaissons pas ce code postal ou cette commune. Tapez un code postal belge, p. ex. 3000.',
      unknownArea:
        'Aucune commune ou section de commune ne porte ce nom ou ce code postal. Tapez p. ex. Heverlee ou 3001.',
      chooseArea: 'Plusieurs lieux correspondent à ce que vous avez tapé. Choisissez-en un ci-dessous.',
      invalidMonth: 'Indiquez un mois, par exemple 2027-03.',
      unknownPlaceholder:
        'Le texte contient un champ inconnu entre accolades. Utilisez uniquement les champs indiqués ci-dessous.',
      columnNameTaken: 'Une colonne porte déjà ce nom.',
      notOnEmergencyList: 'Cette demande ne figure pas (plus) sur la liste d’urgence.',
      // Intermediaries (filing on behalf of a family, handing a file over)
      familyConsentRequired: 'Indiquez que la famille a donné son accord.',
      phoneOrEmailRequired: 'Indiquez un numéro de téléphone ou une adresse e-mail.',
      alreadyHasFamily: 'Votre compte a déjà un dossier familial. Contactez le guichet.',
      // Provider profile, photos, last-minute places and staff (provider-profile, organisation-admin)
      invalidTime: 'Indiquez une heure au format HH:MM, par exemple 07:30.',
      closesBeforeOpens: 'L’heure de fermeture doit suivre l’heure d’ouverture.',
      untilBeforeFrom: 'La date de fin ne peut pas précéder la date de début.',
      untilInPast: 'La date de fin ne peut pas être dans le passé.',
      invalidCapacity: 'Indiquez un nombre de places entre 1 et 200.',
      invalidAgeMonths: 'Indiquez un âge en mois entre 0 et 72.',
      outOfSchoolAgeMonths:
        'L’accueil extrascolaire est destiné aux écoliers : indiquez un âge en mois entre 24 (2 ans) et 156 (13 ans).',
      noOutOfSchoolService:
        'Indiquez les heures d’au moins une offre : avant l’école, après l’école, mercredi après-midi ou vacances scolaires.',
      onlyOutOfSchool:
        'Ce champ ne concerne que l’accueil extrascolaire. Laissez-le vide ou choisissez ce type d’accueil.',
      tooManySchools: 'Indiquez au plus 30 écoles, une par ligne.',
      ageRangeReversed: 'L’âge maximum doit être supérieur à l’âge minimum.',
      invalidUrl: 'Indiquez une adresse web complète, commençant par https://.',
      invalidPhone:
        'Indiquez un numéro de téléphone avec des chiffres, des espaces et éventuellement + / . -',
      photoType: 'Choisissez une photo au format JPEG, PNG ou WebP.',
      photoTooBig: 'Cette photo est trop grande\u00a0: 2 Mo au maximum.',
      tooManyPhotos: 'Vous montrez déjà le maximum de 8 photos. Supprimez d’abord une photo.',
      noLocationChosen: 'Choisissez au moins un lieu d’accueil.',
      staffHasAccess: 'Cette personne a déjà accès. Modifiez les lieux dans la liste ci-dessous.',
      registrationPasswordWrong: 'Ce n’est pas le mot de passe choisi lors de l’inscription.',
      staffInvitationPending:
        'Cette personne a déjà une invitation en attente. Retirez-la d’abord si vous voulez la modifier.',
      cannotChangeSelf: 'Vous ne pouvez pas modifier ou retirer votre propre accès.',
      invalidPoint: 'Indiquez un point sous la forme latitude, longitude, par exemple 50.88, 4.70.',
      // Inputs that make sense (issue 12)
      phoneNotValid:
        'Ce numéro de téléphone n’est pas valable. Tapez par exemple 0470 12 34 56, ou un numéro étranger avec l’indicatif du pays, par exemple +31 6 12345678.',
      childTooOld:
        'Cet enfant est plus âgé que l’âge maximum accepté par les lieux d’accueil d’ici. Vérifiez la date de naissance\u202f; pour les enfants scolarisés, il existe l’accueil extrascolaire.',
      expectedDateTooFar:
        'Une date de naissance prévue se situe au plus 10 mois après aujourd’hui. Vérifiez la date.',
      subMunicipalityElsewhere:
        'Cette section ne fait pas partie de la commune choisie. Choisissez une section de cette commune.',
      startTooFarAhead:
        'Cette date de début est trop éloignée\u00a0: l’enfant aurait alors dépassé l’âge maximum accepté par les lieux d’accueil d’ici. Vérifiez la date.',
      deadlineAfterStart:
        'Le délai de réponse ne peut pas dépasser la date de début de la proposition\u00a0: les parents répondent avant le début de l’accueil.',
      lastMinuteTooLong:
        'Une place de dernière minute dure au plus 3 mois. Choisissez une date de fin plus proche.',
      lastMinuteClosedDay:
        'Choisissez uniquement des jours où le lieu d’accueil est ouvert (voir les heures d’ouverture).',
      unbalancedBraces:
        'Chaque accolade ouvrante doit avoir sa fermante, et inversement. Ne mettez entre accolades que les champs de la liste ci-dessous.',
      pointOutsideBelgium:
        'Ce point n’est pas en Belgique. Choisissez un point sur la carte ou tapez par exemple 50.88, 4.70.',
      // The desk's settings (desk-settings)
      numberBetween: (min: number, max: number) => `Indiquez un nombre entier de ${min} à ${max}.`,
      invalidColour:
        'Indiquez une couleur sous la forme # suivi de six caractères 0–9 ou a–f, par exemple #af162a.',
      contrastTooLow: (ratio: string, required: string) =>
        `Un texte blanc sur cette couleur a un contraste de ${ratio}:1\u202f; il faut au moins ${required}:1. Choisissez une couleur plus foncée.`,
      dateInFuture: 'Cette date est dans le futur. Indiquez la date du chiffre.',
      dutchTextRequired:
        'Indiquez aussi le texte néerlandais\u00a0: il apparaît là où une traduction manque.',
      // The desk's intermediary organisations (desk-organisations)
      organisationNameTaken: 'Votre commune a déjà une organisation de ce nom. Choisissez un autre nom.',
      intermediaryHasAccess:
        'Cette personne travaille déjà pour cette organisation\u00a0: elle figure dans la liste du personnel.',
      // Priority rule sets (priority-rule-admin)
      periodsOverlap:
        'Cette période chevauche une autre période du même ensemble de règles. Choisissez des jours qui ne se recouvrent pas.',
      noCriterion: 'Choisissez au moins un critère qui donne la priorité.',
      absoluteNotCriterion:
        'Un critère de priorité absolue doit aussi être coché parmi les critères qui donnent la priorité.',
      vulnerableMinimumTooHigh:
        'Le nombre de caractéristiques dépasse le nombre de caractéristiques cochées. Choisissez un nombre plus petit ou cochez plus de caractéristiques.',
      requiredNotCharacteristic:
        'Une caractéristique dont il en faut au moins une doit aussi être cochée parmi les caractéristiques d’une famille vulnérable.',
      yearlyAmountsInvalid:
        'Écrivez une ligne par année\u00a0: l’année, deux-points et un montant en euros entiers supérieur à 0, par exemple 2025: 32000. Chaque année une seule fois.',
      ruleSetChangedMeanwhile:
        'Quelqu’un d’autre a corrigé cet ensemble de règles entre-temps. Rouvrez-le et partez de la version la plus récente.',
      slugInvalid:
        'Utilisez uniquement des minuscules sans accents, des chiffres et des traits d’union, par exemple prix-et-tarifs.',
      slugTaken:
        'Une autre page d’information de la région a déjà cette adresse. Choisissez une autre adresse.',
      providerNameTaken:
        'Votre commune a déjà un organisateur de ce nom. Choisissez un autre nom ou ouvrez cet organisateur.',
      invalidEnterpriseNumber:
        'Ce n’est pas un numéro d’entreprise valable. Tapez les dix chiffres, par exemple 0123.456.749.',
      postcodeElsewhere:
        'Ce code postal n’appartient pas à votre commune. Indiquez le code postal du lieu d’accueil.',
      careTypeHasRequests:
        'Des demandes visent ce lieu : il reste un accueil de bébés et de bambins ou un accueil extrascolaire. Vous pouvez passer de l’accueil en groupe à l’accueil familial et inversement.',
      unknownPostcode: 'Nous ne connaissons pas ce code postal. Vérifiez le code postal et la localité.',
      providerStaffHasAccess:
        'Cette personne travaille déjà dans un lieu de cet organisateur\u00a0: elle figure dans la liste du personnel.',
      nisCodeInvalid: 'Indiquez le code INS\u00a0: cinq chiffres, par exemple 24062.',
      nisCodeTaken: 'Une commune a déjà ce code INS. Vérifiez le code.',
      municipalityNameTaken: 'Une commune porte déjà ce nom. Choisissez un autre nom.',
      regionCodeInvalid:
        'Indiquez un code court en minuscules, chiffres et traits d’union, par exemple interleuven.',
      regionCodeTaken: 'Une région a déjà ce code. Choisissez un autre code.',
      regionNameTaken: 'Une région porte déjà ce nom. Choisissez un autre nom.',
      subMunicipalityLines:
        'Écrivez une ligne par section de commune\u00a0: le code postal à quatre chiffres et le nom, par exemple 3010 Kessel-Lo. Chaque nom une seule fois.',
      municipalityStaffHasAccess:
        'Cette personne a déjà ce rôle dans cette commune\u00a0: elle figure dans la liste du personnel.',
      regionStaffHasAccess:
        'Cette personne est déjà chargée de politique de cette région\u00a0: elle figure dans la liste.',
      alreadyInRegion: 'La commune fait déjà partie de cette région. Choisissez une autre région.',
    },
  },
  en: {
    siteName: 'Childcare Desk',
    metaDescription:
      'Apply once for a childcare place for your baby or toddler and follow your request online; find childcare in your municipality.',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    menu: 'Menu',
    languageSwitcher: 'Language',
    languageNames: { nl: 'Nederlands', fr: 'Français', en: 'English' },
    home: 'Home',
    login: 'Log in',
    logout: 'Log out',
    myAccount: 'My account',
    loggedInAs: (name: string) => `Logged in as ${name}`,
    footer: 'A service of your municipality for the care of babies and toddlers.',
    errorSummaryTitle: 'There is a problem',
    requiredMarker: '(required)',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist, or you do not have access to it.',
    forbiddenTitle: 'No access',
    forbiddenBody: 'You do not have access to this page with this account.',
    unavailableTitle: 'The service is unavailable for a moment',
    unavailableBody:
      'We cannot read or store your data right now. What you just sent may not have been stored: check it and try again in a few minutes.',
    errorTitle: 'Something went wrong',
    errorBody: 'Something went wrong on our side. Your data has not been lost. Please try again later.',
    tooManyRequests: 'Too many attempts. Please wait a moment and try again.',
    invalidInputTitle: 'We could not process this',
    invalidInputBody:
      'What you entered or chose contains characters or values we do not accept. Go back and change it.',
    invalidFormTitle: 'Form expired',
    invalidFormBody: 'This form has expired. Reload the page and try again.',
    backToHome: 'Back to the home page',
    errors: {
      required: 'Fill in this field.',
      invalidEmail: 'Enter a valid e-mail address, like name@example.be.',
      invalidDate: 'Enter a real date (day, month and year).',
      tooLong: 'This text is too long.',
      passwordTooShort: 'Choose a password of at least 10 characters.',
      passwordsDiffer: 'The two passwords are not the same.',
      emailTaken: 'An account with this e-mail address already exists. Log in instead.',
      loginFailed: 'This e-mail address and password do not match.',
      loginRefused:
        'This e-mail address and password do not match, or the account is temporarily blocked after 5 failed attempts. In that case, try again in 15 minutes or ask for a new password.',
      secondFactorRefused:
        'This code is not right or was already used, or logging in is blocked for a while after 5 wrong codes. Then try again in 15 minutes.',
      secondFactorWrong: 'This code is not right. Enter the code the app shows now.',
      staffAccountUnknown: 'There is no staff account with this e-mail address.',
      accountDeactivated:
        'This account has been deactivated. You can no longer log in. Ask the platform administrator to reactivate it.',
      wrongPassword: 'This is not your current password.',
      sameEmail: 'This is already the e-mail address of your account.',
      invalidChoice: 'Choose one of the options.',
      invalidNationalNumber:
        'This is not a valid national register number (11 digits, e.g. 24.03.15-123.45).',
      nationalNumberBirthDate: 'The national register number does not match the date of birth.',
      birthDateInFuture: 'A date of birth cannot be in the future.',
      consentDateInFuture: 'The date of consent cannot be in the future.',
      expectedDateInPast: 'The expected date of birth must be in the future.',
      startBeforeBirth: 'The start date cannot be before the (expected) date of birth.',
      startInPast: 'The start date cannot be in the past.',
      endBeforeStart: 'The end date must be after the start date.',
      invalidFileNumber: 'Enter a file number, such as KO-10001 (never a national register number).',
      noCareDays: 'Choose at least one day of care.',
      noPreferences: 'Choose at least one childcare location.',
      tooManyPreferences: (max: number) => `You can choose at most ${max} childcare locations.`,
      duplicatePreference: 'You chose the same childcare location twice.',
      childHasOpenRequest: 'There is already a request for this child. You will find it under “My requests”.',
      deadlineInPast: 'The answer deadline must be in the future.',
      offerNoLongerOpen: 'This offer can no longer be answered.',
      notAllowedNow: 'This step is not possible now.',
      consentRequired: 'Give your consent to be able to file your request.',
      childKnownElsewhere:
        'This child already has a file at the desk, in another family. Please contact the desk.',
      occasionalTooLong: 'Occasional care ends within 12 months of its start.',
      invalidDaysPerWeek: 'Enter a number of days between 0.5 and 5, for example 4 or 4.5.',
      invalidIncome: 'Enter the income in whole euros, digits only, for example 28500.',
      incomeTooLarge:
        'This amount is too large for a yearly income. Enter the income per year in whole euros.',
      lastPreference: 'Keep at least one childcare location, or withdraw the whole request.',
      unknownPlace: 'We do not know this postcode or place. Type a Belgian postcode, e.g. 3000.',
      unknownArea:
        'No municipality or sub-municipality has this name or postcode. Type e.g. Heverlee or 3001.',
      chooseArea: 'More than one place matches what you typed. Choose one below.',
      invalidMonth: 'Enter a month, for example 2027-03.',
      unknownPlaceholder: 'The text contains an unknown field in braces. Use only the fields listed below.',
      columnNameTaken: 'There is already a column with this name.',
      notOnEmergencyList: 'This request is not (or no longer) on the emergency list.',
      // Intermediaries (filing on behalf of a family, handing a file over)
      familyConsentRequired: 'Record that the family gave its consent.',
      phoneOrEmailRequired: 'Enter a phone number or an e-mail address.',
      alreadyHasFamily: 'Your account already has a family file. Please contact the desk.',
      // Provider profile, photos, last-minute places and staff (provider-profile, organisation-admin)
      invalidTime: 'Enter a time as HH:MM, for example 07:30.',
      closesBeforeOpens: 'The closing time must be after the opening time.',
      untilBeforeFrom: 'The end date cannot be before the start date.',
      untilInPast: 'The end date cannot be in the past.',
      invalidCapacity: 'Enter a number of places between 1 and 200.',
      invalidAgeMonths: 'Enter an age in months between 0 and 72.',
      outOfSchoolAgeMonths:
        'Out-of-school care is for school children: enter an age in months between 24 (2 years) and 156 (13 years).',
      noOutOfSchoolService:
        'Enter the hours of at least one service: before school, after school, Wednesday afternoon or school holidays.',
      onlyOutOfSchool:
        'This field is only for out-of-school care. Leave it empty or choose that kind of care.',
      tooManySchools: 'Enter at most 30 schools, one per line.',
      ageRangeReversed: 'The maximum age must be greater than the minimum age.',
      invalidUrl: 'Enter a full web address, starting with https://.',
      invalidPhone: 'Enter a phone number with digits, spaces and optionally + / . -',
      photoType: 'Choose a photo in JPEG, PNG or WebP format.',
      photoTooBig: 'This photo is too large: 2 MB at most.',
      tooManyPhotos: 'You already show the maximum of 8 photos. Delete a photo first.',
      noLocationChosen: 'Choose at least one childcare location.',
      staffHasAccess: 'This person already has access. Change the locations in the list below.',
      registrationPasswordWrong: 'This is not the password you chose when registering.',
      staffInvitationPending:
        'This person already has an open invitation. Withdraw it first if you want to change it.',
      cannotChangeSelf: 'You cannot change or remove your own access.',
      invalidPoint: 'Enter a point as latitude, longitude, for example 50.88, 4.70.',
      // Inputs that make sense (issue 12)
      phoneNotValid:
        'This is not a valid phone number. Type, for example, 0470 12 34 56, or a foreign number with its country code, for example +31 6 12345678.',
      childTooOld:
        'This child is older than the oldest age any childcare location here accepts. Check the date of birth; for school children there is out-of-school care.',
      expectedDateTooFar: 'An expected date of birth is at most 10 months from today. Check the date.',
      subMunicipalityElsewhere:
        'This sub-municipality is not part of the chosen municipality. Choose one of that municipality’s sub-municipalities.',
      startTooFarAhead:
        'This start date is too far ahead: the child would then be older than the oldest age any childcare location here accepts. Check the date.',
      deadlineAfterStart:
        'The answer deadline cannot be after the start date of the offer: the parents answer before the care begins.',
      lastMinuteTooLong: 'A last-minute place lasts at most 3 months. Choose an earlier end date.',
      lastMinuteClosedDay: 'Choose only days on which the location is open (see the opening hours).',
      unbalancedBraces:
        'Every opening brace needs a closing one, and the other way round. Put only the fields listed below between braces.',
      pointOutsideBelgium:
        'This point is not in Belgium. Choose a point on the map or type, for example, 50.88, 4.70.',
      // The desk's settings (desk-settings)
      numberBetween: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
      invalidColour: 'Enter a colour as # and six characters 0–9 or a–f, for example #af162a.',
      contrastTooLow: (ratio: string, required: string) =>
        `White text on this colour has a contrast of ${ratio}:1; at least ${required}:1 is needed. Choose a darker colour.`,
      dateInFuture: 'This date is in the future. Enter the date of the figure.',
      dutchTextRequired: 'Enter the Dutch text too: it is shown where a translation is missing.',
      // The desk's intermediary organisations (desk-organisations)
      organisationNameTaken:
        'Your municipality already has an organisation with this name. Choose another name.',
      intermediaryHasAccess:
        'This person already works for this organisation: they are in the list of staff.',
      // Priority rule sets (priority-rule-admin)
      periodsOverlap:
        'This period overlaps another period of the same rule set. Choose days that do not overlap.',
      noCriterion: 'Choose at least one criterion that gives priority.',
      absoluteNotCriterion:
        'A criterion with absolute priority must also be ticked among the criteria that give priority.',
      vulnerableMinimumTooHigh:
        'The number of characteristics is larger than the number of ticked characteristics. Choose a smaller number or tick more characteristics.',
      requiredNotCharacteristic:
        'A characteristic of which at least one is needed must also be ticked among the characteristics of a vulnerable family.',
      yearlyAmountsInvalid:
        'Write one line per year: the year, a colon and an amount in whole euros above 0, for example 2025: 32000. Each year once.',
      ruleSetChangedMeanwhile:
        'Someone else corrected this rule set in the meantime. Open it again and start from the newest version.',
      slugInvalid:
        'Use only lower-case letters without accents, digits and hyphens, for example prices-and-fees.',
      slugTaken: 'Another information page of the region already has this address. Choose another address.',
      providerNameTaken:
        'Your municipality already has a provider organisation with this name. Choose another name or open that organisation.',
      invalidEnterpriseNumber:
        'This is not a valid enterprise number. Type the ten digits, for example 0123.456.749.',
      postcodeElsewhere:
        'This postcode is not in your municipality. Enter the postcode of the childcare location.',
      careTypeHasRequests:
        'Requests name this location: it stays baby and toddler care or out-of-school care. Group and family care can be swapped.',
      unknownPostcode: 'We do not know this postcode. Check the postcode and the town.',
      providerStaffHasAccess:
        'This person already works at a location of this organisation: they are in the list of staff.',
      nisCodeInvalid: 'Enter the NIS code: five digits, for example 24062.',
      nisCodeTaken: 'A municipality already has this NIS code. Check the code.',
      municipalityNameTaken: 'A municipality already has this name. Choose another name.',
      regionCodeInvalid:
        'Enter a short code of lower-case letters, digits and hyphens, for example interleuven.',
      regionCodeTaken: 'A region already has this code. Choose another code.',
      regionNameTaken: 'A region already has this name. Choose another name.',
      subMunicipalityLines:
        'Write one line per sub-municipality: the four-digit postcode and the name, for example 3010 Kessel-Lo. Each name once.',
      municipalityStaffHasAccess:
        'This person already has this role in this municipality: they are in the list of staff.',
      regionStaffHasAccess: 'This person is already on this region’s policy staff: they are in the list.',
      alreadyInRegion: 'The municipality is already part of this region. Choose another region.',
    },
  },
});

type ErrorMessages = (typeof common)['nl']['errors'];
/** The keys whose message is a plain text; a message with a parameter needs it given (FieldError). */
export type ErrorKey = {
  [K in keyof ErrorMessages]: ErrorMessages[K] extends string ? K : never;
}[keyof ErrorMessages];
/** A validation error: a message key, with its parameter where the message takes one. */
export type FieldError =
  | ErrorKey
  | { key: 'tooManyPreferences'; max: number }
  | { key: 'numberBetween'; min: number; max: number }
  /** `ratio` as measured; shown rounded down, so 4.499 never reads as 4.5. */
  | { key: 'contrastTooLow'; ratio: number; required: number };
/** A form's errors by field name; `form` for the form as a whole. */
export type Errors = Record<string, FieldError>;
/** What a service step that can refuse its input returns. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Errors };

/** A contrast ratio in the language's number format, rounded down to two decimals (4.49, never 4.5). */
export function ratioText(lang: keyof typeof common, ratio: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(
    Math.floor(ratio * 100 + 1e-9) / 100,
  );
}

/**
 * The text of a validation error. The compiler allows only known keys, and a message with a
 * parameter only with it (no "at most 0 locations"). A key that still arrives unknown at run time
 * (e.g. from stored data) is logged and shown as the general "this step is not possible now" —
 * never as the key itself.
 */
export function errorText(lang: keyof typeof common, error: FieldError): string {
  const errors = common[lang].errors;
  if (typeof error === 'object') {
    switch (error.key) {
      case 'tooManyPreferences':
        return errors.tooManyPreferences(error.max);
      case 'numberBetween':
        return errors.numberBetween(error.min, error.max);
      case 'contrastTooLow':
        return errors.contrastTooLow(ratioText(lang, error.ratio), ratioText(lang, error.required));
    }
  }
  const message: unknown = Object.hasOwn(errors, error) ? errors[error] : undefined;
  if (typeof message === 'string') return message;
  console.warn(`i18n: no error text for "${String(error)}"`);
  return errors.notAllowedNow;
}
