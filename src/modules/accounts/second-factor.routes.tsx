import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { homePathFor, isStaff } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { safeRedirectPath } from '../../platform/http/redirects.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { MessagePage } from '../../platform/views/message-page.tsx';
import { ResetSecondFactorForm, SecondFactorForm } from './accounts.schemas.ts';
import { messages } from './second-factor.messages.ts';
import {
  confirmEnrolment,
  enrolmentSecret,
  resetSecondFactor,
  verifySecondFactor,
} from './second-factor.service.ts';
import { CodePage, EnrolPage, RecoveryCodesPage, ResetPage } from './second-factor.views.tsx';

type NextQuery = { Querystring: { next?: unknown } };
// As many tries a minute as the log-in form; wrong codes also lock the step (the service).
const CODE_LIMIT = { max: 20, timeWindow: '1 minute' };

/**
 * A request for a second-step page when that is not the step due: home for a full session, the
 * other step, or (no session: the routes are public like the log-in) a page pointing to the log-in.
 */
function elsewhere(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, step: 'code' | 'enrol') {
  if (request.user) return reply.redirect(homePathFor(request.user), 303);
  const pending = request.pendingUser;
  if (pending && pending.step !== step) return reply.redirect(`/login/${pending.step}`, 303);
  const ctx = pageContext(request, reply, deps);
  const t = messages[ctx.lang];
  const page = MessagePage({
    ctx,
    title: t.noStepTitle,
    body: t.noStepBody,
    link: { href: '/login', label: t.loginLink },
  });
  return sendPage(reply, page, request.method === 'GET' ? 200 : 400);
}

