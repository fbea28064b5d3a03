import { formatDate, withColon } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FormState,
  SubmitButton,
  TextField,
} from '../../platform/views/forms.tsx';
import { FAMILY_FACTS } from '../families/index.ts';
import { messages } from './desk.messages.ts';
import { DeskLayout } from './desk.views.tsx';

export type FactsFamily = { id: string; fileNumber: string; priorityFactsGivenAt: Date | null };

/** The desk records the priority facts a family gives: the ticks and the yearly income. */
export function PriorityFactsPage(props: { ctx: PageContext; family: FactsFamily; form: FormState }) {
  const { ctx, family, form } = props;
  const lang = ctx.lang;
  const t = messages[lang];
  const base = `/desk/families/${family.id}`;
  return (
    <DeskLayout ctx={ctx} title={t.factsTitle(family.fileNumber)}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t.backToFile}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t.factsTitle(family.fileNumber)}</h1>
      <ErrorSummary lang={lang} form={form} />
      <p class="utrecht-paragraph">{t.factsIntro}</p>
      <p class="utrecht-paragraph" data-qa="facts-given">
        {withColon(lang, t.priorityFacts)}{' '}
        {family.priorityFactsGivenAt
          ? t.factsGivenOn(formatDate(lang, family.priorityFactsGivenAt))
          : t.factsNeverDated}
      </p>
      <form method="post" action={`${base}/priority-facts`} novalidate data-qa="facts-form">
        <CsrfField token={ctx.csrfToken} />
        <ChoiceGroup
          lang={lang}
          form={form}
          name="facts"
          legend={t.factsLegend}
          multiple
          options={FAMILY_FACTS.map((f) => ({ value: f, label: t.factLabels[f] }))}
        />
        <TextField
          lang={lang}
          form={form}
          name="yearlyIncome"
          label={t.yearlyIncome}
          hint={t.yearlyIncomeHint}
          inputMode="numeric"
        />
        <SubmitButton qa="save-facts">{t.saveFacts}</SubmitButton>
      </form>
    </DeskLayout>
  );
}
