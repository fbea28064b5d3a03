import { defineMessages } from '../../platform/i18n/index.ts';

export const messages = defineMessages({
  nl: {
    codeTitle: 'Code uit uw app',
    codeIntro:
      'Uw wachtwoord is juist. Vul nu de code van 6 cijfers in die uw authenticator-app toont voor Loket Kinderopvang.',
    codeLabel: 'Code van 6 cijfers of herstelcode',
    codeHint: 'Hebt u uw telefoon niet bij u? Vul dan een van uw herstelcodes in (bv. abcde-fghjk).',
    codeButton: 'Bevestigen',
    noStepTitle: 'Eerst aanmelden',
    noStepBody: 'Deze stap volgt op uw wachtwoord. Meld u eerst aan.',
    loginLink: 'Aanmelden',
    logoutButton: 'Afmelden',
    enrolTitle: 'Tweestapsverificatie instellen',
    enrolIntroStaff:
      'Medewerkers melden zich aan met een wachtwoord en een code uit een authenticator-app. Stel dit eerst in.',
    enrolIntroParent:
      'Met tweestapsverificatie vragen we bij het aanmelden ook een code uit een authenticator-app op uw telefoon.',
    enrolStep1: 'Open een authenticator-app (bv. FreeOTP, Aegis, Google of Microsoft Authenticator).',
    enrolStep2: 'Voeg een account toe en typ deze sleutel over:',
    enrolKey: 'Sleutel',
    enrolUri: 'Of plak deze link in de app:',
    enrolStep3: 'Vul de code van 6 cijfers in die de app nu toont.',
    enrolCodeLabel: 'Code van 6 cijfers',
    enrolButton: 'Tweestapsverificatie aanzetten',
    recoveryTitle: 'Uw herstelcodes',
    recoveryIntro:
      'Tweestapsverificatie staat aan. Bewaar deze 10 herstelcodes op een veilige plaats: met elke code kunt u zich één keer aanmelden als u uw telefoon niet hebt. We tonen ze maar één keer.',
    recoveryContinue: 'Verder',
    accountRowLabel: 'Tweestapsverificatie',
    accountOn: (left: number) => `Aan (${left} herstelcodes over)`,
    accountOff: 'Uit',
    accountSetUp: 'Instellen',
    alreadyOnTitle: 'Tweestapsverificatie staat al aan',
    alreadyOnBody:
      'U meldt zich al aan met een code. Bent u uw telefoon en herstelcodes kwijt? Vraag dan de beheerder van het platform om ze te herstellen.',
    backToAccount: 'Terug naar mijn account',
    resetTitle: 'Tweestapsverificatie van een medewerker herstellen',
    resetIntro:
      'Is een medewerker de telefoon en de herstelcodes kwijt? Dan stelt u hier de tweestapsverificatie opnieuw in. De medewerker wordt overal afgemeld en stelt bij de volgende aanmelding een nieuwe app in.',
    resetEmail: 'E-mailadres van de medewerker',
    resetButton: 'Herstellen',
    resetDone: 'De tweestapsverificatie is hersteld. De medewerker is overal afgemeld.',
  },
  fr: {
    codeTitle: 'Code de votre application',
    codeIntro:
      'Votre mot de passe est correct. Saisissez maintenant le code à 6 chiffres que votre application d’authentification affiche pour Loket Kinderopvang.',
    codeLabel: 'Code à 6 chiffres ou code de secours',
    codeHint: 'Vous n’avez pas votre téléphone ? Saisissez un de vos codes de secours (p. ex. abcde-fghjk).',
    codeButton: 'Confirmer',
    noStepTitle: 'Connectez-vous d’abord',
    noStepBody: 'Cette étape suit votre mot de passe. Connectez-vous d’abord.',
    loginLink: 'Se connecter',
    logoutButton: 'Se déconnecter',
    enrolTitle: 'Activer la vérification en deux étapes',
    enrolIntroStaff:
      'Le personnel se connecte avec un mot de passe et un code d’une application d’authentification. Activez-la d’abord.',
    enrolIntroParent:
      'Avec la vérification en deux étapes, nous demandons aussi à la connexion un code d’une application d’authentification sur votre téléphone.',
    enrolStep1:
      'Ouvrez une application d’authentification (p. ex. FreeOTP, Aegis, Google ou Microsoft Authenticator).',
    enrolStep2: 'Ajoutez un compte et recopiez cette clé :',
    enrolKey: 'Clé',
    enrolUri: 'Ou collez ce lien dans l’application :',
    enrolStep3: 'Saisissez le code à 6 chiffres que l’application affiche maintenant.',
    enrolCodeLabel: 'Code à 6 chiffres',
    enrolButton: 'Activer la vérification en deux étapes',
    recoveryTitle: 'Vos codes de secours',
    recoveryIntro:
      'La vérification en deux étapes est activée. Conservez ces 10 codes de secours en lieu sûr : chaque code permet de vous connecter une fois sans votre téléphone. Nous ne les affichons qu’une fois.',
    recoveryContinue: 'Continuer',
    accountRowLabel: 'Vérification en deux étapes',
    accountOn: (left: number) => `Activée (${left} codes de secours restants)`,
    accountOff: 'Désactivée',
    accountSetUp: 'Activer',
    alreadyOnTitle: 'La vérification en deux étapes est déjà activée',
    alreadyOnBody:
      'Vous vous connectez déjà avec un code. Vous avez perdu votre téléphone et vos codes de secours ? Demandez à l’administrateur de la plateforme de la réinitialiser.',
    backToAccount: 'Retour à mon compte',
    resetTitle: 'Réinitialiser la vérification en deux étapes d’un membre du personnel',
    resetIntro:
      'Un membre du personnel a perdu son téléphone et ses codes de secours ? Réinitialisez ici sa vérification en deux étapes. Il est déconnecté partout et configure une nouvelle application à sa prochaine connexion.',
    resetEmail: 'Adresse e-mail du membre du personnel',
    resetButton: 'Réinitialiser',
    resetDone:
      'La vérification en deux étapes est réinitialisée. Le membre du personnel est déconnecté partout.',
  },
  en: {
    codeTitle: 'Code from your app',
    codeIntro:
      'Your password is right. Now enter the 6-digit code your authenticator app shows for Loket Kinderopvang.',
    codeLabel: '6-digit code or recovery code',
    codeHint: 'No phone with you? Enter one of your recovery codes instead (e.g. abcde-fghjk).',
    codeButton: 'Confirm',
    noStepTitle: 'Log in first',
    noStepBody: 'This step follows your password. Log in first.',
    loginLink: 'Log in',
    logoutButton: 'Log out',
    enrolTitle: 'Set up two-step verification',
    enrolIntroStaff: 'Staff log in with a password and a code from an authenticator app. Set this up first.',
    enrolIntroParent:
      'With two-step verification, logging in also asks for a code from an authenticator app on your phone.',
    enrolStep1: 'Open an authenticator app (e.g. FreeOTP, Aegis, Google or Microsoft Authenticator).',
    enrolStep2: 'Add an account and type in this key:',
    enrolKey: 'Key',
    enrolUri: 'Or paste this link into the app:',
    enrolStep3: 'Enter the 6-digit code the app shows now.',
    enrolCodeLabel: '6-digit code',
    enrolButton: 'Turn on two-step verification',
    recoveryTitle: 'Your recovery codes',
    recoveryIntro:
      'Two-step verification is on. Keep these 10 recovery codes somewhere safe: each logs you in once without your phone. They are shown only this once.',
    recoveryContinue: 'Continue',
    accountRowLabel: 'Two-step verification',
    accountOn: (left: number) => `On (${left} recovery codes left)`,
    accountOff: 'Off',
    accountSetUp: 'Set up',
    alreadyOnTitle: 'Two-step verification is already on',
    alreadyOnBody:
      'You already log in with a code. Lost your phone and your recovery codes? Ask the platform administrator to reset it.',
    backToAccount: 'Back to my account',
    resetTitle: 'Reset a staff member’s two-step verification',
    resetIntro:
      'Has a staff member lost their phone and recovery codes? Reset their two-step verification here. They are logged out everywhere and set up a new app at their next log-in.',
    resetEmail: 'Staff member’s e-mail address',
    resetButton: 'Reset',
    resetDone: 'Two-step verification was reset. The staff member is logged out everywhere.',
  },
});
