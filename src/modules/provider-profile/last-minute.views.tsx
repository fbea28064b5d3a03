import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { TableScroll } from '../../platform/views/table-scroll.tsx';
import { WEEKDAYS } from '../../shared/dates.ts';
import type { LastMinuteData } from './last-minute.service.ts';
import { AgeRangeFields, DoneNotice, ProfileNav } from './provider-profile.components.tsx';
import { messages } from './provider-profile.messages.ts';
import { TEXT_LANGUAGES } from './provider-profile.schemas.ts';

export type LastMinuteDone = 'published' | 'withdrawn';

export function LastMinutePage(props: {
  ctx: PageContext;
  data: LastMinuteData;
  form: FormState;
  done?: LastMinuteDone;
}) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const loc = data.location;
  const base = `/provider/locations/${loc.id}/last-minute`;
  return (
    <Layout ctx={ctx} title={t.lastMinuteTitle(loc.name)}>
      <h1 class="utrecht-heading-1">{t.lastMinuteTitle(loc.name)}</h1>
      <ProfileNav lang={lang} location={loc} current="lastMinute" />
      <DoneNotice text={props.done ? t[props.done] : undefined} />
      <p class="utrecht-paragraph">{t.lastMinuteIntro}</p>
      <h2 class="utrecht-heading-2">{t.currentPlaces}</h2>
      {data.places.length === 0 ? (
        <p class="utrecht-paragraph" data-qa="no-places">
          {t.noPlaces}
        </p>
      ) : (
        <TableScroll label={t.currentPlaces}>
          <table class="utrecht-table ko-table" data-qa="own-places">
            <caption class="ko-visually-hidden">{t.currentPlaces}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t.period}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.weekdays}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.ageRange}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.note}
                </th>
                <td class="utrecht-table__header-cell" />
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {data.places.map((p) => {
                const from = formatDate(lang, p.availableFrom);
                const until = formatDate(lang, p.availableUntil);
                return (
                  <tr class="utrecht-table__row" key={p.id} data-qa="own-place">
                    <td class="utrecht-table__cell">
                      {from} – {until}
                    </td>
                    <td class="utrecht-table__cell">
                      {p.days.map((d) => t.weekdayNames[d as keyof typeof t.weekdayNames] ?? d).join(', ')}
                    </td>
                    <td class="utrecht-table__cell">{t.months(p.minAgeMonths, p.maxAgeMonths)}</td>
                    <td class="utrecht-table__cell">{p.note ? (p.note[lang] ?? p.note.nl) : ''}</td>
                    <td class="utrecht-table__cell">
                      <form method="post" action={`${base}/${p.id}/withdraw`} class="ko-inline-form">
                        <CsrfField token={ctx.csrfToken} />
                        <button
                          type="submit"
                          class="utrecht-button utrecht-button--secondary-action ko-button--small"
                          aria-label={t.withdrawPlace(from, until)}
                          data-qa="withdraw-place"
                        >
                          {t.withdraw}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/last-minute">
          {t.seePublic}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{t.publishTitle}</h2>
      <ErrorSummary lang={lang} form={form} />
      <form method="post" action={base} class="ko-form" novalidate data-qa="last-minute-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          lang={lang}
          form={form}
          name="availableFrom"
          label={t.availableFrom}
          type="date"
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="availableUntil"
          label={t.availableUntil}
          type="date"
          required
        />
        <ChoiceGroup
          lang={lang}
          form={form}
          name="days"
          legend={t.placeDays}
          multiple
          required
          options={WEEKDAYS.map((d) => ({ value: d, label: t.weekdayNames[d] }))}
        />
        <AgeRangeFields lang={lang} form={form} />
        {TEXT_LANGUAGES.map((l) => (
          <TextField
            key={l}
            lang={lang}
            form={form}
            name={`note_${l}`}
            label={`${t.note} ${t.inLanguage[l]}`}
          />
        ))}
        <SubmitButton qa="publish-place">{t.publish}</SubmitButton>
      </form>
    </Layout>
  );
}
