import { defineMessages, type Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { inLanguage, type MailContent, renderMail } from '../../platform/mail/render.tsx';

/** The e-mails about the account itself, in the account's language. */
const texts = defineMessages({
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
    registerSubject: 'Bevestig uw nieuwe account',
    register:
      'U vroeg een account aan bij het Loket Kinderopvang met dit e-mailadres. Open de link hieronder en vul het wachtwoord in dat u koos: dan bestaat uw account. De link is 48 uur geldig.',
    registerIgnore:
      'Vroeg u geen account aan? Dan mag u deze e-mail negeren: er wordt geen account aangemaakt.',
    registerAction: 'Account bevestigen',
    attemptSubject: 'Iemand probeerde een account aan te maken met uw e-mailadres',
    attempt:
      'Iemand probeerde zonet een nieuw account aan te maken bij het Loket Kinderopvang met dit e-mailadres. Er bestaat al een account met dit adres, dus er is niets veranderd.',
    attemptYou: (forgotUrl: string) =>
      `Was u het zelf? Meld u dan aan met uw bestaande account via de link hieronder. Wachtwoord vergeten? Kies een nieuw wachtwoord via ${forgotUrl}`,
    attemptNotYou: 'Was u het niet? Dan hoeft u niets te doen.',
    loginAction: 'Aanmelden',
    verifySubject: 'Bevestig uw e-mailadres',
    verify:
      'U maakte een account aan bij het Loket Kinderopvang. Bevestig uw e-mailadres met de link hieronder. De link is 48 uur geldig.',
    verifyIgnore: 'Hebt u geen account aangemaakt? Dan mag u deze e-mail negeren.',
    verifyAction: 'E-mailadres bevestigen',
    resetSubject: 'Kies een nieuw wachtwoord',
    reset:
      'U vroeg een nieuw wachtwoord aan. Kies een nieuw wachtwoord met de link hieronder. De link is 1 uur geldig en werkt één keer.',
    resetIgnore:
      'Vroeg u geen nieuw wachtwoord aan? Dan mag u deze e-mail negeren: uw wachtwoord blijft hetzelfde.',
    resetAction: 'Nieuw wachtwoord kiezen',
    changeEmailSubject: 'Bevestig uw nieuwe e-mailadres',
    changeEmail: (email: string) =>
      `U vroeg om voortaan ${email} te gebruiken voor uw account bij het Loket Kinderopvang. Bevestig dit met de link hieronder; meld u aan als daarom gevraagd wordt. De link is 24 uur geldig.`,
    changeEmailIgnore: 'Vroeg u dit niet? Dan mag u deze e-mail negeren; er verandert niets.',
    changeEmailAction: 'Nieuw e-mailadres bevestigen',
    changeEmailNoticeSubject: 'Uw e-mailadres wordt gewijzigd',
    changeEmailNotice: (email: string) =>
      `Iemand die op uw account was aangemeld, vroeg om het e-mailadres van uw account te wijzigen naar ${email}. Het adres verandert pas als die wijziging vanuit de nieuwe mailbox bevestigd wordt.`,
    notYou:
      'Was u dit niet? Kies dan meteen een nieuw wachtwoord via “Wachtwoord vergeten” en neem contact op met het loket.',
    forgotAction: 'Wachtwoord vergeten',
    passwordChangedSubject: 'Uw wachtwoord is gewijzigd',
    passwordChanged: 'Het wachtwoord van uw account is zonet gewijzigd. Uw andere sessies zijn afgemeld.',
  },
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
    registerSubject: 'Confirmez votre nouveau compte',
    register:
      'Vous avez demandé un compte au Guichet Accueil d’enfants avec cette adresse e-mail. Ouvrez le lien ci-dessous et saisissez le mot de passe choisi\u00a0: votre compte sera alors créé. Le lien est valable 48 heures.',
    registerIgnore:
      'Vous n’avez pas demandé de compte\u202f? Vous pouvez ignorer cet e-mail\u00a0: aucun compte ne sera créé.',
    registerAction: 'Confirmer le compte',
    attemptSubject: 'Quelqu’un a essayé de créer un compte avec votre adresse e-mail',
    attempt:
      'Quelqu’un vient d’essayer de créer un nouveau compte au Guichet Accueil d’enfants avec cette adresse e-mail. Un compte existe déjà avec cette adresse\u00a0: rien n’a changé.',
    attemptYou: (forgotUrl: string) =>
      `C’était vous\u202f? Connectez-vous avec votre compte existant via le lien ci-dessous. Mot de passe oublié\u202f? Choisissez-en un nouveau via ${forgotUrl}`,
    attemptNotYou: 'Ce n’était pas vous\u202f? Vous n’avez rien à faire.',
    loginAction: 'Se connecter',
    verifySubject: 'Confirmez votre adresse e-mail',
    verify:
      'Vous avez créé un compte au Guichet Accueil d’enfants. Confirmez votre adresse e-mail avec le lien ci-dessous. Le lien est valable 48 heures.',
    verifyIgnore: 'Vous n’avez pas créé de compte\u202f? Vous pouvez ignorer cet e-mail.',
    verifyAction: 'Confirmer l’adresse e-mail',
    resetSubject: 'Choisissez un nouveau mot de passe',
    reset:
      'Vous avez demandé un nouveau mot de passe. Choisissez-le avec le lien ci-dessous. Le lien est valable 1 heure et ne fonctionne qu’une fois.',
    resetIgnore:
      'Vous n’avez pas demandé de nouveau mot de passe\u202f? Vous pouvez ignorer cet e-mail\u00a0: votre mot de passe ne change pas.',
    resetAction: 'Choisir un nouveau mot de passe',
    changeEmailSubject: 'Confirmez votre nouvelle adresse e-mail',
    changeEmail: (email: string) =>
      `Vous avez demandé d’utiliser désormais ${email} pour votre compte au Guichet Accueil d’enfants. Confirmez-le avec le lien ci-dessous\u202f; connectez-vous si cela vous est demandé. Le lien est valable 24 heures.`,
    changeEmailIgnore:
      'Vous n’avez rien demandé\u202f? Vous pouvez ignorer cet e-mail\u202f; rien ne change.',
    changeEmailAction: 'Confirmer la nouvelle adresse',
    changeEmailNoticeSubject: 'Votre adresse e-mail va changer',
    changeEmailNotice: (email: string) =>
      `Une personne connectée à votre compte a demandé de remplacer l’adresse e-mail du compte par ${email}. L’adresse ne change qu’une fois la modification confirmée depuis la nouvelle boîte mail.`,
    notYou:
      'Ce n’était pas vous\u202f? Choisissez immédiatement un nouveau mot de passe via «\u00a0Mot de passe oublié\u00a0» et contactez le guichet.',
    forgotAction: 'Mot de passe oublié',
    passwordChangedSubject: 'Votre mot de passe a été modifié',
    passwordChanged:
      'Le mot de passe de votre compte vient d’être modifié. Vos autres sessions ont été déconnectées.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    signature: 'Kind regards,\nThe Childcare Desk',
    registerSubject: 'Confirm your new account',
    register:
      'You asked for an account at the Childcare Desk with this e-mail address. Open the link below and enter the password you chose: your account then exists. The link works for 48 hours.',
    registerIgnore: 'Did you not ask for an account? Then you can ignore this e-mail: no account is created.',
    registerAction: 'Confirm account',
    attemptSubject: 'Someone tried to create an account with your e-mail address',
    attempt:
      'Someone just tried to create a new account at the Childcare Desk with this e-mail address. An account with this address already exists, so nothing has changed.',
    attemptYou: (forgotUrl: string) =>
      `Was it you? Then log in with your existing account through the link below. Forgot your password? Choose a new one at ${forgotUrl}`,
    attemptNotYou: 'Was it not you? Then you need not do anything.',
    loginAction: 'Log in',
    verifySubject: 'Confirm your e-mail address',
    verify:
      'You created an account at the Childcare Desk. Confirm your e-mail address with the link below. The link works for 48 hours.',
    verifyIgnore: 'Did you not create an account? Then you can ignore this e-mail.',
    verifyAction: 'Confirm e-mail address',
    resetSubject: 'Choose a new password',
    reset:
      'You asked for a new password. Choose one with the link below. The link works for 1 hour, and only once.',
    resetIgnore:
      'Did you not ask for a new password? Then you can ignore this e-mail: your password stays the same.',
    resetAction: 'Choose a new password',
    changeEmailSubject: 'Confirm your new e-mail address',
    changeEmail: (email: string) =>
      `You asked to use ${email} for your account at the Childcare Desk from now on. Confirm this with the link below; log in if you are asked to. The link works for 24 hours.`,
    changeEmailIgnore: 'Did you not ask for this? Then you can ignore this e-mail; nothing changes.',
    changeEmailAction: 'Confirm new e-mail address',
    changeEmailNoticeSubject: 'Your e-mail address is being changed',
    changeEmailNotice: (email: string) =>
      `Someone logged in to your account asked to change its e-mail address to ${email}. The address only changes once the change is confirmed from the new mailbox.`,
    notYou:
      'Was this not you? Then choose a new password right away through “Forgot password” and contact the desk.',
    forgotAction: 'Forgot password',
    passwordChangedSubject: 'Your password was changed',
    passwordChanged:
      'The password of your account was just changed. Your other sessions have been logged out.',
  },
});

