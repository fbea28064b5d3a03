import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { type ChildRow, familyMessages } from '../families/index.ts';

/** "My child is born": the birth data of a child filed as unborn. */
export function BirthPage(props: { ctx: PageContext; child: ChildRow; form: FormState }) {
  const { ctx, child } = props;
  const lang = ctx.lang;
  const f = familyMessages[lang];
  const t = f;
  const form: FormState = {
    ...props.form,
    values: { childFirstName: child.firstName ?? '', childLastName: child.lastName, ...props.form.values },
  };
  return (
    <Layout ctx={ctx} title={f.birthTitle}>
      <h1 class="utrecht-heading-1">{f.birthTitle}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{f.birthIntro}</p>
      {child.expectedBirthDate && (
        <p class="utrecht-paragraph">{f.expectedWas(formatDate(lang, child.expectedBirthDate))}</p>
      )}
      <form
        method="post"
        action={`/parent/children/${child.id}/birth`}
        novalidate
        class="ko-form"
        data-qa="birth-form"
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField lang={lang} form={form} name="childFirstName" label={t.childFirstName} required />
        <TextField lang={lang} form={form} name="childLastName" label={t.childLastName} required />
        <TextField
          lang={lang}
          form={form}
          name="birthDate"
          type="date"
          label={t.birthDate}
          hint={t.dateHint}
          required
        />
        <TextField
          lang={lang}
          form={form}
          name="nationalNumber"
          label={t.childNationalNumber}
          hint={t.childNationalNumberHint}
          inputMode="numeric"
          autocomplete="off"
        />
        <SubmitButton qa="save-birth">{f.saveBirth}</SubmitButton>
      </form>
    </Layout>
  );
}
