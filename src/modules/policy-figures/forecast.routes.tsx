import type { FastifyInstance } from 'fastify';
import { type CurrentUser, hasRole } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { formValues } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { Language } from '../../platform/i18n/index.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import {
  getBirths,
  type LineError,
  lastBirthsYear,
  parseBirthsCsv,
  parseBirthsForm,
  saveBirths,
} from './births.service.ts';
import { forecastMessages } from './forecast.messages.ts';
import { getForecast } from './forecast.ts';
import { BIRTHS_PATH, BirthsPageView, ForecastSection } from './forecast.views.tsx';
import { graceDefinition } from './grace.ts';
import { messages } from './policy-figures.messages.ts';
import { regionsByIds } from './policy-figures.queries.ts';
import type { Figures } from './policy-figures.service.ts';
import { yearlyPdf } from './yearly.pdf.ts';
import { getYearly } from './yearly.ts';
import { YEARLY_PATH } from './yearly.views.tsx';

type Query = Record<string, string | string[] | undefined>;

/** Figure 10 for the figures page: the forecast from the year of the period's end. */
export async function forecastFor(deps: AppDeps, user: CurrentUser, figures: Figures, lang: Language) {
  const forecast = await getForecast(deps.db, {
    municipalities: figures.counted,
    year: Number(figures.period.to.slice(0, 4)),
    today: deps.clock.today(),
  });
  return <ForecastSection lang={lang} forecast={forecast} canEnterBirths={hasRole(user, 'desk')} />;
}

/**
 * The births the desk enters or imports (figure 10's base) and the yearly registration's PDF.
 * A refused form answers 400 with the page and what is wrong; a saved one redirects (303).
 */
export function registerForecastRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = async (
    request: Parameters<typeof pageContext>[0],
    reply: Parameters<typeof pageContext>[1],
    state: { form?: FormState; importForm?: FormState; lineErrors?: 'empty' | LineError[]; saved?: number },
    status = 200,
  ) => {
    const data = await getBirths(deps, requireUser(request.user));
    return sendPage(
      reply,
      <BirthsPageView
        ctx={pageContext(request, reply, deps)}
        data={data}
        lastYear={lastBirthsYear(deps.clock.today())}
        form={state.form ?? emptyForm}
        importForm={state.importForm ?? emptyForm}
        {...(state.lineErrors ? { lineErrors: state.lineErrors } : {})}
        {...(state.saved !== undefined ? { saved: state.saved } : {})}
      />,
      status,
    );
  };

  app.get<{ Querystring: Query }>(
    BIRTHS_PATH,
    { config: { action: 'figures.births.read' } },
    async (request, reply) => {
      const raw = request.query.saved;
      const saved = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : undefined;
      return page(request, reply, saved !== undefined ? { saved } : {});
    },
  );

  app.post(BIRTHS_PATH, { config: { action: 'figures.births.edit' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseBirthsForm(request.body, deps.clock.today());
    if (!parsed.ok)
      return page(request, reply, { form: { values: parsed.values, errors: parsed.errors } }, 400);
    const saved = await saveBirths(deps, user, [parsed.value]);
    return reply.redirect(`${BIRTHS_PATH}?saved=${saved}`, 303);
  });

  app.post(`${BIRTHS_PATH}/import`, { config: { action: 'figures.births.edit' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const values = formValues(request.body);
    const csv = typeof values.csv === 'string' ? values.csv : '';
    const importForm = { values: { csv }, errors: {} };
    const parsed = parseBirthsCsv(csv.slice(0, 20_000), deps.clock.today());
    if (!parsed.ok) return page(request, reply, { importForm, lineErrors: parsed.lines }, 400);
    if (parsed.value.length === 0) return page(request, reply, { importForm, lineErrors: 'empty' }, 400);
    const saved = await saveBirths(deps, user, parsed.value);
    return reply.redirect(`${BIRTHS_PATH}?saved=${saved}`, 303);
  });

  app.get<{ Querystring: Query }>(
    `${YEARLY_PATH}/export.pdf`,
    { config: { action: 'figures.read' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const yearly = await getYearly(deps, user, request.query);
      if (!yearly.table) return reply.redirect(`${YEARLY_PATH}?${new URLSearchParams(yearly.values)}`, 303);
      const lang = request.lang;
      const t = messages[lang];
      const single = yearly.municipalities.length === 1 ? yearly.municipalities[0] : undefined;
      const regions = single
        ? []
        : await regionsByIds(deps.db, [...new Set(yearly.municipalities.map((m) => m.regionId))]);
      const scope = single?.name ?? regions.map((r) => forecastMessages[lang].pdf.region(r.name)).join(', ');
      const body = await yearlyPdf({
        lang,
        year: yearly.year,
        scope,
        rows: yearly.table.rows,
        ...(yearly.table.rows.length > 1 ? { total: yearly.table.total } : {}),
        definitions: [
          t.definitions.unique,
          ...(yearly.table.rows.length > 1 ? [t.yearly.regionTotalNote] : []),
          graceDefinition(lang, yearly.municipalities),
          yearly.ruleSet
            ? t.yearly.judgedOn(yearly.ruleSet.name[lang] ?? yearly.ruleSet.name.nl)
            : t.definitions.noRuleSet,
          t.suppression,
        ],
        madeOn: deps.clock.today(),
      });
      const name = `${t.yearly.fileName}-${slugOf(single?.name ?? regions[0]?.name ?? 'regio')}-${yearly.year}.pdf`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .send(body);
    },
  );
}

const slugOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'gemeente';