export type AccountRecipient = { email: string; name: string; language: Language };

function mail(
  to: AccountRecipient,
  template: string,
  content: Omit<MailContent, 'greeting' | 'signature'>,
): OutgoingMail {
  const t = texts[to.language];
  const rendered = renderMail(to.language, {
    ...content,
    greeting: t.greeting(to.name),
    signature: t.signature,
  });
  return { to: to.email, language: to.language, template, ...rendered };
}

/** The mail carries a link that acts as a password: its body is erased once delivered. */
const withOneTimeLink = (m: OutgoingMail): OutgoingMail => ({ ...m, oneTimeLink: true });

export function verifyEmailMail(to: AccountRecipient, url: string): OutgoingMail {
  const t = texts[to.language];
  return withOneTimeLink(
    mail(to, 'account.verify_email', {
      subject: t.verifySubject,
      paragraphs: [t.verify, t.verifyIgnore],
      action: { label: t.verifyAction, url },
    }),
  );
}

export function resetPasswordMail(to: AccountRecipient, url: string): OutgoingMail {
  const t = texts[to.language];
  return withOneTimeLink(
    mail(to, 'account.reset_password', {
      subject: t.resetSubject,
      paragraphs: [t.reset, t.resetIgnore],
      action: { label: t.resetAction, url },
    }),
  );
}

