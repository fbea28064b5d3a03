import type { FastifyInstance } from 'fastify';

import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { tokenParam } from '../accounts/index.ts';
import { TakeOverPage } from './family.views.tsx';
import { acceptTakeOver, getInvitation } from './take-over.service.ts';

/** The link in a hand-over invitation: the parent takes the family file over with an account. */
export function registerTakeOverRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Querystring: { token?: string } }>(
    '/take-over',
    { config: { action: 'family.takeOver.view' } },
    async (request, reply) => {
      const token = tokenParam(request.query.token) ?? '';
      const invitation = await getInvitation(deps, token);
      const ctx = pageContext(request, reply, deps);
      return sendPage(
        reply,
        <TakeOverPage
          ctx={ctx}
          token={token}
          fileNumber={invitation?.fileNumber}
          loggedIn={Boolean(request.user)}
          form={emptyForm}
        />,
        invitation ? 200 : 404,
      );
    },
  );

  app.post('/take-over', { config: { action: 'family.takeOver' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = tokenParam(body.token) ?? '';
    const result = await acceptTakeOver(deps, user, token);
    if (result.ok) return reply.redirect('/parent', 303);
    const invitation = await getInvitation(deps, token);
    const form: FormState = { values: {}, errors: result.error === 'invalid' ? {} : { form: result.error } };
    return sendPage(
      reply,
      <TakeOverPage
        ctx={pageContext(request, reply, deps)}
        token={token}
        fileNumber={invitation?.fileNumber}
        loggedIn
        form={form}
      />,
      result.error === 'invalid' ? 404 : 400,
    );
  });
}
