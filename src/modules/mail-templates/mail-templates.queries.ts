import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { type Database, schema } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n/index.ts';

const { mailTemplates } = schema;

/** The location's and its municipality's texts (of one event, or all). */
export function getTemplateRows(
  db: Database,
  scope: { locationId: string; municipalityId: string },
  event?: string,
) {
  return db
    .select({
      providerLocationId: mailTemplates.providerLocationId,
      event: mailTemplates.event,
      language: mailTemplates.language,
      subject: mailTemplates.subject,
      body: mailTemplates.body,
    })
    .from(mailTemplates)
    .where(
      and(
        or(
          eq(mailTemplates.providerLocationId, scope.locationId),
          and(
            isNull(mailTemplates.providerLocationId),
            eq(mailTemplates.municipalityId, scope.municipalityId),
          ),
        ),
        event ? eq(mailTemplates.event, event) : undefined,
      ),
    );
}

export async function upsertLocationTemplate(
  db: Database,
  values: {
    locationId: string;
    event: string;
    language: Language;
    subject: string;
    body: string;
    userId: string;
    at: Date;
  },
) {
  await db
    .insert(mailTemplates)
    .values({
      providerLocationId: values.locationId,
      event: values.event,
      language: values.language,
      subject: values.subject,
      body: values.body,
      updatedByUserId: values.userId,
      updatedAt: values.at,
    })
    .onConflictDoUpdate({
      target: [mailTemplates.providerLocationId, mailTemplates.event, mailTemplates.language],
      targetWhere: sql`${mailTemplates.providerLocationId} is not null`,
      set: {
        subject: values.subject,
        body: values.body,
        updatedByUserId: values.userId,
        updatedAt: values.at,
      },
    });
}

export async function deleteLocationTemplate(
  db: Database,
  locationId: string,
  event: string,
  language: Language,
) {
  await db
    .delete(mailTemplates)
    .where(
      and(
        eq(mailTemplates.providerLocationId, locationId),
        eq(mailTemplates.event, event),
        eq(mailTemplates.language, language),
      ),
    );
}
