import { type AuditEntry, recordAudit } from '../../platform/audit/index.ts';
import type { CurrentUser } from '../../platform/auth/actions.ts';
import type { Database } from '../../platform/db/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Errors, Result } from '../../platform/i18n/common.ts';
import { LANGUAGES, type Language } from '../../platform/i18n/index.ts';
import { addDays, type LocalDate } from '../../shared/dates.ts';
import { locationInScope, staffRole } from '../provider-locations/index.ts';
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
 * A location's own mail texts, per event and language. Not personal data; the author and time are
 * kept on the template, and every save or reset writes an audit row (no family named), as the
 * municipality's texts do.
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
    providerName: location.name,
    event,
    language,
    template: effectiveTemplates(event, rows)[language],
    placeholders: EVENT_PLACEHOLDERS[event],
  };
}

export type TemplatePageData = Awaited<ReturnType<typeof getTemplate>>;

/** What the edit page and the preview need, at either level (a location or a municipality). */
export type TemplateEditData = Omit<TemplatePageData, 'location'>;

/** The mail as a parent would get it, with example data in the template's language. */
export function previewTemplate(
  data: TemplateEditData,
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
      provider: data.providerName,
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
  await deps.db.transaction(async (tx) => {
    const id = await q.upsertLocationTemplate(tx, {
      locationId: data.location.id,
      event: data.event,
      language: data.language,
      subject: input.subject,
      body: input.body.replace(/\r\n/g, '\n'),
      userId: user.id,
      at: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, locationTemplateAudit(user, data, id, 'saved'));
  });
  return { ok: true, value: undefined };
}

/** Back to the municipality's or the built-in text (audited when there was a text to remove). */
export async function resetTemplate(deps: AppDeps, user: CurrentUser, data: TemplatePageData): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const id = await q.deleteLocationTemplate(tx, data.location.id, data.event, data.language);
    if (id) await recordAudit(tx, deps.clock, locationTemplateAudit(user, data, id, 'reset'));
  });
}

/** The audit row of a change to a location's own text, as the municipality's are written. */
function locationTemplateAudit(
  user: CurrentUser,
  data: TemplatePageData,
  id: string,
  change: 'saved' | 'reset',
): AuditEntry {
  return {
    actorUserId: user.id,
    actorRole: staffRole(user, data.location.id),
    action: 'provider.settings.edit',
    subjectType: 'mail_template',
    subjectId: id,
    details: {
      change,
      level: 'location',
      location: data.location.id,
      event: data.event,
      language: data.language,
    },
  };
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

// ——— The municipality's default texts (the desk's pages) ———

/**
 * The municipality's default texts, per event and language: its own where the desk wrote one,
 * else the built-in text. A location's own text still comes first for that location.
 */
export async function getMunicipalityTemplateOverview(deps: AppDeps, municipalityId: string) {
  const rows = await q.getMunicipalityTemplateRows(deps.db, municipalityId);
  return TEMPLATE_EVENTS.map((event) => ({
    event,
    templates: effectiveTemplates(
      event,
      rows.filter((r) => r.event === event),
    ),
  }));
}

export async function getMunicipalityTemplate(
  deps: AppDeps,
  municipalityId: string,
  event: TemplateEvent,
  language: Language,
): Promise<TemplateEditData> {
  const rows = await q.getMunicipalityTemplateRows(deps.db, municipalityId, event);
  return {
    // The preview names an example location: the text serves all of the municipality's.
    providerName: templateMessages[language].sampleProvider,
    event,
    language,
    template: effectiveTemplates(event, rows)[language],
    placeholders: EVENT_PLACEHOLDERS[event],
  };
}

/** Who changes a municipality's text, for the audit row. */
export type TemplateEditor = { user: CurrentUser; actorRole: 'desk'; municipalityId: string };

/** Saves the municipality's default text, with its audit row in the same transaction. */
export async function saveMunicipalityTemplate(
  deps: AppDeps,
  editor: TemplateEditor,
  data: TemplateEditData,
  input: TemplateInput,
): Promise<Result<void>> {
  const errors = templateErrors(data.event, input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await deps.db.transaction(async (tx) => {
    const id = await q.upsertMunicipalityTemplate(tx, {
      municipalityId: editor.municipalityId,
      event: data.event,
      language: data.language,
      subject: input.subject,
      body: input.body.replace(/\r\n/g, '\n'),
      userId: editor.user.id,
      at: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, {
      actorUserId: editor.user.id,
      actorRole: editor.actorRole,
      action: 'desk.content.manage',
      subjectType: 'mail_template',
      subjectId: id,
      details: { change: 'saved', level: 'municipality', event: data.event, language: data.language },
    });
  });
  return { ok: true, value: undefined };
}

/** Back to the built-in text for the municipality (audited when there was a text to remove). */
export async function resetMunicipalityTemplate(
  deps: AppDeps,
  editor: TemplateEditor,
  data: TemplateEditData,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const id = await q.deleteMunicipalityTemplate(tx, editor.municipalityId, data.event, data.language);
    if (!id) return;
    await recordAudit(tx, deps.clock, {
      actorUserId: editor.user.id,
      actorRole: editor.actorRole,
      action: 'desk.content.manage',
      subjectType: 'mail_template',
      subjectId: id,
      details: { change: 'reset', level: 'municipality', event: data.event, language: data.language },
    });
  });
}
