import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { clearSessionCookie } from '../accounts/index.ts';
import { deleteAccount } from './delete-account.service.ts';
import { messages } from './my-data.messages.ts';
import { DeleteAccountForm } from './my-data.schemas.ts';
import { buildMyDataExport } from './my-data.service.ts';
import { DeleteAccountPage, MyDataPage } from './my-data.views.tsx';

/** The parent's own data: read it, download it, or delete the account. */
export function registerMyDataRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/parent/my-data', { config: { action: 'parent.data.export' } }, async (request, reply) => {
    const data = await buildMyDataExport(deps, requireUser(request.user), 'html');
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <MyDataPage ctx={pageContext(request, reply, deps)} data={data} />);
  });

  app.get(
    '/parent/my-data/export.json',
    { config: { action: 'parent.data.export' } },
    async (request, reply) => {
      const data = await buildMyDataExport(deps, requireUser(request.user), 'json');
      const name = `my-data-${data.family?.fileNumber ?? 'account'}-${deps.clock.today()}.json`;
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${name}"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.get('/parent/my-data/delete', { config: { action: 'parent.account.delete' } }, (request, reply) =>
    sendPage(reply, <DeleteAccountPage ctx={pageContext(request, reply, deps)} form={emptyForm} />),
  );

  app.post(
    '/parent/my-data/delete',
    { config: { action: 'parent.account.delete', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(DeleteAccountForm, request.body);
      const result = parsed.ok
        ? await deleteAccount(deps, requireUser(request.user), parsed.value.password)
        : undefined;
      if (!result?.ok) {
        const form = parsed.ok
          ? failedForm(request.body, result?.ok === false ? result.errors : {})
          : parsed.form;
        return sendPage(
          reply,
          <DeleteAccountPage ctx={pageContext(request, reply, deps)} form={form} />,
          400,
        );
      }
      // The account's sessions ended with it; this page is the last one it sees.
      clearSessionCookie(reply, deps);
      request.user = undefined;
      const ctx = pageContext(request, reply, deps);
      const t = messages[ctx.lang];
      return sendPage(reply, MessagePage({ ctx, title: t.deletedTitle, body: t.deletedBody }));
    },
  );
}
