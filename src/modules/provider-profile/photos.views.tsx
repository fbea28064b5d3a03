import { errorText } from '../../platform/i18n/common.ts';
import { withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PHOTO_MAX_BYTES } from './photo-check.ts';
import type { PhotosData } from './photos.service.ts';
import { DoneNotice, ProfileNav } from './provider-profile.components.tsx';
import { messages } from './provider-profile.messages.ts';
import { TEXT_LANGUAGES } from './provider-profile.schemas.ts';

export type PhotosDone = 'uploaded' | 'photoDeleted' | 'photoMoved';

/**
 * The photos of the profile, in the order parents see them, and the upload form. The form is
 * multipart; its CSRF token is the first field, so it is read before the file.
 */
export function PhotosPage(props: {
  ctx: PageContext;
  data: PhotosData;
  form: FormState;
  done?: PhotosDone;
}) {
  const { ctx, data, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const loc = data.location;
  const base = `/provider/locations/${loc.id}/photos`;
  const photoError = form.errors.photo;
  const full = data.photos.length >= data.max;
  return (
    <Layout ctx={ctx} title={t.photosTitle(loc.name)}>
      <h1 class="utrecht-heading-1">{t.photosTitle(loc.name)}</h1>
      <ProfileNav lang={lang} location={loc} current="photos" />
      <DoneNotice text={props.done ? t[props.done] : undefined} />
      <p class="utrecht-paragraph">{t.photosIntro(data.max, PHOTO_MAX_BYTES / 1024 / 1024)}</p>
      <p class="utrecht-paragraph" data-qa="photo-count">
        {t.photosCount(data.photos.length, data.max)}
      </p>
      {data.photos.length === 0 ? (
        <p class="utrecht-paragraph">{t.noPhotos}</p>
      ) : (
        <ol class="ko-card-list ko-photo-list" data-qa="photos">
          {data.photos.map((photo, i) => (
            <li key={photo.id} class="ko-card ko-photo-card" data-qa="photo">
              <img
                class="ko-photo-thumb"
                src={`/providers/${loc.id}/photos/${photo.id}`}
                alt={photo.alt[lang] ?? photo.alt.nl}
                width={240}
              />
              <p class="utrecht-paragraph">{photo.alt[lang] ?? photo.alt.nl}</p>
              <div class="ko-button-row">
                {i > 0 && (
                  <form method="post" action={`${base}/${photo.id}/move`} class="ko-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="direction" value="up" />
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--secondary-action ko-button--small"
                      aria-label={`${withColon(lang, t.photoActions(i + 1))} ${t.moveUp}`}
                    >
                      {t.moveUp}
                    </button>
                  </form>
                )}
                {i < data.photos.length - 1 && (
                  <form method="post" action={`${base}/${photo.id}/move`} class="ko-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="direction" value="down" />
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--secondary-action ko-button--small"
                      aria-label={`${withColon(lang, t.photoActions(i + 1))} ${t.moveDown}`}
                    >
                      {t.moveDown}
                    </button>
                  </form>
                )}
                <form method="post" action={`${base}/${photo.id}/delete`} class="ko-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action ko-button--small"
                    data-qa="delete-photo"
                    aria-label={`${withColon(lang, t.photoActions(i + 1))} ${t.deletePhoto}`}
                  >
                    {t.deletePhoto}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ol>
      )}
      {!full || photoError ? (
        <>
          <h2 class="utrecht-heading-2">{t.uploadTitle}</h2>
          <ErrorSummary lang={lang} form={form} />
          <form
            method="post"
            action={base}
            enctype="multipart/form-data"
            class="ko-form"
            novalidate
            data-qa="photo-form"
          >
            <CsrfField token={ctx.csrfToken} />
            <div class={`utrecht-form-field ${photoError ? 'utrecht-form-field--invalid' : ''}`}>
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="field-photo">
                  {t.photo}
                </label>
              </div>
              <div class="utrecht-form-field-description" id="hint-photo">
                {t.photoHint}
              </div>
              {photoError && (
                <p class="utrecht-form-field-error-message" id="error-photo">
                  {errorText(lang, photoError)}
                </p>
              )}
              <input
                class="ko-file-input"
                type="file"
                id="field-photo"
                name="photo"
                accept="image/jpeg,image/png,image/webp"
                aria-invalid={photoError ? 'true' : undefined}
                aria-describedby={photoError ? 'hint-photo error-photo' : 'hint-photo'}
              />
            </div>
            {TEXT_LANGUAGES.map((l) => (
              <TextField
                key={l}
                lang={lang}
                form={form}
                name={`alt_${l}`}
                label={`${t.alt} ${t.inLanguage[l]}`}
                hint={l === 'nl' ? t.altHint : undefined}
                required={l === 'nl'}
              />
            ))}
            <SubmitButton qa="upload-photo">{t.upload}</SubmitButton>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
