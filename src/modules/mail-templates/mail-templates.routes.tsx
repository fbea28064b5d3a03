import type { FastifyInstance } from 'fastify';

import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { type ProviderLocationId, parseId } from '../../shared/ids.ts';
import { TemplateForm, TemplateParams } from './mail-templates.schemas.ts';
import {
  getTemplate,
  getTemplateOverview,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  templateErrors,
} from './mail-templates.service.ts';
import type { RenderedMail } from './mail-templates.texts.ts';
import { locationScope, MailTemplatePage, MailTemplatesPage } from './mail-templates.views.tsx';

type ListParams = { Params: { locationId: string }; Querystring: { done?: string } };
type TemplateParamsRoute = { Params: { locationId: string; event: string; language: string } };

function templateIds(params: { locationId: string; event: string; language: string }) {
  const locationId = parseId<ProviderLocationId>(params.locationId);
  const parsed = TemplateParams.safeParse(params);
  if (!locationId || !parsed.success) throw new NotFoundError('template');
  return { locationId, ...parsed.data };
}

/** The location's mail texts: overview, edit with preview, back to the standard text. */
export function registerMailTemplateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const config = { config: { action: 'provider.settings.edit' as const } };
  const base = '/provider/locations/:locationId/mail-templates';

  app.get<ListParams>(base, config, async (request, reply) => {
    const locationId = parseId<ProviderLocationId>(request.params.locationId);
    if (!locationId) throw new NotFoundError();
    const data = await getTemplateOverview(deps, requireUser(request.user), locationId);
    const done = request.query.done;
    const notice = done === 'saved' || done === 'reset' ? done : undefined;
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <MailTemplatesPage
        ctx={ctx}
        scope={locationScope(ctx, data.location)}
        events={data.events}
        {...(notice ? { notice } : {})}
      />,
    );
  });

  app.get<TemplateParamsRoute>(`${base}/:event/:language`, config, async (request, reply) => {
    const ids = templateIds(request.params);
    const data = await getTemplate(deps, requireUser(request.user), ids.locationId, ids.event, ids.language);
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <MailTemplatePage ctx={ctx} scope={locationScope(ctx, data.location)} data={data} form={emptyForm} />,
    );
  });

  app.post<TemplateParamsRoute>(`${base}/:event/:language`, config, async (request, reply) => {
    const user = requireUser(request.user);
    const ids = templateIds(request.params);
    const data = await getTemplate(deps, user, ids.locationId, ids.event, ids.language);
    const ctx = () => pageContext(request, reply, deps);
    const page = (form: FormState, preview?: RenderedMail) => {
      const c = ctx();
      return (
        <MailTemplatePage
          ctx={c}
          scope={locationScope(c, data.location)}
          data={data}
          form={form}
          {...(preview ? { preview } : {})}
        />
      );
    };
    const parsed = parseForm(TemplateForm, request.body);
    if (!parsed.ok) return sendPage(reply, page(parsed.form), 400);
    if (parsed.value.intent === 'preview') {
      const errors = templateErrors(ids.event, parsed.value);
      const form = failedForm(request.body, errors);
      if (Object.keys(errors).length > 0) return sendPage(reply, page(form), 400);
      return sendPage(reply, page(form, previewTemplate(data, parsed.value, deps.clock.today())));
    }
    const result = await saveTemplate(deps, user, data, parsed.value);
    if (result.ok)
      return reply.redirect(`/provider/locations/${ids.locationId}/mail-templates?done=saved`, 303);
    return sendPage(reply, page(failedForm(request.body, result.errors)), 400);
  });

  app.post<TemplateParamsRoute>(`${base}/:event/:language/reset`, config, async (request, reply) => {
    const ids = templateIds(request.params);
    const user = requireUser(request.user);
    const data = await getTemplate(deps, user, ids.locationId, ids.event, ids.language);
    await resetTemplate(deps, user, data);
    return reply.redirect(`/provider/locations/${ids.locationId}/mail-templates?done=reset`, 303);
  });
}