/** The second step of a log-in, enrolment from the account page, and the admin's reset (ADR 0020). */
export function registerSecondFactorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const codePage = (request: FastifyRequest, reply: FastifyReply, form: FormState, next?: string) =>
    sendPage(
      reply,
      <CodePage ctx={pageContext(request, reply, deps)} form={form} next={next} />,
      form === emptyForm ? 200 : 400,
    );

  app.get<NextQuery>('/login/code', { config: { action: 'auth.secondFactor.code' } }, (request, reply) => {
    if (request.pendingUser?.step !== 'code') return elsewhere(request, reply, deps, 'code');
    return codePage(request, reply, emptyForm, safeRedirectPath(request.query.next));
  });

  app.post(
    '/login/code',
    { config: { action: 'auth.secondFactor.code', rateLimit: CODE_LIMIT } },
    async (request, reply) => {
      const pending = request.pendingUser;
      if (pending?.step !== 'code' || !request.sessionToken) return elsewhere(request, reply, deps, 'code');
      const parsed = parseForm(SecondFactorForm, request.body);
      if (!parsed.ok) return codePage(request, reply, parsed.form, safeRedirectPath(parsed.form.values.next));
      const result = await verifySecondFactor(deps, pending.id, parsed.value.code, request.sessionToken);
      if (!result.ok) {
        // One answer for a wrong code, a used recovery code and a locked step.
        return codePage(request, reply, failedForm({}, { code: 'secondFactorRefused' }), parsed.value.next);
      }
      return reply.redirect(parsed.value.next ?? '/account/home', 303);
    },
  );

  async function enrolPage(
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      userId: string;
      staff: boolean;
      action: '/login/enrol' | '/account/second-factor';
      form: FormState;
      next?: string;
    },
  ) {
    const ctx = pageContext(request, reply, deps);
    const enrolment = await enrolmentSecret(deps, o.userId);
    if (!enrolment) {
      const t = messages[ctx.lang];
      const body = MessagePage({
        ctx,
        title: t.alreadyOnTitle,
        body: t.alreadyOnBody,
        link: { href: '/account', label: t.backToAccount },
      });
      return sendPage(reply, body, 409);
    }
    return sendPage(
      reply,
      <EnrolPage
        ctx={ctx}
        form={o.form}
        action={o.action}
        staff={o.staff}
        secret={enrolment.secret}
        uri={enrolment.uri}
        qrSvg={enrolment.qrSvg}
        next={o.next}
      />,
      o.form === emptyForm ? 200 : 400,
    );
  }

  app.get<NextQuery>('/login/enrol', { config: { action: 'auth.secondFactor.enrol' } }, (request, reply) => {
    const pending = request.pendingUser;
    if (pending?.step !== 'enrol') return elsewhere(request, reply, deps, 'enrol');
    const next = safeRedirectPath(request.query.next);
    return enrolPage(request, reply, {
      userId: pending.id,
      staff: true,
      action: '/login/enrol',
      form: emptyForm,
      next,
    });
  });

  app.post(
    '/login/enrol',
    { config: { action: 'auth.secondFactor.enrol', rateLimit: CODE_LIMIT } },
    async (request, reply) => {
      const pending = request.pendingUser;
      if (pending?.step !== 'enrol' || !request.sessionToken) return elsewhere(request, reply, deps, 'enrol');
      const parsed = parseForm(SecondFactorForm, request.body);
      const o = { userId: pending.id, staff: true, action: '/login/enrol' as const };
      if (!parsed.ok) {
        return enrolPage(request, reply, {
          ...o,
          form: parsed.form,
          next: safeRedirectPath(parsed.form.values.next),
        });
      }
      const next = parsed.value.next;
      const result = await confirmEnrolment(deps, pending.id, parsed.value.code, request.sessionToken);
      if (!result.ok) {
        return enrolPage(request, reply, { ...o, form: failedForm({}, { code: 'secondFactorWrong' }), next });
      }
      const ctx = pageContext(request, reply, deps);
      return sendPage(
        reply,
        <RecoveryCodesPage ctx={ctx} codes={result.recoveryCodes} next={next ?? '/account/home'} />,
      );
    },
  );

  // From the account page: parents opt in; staff enrol here too when the configuration lets them
  // log in without one.
  app.get(
    '/account/second-factor',
    { config: { action: 'account.secondFactor' } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const staff = isStaff(user.grants);
      return enrolPage(request, reply, {
        userId: user.id,
        staff,
        action: '/account/second-factor',
        form: emptyForm,
      });
    },
  );

  app.post(
    '/account/second-factor',
    { config: { action: 'account.secondFactor', rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const user = requireUser(request.user);
      const o = { userId: user.id, staff: isStaff(user.grants), action: '/account/second-factor' as const };
      const parsed = parseForm(SecondFactorForm, request.body);
      if (!parsed.ok) return enrolPage(request, reply, { ...o, form: parsed.form });
      const result = await confirmEnrolment(deps, user.id, parsed.value.code, undefined);
      if (!result.ok)
        return enrolPage(request, reply, { ...o, form: failedForm({}, { code: 'secondFactorWrong' }) });
      const ctx = pageContext(request, reply, deps);
      return sendPage(reply, <RecoveryCodesPage ctx={ctx} codes={result.recoveryCodes} next="/account" />);
    },
  );

  const resetPage = (request: FastifyRequest, reply: FastifyReply, form: FormState, done = false) =>
    sendPage(
      reply,
      <ResetPage ctx={pageContext(request, reply, deps)} form={form} done={done} />,
      form === emptyForm ? 200 : 400,
    );

  app.get<{ Querystring: { done?: unknown } }>(
    '/admin/second-factor',
    { config: { action: 'admin.secondFactor.reset' } },
    (request, reply) => resetPage(request, reply, emptyForm, request.query.done === '1'),
  );

  app.post(
    '/admin/second-factor',
    { config: { action: 'admin.secondFactor.reset' } },
    async (request, reply) => {
      const admin = requireUser(request.user);
      const parsed = parseForm(ResetSecondFactorForm, request.body);
      if (!parsed.ok) return resetPage(request, reply, parsed.form);
      const result = await resetSecondFactor(deps, admin, parsed.value.email);
      if (!result.ok) {
        return resetPage(
          request,
          reply,
          failedForm({ email: parsed.value.email }, { email: 'staffAccountUnknown' }),
        );
      }
      return reply.redirect('/admin/second-factor?done=1', 303);
    },
  );
}
