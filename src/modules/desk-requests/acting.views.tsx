import type { ComponentChildren } from 'preact';
import { formatDate } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  emptyForm,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { childName, familyMessages } from '../families/index.ts';
import { CarePlanFields, type LocationSearch, PreferenceEditing } from '../request-journey/index.ts';
import { type PreferenceEditor, requestMessages } from '../requests/index.ts';
import { messages } from './desk-requests.messages.ts';

export type ActingDetail = {
  request: {
    id: string;
    desiredStart: string;
    desiredEnd: string | null;
    carePlan: {
      days: Record<(typeof WEEKDAYS)[number], string>;
      fixed: boolean;
      early: boolean;
      late: boolean;
    };
    careNeeds: boolean;
    careNeedsText: string | null;
  };
  child: { id: string; firstName: string | null; lastName: string; expectedBirthDate: string | null };
};

/** Where the pages of one request live and where "back" goes (the family's page). */
export type ActingLinks = { base: string; back: string };

function Frame(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  title: string;
  form: FormState;
  children: ComponentChildren;
}) {
  const { ctx, detail } = props;
  const t = messages[ctx.lang];
  return (
    <Layout ctx={ctx} title={props.title}>
      <p class="ko-caption">{t.requestOf(childName(detail.child))}</p>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <ErrorSummary lang={ctx.lang} form={props.form} />
      {props.children}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.links.back} data-qa="back-to-family">
          {t.backToFamily}
        </a>
      </p>
    </Layout>
  );
}

function carePlanValues(request: ActingDetail['request']): Record<string, string | string[]> {
  const plan = request.carePlan;
  return {
    ...Object.fromEntries(WEEKDAYS.map((d) => [`day_${d}`, plan.days[d]])),
    fixed: plan.fixed ? 'fixed' : 'variable',
    hours: [...(plan.early ? ['early'] : []), ...(plan.late ? ['late'] : [])],
    careNeeds: request.careNeeds ? 'yes' : 'no',
    careNeedsText: request.careNeedsText ?? '',
  };
}

/** Dates and care plan of the request, each its own form (the family often changes one). */
export function ChangePage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  form: FormState;
  /** Which form was posted (its values and errors are shown there). */
  part?: 'dates' | 'carePlan';
}) {
  const { ctx, detail, links } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const r = requestMessages[lang];
  const { request } = detail;
  const posted = (part: 'dates' | 'carePlan') => props.part === part;
  const datesForm: FormState = posted('dates')
    ? props.form
    : { values: { desiredStart: request.desiredStart, desiredEnd: request.desiredEnd ?? '' }, errors: {} };
  const planForm: FormState = posted('carePlan')
    ? props.form
    : { values: carePlanValues(request), errors: {} };
  return (
    <Frame ctx={ctx} detail={detail} links={links} title={t.changeTitle} form={props.form}>
      <h2 class="utrecht-heading-2">{t.datesHeading}</h2>
      <form method="post" action={`${links.base}/change`} novalidate class="ko-form" data-qa="dates-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="part" value="dates" />
        <TextField
          lang={lang}
          form={datesForm}
          name="desiredStart"
          type="date"
          label={r.desiredStart}
          hint={r.dateHint}
          required
        />
        <TextField
          lang={lang}
          form={datesForm}
          name="desiredEnd"
          type="date"
          label={r.desiredEnd}
          hint={t.desiredEndHint}
        />
        <SubmitButton qa="save-dates">{t.saveDates}</SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t.carePlanHeading}</h2>
      <form method="post" action={`${links.base}/change`} novalidate class="ko-form" data-qa="care-plan-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="part" value="carePlan" />
        <CarePlanFields lang={lang} form={planForm} voice="family" />
        <SubmitButton qa="save-care-plan">{t.saveCarePlan}</SubmitButton>
      </form>
    </Frame>
  );
}

/**
 * The request's preferences as the family asks them changed: the parent's editor (add from the
 * region's locations, move, remove; a working copy saved at once), posting to these pages.
 */
export function PreferencesForFamilyPage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  editor: PreferenceEditor;
  search: LocationSearch;
  form: FormState;
}) {
  const { ctx, detail, links, editor } = props;
  const t = messages[ctx.lang];
  return (
    <Frame ctx={ctx} detail={detail} links={links} title={t.preferencesTitle} form={props.form}>
      <PreferenceEditing
        ctx={ctx}
        editor={editor}
        search={props.search}
        form={props.form}
        action={`${links.base}/preferences`}
        intro={editor.canReorder ? t.preferencesIntro : t.preferencesOnlyRemove}
      />
    </Frame>
  );
}

export function ConfirmRequestPage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  due: string;
  form?: FormState;
}) {
  const { ctx, links } = props;
  const t = messages[ctx.lang];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.confirmTitle}
      nav={<p class="ko-caption">{t.requestOf(childName(props.detail.child))}</p>}
      happens={[t.confirmHappens, t.confirmDue(formatDate(ctx.lang, props.due))]}
      warningLabel={t.cannotUndoLabel}
      action={`${links.base}/confirm`}
      submitLabel={t.confirmSubmit}
      cancel={{ href: links.back, label: t.cancel }}
      form={props.form ?? emptyForm}
      qa="confirm-request"
    />
  );
}

export function WithdrawRequestPage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  form?: FormState;
}) {
  const { ctx, links } = props;
  const t = messages[ctx.lang];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.withdrawTitle}
      nav={<p class="ko-caption">{t.requestOf(childName(props.detail.child))}</p>}
      happens={[t.withdrawHappens]}
      warning={t.cannotUndo}
      warningLabel={t.cannotUndoLabel}
      action={`${links.base}/withdraw`}
      submitLabel={t.withdrawSubmit}
      cancel={{ href: links.back, label: t.cancel }}
      form={props.form ?? emptyForm}
      qa="withdraw-request"
    />
  );
}

