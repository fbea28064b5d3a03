import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { parseId, type UserId } from '../../shared/ids.ts';
import { ResetSecondFactorForm } from './accounts.schemas.ts';
import { messages } from './deactivation.messages.ts';
import { findStaffAccountByEmail, getStaffAccount, setStaffAccountActive } from './deactivation.service.ts';
import { ACCOUNTS_PATH, AccountsPage, accountPath, ChangeConfirmPage } from './deactivation.views.tsx';

type AccountRoute = { Params: { userId: string }; Querystring: { done?: unknown } };

async function accountOf(deps: AppDeps, params: { userId: string }) {
  const id = parseId<UserId>(params.userId);
  const account = id ? await getStaffAccount(deps, id) : undefined;
  if (!account) throw new NotFoundError();
  return account;
}

/**
 * The platform admin's staff accounts: find one by e-mail address, see it, deactivate or reactivate
 * it behind a confirmation page (ADR 0020's sessions end at once on deactivation). A POST without
 * the confirmation page's field sends the admin to that page.
 */
export function registerDeactivationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const read = { config: { action: 'admin.accounts.read' as const } };
  const manage = { config: { action: 'admin.accounts.manage' as const } };

  const searchPage = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(reply, <AccountsPage ctx={pageContext(request, reply, deps)} form={form} />, status);

  app.get(ACCOUNTS_PATH, read, (request, reply) => searchPage(request, reply, emptyForm));

  app.post(ACCOUNTS_PATH, read, async (request, reply) => {
    const parsed = parseForm(ResetSecondFactorForm, request.body);
    if (!parsed.ok) return searchPage(request, reply, parsed.form, 400);
    const account = await findStaffAccountByEmail(deps, parsed.value.email);
    if (!account)
      return searchPage(
        request,
        reply,
        failedForm({ email: parsed.value.email }, { email: 'staffAccountUnknown' }),
        400,
      );
    return reply.redirect(accountPath(account.id), 303);
  });

  app.get<AccountRoute>(`${ACCOUNTS_PATH}/:userId`, read, async (request, reply) => {
    const account = await accountOf(deps, request.params);
    const t = messages[request.lang];
    const { done } = request.query;
    const notice =
      done === 'deactivated' && account.deactivatedAt
        ? t.doneDeactivated(account.displayName)
        : done === 'reactivated' && !account.deactivatedAt
          ? t.doneReactivated(account.displayName)
          : undefined;
    return sendPage(
      reply,
      <AccountsPage
        ctx={pageContext(request, reply, deps)}
        form={emptyForm}
        account={account}
        isOwn={account.id === requireUser(request.user).id}
        notice={notice}
      />,
    );
  });

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    const path = `${ACCOUNTS_PATH}/:userId/${verb}`;
    app.get<AccountRoute>(path, manage, async (request, reply) => {
      const account = await accountOf(deps, request.params);
      if (account.id === requireUser(request.user).id) return reply.redirect(accountPath(account.id), 303);
      return sendPage(
        reply,
        <ChangeConfirmPage ctx={pageContext(request, reply, deps)} account={account} active={active} />,
      );
    });

    app.post<AccountRoute>(path, manage, async (request, reply) => {
      const account = await accountOf(deps, request.params);
      if (!isConfirmed(request.body)) return reply.redirect(`${accountPath(account.id)}/${verb}`, 303);
      const outcome = await setStaffAccountActive(deps, requireUser(request.user), account.id, active);
      if (outcome === 'missing') throw new NotFoundError();
      const done = outcome === 'done' ? `?done=${active ? 'reactivated' : 'deactivated'}` : '';
      return reply.redirect(`${accountPath(account.id)}${done}`, 303);
    });
  }
}
