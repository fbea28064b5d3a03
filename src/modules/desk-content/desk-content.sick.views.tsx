import { formatNumber } from '../../platform/i18n/index.ts';
import { ConfirmPage } from '../../platform/views/confirm.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { type FormState, TextField } from '../../platform/views/forms.tsx';
import { TextArea } from '../provider-locations/index.ts';
import {
  ContentFieldset,
  ContentForm,
  ContentList,
  ContentRowHead,
  LanguageFieldset,
} from './desk-content.frames.tsx';
import { CONTENT_PATHS, ContentNavs } from './desk-content.layout.tsx';
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
  return (
    <ContentList
      ctx={ctx}
      section="sickChild"
      qa="sick"
      title={t.title}
      notice={props.done && t.done[props.done]}
      intro={t.intro(props.municipalityName)}
      newHref={NEW_SICK_PATH}
      newLabel={t.newService}
      none={t.noServices}
      tableQa="sick-services"
      count={services.length}
      caption={t.count(services.length)}
      heads={[t.colName, t.colPhone, t.colWebsite, t.colOrder]}
    >
      {services.map((service) => (
        <tr class="utrecht-table__row" key={service.id} data-qa="sick-row">
          <ContentRowHead
            lang={lang}
            qa="sick"
            href={sickPath(service.id)}
            // A translation is missing where a text has Dutch but not that language.
            missing={NEWS_LANGUAGES.filter((l) =>
              SICK_TEXTS.some((text) => service[text]?.nl && !service[text]?.[l]),
            )}
          >
            {service.name}
          </ContentRowHead>
          <td class="utrecht-table__cell">{service.phone}</td>
          <td class="utrecht-table__cell">{service.website ?? t.noWebsite}</td>
          <td class="utrecht-table__cell">{formatNumber(lang, service.sortOrder)}</td>
        </tr>
      ))}
    </ContentList>
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
  return (
    <ContentForm
      ctx={ctx}
      section="sickChild"
      qa="sick"
      form={form}
      heading={serviceId ? t.editTitle : t.newTitle}
      backHref={SICK_PATH}
      backLabel={t.backToList}
      notice={props.done && t.done[props.done]}
      intro={t.formIntro}
      action={serviceId ? sickPath(serviceId) : NEW_SICK_PATH}
      submitLabel={serviceId ? t.save : t.create}
      deleteHref={serviceId && deleteSickPath(serviceId)}
      deleteLabel={t.delete}
    >
      <ContentFieldset qa="sick-service" legend={t.serviceHeading}>
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
      </ContentFieldset>
      {NEWS_LANGUAGES.map((l) => (
        <LanguageFieldset key={l} lang={lang} language={l} qa="sick" hint={t.translationHint}>
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
        </LanguageFieldset>
      ))}
    </ContentForm>
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
