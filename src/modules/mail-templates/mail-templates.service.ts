import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import { locationInScope } from '../provider-locations/index.ts';
import { requestMessages } from '../requests/index.ts';
import { templateMessages } from './mail-templates.messages.ts';
import * as q from './mail-templates.queries.ts';
import type { TemplateInput } from './mail-templates.schemas.ts';
import {
  bracesBalanced,
  EVENT_PLACEHOLDERS,
  effectiveTemplates,
  type MailFacts,
  type RenderedMail,
  renderTemplateMail,
  TEMPLATE_EVENTS,
  type TemplateEvent,
  unknownPlaceholders,
} from './mail-templates.texts.ts';

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
  const t = templateMessages[lang];
  const reason = Object.fromEntries(
    LANGUAGES.map((l) => [l, requestMessages[l].noPlaceReasons.full_for_period]),
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
      // The offer mail always ends with the plan offered next to the one asked: show it too.
      ...(data.event === 'offer.made' ? { plan: samplePlan(addDays(today, 60)) } : {}),
    },
    { greetingName: 'Sofie', url: 'https://…/parent/requests/…', message: null },
  );
}

/** An example: four full days asked, Thursday offered as a half day. */
function samplePlan(start: LocalDate): NonNullable<MailFacts['plan']> {
  const days = { mon: 'full', tue: 'full', wed: 'none', thu: 'full', fri: 'full' } as const;
  const carePlan = { days, fixed: true, early: false, late: false };
  return {
    requested: { start, carePlan },
    offered: { start, carePlan: { ...carePlan, days: { ...days, thu: 'half' } } },
  };
}

export function templateErrors(event: TemplateEvent, input: { subject: string; body: string }): Errors {
  const errors: Errors = {};
  for (const field of ['subject', 'body'] as const) {
    if (!bracesBalanced(input[field])) errors[field] = 'unbalancedBraces';
    else if (unknownPlaceholders(event, input[field]).length > 0) errors[field] = 'unknownPlaceholder';
  }
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

/** The texts a parent gets for one event: the location's own, else its municipality's, else built in. */
export async function templatesOf(
  db: Database,
  location: { id: string; municipalityId: string },
  event: TemplateEvent,
) {
  const rows = await q.getTemplateRows(
    db,
    { locationId: location.id, municipalityId: location.municipalityId },
    event,
  );
  return effectiveTemplates(event, rows);
}