export function BirthForFamilyPage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  form: FormState;
}) {
  const { ctx, detail, links } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const f = familyMessages[lang];
  const form: FormState = {
    ...props.form,
    values: {
      childFirstName: detail.child.firstName ?? '',
      childLastName: detail.child.lastName,
      ...props.form.values,
    },
  };
  return (
    <Frame ctx={ctx} detail={detail} links={links} title={t.birthTitle} form={form}>
      {detail.child.expectedBirthDate && (
        <p class="utrecht-paragraph">{f.expectedWas(formatDate(lang, detail.child.expectedBirthDate))}</p>
      )}
      <form method="post" action={`${links.base}/birth`} novalidate class="ko-form" data-qa="birth-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="childFirstName" label={f.childFirstName} required />
        <TextField lang={lang} form={form} name="childLastName" label={f.childLastName} required />
        <TextField
          lang={lang}
          form={form}
          name="birthDate"
          type="date"
          label={f.birthDate}
          hint={f.dateHint}
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="nationalNumber"
          label={f.childNationalNumber}
          hint={f.childNationalNumberHint}
          inputMode="numeric"
          autocomplete="off"
        />
        <SubmitButton qa="save-birth">{t.saveBirth}</SubmitButton>
      </form>
    </Frame>
  );
}

export type OpenOffer = { offerId: string; provider: string; start: string; deadline: string };

/** The pending offers of the request, each with the family's answer. */
export function OfferAnswerPage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  offers: OpenOffer[];
  form: FormState;
  postedOfferId?: string;
}) {
  const { ctx, detail, links } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  return (
    <Frame ctx={ctx} detail={detail} links={links} title={t.offerTitle} form={props.form}>
      {props.offers.length === 0 && <p class="utrecht-paragraph">{t.noOpenOffer}</p>}
      {props.offers.map((o) => {
        const form = props.postedOfferId === o.offerId ? props.form : emptyForm;
        return (
          <section key={o.offerId} class="ko-section" data-qa="offer">
            <h2 class="utrecht-heading-2">{t.offerFrom(o.provider)}</h2>
            <dl class="ko-facts">
              <dt>{t.offerStart}</dt>
              <dd>{formatDate(lang, o.start)}</dd>
              <dt>{t.offerDeadline}</dt>
              <dd>{formatDate(lang, o.deadline)}</dd>
            </dl>
            <form
              method="post"
              action={`${links.base}/offer`}
              novalidate
              class="ko-form"
              data-qa="offer-form"
            >
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="offerId" value={o.offerId} />
              <ChoiceGroup
                lang={lang}
                form={form}
                name="answer"
                legend={t.answer}
                options={[
                  { value: 'accept', label: t.accept },
                  { value: 'decline', label: t.decline },
                ]}
              />
              <ChoiceGroup
                lang={lang}
                form={form}
                name="keepHigher"
                legend={t.keepHigher}
                options={[
                  { value: 'yes', label: t.yes },
                  { value: 'no', label: t.no },
                ]}
              />
              <SubmitButton qa="save-answer">{t.saveAnswer}</SubmitButton>
            </form>
          </section>
        );
      })}
    </Frame>
  );
}

export function DeclineForFamilyPage(props: {
  ctx: PageContext;
  detail: ActingDetail;
  links: ActingLinks;
  offer: OpenOffer;
}) {
  const { ctx, links, offer } = props;
  const t = messages[ctx.lang];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.declineTitle(offer.provider)}
      nav={<p class="ko-caption">{t.requestOf(childName(props.detail.child))}</p>}
      happens={[t.declineHappens(offer.provider)]}
      warning={t.cannotUndo}
      warningLabel={t.cannotUndoLabel}
      action={`${links.base}/offer`}
      submitLabel={t.declineSubmit}
      cancel={{ href: `${links.base}/offer`, label: t.cancel }}
      fields={
        <>
          <input type="hidden" name="offerId" value={offer.offerId} />
          <input type="hidden" name="answer" value="decline" />
        </>
      }
      qa="decline-offer"
    />
  );
}

/**
 * The links to act for the family on one request (on the family's page of the desk or the
 * intermediary): only the actions its status allows.
 */
export function RequestActions(props: {
  lang: keyof typeof messages;
  base: string;
  status: string;
  childBorn: boolean;
  /** A pending offer to answer, and whether these pages answer offers (the desk's do). */
  offerToAnswer?: boolean;
}) {
  const t = messages[props.lang];
  const open = props.status === 'active' || props.status === 'answered';
  if (!open) return null;
  const links: [string, string, string][] = [
    [`${props.base}/change`, t.actChange, 'act-change'],
    [`${props.base}/preferences`, t.actPreferences, 'act-preferences'],
    ...(props.status === 'active'
      ? [[`${props.base}/confirm`, t.actConfirm, 'act-confirm'] as [string, string, string]]
      : []),
    ...(props.offerToAnswer
      ? [[`${props.base}/offer`, t.actOffer, 'act-offer'] as [string, string, string]]
      : []),
    ...(props.childBorn
      ? []
      : [[`${props.base}/birth`, t.actBirth, 'act-birth'] as [string, string, string]]),
    [`${props.base}/withdraw`, t.actWithdraw, 'act-withdraw'],
  ];
  return (
    <ul class="ko-inline-list" aria-label={t.actionsFor} data-qa="request-actions">
      {links.map(([href, label, qa]) => (
        <li key={qa}>
          <a class="utrecht-link" href={href} data-qa={qa}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}
