import { formatNumber } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { TableHead, TableScroll } from '../../platform/views/table-scroll.tsx';
import { Notice, TextArea } from '../provider-locations/index.ts';
import { CONTENT_PATHS, ContentLayout, ContentNavs } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import { NEWS_LANGUAGES } from './desk-content.schemas.ts';
import { sickMessages } from './desk-content.sick.messages.ts';
import type { SickServiceRow } from './desk-content.sick.queries.ts';
import { SICK_TEXTS, sickField } from './desk-content.sick.schemas.ts';
import type { SaveOutcome } from './desk-content.sick.service.ts';

export const SICK_PATH = CONTENT_PATHS.sickChild;
export const NEW_SICK_PATH = `${SICK_PATH}/new`;
export const sickPath = (id: string) => `${SICK_PATH}/${id}`;
export const deleteSickPath = (id: string) => `${SICK_PATH}/${id}/delete`;

export type SickListDone = SaveOutcome | 'created' | 'deleted';

const buttonLink = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';

/** The form's values as stored (what the edit page shows before any submit). */
export function storedSickValues(service: SickServiceRow): FormState['values'] {
  return {
    name: service.name,
    contact: service.contact ?? '',
    phone: service.phone,
    website: service.website ?? '',
    sortOrder: String(service.sortOrder),
    ...Object.fromEntries(
      SICK_TEXTS.flatMap((text) => NEWS_LANGUAGES.map((l) => [sickField(text, l), service[text]?.[l] ?? ''])),
    ),
  };
}

