import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import {
  EVENT_PLACEHOLDERS,
  effectiveTemplates,
  type RenderedMail,
  renderTemplateMail,
  TEMPLATE_EVENTS,
  type TemplateEvent,
  unknownPlaceholders,
} from './mail-templates.texts.ts';
import { handlingMessages } from '../request-handling/request-handling.messages.ts';
import * as q from '../request-handling/request-handling.queries.ts';
import type { TemplateInput } from '../request-handling/request-handling.schemas.ts';
import { type Errors, locationInScope, type Result } from '../provider-locations/provider-locations.service.ts';

/**
 * A location's own mail texts, per event and language. Not personal data, so no audit rows; the
 * author and time are kept on the template itself.
 */
export async function getTemplateOverview(deps: AppDeps, user: CurrentUser, locationId: string) {
  const location = await locationInScope(deps, user, 'provider.settings.edit', locationId);
  const rows = await q.getTemplateRows(deps.db, { locationId, municipalityId: location.municipalityId });
  return {
    location,
    events: TEMPLATE_EVENTS.map((event) => ({
      event,
      templates: effectiveTemplates(
        event,
        rows.filter((r) => r.event === event),
      ),
    })),
  };
}

export async function getTemplate(
  deps: AppDeps,
  user: CurrentUser,
  locationId: string,
  event: TemplateEvent,
  language: Language,
) {
  const location = await locationInScope(deps, user, 'provider.settings.edit', locationId);
  const rows = await q.getTemplateRows(
    deps.db,
    { locationId, municipalityId: location.municipalityId },
    event,
  );
  return {
    location,
    event,
    language,
    template: effectiveTemplates(event, rows)[language],
    placeholders: EVENT_PLACEHOLDERS[event],
  };
}

export type TemplatePageData = Awaited<ReturnType<typeof getTemplate>>;

/** The mail as a parent would get it, with example data in the template's language. */
export function previewTemplate(
  data: TemplatePageData,
  input: { subject: string; body: string },
  today: LocalDate,
): RenderedMail {
  const lang = data.language;
  const t = handlingMessages[lang];
  const reason = Object.fromEntries(
    LANGUAGES.map((l) => [l, handlingMessages[l].noPlaceReasons.full_for_period]),
  ) as Record<Language, string>;
  return renderTemplateMail(
    lang,
    input,
    {
      child: t.sampleChild,
      provider: data.location.name,
      startDate: addDays(today, 60),
      deadline: addDays(today, 7),
      reason,
    },
    { greetingName: 'Sofie', url: 'https://…/parent/requests/…', message: null },
  );
}

export function templateErrors(event: TemplateEvent, input: { subject: string; body: string }): Errors {
  const errors: Errors = {};
  if (unknownPlaceholders(event, input.subject).length > 0) errors.subject = 'unknownPlaceholder';
  if (unknownPlaceholders(event, input.body).length > 0) errors.body = 'unknownPlaceholder';
  return errors;
}

export async function saveTemplate(
  deps: AppDeps,
  user: CurrentUser,
  data: TemplatePageData,
  input: TemplateInput,
): Promise<Result<void>> {
  const errors = templateErrors(data.event, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await q.upsertLocationTemplate(deps.db, {
    locationId: data.location.id,
    event: data.event,
    language: data.language,
    subject: input.subject,
    body: input.body.replace(/\r\n/g, '\n'),
    userId: user.id,
    at: deps.clock.now(),
  });
  return { ok: true, value: undefined };
}

export async function resetTemplate(deps: AppDeps, data: TemplatePageData): Promise<void> {
  await q.deleteLocationTemplate(deps.db, data.location.id, data.event, data.language);
}
