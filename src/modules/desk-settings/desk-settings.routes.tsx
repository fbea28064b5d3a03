import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { requireUser } from '../../platform/http/errors.ts';
import { pageContext, sendPage } from '../../platform/http/setup.ts';
import { parseSettingsForm } from './desk-settings.schemas.ts';
import { formContext, getSettings, type SaveOutcome, saveSettings } from './desk-settings.service.ts';
import { SETTINGS_PATH, SettingsPage, storedValues } from './desk-settings.views.tsx';

type Route = { Querystring: { done?: string } };

const doneOf = (v: string | undefined): SaveOutcome | undefined =>
  v === 'saved' || v === 'unchanged' ? v : undefined;

/**
 * The desk's settings page for its own municipality. The POST saves everything or nothing: a
 * refused form answers 400 with the page, the values as typed and their messages; a saved one
 * redirects (303) to the page saying whether anything changed.
 */
export function registerDeskSettingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get<Route>(SETTINGS_PATH, { config: { action: 'desk.settings.read' } }, async (request, reply) => {
    const data = await getSettings(deps, requireUser(request.user));
    const done = doneOf(request.query.done);
    return sendPage(
      reply,
      <SettingsPage
        ctx={pageContext(request, reply, deps)}
        data={data}
        form={{ values: storedValues(data), errors: {} }}
        {...(done ? { done } : {})}
      />,
    );
  });

  app.post(SETTINGS_PATH, { config: { action: 'desk.settings.edit' } }, async (request, reply) => {
    const user = requireUser(request.user);
    const data = await getSettings(deps, user);
    const parsed = parseSettingsForm(request.body, formContext(deps, data));
    if (!parsed.ok)
      return sendPage(
        reply,
        <SettingsPage ctx={pageContext(request, reply, deps)} data={data} form={parsed.form} />,
        400,
      );
    const outcome = await saveSettings(deps, user, parsed.value);
    return reply.redirect(`${SETTINGS_PATH}?done=${outcome}`, 303);
  });
}
