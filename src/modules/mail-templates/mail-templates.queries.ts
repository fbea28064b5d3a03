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
  const [row] = await db
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
    })
    .returning({ id: mailTemplates.id });
  if (!row) throw new Error('mail template not saved');
  return row.id;
}

export async function deleteLocationTemplate(
  db: Database,
  locationId: string,
  event: string,
  language: Language,
) {
  const [row] = await db
    .delete(mailTemplates)
    .where(
      and(
        eq(mailTemplates.providerLocationId, locationId),
        eq(mailTemplates.event, event),
        eq(mailTemplates.language, language),
      ),
    )
    .returning({ id: mailTemplates.id });
  return row?.id;
}

/** The municipality's own default texts (of one event, or all): no location's. */
export function getMunicipalityTemplateRows(db: Database, municipalityId: string, event?: string) {
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
        isNull(mailTemplates.providerLocationId),
        eq(mailTemplates.municipalityId, municipalityId),
        event ? eq(mailTemplates.event, event) : undefined,
      ),
    );
}

/** Saves the municipality's default text; its row id (for the audit row). */
export async function upsertMunicipalityTemplate(
  db: Database,
  values: {
    municipalityId: string;
    event: string;
    language: Language;
    subject: string;
    body: string;
    userId: string;
    at: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(mailTemplates)
    .values({
      municipalityId: values.municipalityId,
      event: values.event,
      language: values.language,
      subject: values.subject,
      body: values.body,
      updatedByUserId: values.userId,
      updatedAt: values.at,
    })
    .onConflictDoUpdate({
      target: [mailTemplates.municipalityId, mailTemplates.event, mailTemplates.language],
      targetWhere: sql`${mailTemplates.municipalityId} is not null`,
      set: {
        subject: values.subject,
        body: values.body,
        updatedByUserId: values.userId,
        updatedAt: values.at,
      },
    })
    .returning({ id: mailTemplates.id });
  if (!row) throw new Error('upsert failed');
  return row.id;
}

/** Removes the municipality's default text; the removed row's id, if there was one. */
export async function deleteMunicipalityTemplate(
  db: Database,
  municipalityId: string,
  event: string,
  language: Language,
): Promise<string | undefined> {
  const [row] = await db
    .delete(mailTemplates)
    .where(
      and(
        isNull(mailTemplates.providerLocationId),
        eq(mailTemplates.municipalityId, municipalityId),
        eq(mailTemplates.event, event),
        eq(mailTemplates.language, language),
      ),
    )
    .returning({ id: mailTemplates.id });
  return row?.id;
}
