import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { forecastFor, registerForecastRoutes } from './forecast.routes.tsx';
import {
  CONTENT_TYPES,
  figuresFileName,
  toCsv,
  toXlsx,
  yearlyCsv,
  yearlyFileName,
  yearlyXlsx,
} from './policy-figures.export.ts';
import { flowGridsOf } from './policy-figures.flows.tables.ts';
import { getFigures } from './policy-figures.service.ts';
import { figureTables } from './policy-figures.tables.ts';
import { FIGURES_PATH, FiguresPage } from './policy-figures.views.tsx';
import { getYearly } from './yearly.ts';
import { YEARLY_PATH, YearlyPage } from './yearly.views.tsx';

type Query = Record<string, string | string[] | undefined>;

/** The figures for local policy: a page for a municipality and period (in the URL), and its files. */
export function registerPolicyFigureRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Querystring: Query }>(
    FIGURES_PATH,
    { config: { action: 'figures.read' } },
    async (request, reply) => {
      const figures = await getFigures(deps, requireUser(request.user), request.query);
      const status = figures.groups ? 200 : 400;
      const forecast = figures.groups
        ? await forecastFor(deps, requireUser(request.user), figures, request.lang)
        : undefined;
      return sendPage(
        reply,
        <FiguresPage ctx={pageContext(request, reply, deps)} figures={figures}>
          {forecast}
        </FiguresPage>,
        status,
      );
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get<{ Querystring: Query }>(
      `${FIGURES_PATH}/export.${format}`,
      { config: { action: 'figures.read' } },
      async (request, reply) => {
        const figures = await getFigures(deps, requireUser(request.user), request.query);
        if (!figures.groups) {
          // A wrong period: the page says what is wrong with it.
          return reply.redirect(`${FIGURES_PATH}?${new URLSearchParams(figures.values).toString()}`, 303);
        }
        const file = {
          lang: request.lang,
          municipality: figures.municipality.name,
          from: figures.period.from,
          to: figures.period.to,
          tables: figureTables(request.lang, {
            groups: figures.groups,
            subMunicipalities: figures.subMunicipalities,
            period: figures.period,
          }),
          ...(figures.flows ? { grids: flowGridsOf(request.lang, figures) } : {}),
        };
        const body = format === 'csv' ? toCsv(file) : await toXlsx(file);
        return reply
          .header('content-disposition', `attachment; filename="${figuresFileName(file, format)}"`)
          .header('cache-control', 'no-store')
          .type(CONTENT_TYPES[format])
          .send(body);
      },
    );
  }

  app.get<{ Querystring: Query }>(
    YEARLY_PATH,
    { config: { action: 'figures.read' } },
    async (request, reply) => {
      const yearly = await getYearly(deps, requireUser(request.user), request.query);
      const thisYear = Number(deps.clock.today().slice(0, 4));
      return sendPage(
        reply,
        <YearlyPage ctx={pageContext(request, reply, deps)} yearly={yearly} thisYear={thisYear} />,
        yearly.table ? 200 : 400,
      );
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get<{ Querystring: Query }>(
      `${YEARLY_PATH}/export.${format}`,
      { config: { action: 'figures.read' } },
      async (request, reply) => {
        const yearly = await getYearly(deps, requireUser(request.user), request.query);
        if (!yearly.table) return reply.redirect(`${YEARLY_PATH}?${new URLSearchParams(yearly.values)}`, 303);
        const file = {
          lang: request.lang,
          year: yearly.year,
          scopeName: yearly.municipalities.length === 1 ? (yearly.municipalities[0]?.name ?? '') : 'regio',
          rows: yearly.table.rows,
          ...(yearly.table.rows.length > 1 ? { total: yearly.table.total } : {}),
        };
        const body = format === 'csv' ? yearlyCsv(file) : await yearlyXlsx(file);
        return reply
          .header('content-disposition', `attachment; filename="${yearlyFileName(file, format)}"`)
          .header('cache-control', 'no-store')
          .type(CONTENT_TYPES[format])
          .send(body);
      },
    );
  }

  registerForecastRoutes(app, deps);
}
