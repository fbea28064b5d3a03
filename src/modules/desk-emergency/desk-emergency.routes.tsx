import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, isConfirmed, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { parseId, type RequestId } from '../../shared/ids.ts';
import { deskEmergencyMessages } from './desk-emergency.messages.ts';
import { ContactForm, FlagForm, ForwardForm } from './desk-emergency.schemas.ts';
import {
  addContact,
  assertDeskRequest,
  forwardRequest,
  getEmergencyPage,
  liftSocialEmergency,
  markSocialEmergency,
} from './desk-emergency.service.ts';
import {
  DeskEmergencyPage,
  type Done,
  type DoneKey,
  emergencyPath,
  type FailedForm,
  LiftConfirmPage,
} from './desk-emergency.views.tsx';

type Route = {
  Params: { requestId: string };
  Querystring: { done?: string; added?: string; already?: string; unmailed?: string };
};

const ACTION = { config: { action: 'desk.emergency.manage' } } as const;

function requestIdOf(params: { requestId: string }): RequestId {
  const id = parseId<RequestId>(params.requestId);
  if (!id) throw new NotFoundError('request');
  return id;
}

const count = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '0', 10);
  return Number.isSafeInteger(n) && n >= 0 && n < 1000 ? n : 0;
};

function doneOf(query: Route['Querystring']): Done | undefined {
  if (query.done === 'forwarded') {
    const added = count(query.added);
    const already = count(query.already);
    const unmailed = Math.min(count(query.unmailed), added);
    return added + already > 0 ? { key: 'forwarded', added, already, unmailed } : undefined;
  }
  const key = query.done;
  return key && Object.hasOwn(deskEmergencyMessages.nl.done, key) ? { key: key as DoneKey } : undefined;
}

/**
 * The desk's emergency follow-up of one request. Every POST redirects (303) to the page with a
 * message saying what happened, or re-renders the page with 400 and the failed form's messages.
 * Lifting the flag goes through a confirmation page; its POST acts only with its field.
 */
export function registerDeskEmergencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const base = '/desk/requests/:requestId/emergency';

  async function failed(
    request: FastifyRequest,
    reply: FastifyReply,
    user: CurrentUser,
    requestId: string,
    form: FailedForm,
  ) {
    const data = await getEmergencyPage(deps, user, requestId);
    const ctx = pageContext(request, reply, deps);
    return sendPage(reply, <DeskEmergencyPage ctx={ctx} data={data} failed={form} />, 400);
  }

  app.get<Route>(base, ACTION, async (request, reply) => {
    const requestId = requestIdOf(request.params);
    const data = await getEmergencyPage(deps, requireUser(request.user), requestId);
    const done = doneOf(request.query);
    return sendPage(
      reply,
      <DeskEmergencyPage ctx={pageContext(request, reply, deps)} data={data} {...(done ? { done } : {})} />,
    );
  });

  app.post<Route>(base, ACTION, async (request, reply) => {
    const user = requireUser(request.user);
    const requestId = requestIdOf(request.params);
    const parsed = parseForm(FlagForm, request.body);
    if (!parsed.ok) return failed(request, reply, user, requestId, { form: 'flag', state: parsed.form });
    const result = await markSocialEmergency(deps, user, requestId, parsed.value);
    if (!result.ok)
      return failed(request, reply, user, requestId, {
        form: 'flag',
        state: failedForm(request.body, result.errors),
      });
    return reply.redirect(`${emergencyPath(requestId)}?done=${result.value}`, 303);
  });

  app.get<Route>(`${base}/lift`, ACTION, async (request, reply) => {
    const requestId = requestIdOf(request.params);
    const data = await getEmergencyPage(deps, requireUser(request.user), requestId);
    if (!data.file.socialReason) return reply.redirect(emergencyPath(requestId), 303);
    return sendPage(reply, <LiftConfirmPage ctx={pageContext(request, reply, deps)} data={data} />);
  });

  app.post<Route>(`${base}/lift`, ACTION, async (request, reply) => {
    const user = requireUser(request.user);
    const requestId = requestIdOf(request.params);
    // Not from the confirmation page: nothing happens yet, the user is sent there (for a request
    // of their own municipality; another's is not found, as everywhere).
    if (!isConfirmed(request.body)) {
      await assertDeskRequest(deps, user, requestId);
      return reply.redirect(`${emergencyPath(requestId)}/lift`, 303);
    }
    const result = await liftSocialEmergency(deps, user, requestId);
    if (!result.ok)
      return failed(request, reply, user, requestId, {
        form: 'flag',
        state: failedForm(request.body, result.errors),
      });
    return reply.redirect(`${emergencyPath(requestId)}?done=lifted`, 303);
  });

  app.post<Route>(`${base}/contacts`, ACTION, async (request, reply) => {
    const user = requireUser(request.user);
    const requestId = requestIdOf(request.params);
    const parsed = parseForm(ContactForm, request.body);
    if (!parsed.ok) return failed(request, reply, user, requestId, { form: 'contact', state: parsed.form });
    await addContact(deps, user, requestId, parsed.value);
    return reply.redirect(`${emergencyPath(requestId)}?done=contact`, 303);
  });

  app.post<Route>(`${base}/forward`, ACTION, async (request, reply) => {
    const user = requireUser(request.user);
    const requestId = requestIdOf(request.params);
    const parsed = parseForm(ForwardForm, request.body);
    if (!parsed.ok) return failed(request, reply, user, requestId, { form: 'forward', state: parsed.form });
    const result = await forwardRequest(deps, user, requestId, parsed.value.locations);
    if (!result.ok)
      return failed(request, reply, user, requestId, {
        form: 'forward',
        state: failedForm(request.body, result.errors),
      });
    const { added, already, unmailed } = result.value;
    const told = unmailed > 0 ? `&unmailed=${unmailed}` : '';
    return reply.redirect(
      `${emergencyPath(requestId)}?done=forwarded&added=${added}&already=${already}${told}`,
      303,
    );
  });
}
