import type { ComponentChildren } from 'preact';

import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import { childName } from '../families/index.ts';
import {
  type PreferenceEditor as Editor,
  requestMessages as messages,
  type requireOwnRequest,
} from '../requests/index.ts';
import { followUpMessages } from './follow-up.messages.ts';
import type { LocationSearch } from './location-search.ts';
import { CarePlanFields, PreferenceEditor } from './parent-fields.tsx';

type Detail = Awaited<ReturnType<typeof requireOwnRequest>>;

function ChangeFrame(props: {
  ctx: PageContext;
  detail: Detail;
  title: string;
  form: FormState;
  children: ComponentChildren;
}) {
  const { ctx, detail } = props;
  const t = messages[ctx.lang];
  const u = followUpMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={props.title}>
      <p class="ko-caption">{t.requestTitle(childName(detail.child))}</p>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <ErrorSummary lang={ctx.lang} form={props.form} />
      {props.children}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/parent/requests/${detail.request.id}`} data-qa="back-to-request">
          {u.backToRequest}
        </a>
      </p>
    </Layout>
  );
}

export function DatesPage(props: { ctx: PageContext; detail: Detail; form: FormState }) {
  const { ctx, detail } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const u = followUpMessages[lang];
  const { request } = detail;
  const form: FormState = {
    ...props.form,
    values: {
      desiredStart: request.desiredStart,
      desiredEnd: request.desiredEnd ?? '',
      ...props.form.values,
    },
  };
  return (
    <ChangeFrame ctx={ctx} detail={detail} title={u.datesTitle} form={form}>
      <form
        method="post"
        action={`/parent/requests/${request.id}/dates`}
        novalidate
        class="ko-form"
        data-qa="dates-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={lang}
          form={form}
          name="desiredStart"
          type="date"
          label={t.desiredStart}
          hint={t.dateHint}
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="desiredEnd"
          type="date"
          label={t.desiredEnd}
          hint={t.desiredEndHint}
        />
        <SubmitButton qa="save-change">{u.save}</SubmitButton>
      </form>
    </ChangeFrame>
  );
}

/** The care plan of a request as form values. */
export function carePlanValues(request: Detail['request']): Record<string, string | string[]> {
  const plan = request.carePlan;
  return {
    ...Object.fromEntries(WEEKDAYS.map((d) => [`day_${d}`, plan.days[d]])),
    fixed: plan.fixed ? 'fixed' : 'variable',
    hours: [...(plan.early ? ['early'] : []), ...(plan.late ? ['late'] : [])],
    careNeeds: request.careNeeds ? 'yes' : 'no',
    careNeedsText: request.careNeedsText ?? '',
  };
}

export function CarePlanPage(props: { ctx: PageContext; detail: Detail; form: FormState }) {
  const { ctx, detail } = props;
  const u = followUpMessages[ctx.lang];
  const posted = Object.keys(props.form.values).length > 0;
  const form: FormState = {
    ...props.form,
    values: posted ? props.form.values : carePlanValues(detail.request),
  };
  return (
    <ChangeFrame ctx={ctx} detail={detail} title={u.carePlanTitle} form={form}>
      <form
        method="post"
        action={`/parent/requests/${detail.request.id}/care-plan`}
        novalidate
        class="ko-form"
        data-qa="care-plan-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <CarePlanFields lang={ctx.lang} form={form} />
        <SubmitButton qa="save-change">{u.save}</SubmitButton>
      </form>
    </ChangeFrame>
  );
}

/**
 * The preference editor of a filed request with its save and cancel buttons, posting to `action`:
 * the parent's page and the pages on which staff act for the family share it.
 */
export function PreferenceEditing(props: {
  ctx: PageContext;
  editor: Editor;
  search: LocationSearch;
  form: FormState;
  action: string;
  /** What can be done here (all changes, or only removals after a place was accepted). */
  intro: string;
}) {
  const { ctx, editor, action } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const u = followUpMessages[lang];
  return (
    <>
      <p class="utrecht-paragraph">{props.intro}</p>
      {editor.dirty && (
        <div class="utrecht-alert utrecht-alert--warning ko-notice" data-qa="unsaved">
          <p class="utrecht-paragraph">{u.unsaved}</p>
        </div>
      )}
      <PreferenceEditor
        lang={lang}
        csrfToken={ctx.csrfToken}
        action={action}
        searchAction={action}
        entries={editor.entries.map((e) => ({
          key: e.key,
          name: e.name,
          careType: e.careType,
          detail: e.status ? t.preferenceStatuses[e.status] : u.newStatus,
          removable: e.removable,
        }))}
        chosenLocations={editor.entries.map((e) => e.locationId)}
        max={editor.municipality.maxPreferences}
        canReorder={editor.canReorder}
        search={props.search}
        form={props.form}
      />
      <form method="post" action={action} class="ko-form">
        <CsrfField token={ctx.csrfToken} />
        <div class="ko-button-row">
          <SubmitButton name="op" value="save" qa="save-preferences">
            {u.save}
          </SubmitButton>
          <SubmitButton name="op" value="cancel" qa="cancel-preferences" secondary>
            {u.cancel}
          </SubmitButton>
        </div>
      </form>
    </>
  );
}

export function PreferencesPage(props: {
  ctx: PageContext;
  editor: Editor;
  search: LocationSearch;
  form: FormState;
}) {
  const { ctx, editor } = props;
  const u = followUpMessages[ctx.lang];
  return (
    <ChangeFrame ctx={ctx} detail={editor.detail} title={u.preferencesTitle} form={props.form}>
      <PreferenceEditing
        ctx={ctx}
        editor={editor}
        search={props.search}
        form={props.form}
        action={`/parent/requests/${editor.detail.request.id}/preferences`}
        intro={editor.canReorder ? u.preferencesIntro : u.onlyRemove}
      />
    </ChangeFrame>
  );
}
