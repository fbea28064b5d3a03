import { defineMessages, formatDate, LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import { type MailTable, renderMail } from '../../platform/mail/render.tsx';
import type { Recipient } from '../families/index.ts';
import {
  compareOfferWithRequest,
  describeDifference,
  offerPlanMessages,
  planRows,
  type WeeklyPlan,
} from '../requests/index.ts';

/**
 * The mails a parent gets when a provider handles a preference. Each event has a built-in text per
 * language, written as a template with the same placeholders a location (or its municipality) may
 * use in its own text (`mail_templates`): one rendering path for all three sources.
 */
export const TEMPLATE_EVENTS = [
  'offer.made',
  'preference.waiting_list',
  'preference.no_place',
  'preference.no_place_undone',
  'offer.withdrawn',
  'preference.enrolled',
] as const;
export type TemplateEvent = (typeof TEMPLATE_EVENTS)[number];

export function isTemplateEvent(value: unknown): value is TemplateEvent {
  return typeof value === 'string' && (TEMPLATE_EVENTS as readonly string[]).includes(value);
}

export const PLACEHOLDERS = ['child', 'provider', 'startDate', 'deadline', 'reason'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Which placeholders make sense in which mail. */
export const EVENT_PLACEHOLDERS: Record<TemplateEvent, readonly Placeholder[]> = {
  'offer.made': ['child', 'provider', 'startDate', 'deadline'],
  'preference.waiting_list': ['child', 'provider'],
  'preference.no_place': ['child', 'provider', 'reason'],
  'preference.no_place_undone': ['child', 'provider'],
  'offer.withdrawn': ['child', 'provider', 'startDate'],
  'preference.enrolled': ['child', 'provider', 'startDate'],
};

export type MailTemplateText = { subject: string; body: string };
export type TemplateSource = 'location' | 'municipality' | 'builtin';

const frame = defineMessages({
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    signature: 'Met vriendelijke groeten,\nHet Loket Kinderopvang',
    follow: 'Uw aanvraag opvolgen',
  },
  fr: {
    greeting: (name: string) => `Bonjour ${name},`,
    signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
    follow: 'Suivre votre demande',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    signature: 'Kind regards,\nThe Childcare Desk',
    follow: 'Follow your request',
  },
});

/** The built-in texts. Dutch is the reference; the offer text is the one of the first slice. */
export const BUILTIN_TEMPLATES: Record<Language, Record<TemplateEvent, MailTemplateText>> = {
  nl: {
    'offer.made': {
      subject: 'Een plaats voor {child}: antwoord gevraagd',
      body: '{provider} stelt een plaats voor {child} voor, vanaf {startDate}.\n\nLaat ons vóór {deadline} weten of u het voorstel aanvaardt. Zonder antwoord vervalt het voorstel.',
    },
    'preference.waiting_list': {
      subject: '{child} staat op de wachtlijst van {provider}',
      body: '{provider} heeft uw aanvraag voor {child} bekeken en op de wachtlijst gezet.\n\nKomt er een plaats vrij die past, dan krijgt u een voorstel. Uw andere voorkeuren lopen gewoon verder.',
    },
    'preference.no_place': {
      subject: 'Geen plaats voor {child} bij {provider}',
      body: '{provider} heeft helaas geen plaats voor {child}. Reden: {reason}.\n\nUw andere voorkeuren lopen gewoon verder. Het Loket Kinderopvang helpt u graag verder zoeken.',
    },
    'preference.no_place_undone': {
      subject: '{provider} trekt de melding “geen plaats” voor {child} in',
      body: '{provider} meldde eerder dat er geen plaats was voor {child}. Die melding is ingetrokken: uw aanvraag staat weer open bij {provider}.\n\nU hoeft niets te doen.',
    },
    'offer.withdrawn': {
      subject: 'Het voorstel voor {child} is ingetrokken',
      body: '{provider} heeft het voorstel van een plaats voor {child} vanaf {startDate} ingetrokken.\n\nUw kind blijft op de wachtlijst van {provider}, en uw andere voorkeuren lopen verder.',
    },
    'preference.enrolled': {
      subject: '{child} is ingeschreven bij {provider}',
      body: '{provider} bevestigt de inschrijving van {child}, vanaf {startDate}. Welkom!',
    },
  },
  fr: {
    'offer.made': {
      subject: 'Une place pour {child}\u00a0: réponse demandée',
      body: '{provider} vous propose une place pour {child}, à partir du {startDate}.\n\nFaites-nous savoir avant le {deadline} si vous acceptez la proposition. Sans réponse, la proposition expire.',
    },
    'preference.waiting_list': {
      subject: '{child} est sur la liste d’attente de {provider}',
      body: '{provider} a examiné votre demande pour {child} et l’a inscrite sur sa liste d’attente.\n\nSi une place qui convient se libère, vous recevrez une proposition. Vos autres préférences restent ouvertes.',
    },
    'preference.no_place': {
      subject: 'Pas de place pour {child} chez {provider}',
      body: '{provider} n’a malheureusement pas de place pour {child}. Raison\u00a0: {reason}.\n\nVos autres préférences restent ouvertes. Le Guichet Accueil d’enfants vous aide volontiers à chercher.',
    },
    'preference.no_place_undone': {
      subject: '{provider} annule le message «\u00a0pas de place\u00a0» pour {child}',
      body: '{provider} vous avait indiqué ne pas avoir de place pour {child}. Ce message est annulé\u00a0: votre demande est de nouveau ouverte chez {provider}.\n\nVous n’avez rien à faire.',
    },
    'offer.withdrawn': {
      subject: 'La proposition pour {child} a été retirée',
      body: '{provider} a retiré la proposition d’une place pour {child} à partir du {startDate}.\n\nVotre enfant reste sur la liste d’attente de {provider}, et vos autres préférences restent ouvertes.',
    },
    'preference.enrolled': {
      subject: '{child} est inscrit·e chez {provider}',
      body: '{provider} confirme l’inscription de {child}, à partir du {startDate}. Bienvenue\u202f!',
    },
  },
  en: {
    'offer.made': {
      subject: 'A place for {child}: please answer',
      body: '{provider} offers a place for {child}, starting {startDate}.\n\nLet us know before {deadline} whether you accept the offer. Without an answer the offer expires.',
    },
    'preference.waiting_list': {
      subject: '{child} is on the waiting list of {provider}',
      body: '{provider} has looked at your request for {child} and put it on its waiting list.\n\nWhen a suitable place becomes free, you will get an offer. Your other preferences stay open.',
    },
    'preference.no_place': {
      subject: 'No place for {child} at {provider}',
      body: 'Unfortunately {provider} has no place for {child}. Reason: {reason}.\n\nYour other preferences stay open. The Childcare Desk is glad to help you look further.',
    },
    'preference.no_place_undone': {
      subject: '{provider} takes back “no place” for {child}',
      body: '{provider} told you earlier that there was no place for {child}. That message has been taken back: your request is open again at {provider}.\n\nYou need not do anything.',
    },
    'offer.withdrawn': {
      subject: 'The offer for {child} has been withdrawn',
      body: '{provider} has withdrawn the offer of a place for {child} starting {startDate}.\n\nYour child stays on the waiting list of {provider}, and your other preferences stay open.',
    },
    'preference.enrolled': {
      subject: '{child} is enrolled at {provider}',
      body: '{provider} confirms the enrolment of {child}, starting {startDate}. Welcome!',
    },
  },
};

const TOKEN = /\{([^{}]*)\}/g;

/** The `{…}` fields of a text that this event does not know (to refuse them when saving). */
export function unknownPlaceholders(event: TemplateEvent, text: string): string[] {
  const allowed = new Set<string>(EVENT_PLACEHOLDERS[event]);
  return [...text.matchAll(TOKEN)].map((m) => m[1] ?? '').filter((name) => !allowed.has(name));
}

/** Whether every `{` is closed by a `}` before the next `{`, and no `}` stands alone. */
export function bracesBalanced(text: string): boolean {
  let open = false;
  for (const ch of text) {
    if (ch === '{') {
      if (open) return false;
      open = true;
    } else if (ch === '}') {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/**
 * Fills the placeholders with plain-text values. The result is plain text: the HTML body is built
 * from it by the mail renderer, which escapes it, so neither a template nor a value can inject markup.
 */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(TOKEN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as Placeholder] ?? '') : whole,
  );
}

/** Values in the recipient's language: dates written out, the no-place reason in words. */
export type MailFacts = {
  child: string;
  provider: string;
  startDate?: string;
  deadline?: string;
  /** Per language, the reason as the parent should read it. */
  reason?: Record<Language, string>;
  /** An offer's start and weekly plan next to the request's: the mail states the differences. */
  plan?: { requested: WeeklyPlan; offered: WeeklyPlan };
};

/**
 * The offer's plan set against the request's, after the template's text whatever the template
 * says (a location's own text cannot leave it out): the differences in words, then the table.
 * Plain text like the rest: the renderer escapes it.
 */
function planSection(lang: Language, plan: NonNullable<MailFacts['plan']>) {
  const t = offerPlanMessages[lang];
  const differences = compareOfferWithRequest(plan.requested, plan.offered);
  const paragraphs =
    differences.length === 0
      ? [t.matches]
      : [t.differsIntro, ...differences.map((d) => `– ${describeDifference(lang, d)}`)];
  const table: MailTable = {
    caption: t.caption,
    head: [t.dayColumn, t.requested, t.offered],
    rows: planRows(lang, plan.requested, plan.offered).map((r) => [r.label, r.requested, r.offered]),
  };
  return { paragraphs, table };
}

function valuesFor(lang: Language, facts: MailFacts): PlaceholderValues {
  return {
    child: facts.child,
    provider: facts.provider,
    startDate: facts.startDate ? formatDate(lang, facts.startDate) : '',
    deadline: facts.deadline ? formatDate(lang, facts.deadline) : '',
    reason: facts.reason?.[lang] ?? '',
  };
}

export type RenderedMail = { subject: string; text: string; html: string; paragraphs: string[] };

/** The complete mail: greeting, the template's paragraphs, an optional message, link and sign-off. */
export function renderTemplateMail(
  lang: Language,
  template: MailTemplateText,
  facts: MailFacts,
  extra: { greetingName: string; url: string; message?: string | null },
): RenderedMail {
  const values = valuesFor(lang, facts);
  // One line (no header injection), keeping the no-break spaces of French typography.
  const subject = fillTemplate(template.subject, values)
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .trim()
    .slice(0, 200);
  const paragraphs = fillTemplate(template.body, values)
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (extra.message) paragraphs.push(extra.message);
  const plan = facts.plan ? planSection(lang, facts.plan) : undefined;
  if (plan) paragraphs.push(...plan.paragraphs);
  const t = frame[lang];
  const rendered = renderMail(lang, {
    subject,
    greeting: t.greeting(extra.greetingName),
    paragraphs,
    ...(plan ? { table: plan.table } : {}),
    action: { label: t.follow, url: extra.url },
    signature: t.signature,
  });
  return { ...rendered, paragraphs };
}

/** One parent's mail for an event, with the template chosen for the parent's language. */
export function parentMail(
  to: Recipient,
  event: TemplateEvent,
  templates: Record<Language, MailTemplateText>,
  facts: MailFacts,
  extra: { url: string; message?: string | null },
): OutgoingMail {
  const rendered = renderTemplateMail(to.language, templates[to.language], facts, {
    greetingName: to.name,
    ...extra,
  });
  return {
    to: to.email,
    language: to.language,
    template: event,
    familyId: to.familyId,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
  };
}

/** Per language: the location's own text, else the municipality's, else the built-in one. */
export function effectiveTemplates(
  event: TemplateEvent,
  rows: { providerLocationId: string | null; language: Language; subject: string; body: string }[],
): Record<Language, MailTemplateText & { source: TemplateSource }> {
  const out = {} as Record<Language, MailTemplateText & { source: TemplateSource }>;
  for (const lang of LANGUAGES) {
    const own = rows.find((r) => r.language === lang && r.providerLocationId !== null);
    const municipal = rows.find((r) => r.language === lang && r.providerLocationId === null);
    const chosen = own ?? municipal;
    out[lang] = chosen
      ? { subject: chosen.subject, body: chosen.body, source: own ? 'location' : 'municipality' }
      : { ...BUILTIN_TEMPLATES[lang][event], source: 'builtin' };
  }
  return out;
}