/** The municipality's services in the public site's order, with the translations each lacks. */
export function SickListPage(props: {
  ctx: PageContext;
  municipalityName: string;
  services: SickServiceRow[];
  done?: SickListDone;
}) {
  const { ctx, services } = props;
  const lang = ctx.lang;
  const t = sickMessages[lang];
  const c = contentMessages[lang];
  return (
    <ContentLayout ctx={ctx} title={t.title} section="sickChild">
      <h1 class="utrecht-heading-1">{t.title}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <p class="utrecht-paragraph">{t.intro(props.municipalityName)}</p>
      <p class="utrecht-paragraph">
        <a class={buttonLink} href={NEW_SICK_PATH} data-qa="sick-new">
          {t.newService}
        </a>
      </p>
      {services.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="sick-none">
          {t.noServices}
        </p>
      ) : (
        <TableScroll label={t.title}>
          <table class="utrecht-table ko-table ko-table--compact" data-qa="sick-services">
            <caption class="utrecht-table__caption">{t.count(services.length)}</caption>
            <TableHead heads={[t.colName, t.colPhone, t.colWebsite, t.colOrder]} />
            <tbody class="utrecht-table__body">
              {services.map((service) => {
                // A translation is missing where a text has Dutch but not that language.
                const missing = NEWS_LANGUAGES.filter((l) =>
                  SICK_TEXTS.some((text) => service[text]?.nl && !service[text]?.[l]),
                );
                return (
                  <tr class="utrecht-table__row" key={service.id} data-qa="sick-row">
                    <th scope="row" class="utrecht-table__header-cell">
                      <a class="utrecht-link" href={sickPath(service.id)} data-qa="sick-edit">
                        {service.name}
                      </a>
                      {missing.map((l) => (
                        <span key={l} class="ko-badge ko-badge--warning" data-qa={`sick-missing-${l}`}>
                          {c.translationMissing[l]}
                        </span>
                      ))}
                    </th>
                    <td class="utrecht-table__cell">{service.phone}</td>
                    <td class="utrecht-table__cell">{service.website ?? t.noWebsite}</td>
                    <td class="utrecht-table__cell">{formatNumber(lang, service.sortOrder)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </ContentLayout>
  );
}

/** One form for a new service and an existing one; without JavaScript; a refused form comes back with 400. */
export function SickFormPage(props: {
  ctx: PageContext;
  form: FormState;
  /** Absent for a new service. */
  serviceId?: string;
  done?: SaveOutcome;
}) {
  const { ctx, form, serviceId } = props;
  const lang = ctx.lang;
  const t = sickMessages[lang];
  const c = contentMessages[lang];
  const heading = serviceId ? t.editTitle : t.newTitle;
  const failed = Object.keys(form.errors).length > 0;
  return (
    <ContentLayout ctx={ctx} title={failed ? c.errorTitle(heading) : heading} section="sickChild">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={SICK_PATH} data-qa="sick-back">
          {t.backToList}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{heading}</h1>
      {props.done && <Notice>{t.done[props.done]}</Notice>}
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.formIntro}</p>
      <form
        method="post"
        action={serviceId ? sickPath(serviceId) : NEW_SICK_PATH}
        novalidate
        class="ko-form"
        data-qa="sick-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="utrecht-form-fieldset" data-qa="sick-service">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t.serviceHeading}
          </legend>
          <TextField lang={lang} form={form} name="name" label={t.name} required autocomplete="off" />
          <TextField lang={lang} form={form} name="contact" label={t.contact} autocomplete="off" />
          <TextField
            lang={lang}
            form={form}
            name="phone"
            label={t.phone}
            hint={t.phoneHint}
            type="tel"
            required
            autocomplete="off"
          />
          <TextField
            lang={lang}
            form={form}
            name="website"
            label={t.website}
            hint={t.websiteHint}
            autocomplete="off"
          />
          <TextField
            lang={lang}
            form={form}
            name="sortOrder"
            label={t.order}
            hint={t.orderHint}
            inputMode="numeric"
            required
          />
        </fieldset>
        {NEWS_LANGUAGES.map((l) => (
          <fieldset key={l} class="utrecht-form-fieldset" data-qa={`sick-lang-${l}`}>
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {c.languageHeading[l]}
            </legend>
            {l !== 'nl' && <p class="utrecht-paragraph ko-hint">{t.translationHint}</p>}
            <TextArea
              lang={lang}
              form={form}
              name={sickField('description', l)}
              label={`${t.description} (${c.languageHeading[l]})`}
              hint={t.descriptionHint}
              required={l === 'nl'}
              rows={5}
            />
            <TextField
              lang={lang}
              form={form}
              name={sickField('area', l)}
              label={`${t.area} (${c.languageHeading[l]})`}
              autocomplete="off"
            />
            <TextField
              lang={lang}
              form={form}
              name={sickField('hours', l)}
              label={`${t.hours} (${c.languageHeading[l]})`}
              autocomplete="off"
            />
            <TextArea
              lang={lang}
              form={form}
              name={sickField('conditions', l)}
              label={`${t.conditions} (${c.languageHeading[l]})`}
              rows={3}
            />
          </fieldset>
        ))}
        <SubmitButton qa="sick-save">{serviceId ? t.save : t.create}</SubmitButton>
      </form>
      {serviceId && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={deleteSickPath(serviceId)} data-qa="sick-delete">
            {t.delete}
          </a>
        </p>
      )}
    </ContentLayout>
  );
}

/** Before deleting: what happens, that it cannot be undone, and a way back that does nothing. */
export function DeleteSickPage(props: { ctx: PageContext; service: SickServiceRow }) {
  const { ctx, service } = props;
  const lang = ctx.lang;
  const t = sickMessages[lang];
  return (
    <ConfirmPage
      ctx={ctx}
      title={t.deleteTitle}
      nav={<ContentNavs lang={lang} section="sickChild" />}
      happens={[t.deleteHappens(service.name), t.deleteFromSite]}
      warningLabel={t.deleteWarningLabel}
      warning={t.deleteWarning}
      action={deleteSickPath(service.id)}
      submitLabel={t.deleteConfirm}
      cancel={{ href: sickPath(service.id), label: t.deleteCancel }}
      qa="sick-delete-form"
    />
  );
}