/** To the new address: the link that makes the change. */
export function confirmEmailChangeMail(to: AccountRecipient, url: string): OutgoingMail {
  const t = texts[to.language];
  return withOneTimeLink(
    mail(to, 'account.change_email', {
      subject: t.changeEmailSubject,
      paragraphs: [t.changeEmail(to.email), t.changeEmailIgnore],
      action: { label: t.changeEmailAction, url },
    }),
  );
}

/** To the old address: what is about to happen, and what to do if it was not the owner. */
export function emailChangeNoticeMail(
  to: AccountRecipient,
  p: { newEmail: string; forgotUrl: string },
): OutgoingMail {
  const t = texts[to.language];
  return mail(to, 'account.change_email_notice', {
    subject: t.changeEmailNoticeSubject,
    paragraphs: [t.changeEmailNotice(p.newEmail), t.notYou],
    action: { label: t.forgotAction, url: p.forgotUrl },
  });
}

export function passwordChangedMail(to: AccountRecipient, forgotUrl: string): OutgoingMail {
  const t = texts[to.language];
  return mail(to, 'account.password_changed', {
    subject: t.passwordChangedSubject,
    paragraphs: [t.passwordChanged, t.notYou],
    action: { label: t.forgotAction, url: forgotUrl },
  });
}

/** After a registration: the link that creates the account (with the password chosen then). */
export function confirmRegistrationMail(to: AccountRecipient, url: string): OutgoingMail {
  const t = texts[to.language];
  return withOneTimeLink(
    mail(to, 'account.confirm_registration', {
      subject: t.registerSubject,
      paragraphs: [t.register, t.registerIgnore],
      action: { label: t.registerAction, url },
    }),
  );
}

/**
 * To the owner of an address someone tried to register again: the registration page itself says
 * only that a mail was sent, so it reveals nothing about which addresses have an account.
 */
export function registrationAttemptMail(
  to: AccountRecipient,
  p: { loginUrl: string; forgotUrl: string },
): OutgoingMail {
  const t = texts[to.language];
  return mail(to, 'account.registration_attempt', {
    subject: t.attemptSubject,
    paragraphs: [t.attempt, t.attemptYou(inLanguage(p.forgotUrl, to.language)), t.attemptNotYou],
    action: { label: t.loginAction, url: p.loginUrl },
  });
}
