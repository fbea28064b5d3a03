import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { families } from './families.ts';
import { municipalities } from './geography.ts';
import { intermediaryOrganisations } from './providers.ts';
import { requests } from './requests.ts';

/**
 * For families without e-mail: every event that would mail the parent becomes a task for the
 * intermediary who follows the family ("phone the family: offer from X, answer before …"), or,
 * for a family no intermediary follows, for the desk of the family's municipality.
 */
export const followUpTasks = pgTable(
  'follow_up_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    intermediaryOrganisationId: uuid().references(() => intermediaryOrganisations.id),
    /** Set instead of the organisation when the desk of this municipality phones the family. */
    municipalityId: uuid().references(() => municipalities.id),
    familyId: uuid()
      .notNull()
      .references(() => families.id),
    requestId: uuid().references(() => requests.id),
    /** The mail template that would have been sent, e.g. 'offer.made'. */
    kind: text().notNull(),
    /** Parameters of the task text (provider, deadline…), rendered in the staff member's language. */
    details: jsonb().$type<Record<string, string>>().notNull().default({}),
    dueDate: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    doneByUserId: uuid().references(() => users.id),
  },
  (t) => [
    index('follow_up_tasks_open_idx').on(t.intermediaryOrganisationId, t.doneAt),
    index('follow_up_tasks_desk_open_idx').on(t.municipalityId, t.createdAt).where(sql`${t.doneAt} is null`),
    check(
      'follow_up_tasks_owner_ck',
      sql`(${t.intermediaryOrganisationId} is null) <> (${t.municipalityId} is null)`,
    ),
  ],
);

/** A request being filled in through the wizard, kept server-side between steps. */
export const requestDrafts = pgTable('request_drafts', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  familyId: uuid().references(() => families.id),
  data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  step: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
