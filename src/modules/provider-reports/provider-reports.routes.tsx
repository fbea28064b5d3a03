import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { type ProviderLocationId, parseId } from '../../shared/ids.ts';
import { CONTENT_TYPES, reportFileName, toCsv, toXlsx } from './provider-reports.export.ts';
import { getReport } from './provider-reports.service.ts';
import { reportTables } from './provider-reports.tables.ts';
import { ReportsPage, reportsPath } from './provider-reports.views.tsx';

type Query = Record<string, string | string[] | undefined>;
type LocationRoute = { Params: { locationId: string }; Querystring: Query };

function locationIdOf(params: { locationId: string }): ProviderLocationId {
  const id = parseId<ProviderLocationId>(params.locationId);
  if (!id) throw new NotFoundError('location');
  return id;
}

/** A location's reports for a period (in the URL, so bookmarkable), on screen and as CSV/XLSX. */
export function registerProviderReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/provider/locations/:locationId/reports';

  app.get<LocationRoute>(base, { config: { action: 'provider.reports.read' } }, async (request, reply) => {
    const report = await getReport(
      deps,
      requireUser(request.user),
      locationIdOf(request.params),
      request.query,
    );
    const status = report.figures ? 200 : 400;
    return sendPage(reply, <ReportsPage ctx={pageContext(request, reply, deps)} report={report} />, status);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get<LocationRoute>(
      `${base}/export.${format}`,
      { config: { action: 'provider.reports.read' } },
      async (request, reply) => {
        const locationId = locationIdOf(request.params);
        const report = await getReport(deps, requireUser(request.user), locationId, request.query);
        if (!report.figures) {
          // A wrong period: the page says what is wrong with it.
          const query = new URLSearchParams(report.values).toString();
          return reply.redirect(`${reportsPath(locationId)}?${query}`, 303);
        }
        const file = {
          lang: request.lang,
          locationName: report.location.name,
          from: report.period.from,
          to: report.period.to,
          tables: reportTables(request.lang, report.figures, report.location.firstAnswerDays),
        };
        const body = format === 'csv' ? toCsv(file) : await toXlsx(file);
        return reply
          .header('content-disposition', `attachment; filename="${reportFileName(file, format)}"`)
          .header('cache-control', 'no-store')
          .type(CONTENT_TYPES[format])
          .send(body);
      },
    );
  }
}
