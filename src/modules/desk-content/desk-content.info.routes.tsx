import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { parseInfoPageForm } from './desk-content.info.schemas.ts';
import {
  createInfoPage,
  deleteInfoPage,
  getInfoPage,
  listInfoPages,
  type SaveOutcome,
  updateInfoPage,
} from './desk-content.info.service.ts';
import {
  DeleteInfoPage,
  deleteInfoPath,
  INFO_PATH,
  InfoFormPage,
  type InfoListDone,
  InfoListPage,
  infoPath,
  NEW_INFO_PATH,
  storedInfoValues,
} from './desk-content.info.views.tsx';

type Done = { Querystring: { done?: string } };
type Page = { Params: { infoPageId: string } };

const LIST_DONE: readonly string[] = ['created', 'saved', 'unchanged', 'deleted'] satisfies InfoListDone[];
const listDoneOf = (v: string | undefined): InfoListDone | undefined =>
  v && LIST_DONE.includes(v) ? (v as InfoListDone) : undefined;
const pageDoneOf = (v: string | undefined): SaveOutcome | undefined =>
  v === 'saved' || v === 'unchanged' ? v : undefined;

/**
 * The desk's information pages for its own municipality: the list, one form for a new page and
 * an existing one, and deleting behind a confirmation page. A refused form answers 400 with the
 * page and its messages; a saved one redirects (303). Another municipality's page is not found.
 */
export function registerDeskInfoPageRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<Done>(INFO_PATH, { config: { action: 'desk.content.read' } }, async (request, reply) => {
    const data = await listInfoPages(deps, requireUser(request.user));
    const done = listDoneOf(request.query.done);
    return sendPage(
      reply,
      <InfoListPage ctx={pageContext(request, reply, deps)} {...data} {...(done ? { done } : {})} />,
    );
  });

  app.get(NEW_INFO_PATH, { config: { action: 'desk.content.manage' } }, async (request, reply) => {
    const form = { values: { sortOrder: '10', published: 'yes' }, errors: {} };
    return sendPage(reply, <InfoFormPage ctx={pageContext(request, reply, deps)} form={form} />);
  });

  app.post(NEW_INFO_PATH, { config: { action: 'desk.content.manage' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseInfoPageForm(request.body);
    const refused = (form: Parameters<typeof InfoFormPage>[0]['form']) =>
      sendPage(reply, <InfoFormPage ctx={pageContext(request, reply, deps)} form={form} />, 400);
    if (!parsed.ok) return refused(parsed.form);
    const result = await createInfoPage(deps, user, parsed.value);
    if (!result.ok) return refused(failedForm(request.body, result.errors));
    return reply.redirect(`${INFO_PATH}?done=created`, 303);
  });

  app.get<Page & Done>(
    `${INFO_PATH}/:infoPageId`,
    { config: { action: 'desk.content.read' } },
    async (request, reply) => {
      const page = await getInfoPage(deps, requireUser(request.user), request.params.infoPageId);
      const done = pageDoneOf(request.query.done);
      return sendPage(
        reply,
        <InfoFormPage
          ctx={pageContext(request, reply, deps)}
          form={{ values: storedInfoValues(page), errors: {} }}
          page={page}
          {...(done ? { done } : {})}
        />,
      );
    },
  );

  app.post<Page>(
    `${INFO_PATH}/:infoPageId`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const page = await getInfoPage(deps, user, request.params.infoPageId);
      const parsed = parseInfoPageForm(request.body);
      const refused = (form: Parameters<typeof InfoFormPage>[0]['form']) =>
        sendPage(
          reply,
          <InfoFormPage ctx={pageContext(request, reply, deps)} form={form} page={page} />,
          400,
        );
      if (!parsed.ok) return refused(parsed.form);
      const result = await updateInfoPage(deps, user, page.id, parsed.value);
      if (!result.ok) return refused(failedForm(request.body, result.errors));
      return reply.redirect(`${infoPath(page.id)}?done=${result.value}`, 303);
    },
  );

  app.get<Page>(
    `${INFO_PATH}/:infoPageId/delete`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const page = await getInfoPage(deps, requireUser(request.user), request.params.infoPageId);
      return sendPage(reply, <DeleteInfoPage ctx={pageContext(request, reply, deps)} page={page} />);
    },
  );

  app.post<Page>(
    `${INFO_PATH}/:infoPageId/delete`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const page = await getInfoPage(deps, user, request.params.infoPageId);
      // Without the confirmation page's field (an old form, a crafted request): ask first.
      if (!isConfirmed(request.body)) return reply.redirect(deleteInfoPath(page.id), 303);
      await deleteInfoPage(deps, user, page.id);
      return reply.redirect(`${INFO_PATH}?done=deleted`, 303);
    },
  );
}
