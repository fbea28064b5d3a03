import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError, requireUser } from '../../platform/http/errors.ts';
import { failedForm, parseForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { emptyForm, type FormState } from '../../platform/views/forms.tsx';
import { deskMunicipalityOf } from '../families/index.ts';
import {
  getMunicipalityTemplate,
  getMunicipalityTemplateOverview,
  MailTemplatePage,
  MailTemplatesPage,
  previewTemplate,
  type RenderedMail,
  resetMunicipalityTemplate,
  saveMunicipalityTemplate,
  type TemplateEditor,
  TemplateForm,
  TemplateParams,
  type TemplateScope,
  templateErrors,
} from '../mail-templates/index.ts';
import { CONTENT_PATHS, ContentLayout } from './desk-content.layout.tsx';
import { contentMessages } from './desk-content.messages.ts';
import { getMunicipalityName } from './desk-content.service.ts';

const LIST = CONTENT_PATHS.mailTemplates;

type ListRoute = { Querystring: { done?: string } };
type TemplateRoute = { Params: { event: string; language: string } };

/** The desk's frame around the mail-template module's pages. */
function municipalityScope(ctx: PageContext, municipalityName: string): TemplateScope {
  return {
    level: 'municipality',
    listPath: LIST,
    title: contentMessages[ctx.lang].mailTemplatesTitle(municipalityName),
    Frame: (props) => (
      <ContentLayout ctx={props.ctx} title={props.title} section="mailTemplates">
        {props.children}
      </ContentLayout>
    ),
  };
}

function templateIds(params: { event: string; language: string }) {
  const parsed = TemplateParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError('template');
  return parsed.data;
}

/**
 * The municipality's default mail texts (the mail-templates module's pages at the municipality's
 * level): the overview, editing with preview, and back to the built-in text. Every save and reset
 * is audited; a location's own text still comes first for that location.
 */
export function registerDeskMailTemplateRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<ListRoute>(LIST, { config: { action: 'desk.content.read' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const municipalityId = deskMunicipalityOf(user);
    const [name, events] = await Promise.all([
      getMunicipalityName(deps, municipalityId),
      getMunicipalityTemplateOverview(deps, municipalityId),
    ]);
    const done = request.query.done;
    const notice = done === 'saved' || done === 'reset' ? done : undefined;
    const ctx = pageContext(request, reply, deps);
    return sendPage(
      reply,
      <MailTemplatesPage
        ctx={ctx}
        scope={municipalityScope(ctx, name)}
        events={events}
        {...(notice ? { notice } : {})}
      />,
    );
  });

  /** The page's data and a way to render it, for the one event and language of the address. */
  async function load(request: FastifyRequest<TemplateRoute>) {
    const user = requireUser(request.user);
    const ids = templateIds(request.params);
    const municipalityId = deskMunicipalityOf(user);
    const [name, data] = await Promise.all([
      getMunicipalityName(deps, municipalityId),
      getMunicipalityTemplate(deps, municipalityId, ids.event, ids.language),
    ]);
    const editor: TemplateEditor = { user, actorRole: 'desk', municipalityId };
    return { name, data, editor };
  }

  app.get<TemplateRoute>(
    `${LIST}/:event/:language`,
    { config: { action: 'desk.content.read' } },
    async (request, reply) => {
      const { name, data } = await load(request);
      const ctx = pageContext(request, reply, deps);
      return sendPage(
        reply,
        <MailTemplatePage ctx={ctx} scope={municipalityScope(ctx, name)} data={data} form={emptyForm} />,
      );
    },
  );

  app.post<TemplateRoute>(
    `${LIST}/:event/:language`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const { name, data, editor } = await load(request);
      const page = (form: FormState, preview?: RenderedMail) => {
        const ctx = pageContext(request, reply, deps);
        return (
          <MailTemplatePage
            ctx={ctx}
            scope={municipalityScope(ctx, name)}
            data={data}
            form={form}
            {...(preview ? { preview } : {})}
          />
        );
      };
      const parsed = parseForm(TemplateForm, request.body);
      if (!parsed.ok) return sendPage(reply, page(parsed.form), 400);
      if (parsed.value.intent === 'preview') {
        const errors = templateErrors(data.event, parsed.value);
        const form = failedForm(request.body, errors);
        if (Object.keys(errors).length > 0) return sendPage(reply, page(form), 400);
        return sendPage(reply, page(form, previewTemplate(data, parsed.value, deps.clock.today())));
      }
      const result = await saveMunicipalityTemplate(deps, editor, data, parsed.value);
      if (result.ok) return reply.redirect(`${LIST}?done=saved`, 303);
      return sendPage(reply, page(failedForm(request.body, result.errors)), 400);
    },
  );

  app.post<TemplateRoute>(
    `${LIST}/:event/:language/reset`,
    { config: { action: 'desk.content.manage' } },
    async (request, reply) => {
      const { data, editor } = await load(request);
      await resetMunicipalityTemplate(deps, editor, data);
      return reply.redirect(`${LIST}?done=reset`, 303);
    },
  );
}
