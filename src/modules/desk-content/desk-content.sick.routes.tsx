import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { isConfirmed } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { parseSickServiceForm } from './desk-content.sick.schemas.ts';
import {
  createSickService,
  deleteSickService,
  getSickService,
  listSickServices,
  type SaveOutcome,
  updateSickService,
} from './desk-content.sick.service.ts';
import {
  DeleteSickPage,
  deleteSickPath,
  NEW_SICK_PATH,
  SICK_PATH,
  SickFormPage,
  type SickListDone,
  SickListPage,
  sickPath,
  storedSickValues,
} from './desk-content.sick.views.tsx';

type Done = { Querystring: { done?: string } };
type Service = { Params: { serviceId: string } };

const LIST_DONE: readonly string[] = ['created', 'saved', 'unchanged', 'deleted'] satisfies SickListDone[];
const listDoneOf = (v: string | undefined): SickListDone | undefined =>
  v && LIST_DONE.includes(v) ? (v as SickListDone) : undefined;
const serviceDoneOf = (v: string | undefined): SaveOutcome | undefined =>
  v === 'saved' || v === 'unchanged' ? v : undefined;

/**
 * The sick-child services listed for the desk's own municipality: the list, one form for a new
 * service and an existing one, and deleting behind a confirmation page. A refused form answers
 * 400 with the page and its messages; a saved one redirects (303). Another municipality's service
 * is not found.
 */
export function registerDeskSickServiceRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<Done>(SICK_PATH, { config: { action: 'desk.content.read' } }, async (request, reply) => {
    const data = await listSickServices(deps, requireUser(request.user));
    const done = listDoneOf(request.query.done);
    return sendPage(
      reply,
      <SickListPage ctx={pageContext(request, reply, deps)} {...data} {...(done ? { done } : {})} />,
    );
  });

  app.get(NEW_SICK_PATH, { config: { action: 'desk.content.manage' } }, async (request, reply) => {
    const form = { values: { sortOrder: '10' }, errors: {} };
    return sendPage(reply, <SickFormPage ctx={pageContext(request, reply, deps)} form={form} />);
  });

  app.post(NEW_SICK_PATH, { config: { action: 'desk.content.manage' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseSickServiceForm(request.body);
    if (!parsed.ok)
      return sendPage(
        reply,
        <SickFormPage ctx={pageContext(request, reply, deps)} form={parsed.form} />,
        400,
      );
    await createSickService(deps, user, parsed.value);
    return reply.redirect(`${SICK_PATH}?done=created`, 303);
  });

  app.get<Service & Done>(
    `${SICK_PATH}/:serviceId`,
    { config: { action: 'desk.content.read' } },
    async (request, reply) => {
      const service = await getSickService(deps, requireUser(request.user), request.params.serviceId);
      const done = serviceDoneOf(request.query.done);
      return sendPage(
        reply,
        <SickFormPage
          ctx={pageContext(request, reply, deps)}
          form={{ values: storedSickValues(service), errors: {} }}
          serviceId={service.id}
          {...(done ? { done } : {})}
        />,
      );
    },
  );

  app.post<Service>(
    `${SICK_PATH}/:serviceId`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const service = await getSickService(deps, user, request.params.serviceId);
      const parsed = parseSickServiceForm(request.body);
      if (!parsed.ok)
        return sendPage(
          reply,
          <SickFormPage ctx={pageContext(request, reply, deps)} form={parsed.form} serviceId={service.id} />,
          400,
        );
      const outcome = await updateSickService(deps, user, service.id, parsed.value);
      return reply.redirect(`${sickPath(service.id)}?done=${outcome}`, 303);
    },
  );

  app.get<Service>(
    `${SICK_PATH}/:serviceId/delete`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const service = await getSickService(deps, requireUser(request.user), request.params.serviceId);
      return sendPage(reply, <DeleteSickPage ctx={pageContext(request, reply, deps)} service={service} />);
    },
  );

  app.post<Service>(
    `${SICK_PATH}/:serviceId/delete`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const service = await getSickService(deps, user, request.params.serviceId);
      // Without the confirmation page's field (an old form, a crafted request): ask first.
      if (!isConfirmed(request.body)) return reply.redirect(deleteSickPath(service.id), 303);
      await deleteSickService(deps, user, service.id);
      return reply.redirect(`${SICK_PATH}?done=deleted`, 303);
    },
  );
}
