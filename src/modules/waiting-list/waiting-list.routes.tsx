import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { formValues, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { type Brand, type ProviderLocationId, parseId } from '../../shared/ids.ts';
import { ColumnSettingsPage, type ColumnsNotice } from './waiting-list.columns.views.tsx';
import { attachment, CONTENT_TYPES, exportFileName, toCsv, toXlsx } from './waiting-list.export.ts';
import { ColumnsForm, CustomColumnForm } from './waiting-list.schemas.ts';
import {
  addCustomColumn,
  getColumnSettings,
  getExport,
  getWaitingList,
  removeCustomColumn,
  saveColumnSettings,
  saveDefaultView,
} from './waiting-list.service.ts';
import { WaitingListPage } from './waiting-list.views.tsx';

type CustomColumnId = Brand<string, 'CustomColumnId'>;
type Query = Record<string, string | string[] | undefined>;
type LocationRoute = { Params: { locationId: string }; Querystring: Query };

function locationIdOf(params: { locationId: string }): ProviderLocationId {
  const id = parseId<ProviderLocationId>(params.locationId);
  if (!id) throw new NotFoundError('location');
  return id;
}

/** The waiting list of a location: the list, its export, the user's view and the own columns. */
export function registerWaitingListRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/provider/locations/:locationId/waiting-list';
  const listPath = (id: string) => `/provider/locations/${id}/waiting-list`;

  app.get<LocationRoute>(
    base,
    { config: { action: 'provider.waitingList.read' } },
    async (request, reply) => {
      const list = await getWaitingList(
        deps,
        requireUser(request.user),
        locationIdOf(request.params),
        request.query,
      );
      const ctx = pageContext(request, reply, deps);
      const status = Object.keys(list.errors).length > 0 ? 400 : 200;
      return sendPage(
        reply,
        <WaitingListPage ctx={ctx} list={list} saved={request.query.saved === '1'} />,
        status,
      );
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get<LocationRoute>(
      `${base}/export.${format}`,
      { config: { action: 'provider.waitingList.export' } },
      async (request, reply) => {
        const data = await getExport(
          deps,
          requireUser(request.user),
          locationIdOf(request.params),
          request.query,
          format,
        );
        const body = format === 'csv' ? toCsv(request.lang, data) : await toXlsx(request.lang, data);
        return reply
          .header('content-disposition', attachment(exportFileName(request.lang, data, format)))
          .header('cache-control', 'no-store')
          .type(CONTENT_TYPES[format])
          .send(body);
      },
    );
  }

  app.post<LocationRoute>(
    `${base}/default-view`,
    { config: { action: 'provider.waitingList.configure' } },
    async (request, reply) => {
      const locationId = locationIdOf(request.params);
      const saved = await saveDefaultView(
        deps,
        requireUser(request.user),
        locationId,
        formValues(request.body),
      );
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(saved))
        for (const item of k === 'days' ? v.split(',') : [v]) params.append(k, item);
      params.set('saved', '1');
      return reply.redirect(`${listPath(locationId)}?${params}`, 303);
    },
  );

  app.get<LocationRoute>(
    `${base}/columns`,
    { config: { action: 'provider.waitingList.configure' } },
    async (request, reply) => {
      const data = await getColumnSettings(deps, requireUser(request.user), locationIdOf(request.params));
      const done = request.query.done;
      const notice =
        done === 'saved' || done === 'added' || done === 'deleted' ? (done as ColumnsNotice) : undefined;
      return sendPage(
        reply,
        <ColumnSettingsPage
          ctx={pageContext(request, reply, deps)}
          data={data}
          {...(notice ? { notice } : {})}
        />,
      );
    },
  );

  app.post<LocationRoute>(
    `${base}/columns`,
    { config: { action: 'provider.waitingList.configure' } },
    async (request, reply) => {
      const locationId = locationIdOf(request.params);
      const parsed = ColumnsForm.safeParse(formValues(request.body));
      const input = parsed.success ? parsed.data : { visible: [] };
      await saveColumnSettings(deps, requireUser(request.user), locationId, input);
      // A move keeps the user on the settings page; saving returns to the list.
      const to = input.move ? `${listPath(locationId)}/columns?done=saved` : listPath(locationId);
      return reply.redirect(to, 303);
    },
  );

  app.post<LocationRoute>(
    `${base}/custom-columns`,
    { config: { action: 'provider.settings.edit' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const locationId = locationIdOf(request.params);
      const parsed = parseForm(CustomColumnForm, request.body);
      const result = parsed.ok ? await addCustomColumn(deps, user, locationId, parsed.value) : undefined;
      if (result?.ok) return reply.redirect(`${listPath(locationId)}/columns?done=added`, 303);
      const data = await getColumnSettings(deps, user, locationId);
      const customForm = parsed.ok
        ? { values: formValues(request.body), errors: result?.ok === false ? result.errors : {} }
        : parsed.form;
      return sendPage(
        reply,
        <ColumnSettingsPage ctx={pageContext(request, reply, deps)} data={data} customForm={customForm} />,
        400,
      );
    },
  );

  app.post<{ Params: { locationId: string; columnId: string } }>(
    `${base}/custom-columns/:columnId/delete`,
    { config: { action: 'provider.settings.edit' } },
    async (request, reply) => {
      const locationId = locationIdOf(request.params);
      const columnId = parseId<CustomColumnId>(request.params.columnId);
      if (!columnId) throw new NotFoundError('column');
      await removeCustomColumn(deps, requireUser(request.user), locationId, columnId);
      return reply.redirect(`${listPath(locationId)}/columns?done=deleted`, 303);
    },
  );
}
