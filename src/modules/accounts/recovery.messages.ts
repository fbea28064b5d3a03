import { defineMessages } from '../../platform/i18n/index.ts';

/** Pages reached from a mailed link, and the "forgot password" pages. */
export const messages = defineMessages({
  nl: {
    verifiedTitle: 'E-mailadres bevestigd',
    verifiedBody: 'Bedankt. Uw e-mailadres is bevestigd.',
    alreadyVerifiedTitle: 'E-mailadres al bevestigd',
    alreadyVerifiedBody: 'Uw e-mailadres was al bevestigd. U hoeft niets meer te doen.',
    linkUsedTitle: 'Deze link is al gebruikt',
    linkExpiredTitle: 'Deze link is verlopen',
    linkInvalidTitle: 'Deze link werkt niet',
    linkInvalidBody:
      'Deze link is niet geldig. Kopieer de volledige link uit de e-mail, of gebruik de nieuwste e-mail als we u er meer stuurden.',
    verifyUsedBody: 'Deze bevestigingslink werd al gebruikt.',
    verifyExpiredBody:
      'Een bevestigingslink is 48 uur geldig, en werkt niet meer zodra er een nieuwere is. Meld u aan en vraag op uw accountpagina een nieuwe bevestigingsmail aan.',
    resetUsedBody:
      'Deze link om een nieuw wachtwoord te kiezen werd al gebruikt. Vraag een nieuwe link aan als dat nodig is.',
    resetExpiredBody:
      'Een link om een nieuw wachtwoord te kiezen is 1 uur geldig, en werkt niet meer zodra er een nieuwere is. Vraag een nieuwe link aan.',
    registerUsedBody: 'Deze link werd al gebruikt: het account bestaat. Meld u aan.',
    registerExpiredBody:
      'Een link om een nieuw account te bevestigen is 48 uur geldig. Maak het account opnieuw aan.',
    changeUsedBody: 'Deze link om uw nieuwe e-mailadres te bevestigen werd al gebruikt.',
    changeExpiredBody:
      'Een link om een nieuw e-mailadres te bevestigen is 24 uur geldig, en werkt niet meer zodra er een nieuwere is. Vraag de wijziging opnieuw aan op uw accountpagina.',
    toAccount: 'Naar mijn account',
    toHome: 'Naar de startpagina',
    newResetLink: 'Een nieuwe link aanvragen',
    registerAgain: 'Opnieuw een account aanmaken',
    forgotTitle: 'Wachtwoord vergeten',
    forgotIntro:
      'Vul het e-mailadres van uw account in. We sturen u een link waarmee u een nieuw wachtwoord kiest.',
    email: 'E-mailadres',
    forgotButton: 'Link sturen',
    forgotSentTitle: 'Kijk in uw mailbox',
    forgotSentBody: (email: string) =>
      `Als er een account bestaat met het e-mailadres ${email}, dan sturen we daar nu een link naartoe om een nieuw wachtwoord te kiezen. De link is 1 uur geldig.`,
    forgotSentHint:
      'Geen e-mail gekregen? Kijk ook bij uw ongewenste e-mail, controleer het adres, of probeer het over enkele minuten opnieuw.',
    resetTitle: 'Nieuw wachtwoord kiezen',
    resetIntro: 'Kies een nieuw wachtwoord. Daarna wordt u overal afgemeld en meldt u zich opnieuw aan.',
    password: 'Nieuw wachtwoord',
    passwordHint: 'Minstens 10 tekens.',
    passwordRepeat: 'Herhaal het nieuwe wachtwoord',
    resetButton: 'Wachtwoord opslaan',
    resetDoneTitle: 'Uw wachtwoord is gewijzigd',
    resetDoneBody: 'Meld u aan met uw nieuwe wachtwoord. U bent op al uw toestellen afgemeld.',
    loginLink: 'Aanmelden',
  },
  fr: {
    verifiedTitle: 'Adresse e-mail confirmée',
    verifiedBody: 'Merci. Votre adresse e-mail est confirmée.',
    alreadyVerifiedTitle: 'Adresse e-mail déjà confirmée',
    alreadyVerifiedBody: 'Votre adresse e-mail était déjà confirmée. Vous n’avez plus rien à faire.',
    linkUsedTitle: 'Ce lien a déjà été utilisé',
    linkExpiredTitle: 'Ce lien a expiré',
    linkInvalidTitle: 'Ce lien ne fonctionne pas',
    linkInvalidBody:
      'Ce lien n’est pas valable. Copiez le lien complet de l’e-mail, ou utilisez le plus récent si nous vous en avons envoyé plusieurs.',
    verifyUsedBody: 'Ce lien de confirmation a déjà été utilisé.',
    verifyExpiredBody:
      'Un lien de confirmation est valable 48 heures, et ne fonctionne plus dès qu’un lien plus récent existe. Connectez-vous et demandez un nouvel e-mail de confirmation sur la page de votre compte.',
    resetUsedBody:
      'Ce lien pour choisir un nouveau mot de passe a déjà été utilisé. Demandez un nouveau lien si nécessaire.',
    resetExpiredBody:
      'Un lien pour choisir un nouveau mot de passe est valable 1 heure, et ne fonctionne plus dès qu’un lien plus récent existe. Demandez un nouveau lien.',
    registerUsedBody: 'Ce lien a déjà été utilisé\u00a0: le compte existe. Connectez-vous.',
    registerExpiredBody:
      'Un lien pour confirmer un nouveau compte est valable 48 heures. Créez à nouveau le compte.',
    changeUsedBody: 'Ce lien pour confirmer votre nouvelle adresse e-mail a déjà été utilisé.',
    changeExpiredBody:
      'Un lien pour confirmer une nouvelle adresse e-mail est valable 24 heures, et ne fonctionne plus dès qu’un lien plus récent existe. Refaites la demande sur la page de votre compte.',
    toAccount: 'Vers mon compte',
    toHome: 'Vers l’accueil',
    newResetLink: 'Demander un nouveau lien',
    registerAgain: 'Créer à nouveau un compte',
    forgotTitle: 'Mot de passe oublié',
    forgotIntro:
      'Indiquez l’adresse e-mail de votre compte. Nous vous envoyons un lien pour choisir un nouveau mot de passe.',
    email: 'Adresse e-mail',
    forgotButton: 'Envoyer le lien',
    forgotSentTitle: 'Consultez votre boîte mail',
    forgotSentBody: (email: string) =>
      `Si un compte existe avec l’adresse ${email}, nous y envoyons maintenant un lien pour choisir un nouveau mot de passe. Le lien est valable 1 heure.`,
    forgotSentHint:
      'Pas reçu d’e-mail\u202f? Vérifiez vos courriers indésirables et l’adresse, ou réessayez dans quelques minutes.',
    resetTitle: 'Choisir un nouveau mot de passe',
    resetIntro:
      'Choisissez un nouveau mot de passe. Vous serez ensuite déconnecté·e partout et vous vous reconnecterez.',
    password: 'Nouveau mot de passe',
    passwordHint: 'Au moins 10 caractères.',
    passwordRepeat: 'Répétez le nouveau mot de passe',
    resetButton: 'Enregistrer le mot de passe',
    resetDoneTitle: 'Votre mot de passe a été modifié',
    resetDoneBody:
      'Connectez-vous avec votre nouveau mot de passe. Vous avez été déconnecté·e de tous vos appareils.',
    loginLink: 'Se connecter',
  },
  en: {
    verifiedTitle: 'E-mail address confirmed',
    verifiedBody: 'Thank you. Your e-mail address is confirmed.',
    alreadyVerifiedTitle: 'E-mail address already confirmed',
    alreadyVerifiedBody: 'Your e-mail address was already confirmed. There is nothing more to do.',
    linkUsedTitle: 'This link has already been used',
    linkExpiredTitle: 'This link has expired',
    linkInvalidTitle: 'This link does not work',
    linkInvalidBody:
      'This link is not valid. Copy the whole link from the e-mail, or use the newest e-mail if we sent you several.',
    verifyUsedBody: 'This confirmation link has already been used.',
    verifyExpiredBody:
      'A confirmation link works for 48 hours, and stops working once there is a newer one. Log in and ask for a new confirmation e-mail on your account page.',
    resetUsedBody:
      'This link to choose a new password has already been used. Ask for a new link if you need one.',
    resetExpiredBody:
      'A link to choose a new password works for 1 hour, and stops working once there is a newer one. Ask for a new link.',
    registerUsedBody: 'This link has already been used: the account exists. Log in.',
    registerExpiredBody: 'A link to confirm a new account works for 48 hours. Create the account again.',
    changeUsedBody: 'This link to confirm your new e-mail address has already been used.',
    changeExpiredBody:
      'A link to confirm a new e-mail address works for 24 hours, and stops working once there is a newer one. Ask for the change again on your account page.',
    toAccount: 'To my account',
    toHome: 'To the home page',
    newResetLink: 'Ask for a new link',
    registerAgain: 'Create an account again',
    forgotTitle: 'Forgot password',
    forgotIntro:
      'Enter the e-mail address of your account. We will send you a link to choose a new password.',
    email: 'E-mail address',
    forgotButton: 'Send link',
    forgotSentTitle: 'Check your mailbox',
    forgotSentBody: (email: string) =>
      `If there is an account with the e-mail address ${email}, we are sending it a link to choose a new password. The link works for 1 hour.`,
    forgotSentHint: 'No e-mail? Check your spam folder and the address, or try again in a few minutes.',
    resetTitle: 'Choose a new password',
    resetIntro: 'Choose a new password. You will then be logged out everywhere and log in again.',
    password: 'New password',
    passwordHint: 'At least 10 characters.',
    passwordRepeat: 'Repeat the new password',
    resetButton: 'Save password',
    resetDoneTitle: 'Your password was changed',
    resetDoneBody: 'Log in with your new password. You have been logged out on all your devices.',
    loginLink: 'Log in',
  },
});
