import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { isConfirmed } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { registerDeskInfoPageRoutes } from './desk-content.info.routes.tsx';
import { registerDeskMailTemplateRoutes } from './desk-content.mail.routes.tsx';
import { parseNewsForm } from './desk-content.schemas.ts';
import {
  createNewsItem,
  deleteNewsItem,
  getNewsItem,
  listNews,
  type SaveOutcome,
  updateNewsItem,
} from './desk-content.service.ts';
import { registerDeskSickServiceRoutes } from './desk-content.sick.routes.tsx';
import {
  DeleteNewsPage,
  deletePath,
  itemPath,
  type ListDone,
  NEW_ITEM_PATH,
  NEWS_PATH,
  NewsFormPage,
  NewsListPage,
  storedValues,
} from './desk-content.views.tsx';

type Done = { Querystring: { done?: string } };
type Item = { Params: { newsItemId: string } };

const LIST_DONE: readonly string[] = ['created', 'saved', 'unchanged', 'deleted'] satisfies ListDone[];
const listDoneOf = (v: string | undefined): ListDone | undefined =>
  v && LIST_DONE.includes(v) ? (v as ListDone) : undefined;
const itemDoneOf = (v: string | undefined): SaveOutcome | undefined =>
  v === 'saved' || v === 'unchanged' ? v : undefined;

/**
 * The desk's news items for its own municipality: the list, one form for a new item and an
 * existing one, and deleting behind a confirmation page. A refused form answers 400 with the page
 * and its messages; a saved one redirects (303). Another municipality's item is not found (404).
 */
export function registerDeskContentRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerDeskMailTemplateRoutes(app, deps);
  registerDeskInfoPageRoutes(app, deps);
  registerDeskSickServiceRoutes(app, deps);
  app.get<Done>(NEWS_PATH, { config: { action: 'desk.content.read' } }, async (request, reply) => {
    const data = await listNews(deps, requireUser(request.user));
    const done = listDoneOf(request.query.done);
    return sendPage(
      reply,
      <NewsListPage ctx={pageContext(request, reply, deps)} {...data} {...(done ? { done } : {})} />,
    );
  });

  app.get(NEW_ITEM_PATH, { config: { action: 'desk.content.manage' } }, async (request, reply) => {
    const form = { values: { publishFrom: deps.clock.today() }, errors: {} };
    return sendPage(reply, <NewsFormPage ctx={pageContext(request, reply, deps)} form={form} />);
  });

  app.post(NEW_ITEM_PATH, { config: { action: 'desk.content.manage' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const parsed = parseNewsForm(request.body);
    if (!parsed.ok)
      return sendPage(
        reply,
        <NewsFormPage ctx={pageContext(request, reply, deps)} form={parsed.form} />,
        400,
      );
    await createNewsItem(deps, user, parsed.value);
    return reply.redirect(`${NEWS_PATH}?done=created`, 303);
  });

  app.get<Item & Done>(
    `${NEWS_PATH}/:newsItemId`,
    { config: { action: 'desk.content.read' } },
    async (request, reply) => {
      const item = await getNewsItem(deps, requireUser(request.user), request.params.newsItemId);
      const done = itemDoneOf(request.query.done);
      return sendPage(
        reply,
        <NewsFormPage
          ctx={pageContext(request, reply, deps)}
          form={{ values: storedValues(item), errors: {} }}
          itemId={item.id}
          {...(done ? { done } : {})}
        />,
      );
    },
  );

  app.post<Item>(
    `${NEWS_PATH}/:newsItemId`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const item = await getNewsItem(deps, user, request.params.newsItemId);
      const parsed = parseNewsForm(request.body);
      if (!parsed.ok)
        return sendPage(
          reply,
          <NewsFormPage ctx={pageContext(request, reply, deps)} form={parsed.form} itemId={item.id} />,
          400,
        );
      const outcome = await updateNewsItem(deps, user, item.id, parsed.value);
      return reply.redirect(`${itemPath(item.id)}?done=${outcome}`, 303);
    },
  );

  app.get<Item>(
    `${NEWS_PATH}/:newsItemId/delete`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const item = await getNewsItem(deps, requireUser(request.user), request.params.newsItemId);
      return sendPage(reply, <DeleteNewsPage ctx={pageContext(request, reply, deps)} item={item} />);
    },
  );

  app.post<Item>(
    `${NEWS_PATH}/:newsItemId/delete`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const item = await getNewsItem(deps, user, request.params.newsItemId);
      // Without the confirmation page's field (an old form, a crafted request): ask first.
      if (!isConfirmed(request.body)) return reply.redirect(deletePath(item.id), 303);
      await deleteNewsItem(deps, user, item.id);
      return reply.redirect(`${NEWS_PATH}?done=deleted`, 303);
    },
  );
}
