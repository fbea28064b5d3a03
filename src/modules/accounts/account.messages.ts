import { defineMessages } from '../../platform/i18n/index.ts';

/** The account page and the forms reached from it. */
export const messages = defineMessages({
  nl: {
    detailsHeading: 'Uw gegevens',
    name: 'Naam',
    email: 'E-mailadres',
    emailVerified: 'bevestigd',
    emailNotVerified: 'nog niet bevestigd',
    password: 'Wachtwoord',
    changeEmailLink: 'E-mailadres wijzigen',
    changePasswordLink: 'Wachtwoord wijzigen',
    languageHeading: 'Taal',
    languageLegend: 'Taal voor e-mails en de website',
    saveLanguage: 'Taal opslaan',
    myDataHeading: 'Mijn gegevens',
    myDataIntro:
      'Bekijk of download alles wat het loket over uw gezin bewaart. Daar kunt u ook uw account verwijderen.',
    myDataLink: 'Mijn gegevens bekijken en downloaden',
    backToAccount: 'Terug naar mijn account',
    verifyNotice:
      'Uw e-mailadres is nog niet bevestigd. Klik op de link in de e-mail die we u stuurden. U kunt het loket intussen gewoon gebruiken.',
    verifyNoticeTitle: 'Bevestig uw e-mailadres',
    verifyResend: 'Stuur de e-mail opnieuw',
    notices: {
      verificationSent: 'We stuurden een nieuwe bevestigingsmail. De vorige link werkt niet meer.',
      verificationThrottled:
        'We stuurden u onlangs al een bevestigingsmail. Kijk ook bij uw ongewenste e-mail, of probeer het over enkele minuten opnieuw.',
      alreadyVerified: 'Uw e-mailadres is al bevestigd.',
      passwordChanged: 'Uw wachtwoord is gewijzigd. Uw andere sessies zijn afgemeld.',
      emailChangeRequested:
        'We stuurden een e-mail naar het nieuwe adres. Uw e-mailadres wijzigt zodra u de link in die e-mail bevestigt.',
      emailChanged: 'Uw e-mailadres is gewijzigd.',
      languageChanged: 'Uw taal is opgeslagen.',
    },
    changeEmailTitle: 'E-mailadres wijzigen',
    changeEmailIntro: (email: string) =>
      `Uw e-mailadres is nu ${email}. We sturen een link naar het nieuwe adres; het adres wijzigt pas als u die link bevestigt. Uw oude adres krijgt een bericht.`,
    newEmail: 'Nieuw e-mailadres',
    currentPassword: 'Uw huidige wachtwoord',
    currentPasswordHint: 'Zo weten we zeker dat u het bent.',
    changeEmailButton: 'Bevestigingslink sturen',
    confirmEmailTitle: 'Nieuw e-mailadres bevestigen',
    confirmEmailIntro: (email: string) => `Wilt u voortaan ${email} gebruiken voor uw account?`,
    confirmEmailButton: 'Ja, dit adres gebruiken',
    emailTakenTitle: 'Dit adres is al in gebruik',
    emailTakenBody:
      'Er bestaat intussen al een ander account met dit e-mailadres. Uw e-mailadres is niet gewijzigd.',
    changePasswordTitle: 'Wachtwoord wijzigen',
    changePasswordIntro: 'Na de wijziging wordt u op uw andere toestellen afgemeld; hier blijft u aangemeld.',
    newPassword: 'Nieuw wachtwoord',
    newPasswordRepeat: 'Herhaal het nieuwe wachtwoord',
    changePasswordButton: 'Wachtwoord wijzigen',
  },
  fr: {
    detailsHeading: 'Vos données',
    name: 'Nom',
    email: 'Adresse e-mail',
    emailVerified: 'confirmée',
    emailNotVerified: 'pas encore confirmée',
    password: 'Mot de passe',
    changeEmailLink: 'Modifier l’adresse e-mail',
    changePasswordLink: 'Modifier le mot de passe',
    languageHeading: 'Langue',
    languageLegend: 'Langue des e-mails et du site',
    saveLanguage: 'Enregistrer la langue',
    myDataHeading: 'Mes données',
    myDataIntro:
      'Consultez ou téléchargez tout ce que le guichet conserve sur votre famille. Vous pouvez aussi y supprimer votre compte.',
    myDataLink: 'Consulter et télécharger mes données',
    backToAccount: 'Retour à mon compte',
    verifyNotice:
      'Votre adresse e-mail n’est pas encore confirmée. Cliquez sur le lien de l’e-mail que nous vous avons envoyé. En attendant, vous pouvez utiliser le guichet normalement.',
    verifyNoticeTitle: 'Confirmez votre adresse e-mail',
    verifyResend: 'Renvoyer l’e-mail',
    notices: {
      verificationSent:
        'Nous avons envoyé un nouvel e-mail de confirmation. Le lien précédent ne fonctionne plus.',
      verificationThrottled:
        'Nous vous avons déjà envoyé un e-mail de confirmation récemment. Vérifiez aussi vos courriers indésirables, ou réessayez dans quelques minutes.',
      alreadyVerified: 'Votre adresse e-mail est déjà confirmée.',
      passwordChanged: 'Votre mot de passe a été modifié. Vos autres sessions ont été déconnectées.',
      emailChangeRequested:
        'Nous avons envoyé un e-mail à la nouvelle adresse. Votre adresse changera dès que vous confirmerez le lien de cet e-mail.',
      emailChanged: 'Votre adresse e-mail a été modifiée.',
      languageChanged: 'Votre langue a été enregistrée.',
    },
    changeEmailTitle: 'Modifier l’adresse e-mail',
    changeEmailIntro: (email: string) =>
      `Votre adresse e-mail est actuellement ${email}. Nous envoyons un lien à la nouvelle adresse\u202f; l’adresse ne change qu’après confirmation de ce lien. Votre ancienne adresse reçoit un message.`,
    newEmail: 'Nouvelle adresse e-mail',
    currentPassword: 'Votre mot de passe actuel',
    currentPasswordHint: 'Pour être sûrs que c’est bien vous.',
    changeEmailButton: 'Envoyer le lien de confirmation',
    confirmEmailTitle: 'Confirmer la nouvelle adresse e-mail',
    confirmEmailIntro: (email: string) => `Voulez-vous désormais utiliser ${email} pour votre compte\u202f?`,
    confirmEmailButton: 'Oui, utiliser cette adresse',
    emailTakenTitle: 'Cette adresse est déjà utilisée',
    emailTakenBody:
      'Un autre compte utilise entre-temps cette adresse e-mail. Votre adresse e-mail n’a pas été modifiée.',
    changePasswordTitle: 'Modifier le mot de passe',
    changePasswordIntro:
      'Après la modification, vos autres appareils sont déconnectés\u202f; ici, vous restez connecté·e.',
    newPassword: 'Nouveau mot de passe',
    newPasswordRepeat: 'Répétez le nouveau mot de passe',
    changePasswordButton: 'Modifier le mot de passe',
  },
  en: {
    detailsHeading: 'Your details',
    name: 'Name',
    email: 'E-mail address',
    emailVerified: 'confirmed',
    emailNotVerified: 'not confirmed yet',
    password: 'Password',
    changeEmailLink: 'Change e-mail address',
    changePasswordLink: 'Change password',
    languageHeading: 'Language',
    languageLegend: 'Language for e-mails and the website',
    saveLanguage: 'Save language',
    myDataHeading: 'My data',
    myDataIntro:
      'View or download everything the desk keeps about your family. That is also where you can delete your account.',
    myDataLink: 'View and download my data',
    backToAccount: 'Back to my account',
    verifyNotice:
      'Your e-mail address is not confirmed yet. Click the link in the e-mail we sent you. Meanwhile you can use the desk as usual.',
    verifyNoticeTitle: 'Confirm your e-mail address',
    verifyResend: 'Send the e-mail again',
    notices: {
      verificationSent: 'We sent a new confirmation e-mail. The previous link no longer works.',
      verificationThrottled:
        'We sent you a confirmation e-mail only recently. Check your spam folder too, or try again in a few minutes.',
      alreadyVerified: 'Your e-mail address is already confirmed.',
      passwordChanged: 'Your password was changed. Your other sessions have been logged out.',
      emailChangeRequested:
        'We sent an e-mail to the new address. Your e-mail address changes as soon as you confirm the link in that e-mail.',
      emailChanged: 'Your e-mail address was changed.',
      languageChanged: 'Your language was saved.',
    },
    changeEmailTitle: 'Change e-mail address',
    changeEmailIntro: (email: string) =>
      `Your e-mail address is now ${email}. We send a link to the new address; the address only changes once you confirm that link. Your old address gets a message.`,
    newEmail: 'New e-mail address',
    currentPassword: 'Your current password',
    currentPasswordHint: 'So that we know it is you.',
    changeEmailButton: 'Send confirmation link',
    confirmEmailTitle: 'Confirm new e-mail address',
    confirmEmailIntro: (email: string) => `Do you want to use ${email} for your account from now on?`,
    confirmEmailButton: 'Yes, use this address',
    emailTakenTitle: 'This address is already in use',
    emailTakenBody: 'Another account now uses this e-mail address. Your e-mail address was not changed.',
    changePasswordTitle: 'Change password',
    changePasswordIntro: 'After the change your other devices are logged out; here you stay logged in.',
    newPassword: 'New password',
    newPasswordRepeat: 'Repeat the new password',
    changePasswordButton: 'Change password',
  },
});

export type AccountNotice = keyof (typeof messages)['nl']['notices'];

export function isAccountNotice(value: unknown): value is AccountNotice {
  return typeof value === 'string' && Object.hasOwn(messages.nl.notices, value);
}
