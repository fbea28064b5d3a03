import type { FastifyInstance } from 'fastify';
import { homePathFor } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { ForgotPasswordForm, ResetPasswordForm } from './accounts.schemas.ts';
import { messages } from './recovery.messages.ts';
import { requestPasswordReset, resetLinkState, resetPassword } from './recovery.service.ts';
import {
  ForgotPasswordPage,
  ForgotPasswordSentPage,
  LinkProblemPage,
  linkProblemStatus,
  ResetPasswordPage,
} from './recovery.views.tsx';
import { clearSessionCookie } from './session-cookie.http.ts';
import { tokenParam } from './tokens.ts';
import { verifyEmail } from './verification.service.ts';

// Tokens travel in the query string, never in the path: the request log prints paths only.

/** The pages behind mailed links (confirm address, reset password) and "forgot password". */
export function registerRecoveryRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Querystring: { token?: string } }>(
    '/verify-email',
    { config: { action: 'auth.email.verify' } },
    async (request, reply) => {
      const outcome = await verifyEmail(deps, tokenParam(request.query.token));
      const ctx = pageContext(request, reply, deps);
      const t = messages[ctx.lang];
      if (outcome === 'verified' || outcome === 'alreadyVerified') {
        const link = request.user
          ? { href: homePathFor(request.user), label: t.toHome }
          : { href: '/login', label: t.loginLink };
        const [title, body] =
          outcome === 'verified'
            ? [t.verifiedTitle, t.verifiedBody]
            : [t.alreadyVerifiedTitle, t.alreadyVerifiedBody];
        return sendPage(reply, MessagePage({ ctx, title, body, link }));
      }
      return sendPage(
        reply,
        <LinkProblemPage ctx={ctx} kind="verify" state={outcome} />,
        linkProblemStatus(outcome),
      );
    },
  );

  app.get('/forgot-password', { config: { action: 'auth.password.reset' } }, (request, reply) =>
    sendPage(reply, <ForgotPasswordPage ctx={pageContext(request, reply, deps)} form={emptyForm} />),
  );

  app.post(
    '/forgot-password',
    { config: { action: 'auth.password.reset', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(ForgotPasswordForm, request.body);
      if (!parsed.ok) {
        const ctx = pageContext(request, reply, deps);
        return sendPage(reply, <ForgotPasswordPage ctx={ctx} form={parsed.form} />, 400);
      }
      // The same answer, after the same time, whether or not the address has an account.
      await requestPasswordReset(deps, parsed.value.email);
      const ctx = pageContext(request, reply, deps);
      return sendPage(reply, <ForgotPasswordSentPage ctx={ctx} email={parsed.value.email} />);
    },
  );

  app.get<{ Querystring: { token?: string } }>(
    '/reset-password',
    { config: { action: 'auth.password.reset' } },
    async (request, reply) => {
      const token = tokenParam(request.query.token);
      const state = await resetLinkState(deps, token);
      const ctx = pageContext(request, reply, deps);
      if (state !== 'valid' || !token) {
        const problem = state === 'valid' ? 'invalid' : state;
        return sendPage(
          reply,
          <LinkProblemPage ctx={ctx} kind="reset" state={problem} />,
          linkProblemStatus(problem),
        );
      }
      return sendPage(reply, <ResetPasswordPage ctx={ctx} form={emptyForm} token={token} />);
    },
  );

  app.post(
    '/reset-password',
    { config: { action: 'auth.password.reset', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = parseForm(ResetPasswordForm, request.body);
      if (!parsed.ok) {
        const token = tokenParam(parsed.form.values.token);
        const state = await resetLinkState(deps, token);
        const ctx = pageContext(request, reply, deps);
        if (state !== 'valid' || !token) {
          const problem = state === 'valid' ? 'invalid' : state;
          return sendPage(
            reply,
            <LinkProblemPage ctx={ctx} kind="reset" state={problem} />,
            linkProblemStatus(problem),
          );
        }
        return sendPage(reply, <ResetPasswordPage ctx={ctx} form={parsed.form} token={token} />, 400);
      }
      const result = await resetPassword(deps, parsed.value.token, parsed.value.password);
      if (!result.ok) {
        const ctx = pageContext(request, reply, deps);
        const problem = result.state === 'valid' ? 'invalid' : result.state;
        return sendPage(
          reply,
          <LinkProblemPage ctx={ctx} kind="reset" state={problem} />,
          linkProblemStatus(problem),
        );
      }
      // Every session of the account ended, this browser's too if it was logged in to it.
      if (request.user?.id === result.userId) clearSessionCookie(reply, deps);
      return reply.redirect('/reset-password/done', 303);
    },
  );

  app.get('/reset-password/done', { config: { action: 'auth.password.reset' } }, (request, reply) => {
    const ctx = pageContext(request, reply, deps);
    const t = messages[ctx.lang];
    return sendPage(
      reply,
      MessagePage({
        ctx,
        title: t.resetDoneTitle,
        body: t.resetDoneBody,
        link: { href: '/login', label: t.loginLink },
      }),
    );
  });
}
